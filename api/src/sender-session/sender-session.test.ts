import { AppErrorCode } from '@signet/shared';
import { ApiKeyRole } from '../api-keys/api-key-vocabulary';
import { AUDIENCE, createTestIssuer, ISSUER, TENANT } from '../auth/test-jwt';
import type { TestIssuer } from '../auth/test-jwt';
import { runMigrations } from '../db/run-migrations';
import type { TestDatabase } from '../db/test-database';
import { openTestDatabase } from '../db/test-database';
import { assertCsrfSafe } from './check-csrf';
import { verifyIdToken } from './id-token';
import { beginLogin, LOGIN_TTL_MS, takeLogin } from './login-store';
import { codeChallengeOf } from './oidc-client';
import { clearedSessionCookie, SESSION_COOKIE, sessionCookie, sessionIdFrom } from './session-cookie';
import { createSession, endSession, hashSecret, touchSession } from './session-store';

const T0 = Date.parse('2026-03-01T09:00:00Z');
const LIFETIMES = { idleMs: 30 * 60_000, absoluteMs: 2 * 3_600_000 };
const SAM = { subject: 'sam@example.com', name: 'Sam Sender', role: ApiKeyRole.SENDER };

let test: TestDatabase;

beforeAll(async () => {
  test = await openTestDatabase();
  await runMigrations(test.db);
});
afterAll(async () => test.close());

describe('session store', () => {
  it('keeps only the hash of a 256-bit session id, and finds the session by the id', async () => {
    const { id, session } = await createSession(test.db, SAM, T0, LIFETIMES);
    expect(Buffer.from(id, 'base64url')).toHaveLength(32);
    expect(Buffer.from(session.csrfToken, 'base64url')).toHaveLength(32);
    const rows = await test.db.query<{ id_hash: Uint8Array }>('SELECT id_hash FROM sender_sessions');
    const stored = rows.map((row) => Buffer.from(row.id_hash).toString('hex'));
    expect(stored).toContain(hashSecret(id).toString('hex'));
    expect(JSON.stringify(rows)).not.toContain(id);
    expect(await touchSession(test.db, id, T0 + 1_000, LIFETIMES)).toMatchObject({
      ...SAM,
      csrfToken: session.csrfToken,
    });
    expect(await touchSession(test.db, `${id}x`, T0 + 1_000, LIFETIMES)).toBeUndefined();
  });

  it('expires after the idle time, and use moves the idle expiry on', async () => {
    const { id } = await createSession(test.db, SAM, T0, LIFETIMES);
    expect(await touchSession(test.db, id, T0 + 29 * 60_000, LIFETIMES)).toBeDefined();
    expect(await touchSession(test.db, id, T0 + 58 * 60_000, LIFETIMES)).toBeDefined();
    expect(await touchSession(test.db, id, T0 + 89 * 60_000, LIFETIMES)).toBeUndefined();
  });

  it('expires at the absolute limit however busy it is', async () => {
    const { id } = await createSession(test.db, SAM, T0, LIFETIMES);
    for (let minute = 20; minute < 120; minute += 20) {
      expect(await touchSession(test.db, id, T0 + minute * 60_000, LIFETIMES)).toBeDefined();
    }
    expect(await touchSession(test.db, id, T0 + 120 * 60_000, LIFETIMES)).toBeUndefined();
  });

  it('ends a session at sign-out', async () => {
    const { id } = await createSession(test.db, SAM, T0, LIFETIMES);
    await endSession(test.db, id, T0 + 1_000);
    expect(await touchSession(test.db, id, T0 + 2_000, LIFETIMES)).toBeUndefined();
  });

  it('takes a pending sign-in once, and not after it expired', async () => {
    const login = await beginLogin(test.db, '/app/envelopes', T0);
    expect(await takeLogin(test.db, login.state, T0 + 1_000)).toEqual({
      nonce: login.nonce,
      codeVerifier: login.codeVerifier,
      returnTo: '/app/envelopes',
    });
    expect(await takeLogin(test.db, login.state, T0 + 2_000)).toBeUndefined();
    const late = await beginLogin(test.db, '/app', T0);
    expect(await takeLogin(test.db, late.state, T0 + LOGIN_TTL_MS)).toBeUndefined();
  });
});

describe('session cookie', () => {
  it('is HttpOnly, Secure, SameSite=Lax, Path=/ under the __Host- prefix, and read back from a Cookie header', () => {
    const id = 'A'.repeat(43);
    expect(sessionCookie(id, 3_600_000)).toBe(
      `__Host-signet-session=${id}; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=3600`,
    );
    expect(clearedSessionCookie()).toContain('Max-Age=0');
    expect(sessionIdFrom(`other=1; ${SESSION_COOKIE}=${id}; x=2`)).toBe(id);
    expect(sessionIdFrom(`${SESSION_COOKIE}=<script>`)).toBeUndefined();
    expect(sessionIdFrom(undefined)).toBeUndefined();
  });
});

describe('CSRF check of cookie-authenticated requests', () => {
  const expected = { csrfToken: 'token-of-this-session', publicUrl: 'https://signet.example.com/' };
  const ours = { origin: 'https://signet.example.com', 'x-csrf-token': 'token-of-this-session' };

  it('passes safe methods and same-origin requests with the token', () => {
    expect(() => assertCsrfSafe('GET', {}, expected)).not.toThrow();
    expect(() => assertCsrfSafe('POST', ours, expected)).not.toThrow();
    expect(() => assertCsrfSafe('DELETE', ours, expected)).not.toThrow();
  });

  it.each([
    ['no token', { origin: ours.origin }],
    ['a wrong token', { ...ours, 'x-csrf-token': 'token-of-another-session' }],
    ['a foreign origin', { ...ours, origin: 'https://evil.example' }],
    ['no origin', { 'x-csrf-token': ours['x-csrf-token'] }],
    ['a look-alike origin', { ...ours, origin: 'https://signet.example.com.evil.example' }],
  ])('refuses an unsafe request with %s (403 CSRF_REJECTED)', (_case, headers) => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      expect(() => assertCsrfSafe(method, headers, expected)).toThrow(
        expect.objectContaining({ code: AppErrorCode.CSRF_REJECTED, statusCode: 403 }),
      );
    }
  });
});

describe('id_token checks', () => {
  let issuer: TestIssuer;
  const CLIENT = 'signet-web';
  const now = () => Date.now();
  const check = (nonce = 'nonce-1') => ({
    oidc: { ...issuer.oidc, webClient: { clientId: CLIENT, clientSecret: undefined } },
    clientId: CLIENT,
    nonce,
    keys: issuer.keys,
    now: now(),
  });

  beforeAll(async () => {
    issuer = await createTestIssuer();
  });

  it('accepts a good token and maps it like a bearer JWT: e-mail, name, oid, admin by role', async () => {
    const token = await issuer.sign({ aud: CLIENT, nonce: 'nonce-1', oid: 'oid-1', roles: ['Signet.Admin'] });
    expect(await verifyIdToken(token, check())).toEqual({
      subject: 'sam@example.com',
      name: 'Sam Sender',
      role: ApiKeyRole.ADMIN,
      oid: 'oid-1',
      tid: TENANT,
    });
    const sender = await issuer.sign({ aud: CLIENT, nonce: 'nonce-1' });
    expect(await verifyIdToken(sender, check())).toMatchObject({ role: ApiKeyRole.SENDER });
  });

  it.each([
    ['a wrong nonce', { aud: CLIENT, nonce: 'nonce-2' }],
    ['no nonce', { aud: CLIENT }],
    ['another audience', { aud: AUDIENCE, nonce: 'nonce-1' }],
    ['another issuer', { aud: CLIENT, nonce: 'nonce-1', iss: `${ISSUER}/other` }],
    ['an expired token', { aud: CLIENT, nonce: 'nonce-1', exp: Math.floor(Date.now() / 1000) - 3_600 }],
    ['another tenant', { aud: CLIENT, nonce: 'nonce-1', tid: 'another-tenant' }],
    ['no e-mail', { aud: CLIENT, nonce: 'nonce-1', preferred_username: 'not-an-email' }],
  ])('refuses %s (UNAUTHENTICATED)', async (_case, claims) => {
    const token = await issuer.sign(claims);
    await expect(verifyIdToken(token, check())).rejects.toMatchObject({ code: AppErrorCode.UNAUTHENTICATED });
  });

  it('refuses a token signed by a key the issuer does not have', async () => {
    const token = await issuer.sign({ aud: CLIENT, nonce: 'nonce-1' }, { key: issuer.strangerKey, kid: 'rsa-1' });
    await expect(verifyIdToken(token, check())).rejects.toMatchObject({ code: AppErrorCode.UNAUTHENTICATED });
  });
});

describe('PKCE', () => {
  it('sends the S256 challenge (43 base64url characters of a SHA-256), never the verifier itself', () => {
    const verifier = 'a-verifier-of-the-sign-in-with-enough-entropy-here';
    const challenge = codeChallengeOf(verifier);
    expect(challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(challenge).not.toContain(verifier);
    expect(codeChallengeOf(`${verifier}x`)).not.toBe(challenge);
  });
});
