import { AppErrorCode } from '@signet/shared';
import { ROUTE_POLICIES } from './route-policy';
import type { AuthTestApp } from './test-auth-app';
import { seedReadModel } from '../read-model/seed-read-model';
import { bearer, createAuthTestApp, NOW, OPERATOR_TOKEN, serveOwnedEnvelopes } from './test-auth-app';

// Envelope `env-sams` belongs to sam@example.com, `env-others` to someone else.
const OWNERS: Record<string, string> = {
  'envelope-env-sams': 'Sam@Example.com',
  'envelope-env-others': 'o@example.com',
};

describe('authorisation of sender routes', () => {
  let t: AuthTestApp;
  let sam: string;
  let samReadOnly: string;
  let admin: string;

  beforeAll(async () => {
    t = await createAuthTestApp();
    serveOwnedEnvelopes(t, OWNERS);
    sam = (await t.mintKey({ owner: 'sam@example.com' })).token;
    samReadOnly = (await t.mintKey({ owner: 'sam@example.com', scopes: ['envelopes:read'] })).token;
    admin = (await t.mintKey({ owner: 'ada@example.com', role: 'admin' })).token;
  });
  afterAll(async () => t.close());
  beforeEach(() => {
    t.temporal.updates.length = 0;
    t.temporal.lists.length = 0;
  });

  const get = async (url: string, token: string) => t.app.inject({ method: 'GET', url, headers: bearer(token) });
  const cancel = async (id: string, token: string, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/envelopes/${id}/cancel`,
      headers: { ...bearer(token), ...headers },
      payload: { reason: 'no longer needed' },
    });

  it('has a policy for every sender route (routes without one are closed to API keys)', async () => {
    const fresh = await createAuthTestApp();
    const routes: string[] = [];
    fresh.app.addHook('onRoute', (route) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      for (const method of methods) {
        if (route.url.startsWith('/api/v1/') && !route.url.startsWith('/api/v1/recipient') && method !== 'HEAD') {
          routes.push(`${method} ${route.url}`);
        }
      }
    });
    await fresh.app.ready();
    await fresh.close();
    expect(routes.length).toBeGreaterThan(10);
    expect(routes.filter((route) => !ROUTE_POLICIES[route])).toEqual([]);
  });

  it('lets a sender key read and cancel its own envelope, as its owner', async () => {
    expect((await get('/api/v1/envelopes/env-sams', sam)).statusCode).toBe(200);
    const response = await cancel('env-sams', sam);
    expect(response.statusCode).toBe(200);
    expect(t.temporal.updates[0]?.input).toMatchObject({ actor: { email: 'sam@example.com' } });
  });

  it("refuses a sender key another sender's envelope with FORBIDDEN, before any update", async () => {
    for (const response of [await get('/api/v1/envelopes/env-others', sam), await cancel('env-others', sam)]) {
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ error: { code: AppErrorCode.FORBIDDEN } });
    }
    expect(t.temporal.updates).toEqual([]);
  });

  it('answers ENVELOPE_NOT_FOUND to a sender key for an unknown or impossible id', async () => {
    expect((await get('/api/v1/envelopes/env-missing', sam)).json()).toMatchObject({
      error: { code: AppErrorCode.ENVELOPE_NOT_FOUND },
    });
    expect((await get('/api/v1/envelopes/%20bad%20', sam)).statusCode).toBe(404);
  });

  it("lets an admin key and the operator token reach anyone's envelope", async () => {
    expect((await get('/api/v1/envelopes/env-others', admin)).statusCode).toBe(200);
    expect((await cancel('env-others', admin)).statusCode).toBe(200);
    expect((await cancel('env-others', OPERATOR_TOKEN)).statusCode).toBe(200);
    // An admin key acts as its owner; the operator token keeps the envelope's sender (or the claimed actor).
    expect(t.temporal.updates.map((update) => (update.input as { actor: { email: string } }).actor.email)).toEqual([
      'ada@example.com',
      'o@example.com',
    ]);
  });

  it('confines a sender key list to its owner and refuses asking for another sender', async () => {
    // The list comes from the read model (docs/decisions/0016).
    await seedReadModel(t.database.db, { 'env-sams': 'sam@example.com', 'env-others': 'o@example.com' }, NOW);
    const ids = (response: { json: () => unknown }) =>
      (response.json() as { items: Array<{ envelopeId: string }> }).items.map((item) => item.envelopeId).sort();
    expect(ids(await get('/api/v1/envelopes', sam))).toEqual(['env-sams']);
    expect(ids(await get('/api/v1/envelopes?senderEmail=SAM%40example.com', sam))).toEqual(['env-sams']);
    const other = await get('/api/v1/envelopes?senderEmail=o%40example.com', sam);
    expect(other.statusCode).toBe(403);
    expect(ids(await get('/api/v1/envelopes', admin))).toEqual(['env-others', 'env-sams']);
  });

  it('needs the route scope: a read-only key may read but not cancel or verify', async () => {
    expect((await get('/api/v1/envelopes/env-sams', samReadOnly)).statusCode).toBe(200);
    const cancelled = await cancel('env-sams', samReadOnly);
    expect(cancelled.statusCode).toBe(403);
    expect(cancelled.json()).toMatchObject({ error: { message: 'this route needs the "envelopes:write" scope' } });
    const verify = await t.app.inject({ method: 'POST', url: '/api/v1/verify', headers: bearer(samReadOnly) });
    expect(verify.statusCode).toBe(403);
  });

  it('refuses an API key naming another actor in X-Signet-Actor-Email', async () => {
    const response = await cancel('env-sams', sam, { 'x-signet-actor-email': 'mallory@example.com' });
    expect(response.statusCode).toBe(403);
    expect((await cancel('env-sams', sam, { 'x-signet-actor-email': 'SAM@example.com' })).statusCode).toBe(200);
  });

  it('lets a sender key create envelopes only in its own name, by JSON or by upload', async () => {
    const payload = (email: string) => ({
      subject: 'NDA',
      sender: { email },
      documents: [{ libraryPath: 'contracts/nda.pdf' }],
      recipients: [{ email: 'alice@example.com', role: 'SIGNER', routingOrder: 1 }],
    });
    const post = async (token: string, email: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/envelopes', headers: bearer(token), payload: payload(email) });
    const foreign = await post(sam, 'o@example.com');
    expect(foreign.statusCode).toBe(403);
    expect(t.temporal.starts).toEqual([]);
    // Past authorisation, the request meets the route's own checks (the fake library has no such file).
    const own = await post(sam, 'sam@example.com');
    expect(own.json()).toMatchObject({ error: { code: AppErrorCode.DOCUMENT_NOT_FOUND } });
    expect((await post(admin, 'o@example.com')).json()).toMatchObject({
      error: { code: AppErrorCode.DOCUMENT_NOT_FOUND },
    });

    const upload = async (token: string, email: string) => {
      const form = new FormData();
      form.append('envelope', JSON.stringify({ ...payload(email), documents: undefined }));
      form.append('file', new Blob([Buffer.from('%PDF-1.7\n')], { type: 'application/pdf' }), 'nda.pdf');
      const request = new Request('http://localhost/', { method: 'POST', body: form });
      return t.app.inject({
        method: 'POST',
        url: '/api/v1/envelopes/upload',
        headers: { ...bearer(token), 'content-type': request.headers.get('content-type') ?? '' },
        payload: Buffer.from(await request.arrayBuffer()),
      });
    };
    const foreignUpload = await upload(sam, 'o@example.com');
    expect(foreignUpload.statusCode).toBe(403);
    expect(foreignUpload.json()).toMatchObject({ error: { code: AppErrorCode.FORBIDDEN } });
    // In its own name the upload passes authorisation and meets the document checks (this is no real PDF).
    const ownUpload = await upload(sam, 'sam@example.com');
    expect(ownUpload.json()).toMatchObject({ error: { code: AppErrorCode.INVALID_DOCUMENT } });
    expect(t.temporal.starts).toEqual([]);
  });

  it('treats HEAD like GET', async () => {
    const head = await t.app.inject({ method: 'HEAD', url: '/api/v1/envelopes/env-sams', headers: bearer(sam) });
    expect(head.statusCode).toBe(200);
  });
});
