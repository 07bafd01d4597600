import { AppErrorCode } from '@signet/shared';
import type { AuthTestApp } from './test-auth-app';
import { seedReadModel } from '../read-model/seed-read-model';
import { bearer, createAuthTestApp, NOW, serveOwnedEnvelopes } from './test-auth-app';
import type { TestIssuer } from './test-jwt';
import { AUDIENCE, createTestIssuer, ISSUER, TENANT } from './test-jwt';

// Sender routes with Entra ID tokens, through the real app over a fake Temporal client: the same
// confinement as sender API keys (authorise-request.test.ts), reached by the JWT path of the auth hook.
const OWNERS: Record<string, string> = {
  'envelope-env-sams': 'sam@example.com',
  'envelope-env-others': 'o@example.com',
};

describe('sender routes with Entra ID bearer tokens', () => {
  let t: AuthTestApp;
  let issuer: TestIssuer;
  let sam: string;
  let ada: string;

  beforeAll(async () => {
    issuer = await createTestIssuer();
    t = await createAuthTestApp({
      env: { SIGNET_OIDC_ISSUER: ISSUER, SIGNET_OIDC_AUDIENCE: AUDIENCE, SIGNET_OIDC_TENANT_ID: TENANT },
      oidcKeys: issuer.keys,
    });
    serveOwnedEnvelopes(t, OWNERS);
    sam = await issuer.sign();
    ada = await issuer.sign({ preferred_username: 'ada@example.com', roles: ['Signet.Admin'] });
  });
  afterAll(async () => t.close());
  beforeEach(() => {
    t.temporal.updates.length = 0;
    t.temporal.lists.length = 0;
  });

  const get = async (url: string, token: string) => t.app.inject({ method: 'GET', url, headers: bearer(token) });

  it("lets a sender read and cancel their own envelope, as themselves, and not another's", async () => {
    expect((await get('/api/v1/envelopes/env-sams', sam)).statusCode).toBe(200);
    const cancel = (id: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/envelopes/${id}/cancel`,
        headers: bearer(sam),
        payload: { reason: 'no longer needed' },
      });
    expect((await cancel('env-sams')).statusCode).toBe(200);
    expect(t.temporal.updates[0]?.input).toMatchObject({ actor: { email: 'sam@example.com' } });
    const foreign = await get('/api/v1/envelopes/env-others', sam);
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json()).toMatchObject({ error: { code: AppErrorCode.FORBIDDEN } });
    expect((await cancel('env-others')).statusCode).toBe(403);
    expect(t.temporal.updates).toHaveLength(1);
  });

  it("confines a sender's list to their own envelopes; an admin lists everyone's", async () => {
    // The list comes from the read model (docs/decisions/0016).
    await seedReadModel(t.database.db, { 'env-sams': 'sam@example.com', 'env-others': 'o@example.com' }, NOW);
    const ids = (response: { json: () => unknown }) =>
      (response.json() as { items: Array<{ envelopeId: string }> }).items.map((item) => item.envelopeId).sort();
    expect(ids(await get('/api/v1/envelopes', sam))).toEqual(['env-sams']);
    expect((await get('/api/v1/envelopes?senderEmail=o%40example.com', sam)).statusCode).toBe(403);
    expect(ids(await get('/api/v1/envelopes', ada))).toEqual(['env-others', 'env-sams']);
    expect((await get('/api/v1/envelopes/env-others', ada)).statusCode).toBe(200);
  });

  it('lets an admin manage API keys, and not a sender', async () => {
    expect((await get('/api/v1/api-keys', ada)).statusCode).toBe(200);
    expect((await get('/api/v1/api-keys', sam)).statusCode).toBe(403);
  });

  it('needs the route scope from scp: a read-only token may read but not cancel', async () => {
    const reader = await issuer.sign({ scp: 'Envelopes.Read' });
    expect((await get('/api/v1/envelopes/env-sams', reader)).statusCode).toBe(200);
    const cancel = await t.app.inject({
      method: 'POST',
      url: '/api/v1/envelopes/env-sams/cancel',
      headers: bearer(reader),
      payload: { reason: 'x' },
    });
    expect(cancel.statusCode).toBe(403);
  });

  it('answers 401 UNAUTHENTICATED with the reason, never echoing the token', async () => {
    const expired = await issuer.sign({ exp: Math.floor(Date.now() / 1000) - 3600 });
    const foreignAudience = await issuer.sign({ aud: 'api://other' });
    const [h, p, s] = sam.split('.') as [string, string, string];
    const tampered = `${h}.${p}.${s.slice(0, -4)}AAAA`;
    for (const [token, reason] of [
      [expired, /expired/],
      [foreignAudience, /another audience/],
      [tampered, /signature/],
    ] as const) {
      const response = await get('/api/v1/envelopes', token);
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ error: { code: AppErrorCode.UNAUTHENTICATED, message: reason } });
      expect(response.body).not.toContain(s.slice(0, 20));
    }
    expect(t.temporal.lists).toEqual([]);
  });
});

describe('sender routes without OIDC configured', () => {
  it('refuse a JWT as an unknown credential', async () => {
    const issuer = await createTestIssuer();
    const t = await createAuthTestApp();
    try {
      const response = await t.app.inject({
        method: 'GET',
        url: '/api/v1/library',
        headers: bearer(await issuer.sign()),
      });
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ error: { code: AppErrorCode.UNAUTHENTICATED } });
    } finally {
      await t.close();
    }
  });
});
