import { AppError, AppErrorCode } from '@signet/shared';
import type { JwtAuthenticator } from './entra-jwt';
import { createJwtAuthenticator, looksLikeJwt } from './entra-jwt';
import { jose } from './jose';
import type { TestIssuer } from './test-jwt';
import { AUDIENCE, createTestIssuer, ISSUER } from './test-jwt';

describe('Entra ID bearer JWTs', () => {
  let issuer: TestIssuer;
  let authenticate: JwtAuthenticator;
  const now = () => Math.floor(Date.now() / 1000);

  beforeAll(async () => {
    issuer = await createTestIssuer();
    authenticate = createJwtAuthenticator(issuer.oidc, issuer.keys);
  });

  /** The refusal of `token`: UNAUTHENTICATED, whose message has `reason` and never the token. */
  async function expectRefused(token: string, reason: RegExp): Promise<void> {
    const error: unknown = await authenticate(token).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: AppErrorCode.UNAUTHENTICATED, statusCode: 401 });
    const message = (error as AppError).message;
    expect(message).toMatch(reason);
    for (const part of token.split('.').filter((p) => p.length > 8)) expect(message).not.toContain(part);
  }

  it('turns a valid token into a sender, named by the lower-cased e-mail', async () => {
    await expect(authenticate(await issuer.sign())).resolves.toEqual({
      kind: 'user',
      subject: 'sam@example.com',
      role: 'sender',
      scopes: ['envelopes:read', 'envelopes:write', 'verify'],
    });
  });

  it('makes an admin of the configured app role, with the admin scope', async () => {
    const caller = await authenticate(await issuer.sign({ roles: ['Signet.Admin'] }));
    expect(caller).toMatchObject({ role: 'admin', scopes: expect.arrayContaining(['admin', 'envelopes:write']) });
    const other = await authenticate(await issuer.sign({ roles: ['Signet.Reader', 'signet.admin'] }));
    expect(other.role).toBe('sender');
  });

  it('accepts ES256 and any of the configured audiences', async () => {
    await expect(authenticate(await issuer.sign({}, { alg: 'ES256' }))).resolves.toMatchObject({ kind: 'user' });
    const two = createJwtAuthenticator({ ...issuer.oidc, audiences: ['other', AUDIENCE] }, issuer.keys);
    await expect(two(await issuer.sign())).resolves.toMatchObject({ kind: 'user' });
  });

  it('refuses an expired token, but tolerates a small clock skew', async () => {
    await expectRefused(await issuer.sign({ exp: now() - 300, iat: now() - 900, nbf: now() - 900 }), /expired/);
    await expect(authenticate(await issuer.sign({ exp: now() - 20 }))).resolves.toMatchObject({ kind: 'user' });
  });

  it('refuses a token that is not valid yet, or has no expiry', async () => {
    await expectRefused(await issuer.sign({ nbf: now() + 600 }), /not valid yet/);
    await expectRefused(await issuer.sign({ exp: undefined }), /no valid expiry/);
  });

  it('refuses another audience, another issuer and another tenant', async () => {
    await expectRefused(await issuer.sign({ aud: 'api://someone-else' }), /another audience/);
    await expectRefused(await issuer.sign({ iss: 'https://login.example.test/evil/v2.0' }), /another issuer/);
    await expectRefused(await issuer.sign({ tid: 'another-tenant' }), /another tenant/);
    await expectRefused(await issuer.sign({ tid: undefined }), /another tenant/);
    const anyTenant = createJwtAuthenticator({ ...issuer.oidc, tenantId: undefined }, issuer.keys);
    await expect(anyTenant(await issuer.sign({ tid: 'another-tenant' }))).resolves.toMatchObject({ kind: 'user' });
  });

  it('refuses a tampered payload and a signature by an unknown key', async () => {
    const [header, payload, signature] = (await issuer.sign()).split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...claims, roles: ['Signet.Admin'] })).toString('base64url');
    await expectRefused(`${header}.${forged}.${signature}`, /signature is not valid/);
    await expectRefused(await issuer.sign({}, { key: issuer.strangerKey }), /signature is not valid/);
    await expectRefused(await issuer.sign({}, { kid: 'rotated-away', key: issuer.strangerKey }), /key the issuer/);
  });

  it('refuses unsigned (alg none) and HMAC tokens', async () => {
    const unsigned = new jose.UnsecuredJWT({ iss: ISSUER, aud: AUDIENCE, preferred_username: 'sam@example.com' })
      .setExpirationTime('10m')
      .encode();
    await expectRefused(unsigned, /algorithm is not allowed/);
    const hmac = await new jose.SignJWT({ iss: ISSUER, aud: AUDIENCE, preferred_username: 'sam@example.com' })
      .setProtectedHeader({ alg: 'HS256', kid: 'rsa-1' })
      .setExpirationTime('10m')
      .sign(new TextEncoder().encode('a-shared-secret-that-is-long-enough-for-hs256'));
    await expectRefused(hmac, /algorithm is not allowed/);
  });

  it('refuses garbage that only looks like a JWT', async () => {
    await expectRefused('bm90LWpzb24.bm90LWpzb24.c2ln', /not a well-formed signed JWT/);
    // The signature is checked before the payload is read: garbage claims never get parsed.
    await expectRefused('eyJhbGciOiJSUzI1NiIsImtpZCI6InJzYS0xIn0.bm90LWpzb24.c2ln', /signature is not valid/);
  });

  it('refuses a token that names no user (an app-only token)', async () => {
    await expectRefused(await issuer.sign({ preferred_username: undefined, roles: ['Signet.Admin'] }), /names no user/);
  });

  it('recognises the shape of a compact JWS', () => {
    expect(looksLikeJwt('aaa.bbb.ccc')).toBe(true);
    expect(looksLikeJwt('aaa.bbb.')).toBe(true);
    expect(looksLikeJwt('signet_0123456789abcdef_secret')).toBe(false);
    expect(looksLikeJwt('a.b')).toBe(false);
    expect(looksLikeJwt('a.b.c.d.e')).toBe(false);
  });
});
