import type { TCreateEnvelopeRequest, TCreateEnvelopeResponse } from '@signet/shared';
import { EnvelopeStatus as Status } from '@signet/shared';
import { buildEnvelopeInput, checkEnvelopeRequest } from '../build-envelope-input';
import type { ApiContext } from '../context';
import type { UploadedFile } from '../documents/check-documents';
import { checkDocuments, storeDocuments } from '../documents/check-documents';
import { startEnvelopeWorkflow } from '../temporal/start-envelope-workflow';

export type CreateEnvelopeInput = {
  /** Already parsed with ZCreateEnvelopeRequestSchema. */
  request: TCreateEnvelopeRequest;
  /** Files from a multipart upload (empty for library documents only). */
  uploads: UploadedFile[];
};

/** API paths of an envelope's resources. */
export function envelopeLinks(envelopeId: string): TCreateEnvelopeResponse['links'] {
  const self = `/api/v1/envelopes/${encodeURIComponent(envelopeId)}`;
  return {
    self,
    cancel: `${self}/cancel`,
    extend: `${self}/extend`,
    remind: `${self}/remind`,
    recipients: `${self}/recipients`,
  };
}

/**
 * Sends an envelope. Everything is checked before anything is written: request rules, then every document.
 * Only then are uploads saved and the workflow started; if the start fails, the saved uploads are removed
 * again, so a failed create leaves nothing behind.
 */
export async function createEnvelope(ctx: ApiContext, input: CreateEnvelopeInput): Promise<TCreateEnvelopeResponse> {
  const { request, uploads } = input;
  const nowMs = ctx.now();
  const terms = checkEnvelopeRequest(request, { config: ctx.config, nowMs, recipientAuth: ctx.config.recipientAuth });
  const libraryPaths = request.documents.map((d) => d.libraryPath);
  const checked = await checkDocuments(ctx.library, libraryPaths, uploads, {
    maxBytes: ctx.config.maxUploadBytes,
    maxPages: ctx.config.maxPages,
  });

  const envelopeId = request.envelopeId ?? ctx.newId();
  const saved: string[] = [];
  try {
    const documents = await storeDocuments(ctx.library, checked, ctx.newId, saved);
    const workflowInput = buildEnvelopeInput(request, terms, documents, {
      envelopeId,
      config: ctx.config,
      nowMs,
      newId: ctx.newId,
      sourceLibrary: ctx.library.id,
    });
    await startEnvelopeWorkflow(ctx, workflowInput);
    return { envelopeId, status: Status.PENDING, links: envelopeLinks(envelopeId) };
  } catch (error) {
    await removeUploads(ctx, saved);
    throw error;
  }
}

async function removeUploads(ctx: ApiContext, paths: string[]): Promise<void> {
  for (const path of paths) {
    try {
      await ctx.library.remove(path);
    } catch (error) {
      // The original error matters more; an orphaned upload is logged for clean-up.
      ctx.logger.warn('could not remove upload after a failed create', { path, error: String(error) });
    }
  }
}
