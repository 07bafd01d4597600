import type { FastifyInstance } from 'fastify';
import { getOpenApiDocument } from '../openapi/openapi-document';
import { renderDocsPage } from '../openapi/render-docs-page';

/** The page has no script and loads nothing: inline styles are all it may use. */
const PAGE_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/**
 * `GET /api/docs/openapi.json` (the OpenAPI 3.1 document) and `GET /api/docs` (it, rendered as a page).
 * Public and read-only: registered outside the `/api/v1` sender scope, so no token is asked for. The page
 * is rendered once; the document never changes while the process runs.
 */
export function registerDocsRoutes(app: FastifyInstance): void {
  let page: string | undefined;
  app.get('/api/docs/openapi.json', (_request, reply) =>
    reply.header('X-Content-Type-Options', 'nosniff').send(getOpenApiDocument()),
  );
  app.get('/api/docs', (_request, reply) => {
    page ??= renderDocsPage(getOpenApiDocument());
    return reply.headers(PAGE_HEADERS).send(page);
  });
}
