import crypto from 'node:crypto';
import { AppError, AppErrorCode } from '@signet/shared';
import { runMigrations } from '../db/run-migrations';
import type { TestDatabase } from '../db/test-database';
import { openTestDatabase } from '../db/test-database';
import type { ApiKeyDeps } from './api-key-store';
import { hashApiKey, prefixOfApiKey } from './api-key-token';
import { authenticateApiKey, LAST_USED_RESOLUTION_MS } from './authenticate-api-key';
import { createApiKey } from './create-api-key';
import { listApiKeys } from './list-api-keys';
import { revokeApiKey } from './revoke-api-key';

const T0 = Date.parse('2030-01-01T00:00:00.000Z');

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof AppError)) throw new AppError(AppErrorCode.INTERNAL, { message: `expected an AppError` });
  return error;
}

describe('API keys', () => {
  let test: TestDatabase;
  let deps: ApiKeyDeps;
  let now: number;
  let ids: number;

  beforeAll(async () => {
    test = await openTestDatabase();
    await runMigrations(test.db);
  });
  afterAll(async () => test.close());
  beforeEach(async () => {
    await test.db.query('DELETE FROM api_keys');
    now = T0;
    ids = 0;
    deps = { db: test.db, now: () => now, newId: () => `key-${++ids}` };
  });

  it('mints signet_<prefix>_<secret> with at least 256 bits of secret and stores only its SHA-256', async () => {
    const created = await createApiKey(deps, { owner: ' Alice@Example.com ', role: 'sender', name: 'CRM' });
    expect(created.token).toMatch(/^signet_[0-9a-f]{16}_[A-Za-z0-9_-]{44}$/);
    expect(created.token.startsWith(`signet_${created.prefix}_`)).toBe(true);
    // 44 base64url characters carry 264 bits.
    expect(created.token.split('_').slice(2).join('_').length * 6 >= 256).toBe(true);
    expect(created).toMatchObject({
      id: 'key-1',
      owner: 'alice@example.com',
      role: 'sender',
      scopes: ['envelopes:read', 'envelopes:write', 'verify'],
      name: 'CRM',
      createdAt: '2030-01-01T00:00:00.000Z',
      lastUsedAt: null,
      revokedAt: null,
    });
    const [row] = await test.db.query<{ hash: Uint8Array }>('SELECT * FROM api_keys');
    expect(Buffer.from(row?.hash ?? [])).toEqual(hashApiKey(created.token));
    expect(JSON.stringify(row)).not.toContain(created.token.slice(-20));
  });

  it('gives two keys different secrets and prefixes', async () => {
    const a = await createApiKey(deps, { owner: 'a@example.com', role: 'sender', name: 'one' });
    const b = await createApiKey(deps, { owner: 'a@example.com', role: 'sender', name: 'two' });
    expect(a.prefix).not.toBe(b.prefix);
    expect(a.token).not.toBe(b.token);
  });

  it('authenticates a key as its owner, role and scopes', async () => {
    const created = await createApiKey(deps, {
      owner: 'bob@example.com',
      role: 'sender',
      scopes: ['verify', 'envelopes:read'],
      name: 'read only',
    });
    expect(created.scopes).toEqual(['envelopes:read', 'verify']);
    expect(await authenticateApiKey(deps, created.token)).toEqual({
      keyId: created.id,
      owner: 'bob@example.com',
      role: 'sender',
      scopes: ['envelopes:read', 'verify'],
    });
  });

  it('gives admin keys every scope by default and refuses the admin scope on a sender key', async () => {
    const admin = await createApiKey(deps, { owner: 'root@example.com', role: 'admin', name: 'ops' });
    expect(admin.scopes).toEqual(['admin', 'envelopes:read', 'envelopes:write', 'verify']);
    const refused = await errorOf(
      createApiKey(deps, { owner: 'eve@example.com', role: 'sender', scopes: ['admin'], name: 'sneaky' }),
    );
    expect(refused.code).toBe(AppErrorCode.VALIDATION_FAILED);
    expect((await errorOf(createApiKey(deps, { owner: 'not-an-address', role: 'sender', name: 'x' }))).code).toBe(
      AppErrorCode.INVALID_EMAIL,
    );
    expect((await listApiKeys(deps)).items).toHaveLength(1);
  });

  it.each([
    ['a wrong secret', (token: string) => `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`],
    ['an unknown prefix', (token: string) => token.replace(/^signet_[0-9a-f]{4}/, 'signet_ffff')],
    ['a malformed key', () => 'signet_not-a-key'],
    ['the key with extra text', (token: string) => `${token}x`],
  ])('refuses %s with UNAUTHENTICATED', async (_label, alter) => {
    const created = await createApiKey(deps, { owner: 'c@example.com', role: 'sender', name: 'k' });
    const error = await errorOf(authenticateApiKey(deps, alter(created.token)));
    expect(error.code).toBe(AppErrorCode.UNAUTHENTICATED);
    expect(error.message).toBe('the API key is not valid');
  });

  it('compares digests in constant time on every path: match, wrong secret, unknown prefix, malformed', async () => {
    const created = await createApiKey(deps, { owner: 'd@example.com', role: 'sender', name: 'k' });
    const compare = jest.spyOn(crypto, 'timingSafeEqual');
    try {
      const unknownPrefix = created.token.replace(/^signet_[0-9a-f]{4}/, 'signet_ffff');
      const wrongSecret = `${created.token.slice(0, -1)}${created.token.endsWith('A') ? 'B' : 'A'}`;
      const attempts = [created.token, wrongSecret, unknownPrefix, 'signet_x'];
      for (const token of attempts) await authenticateApiKey(deps, token).catch(() => undefined);
      expect(compare).toHaveBeenCalledTimes(attempts.length);
      for (const [given, stored] of compare.mock.calls) {
        expect([given.byteLength, stored.byteLength]).toEqual([32, 32]);
      }
      expect(prefixOfApiKey(unknownPrefix)).toBeDefined();
    } finally {
      compare.mockRestore();
    }
  });

  it('revokes: the key stops working, the list shows when, and a second revoke keeps the first time', async () => {
    const created = await createApiKey(deps, { owner: 'e@example.com', role: 'sender', name: 'k' });
    now = T0 + 1000;
    expect(await revokeApiKey(deps, created.id)).toMatchObject({ revokedAt: '2030-01-01T00:00:01.000Z' });
    const error = await errorOf(authenticateApiKey(deps, created.token));
    expect(error.code).toBe(AppErrorCode.UNAUTHENTICATED);
    expect(error.message).toBe('the API key was revoked');
    now = T0 + 5000;
    expect(await revokeApiKey(deps, created.id)).toMatchObject({ revokedAt: '2030-01-01T00:00:01.000Z' });
    expect((await listApiKeys(deps)).items).toEqual([
      expect.objectContaining({ id: created.id, revokedAt: '2030-01-01T00:00:01.000Z' }),
    ]);
  });

  it('answers API_KEY_NOT_FOUND when revoking an unknown id', async () => {
    expect((await errorOf(revokeApiKey(deps, 'no-such-key'))).code).toBe(AppErrorCode.API_KEY_NOT_FOUND);
  });

  it('records the last use, at most once per resolution interval', async () => {
    const created = await createApiKey(deps, { owner: 'f@example.com', role: 'sender', name: 'k' });
    const lastUsed = async () => (await listApiKeys(deps)).items[0]?.lastUsedAt;
    now = T0 + 10_000;
    await authenticateApiKey(deps, created.token);
    expect(await lastUsed()).toBe('2030-01-01T00:00:10.000Z');
    now = T0 + 10_000 + LAST_USED_RESOLUTION_MS - 1;
    await authenticateApiKey(deps, created.token);
    expect(await lastUsed()).toBe('2030-01-01T00:00:10.000Z');
    now = T0 + 10_000 + LAST_USED_RESOLUTION_MS;
    await authenticateApiKey(deps, created.token);
    expect(await lastUsed()).toBe(new Date(now).toISOString());
  });

  it('lists keys newest first without secrets or hashes', async () => {
    await createApiKey(deps, { owner: 'g@example.com', role: 'sender', name: 'older' });
    now = T0 + 1;
    const newer = await createApiKey(deps, { owner: 'h@example.com', role: 'admin', name: 'newer' });
    const { items } = await listApiKeys(deps);
    expect(items.map((item) => item.name)).toEqual(['newer', 'older']);
    expect(Object.keys(items[0] ?? {}).sort()).toEqual(
      ['createdAt', 'id', 'lastUsedAt', 'name', 'owner', 'prefix', 'revokedAt', 'role', 'scopes'].sort(),
    );
    expect(JSON.stringify(items)).not.toContain(newer.token);
  });
});
