import { createHash, createPublicKey, randomBytes, verify } from 'node:crypto';
import type { JsonWebKey } from 'node:crypto';
import type { LocalOidc } from '../support/local-oidc';
import { startLocalOidc } from '../support/local-oidc';

// The local issuer's interactive login (authorization code + PKCE) end to end over HTTP: the authorization
// request, the issuer's own login form, the code exchange at the token endpoint, and the id_token's claims
// and signature checked against the issuer's JWKS.

const REDIRECT = 'http://127.0.0.1:9/callback';
const SECRET = randomBytes(24).toString('base64url');
let oidc: LocalOidc;

beforeAll(async () => {
  oidc = await startLocalOidc([{ email: 'ada@example.com', name: 'Ada Admin', roles: ['Signet.Admin'] }], {
    nationalIdClaim: 'hetu',
    interactiveClients: [
      { clientId: 'public-spa', redirectUris: [REDIRECT] },
      { clientId: 'confidential-rp', clientSecret: SECRET, redirectUris: [REDIRECT] },
    ],
  });
});

afterAll(async () => oidc?.stop());

type Claims = Record<string, unknown>;

function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

function authorizeUrl(clientId: string, challenge: string | undefined, state: string, nonce: string): string {
  const params = new URLSearchParams({
    client_id: clientId,
    response_type: 'code',
    redirect_uri: REDIRECT,
    scope: 'openid profile email',
    state,
    nonce,
    ...(challenge ? { code_challenge: challenge, code_challenge_method: 'S256' } : {}),
  });
  return `${oidc.issuer}/auth?${params.toString()}`;
}

/** Checks the RS256 signature against the issuer's JWKS by hand and returns the payload. */
async function verifiedClaims(idToken: string): Promise<Claims> {
  const [header, payload, signature] = idToken.split('.') as [string, string, string];
  const { kid } = JSON.parse(Buffer.from(header, 'base64url').toString()) as { kid: string };
  const jwks = (await (await fetch(`${oidc.issuer}/jwks`)).json()) as { keys: Array<JsonWebKey & { kid: string }> };
  const key = createPublicKey({ key: jwks.keys.find((candidate) => candidate.kid === kid)!, format: 'jwk' });
  expect(verify('sha256', Buffer.from(`${header}.${payload}`), key, Buffer.from(signature, 'base64url'))).toBe(true);
  return JSON.parse(Buffer.from(payload, 'base64url').toString()) as Claims;
}

async function exchange(body: Record<string, string>, basic?: string): Promise<Response> {
  return fetch(`${oidc.issuer}/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(basic ? { authorization: `Basic ${Buffer.from(basic).toString('base64')}` } : {}),
    },
    body: new URLSearchParams({ grant_type: 'authorization_code', redirect_uri: REDIRECT, ...body }),
  });
}

describe('local issuer interactive login', () => {
  test('a public client signs a person in with PKCE; the id_token names them and carries the national id', async () => {
    const { verifier, challenge } = pkce();
    const state = randomBytes(16).toString('base64url');
    const nonce = randomBytes(16).toString('base64url');
    const landed = await oidc.signIn(authorizeUrl('public-spa', challenge, state, nonce), {
      email: 'Pat@Example.com',
      name: 'Pat <Person>',
      nationalId: '010190-123A',
    });
    expect(landed.origin + landed.pathname).toBe(REDIRECT);
    expect(landed.searchParams.get('state')).toBe(state);
    const code = landed.searchParams.get('code')!;

    const wrongVerifier = await exchange({ client_id: 'public-spa', code, code_verifier: pkce().verifier });
    expect(wrongVerifier.status).toBe(400);
    // A failed redemption revokes nothing here but the code is single use: sign in again for a fresh one.
    const again = await oidc.signIn(authorizeUrl('public-spa', challenge, state, nonce), {
      email: 'pat@example.com',
      name: 'Pat <Person>',
      nationalId: '010190-123A',
    });
    const response = await exchange({
      client_id: 'public-spa',
      code: again.searchParams.get('code')!,
      code_verifier: verifier,
    });
    expect(response.status).toBe(200);
    const claims = await verifiedClaims(((await response.json()) as { id_token: string }).id_token);
    expect(claims).toMatchObject({
      iss: oidc.issuer,
      aud: 'public-spa',
      nonce,
      email: 'pat@example.com',
      email_verified: true,
      name: 'Pat <Person>',
      preferred_username: 'pat@example.com',
      hetu: '010190-123A',
    });
    expect(typeof claims.sub).toBe('string');
    expect(claims.oid).toBeUndefined();
    expect(claims.roles).toBeUndefined();
  });

  test('the subject is stable per email; a configured user also gets oid, tid and roles', async () => {
    const subjects: string[] = [];
    for (const email of ['ada@example.com', 'ADA@example.com']) {
      const { verifier, challenge } = pkce();
      const landed = await oidc.signIn(authorizeUrl('confidential-rp', challenge, 's', 'n'), { email, name: 'Ada' });
      const response = await exchange(
        { code: landed.searchParams.get('code')!, code_verifier: verifier },
        `confidential-rp:${SECRET}`,
      );
      expect(response.status).toBe(200);
      const claims = await verifiedClaims(((await response.json()) as { id_token: string }).id_token);
      expect(claims).toMatchObject({ aud: 'confidential-rp', tid: oidc.tenantId, roles: ['Signet.Admin'] });
      expect(claims.oid).toMatch(/^[0-9a-f-]{36}$/);
      expect(claims.hetu).toBeUndefined();
      subjects.push(claims.sub as string);
    }
    expect(subjects[0]).toBe(subjects[1]);
  });

  test('a sign-in asking for an API scope also gets an Entra-shaped access token for the API', async () => {
    const { verifier, challenge } = pkce();
    const url = new URL(authorizeUrl('public-spa', challenge, 's', 'n'));
    url.searchParams.set('scope', 'openid profile email Envelopes.ReadWrite');
    const landed = await oidc.signIn(url.href, { email: 'ada@example.com', name: 'Ada' });
    const response = await exchange({
      client_id: 'public-spa',
      code: landed.searchParams.get('code')!,
      code_verifier: verifier,
    });
    expect(response.status).toBe(200);
    const claims = await verifiedClaims(((await response.json()) as { access_token: string }).access_token);
    expect(claims).toMatchObject({
      aud: oidc.audience,
      tid: oidc.tenantId,
      preferred_username: 'ada@example.com',
      roles: ['Signet.Admin'],
      scp: 'Envelopes.ReadWrite',
    });
  });

  test('a public client without PKCE is refused, and the login page escapes what it shows', async () => {
    const response = await fetch(authorizeUrl('public-spa', undefined, 's', 'n'), { redirect: 'manual' });
    const location = new URL(response.headers.get('location')!);
    expect(location.searchParams.get('error')).toBe('invalid_request');

    const page = await fetch(`${oidc.issuer}/interaction/not-a-real-uid`);
    expect(page.status).toBe(400);
    expect(await page.text()).not.toContain('<script');
  });
});
