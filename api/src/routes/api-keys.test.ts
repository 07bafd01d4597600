import { AppErrorCode } from '@signet/shared';
import type { AuthTestApp } from '../auth/test-auth-app';
import { bearer, createAuthTestApp, OPERATOR_TOKEN } from '../auth/test-auth-app';

type Credential = { label: string; headers: () => Record<string, string> };

describe('/api/v1/api-keys', () => {
  let t: AuthTestApp;
  let senderKey: string;
  let adminKey: string;
  let revokedKey: string;
  let readOnlyAdminKey: string;

  beforeAll(async () => {
    t = await createAuthTestApp();
    senderKey = (await t.mintKey({ owner: 'sam@example.com' })).token;
    adminKey = (await t.mintKey({ owner: 'ada@example.com', role: 'admin' })).token;
    readOnlyAdminKey = (await t.mintKey({ owner: 'ro@example.com', role: 'admin', scopes: ['envelopes:read'] })).token;
    const revoked = await t.mintKey({ owner: 'rex@example.com', role: 'admin' });
    await t.app.inject({ method: 'DELETE', url: `/api/v1/api-keys/${revoked.id}`, headers: bearer(OPERATOR_TOKEN) });
    revokedKey = revoked.token;
  });
  afterAll(async () => t.close());

  const requests = [
    { method: 'POST', url: '/api/v1/api-keys', payload: { owner: 'new@example.com', name: 'matrix' }, ok: 201 },
    { method: 'GET', url: '/api/v1/api-keys', ok: 200 },
    // Revoking an unknown id proves the caller got past authorisation (404), without revoking a real key.
    { method: 'DELETE', url: '/api/v1/api-keys/no-such-key', ok: 404 },
  ] as const;

  const refused: Array<Credential & { status: number; code: string }> = [
    { label: 'anonymous', headers: () => ({}), status: 401, code: AppErrorCode.UNAUTHENTICATED },
    {
      label: 'a bad key',
      headers: () => bearer(`signet_0123456789abcdef_${'A'.repeat(44)}`),
      status: 401,
      code: AppErrorCode.UNAUTHENTICATED,
    },
    { label: 'a revoked key', headers: () => bearer(revokedKey), status: 401, code: AppErrorCode.UNAUTHENTICATED },
    { label: 'a sender key', headers: () => bearer(senderKey), status: 403, code: AppErrorCode.FORBIDDEN },
    {
      label: 'an admin key without the admin scope',
      headers: () => bearer(readOnlyAdminKey),
      status: 403,
      code: AppErrorCode.FORBIDDEN,
    },
  ];
  const allowed: Credential[] = [
    { label: 'an admin key', headers: () => bearer(adminKey) },
    { label: 'the operator token', headers: () => bearer(OPERATOR_TOKEN) },
  ];

  describe.each(requests)('$method $url', (request) => {
    it.each(refused)('refuses $label with $status $code', async ({ headers, status, code }) => {
      const response = await t.app.inject({ ...request, headers: headers() });
      expect(response.statusCode).toBe(status);
      expect(response.json()).toMatchObject({ error: { code } });
    });

    it.each(allowed)('lets $label through', async ({ headers }) => {
      const response = await t.app.inject({ ...request, headers: headers() });
      expect(response.statusCode).toBe(request.ok);
    });
  });

  it('creates a key that works at once, shows its secret once, and lists it without the secret', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: bearer(adminKey),
      payload: { owner: 'Carla@Example.com', role: 'sender', scopes: ['envelopes:read'], name: 'reporting' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.headers['cache-control']).toBe('no-store');
    const key = created.json<{ id: string; token: string }>();
    expect(created.json()).toMatchObject({ owner: 'carla@example.com', role: 'sender', scopes: ['envelopes:read'] });

    const list = await t.app.inject({ method: 'GET', url: '/api/v1/envelopes', headers: bearer(key.token) });
    expect(list.statusCode).toBe(200);

    const keys = await t.app.inject({ method: 'GET', url: '/api/v1/api-keys', headers: bearer(adminKey) });
    expect(keys.json<{ items: Array<{ id: string }> }>().items).toContainEqual(
      expect.objectContaining({ id: key.id, name: 'reporting', revokedAt: null }),
    );
    expect(keys.body).not.toContain(key.token);
    expect(keys.body).not.toContain('hash');
  });

  it('revokes a key: its next request is UNAUTHENTICATED', async () => {
    const key = await t.mintKey({ owner: 'dora@example.com' });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/library', headers: bearer(key.token) })).statusCode).toBe(
      200,
    );
    const revoked = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/api-keys/${key.id}`,
      headers: bearer(adminKey),
    });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toMatchObject({ id: key.id, revokedAt: '2030-01-01T00:00:00.000Z' });
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/library', headers: bearer(key.token) });
    expect(after.statusCode).toBe(401);
    expect(after.json()).toMatchObject({
      error: { code: AppErrorCode.UNAUTHENTICATED, message: 'the API key was revoked' },
    });
  });

  it.each([
    ['no owner', { name: 'x' }, AppErrorCode.VALIDATION_FAILED],
    ['a bad owner address', { owner: 'nobody', name: 'x' }, AppErrorCode.INVALID_EMAIL],
    ['an unknown scope', { owner: 'a@example.com', name: 'x', scopes: ['everything'] }, AppErrorCode.VALIDATION_FAILED],
    [
      'the admin scope on a sender key',
      { owner: 'a@example.com', name: 'x', scopes: ['admin'] },
      AppErrorCode.VALIDATION_FAILED,
    ],
    ['an unknown field', { owner: 'a@example.com', name: 'x', secret: 'mine' }, AppErrorCode.VALIDATION_FAILED],
  ])('refuses a create with %s', async (_label, payload, code) => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: bearer(adminKey),
      payload,
    });
    expect(response.json()).toMatchObject({ error: { code } });
  });
});
