import type { FastifyInstance } from 'fastify';
import type { ApiContext } from '../context';
import { verifyDocument } from '../use-cases/verify-document';
import { readVerifyUpload } from './read-verify-upload';

/** `POST /api/v1/verify` (token-protected, multipart): the signatures and seals of one PDF, as JSON. */
export function registerVerifyRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.post('/verify', async (request) =>
    verifyDocument(ctx, await readVerifyUpload(request, ctx.config.maxUploadBytes)),
  );
}
