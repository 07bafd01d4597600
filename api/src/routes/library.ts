import type { FastifyInstance } from 'fastify';
import type { ApiContext } from '../context';
import { listLibraryDocuments } from '../use-cases/list-library-documents';

/** `GET /api/v1/library` (token-protected): the library's documents with their envelope status. */
export function registerLibraryRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.get('/library', async () => listLibraryDocuments(ctx));
}
