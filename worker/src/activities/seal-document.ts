import type { SealDocumentInput, SealDocumentResult } from '@signet/workflows';
import { sealPdf } from '../pdf/seal-pdf';
import type { ActivityDeps } from './activity-deps';

/**
 * Appends the signature page to the original and stages the result outside the visible library. The
 * original is only read, never written. Sealing is deterministic, so a retry stages identical bytes
 * under the same key.
 */
export async function sealDocument(deps: ActivityDeps, input: SealDocumentInput): Promise<SealDocumentResult> {
  const original = await deps.library.read(input.document.ref.path);
  const sealed = await sealPdf({
    original,
    envelopeId: input.envelopeId,
    subject: input.subject,
    documentName: input.document.name,
    completedAt: input.completedAt,
    signatures: input.signatures,
    ...(input.senderTimeZone ? { senderTimeZone: input.senderTimeZone } : {}),
  });
  const stagedKey = await deps.library.stage(input.envelopeId, input.document.documentId, Buffer.from(sealed.bytes));
  deps.logger.info('document sealed', {
    envelopeId: input.envelopeId,
    documentId: input.document.documentId,
    sealedSha256: sealed.sealedSha256,
  });
  return { originalSha256: sealed.originalSha256, sealedSha256: sealed.sealedSha256, stagedKey };
}
