import type { SignetConfig } from '@signet/shared/node';
import type { JWTPayload, JWTVerifyGetKey } from './jose';
import { jose } from './jose';

// Test support: an issuer of our own, with locally generated keys, signing tokens shaped like Entra ID's.

export const ISSUER = 'https://login.example.test/11111111-2222-3333-4444-555555555555/v2.0';
export const AUDIENCE = 'api://signet-test';
export const TENANT = '11111111-2222-3333-4444-555555555555';

type PrivateKey = Awaited<ReturnType<typeof jose.generateKeyPair>>['privateKey'];

export type TestIssuer = {
  /** The key set the API checks against (public keys of `rsa` and `ec`). */
  keys: JWTVerifyGetKey;
  oidc: NonNullable<SignetConfig['oidc']>;
  /** Signs `claims` over Entra-like defaults (iss, aud, tid, exp in 10 minutes, sender Sam). */
  sign(claims?: JWTPayload, options?: { alg?: 'RS256' | 'ES256'; kid?: string; key?: PrivateKey }): Promise<string>;
  /** A key pair the key set does not know. */
  strangerKey: PrivateKey;
};

export async function createTestIssuer(): Promise<TestIssuer> {
  const rsa = await jose.generateKeyPair('RS256', { extractable: true });
  const ec = await jose.generateKeyPair('ES256', { extractable: true });
  const stranger = await jose.generateKeyPair('RS256');
  const keys = jose.createLocalJWKSet({
    keys: [
      { ...(await jose.exportJWK(rsa.publicKey)), kid: 'rsa-1', alg: 'RS256', use: 'sig' },
      { ...(await jose.exportJWK(ec.publicKey)), kid: 'ec-1', alg: 'ES256', use: 'sig' },
    ],
  });
  const sign: TestIssuer['sign'] = async (claims = {}, options = {}) => {
    const alg = options.alg ?? 'RS256';
    const now = Math.floor(Date.now() / 1000);
    return new jose.SignJWT({
      iss: ISSUER,
      aud: AUDIENCE,
      tid: TENANT,
      iat: now,
      nbf: now,
      exp: now + 600,
      preferred_username: 'Sam@Example.com',
      name: 'Sam Sender',
      scp: 'user_impersonation',
      ...claims,
    })
      .setProtectedHeader({ alg, typ: 'JWT', kid: options.kid ?? (alg === 'RS256' ? 'rsa-1' : 'ec-1') })
      .sign(options.key ?? (alg === 'RS256' ? rsa.privateKey : ec.privateKey));
  };
  return {
    keys,
    oidc: { issuer: ISSUER, audiences: [AUDIENCE], jwksUrl: undefined, tenantId: TENANT, adminRole: 'Signet.Admin' },
    sign,
    strangerKey: stranger.privateKey,
  };
}
