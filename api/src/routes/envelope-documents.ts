import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, AppErrorCode } from '@signet/shared';
import type { ApiContext } from '../context';
import type { DocumentVariant } from '../use-cases/get-envelope-document';
import { DOCUMENT_VARIANTS, getEnvelopeDocument } from '../use-cases/get-envelope-document';
import { attachmentDisposition } from './content-disposition';
import { documentIndexParam, envelopeIdParam } from './request-parts';

function variantParam(request: FastifyRequest): DocumentVariant {
  const variant = (request.params as { variant?: string }).variant;
  if (!(DOCUMENT_VARIANTS as readonly string[]).includes(variant ?? '')) {
    throw new AppError(AppErrorCode.DOCUMENT_NOT_FOUND, { message: `use one of ${DOCUMENT_VARIANTS.join(', ')}` });
  }
  return variant as DocumentVariant;
}

/** `GET /api/v1/envelopes/:id/documents/:index/:variant` (original | signed | evidence), for the sender or an admin. */
export function registerEnvelopeDocumentRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.get('/envelopes/:id/documents/:index/:variant', async (request, reply) => {
    const file = await getEnvelopeDocument(
      ctx,
      envelopeIdParam(request),
      documentIndexParam(request),
      variantParam(request),
    );
    return reply
      .header('Content-Type', 'application/pdf')
      .header('Content-Disposition', attachmentDisposition(file.name))
      .header('X-Content-Type-Options', 'nosniff')
      .header('Cache-Control', 'private, no-store')
      .send(file.bytes);
  });
}
