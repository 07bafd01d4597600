import { validate } from '@readme/openapi-parser';
import type { RouteOptions } from 'fastify';
import { APP_ERROR_CODES, auditTrailJson, ZAuditTrailJsonSchema } from '@signet/shared';
import { createTestApp } from '../test-support/test-app';
import { makeEnvelopeView } from '../test-support/envelope-view';
import { SESSION_COOKIE } from '../sender-session/session-cookie';
import { getOpenApiDocument } from './openapi-document';

/** `/envelopes/:id/recipients/:recipientId` → `/envelopes/{id}/recipients/{recipientId}` (OpenAPI's form). */
function openApiPath(fastifyUrl: string): string {
  return fastifyUrl.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

/**
 * Every `METHOD /path` the `/api/v1` plugins register (HEAD excluded: fastify adds one to every GET), and
 * whether a documented operation is a real route.
 */
async function inspectRoutes(documented: string[]): Promise<{ apiRoutes: string[]; notRoutes: string[] }> {
  const { app } = createTestApp();
  const apiRoutes: string[] = [];
  // Added before ready(): the sender and recipient plugins register their routes while loading.
  app.addHook('onRoute', (route: RouteOptions) => {
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD' && route.url.startsWith('/api/v1/')) apiRoutes.push(`${method} ${openApiPath(route.url)}`);
    }
  });
  await app.ready();
  const notRoutes = documented.filter((operation) => {
    const [method, path] = operation.split(' ') as [string, string];
    return !app.hasRoute({ method, url: path.replace(/\{([^}]+)\}/g, ':$1') });
  });
  await app.close();
  return { apiRoutes, notRoutes };
}

function documentedOperations(): string[] {
  const document = getOpenApiDocument();
  return Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    ['get', 'put', 'post', 'delete', 'patch']
      .filter((method) => (item as Record<string, unknown>)[method] !== undefined)
      .map((method) => `${method.toUpperCase()} ${path}`),
  );
}

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1', async () => {
    const document = structuredClone(getOpenApiDocument());
    expect(document.openapi).toBe('3.1.0');
    const result = await validate(document as never);
    // The errors first, so a failure shows what is wrong.
    expect(result.valid ? [] : result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('describes every route under /api/v1, and no route that does not exist', async () => {
    const documented = documentedOperations();
    const { apiRoutes, notRoutes } = await inspectRoutes(documented);
    expect(apiRoutes.length).toBeGreaterThan(20);
    expect(apiRoutes.filter((route) => !documented.includes(route))).toEqual([]);
    expect(notRoutes).toEqual([]);
  });

  it('gives sender routes the bearer scheme or the web session, and recipient routes none', () => {
    const paths = getOpenApiDocument().paths ?? {};
    expect(paths['/api/v1/envelopes']?.get?.security).toEqual([{ bearer: [] }, { webSession: [] }]);
    expect(getOpenApiDocument().components?.securitySchemes?.webSession).toMatchObject({
      type: 'apiKey',
      in: 'cookie',
      name: SESSION_COOKIE,
    });
    expect(paths['/api/v1/recipient/{token}']?.get?.security).toEqual([]);
  });

  it('describes the error body with every catalogue code', () => {
    const schemas = getOpenApiDocument().components?.schemas ?? {};
    expect(schemas.ErrorBody).toMatchObject({
      properties: { error: { properties: { code: { enum: APP_ERROR_CODES } } } },
    });
  });

  it('describes the audit trail download as auditTrailJson writes it', () => {
    const view = makeEnvelopeView();
    const written: unknown = JSON.parse(auditTrailJson(view.audit, { envelopeId: view.envelopeId }));
    expect(ZAuditTrailJsonSchema.safeParse(written).error).toBeUndefined();
  });
});

describe('GET /api/docs', () => {
  it('serves the JSON document and a script-free page without a token', async () => {
    const { app } = createTestApp();
    const json = await app.inject({ method: 'GET', url: '/api/docs/openapi.json' });
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-type']).toMatch(/^application\/json/);
    expect(json.json()).toEqual(JSON.parse(JSON.stringify(getOpenApiDocument())));

    const page = await app.inject({ method: 'GET', url: '/api/docs' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.body).toContain('/api/v1/envelopes/{id}/recipients/{recipientId}');
    expect(page.body).not.toMatch(/<script|https?:\/\/(?!127)/i);
    await app.close();
  });
});
