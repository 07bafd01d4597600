#!/usr/bin/env node
// A local OpenID Connect issuer standing in for Microsoft Entra ID (decision 0013), for `npm start` and the
// tests: `oidc-provider` (a certified implementation) on a loopback port, issuing RS256 JWT access tokens
// through the real token endpoint (client credentials with a resource indicator, RFC 8707).
//
// Each configured user is a confidential client; its tokens carry the claims Entra puts in a delegated
// access token for that user: aud, iss, tid, oid, preferred_username, name, roles (app roles) and scp
// (delegated permissions, as requested with `scope`). Entra never issues user claims to client credentials;
// this is a test stand-in so tokens can be had without a browser.
//
// Run as a child process (oidc-provider is ESM-only, which Jest's CommonJS runtime cannot load). Input: the
// JSON in SIGNET_LOCAL_OIDC, { port?, audience, tenantId, scopes?, users: [{ email, name?, roles?,
// clientId, clientSecret }] }. Output: one JSON line on stdout once listening, { issuer, tokenEndpoint, jwksUri }.
// Loopback only; the keys are made afresh at every start and never written anywhere.
import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import Provider, { errors } from 'oidc-provider';

const options = JSON.parse(process.env.SIGNET_LOCAL_OIDC ?? '{}');
const audience = options.audience ?? 'api://signet-local';
const tenantId = options.tenantId ?? '00000000-0000-4000-8000-000000000001';
const scopes = options.scopes ?? ['user_impersonation', 'Envelopes.Read', 'Envelopes.ReadWrite', 'Documents.Verify'];
const users = new Map((options.users ?? []).map((user) => [user.clientId, { ...user, oid: randomUUID() }]));

function signingKey() {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid: randomBytes(8).toString('hex'), alg: 'RS256', use: 'sig' };
}

const server = createServer();
await new Promise((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  jwks: { keys: [signingKey()] },
  cookies: { keys: [randomBytes(32).toString('base64url')] },
  clients: [...users.values()].map((user) => ({
    client_id: user.clientId,
    client_secret: user.clientSecret,
    grant_types: ['client_credentials'],
    response_types: [],
    redirect_uris: [],
    token_endpoint_auth_method: 'client_secret_basic',
  })),
  features: {
    devInteractions: { enabled: false },
    clientCredentials: { enabled: true },
    introspection: { enabled: false },
    revocation: { enabled: false },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => audience,
      useGrantedResource: () => true,
      getResourceServerInfo: (_ctx, resource) => {
        if (resource !== audience) throw new errors.InvalidTarget(`unknown resource; use ${audience}`);
        return {
          scope: scopes.join(' '),
          audience,
          accessTokenTTL: 3600,
          accessTokenFormat: 'jwt',
          jwt: { sign: { alg: 'RS256' } },
        };
      },
    },
  },
  extraTokenClaims: (_ctx, token) => {
    const user = users.get(token.clientId);
    if (!user) return undefined;
    return {
      ver: '2.0',
      tid: tenantId,
      oid: user.oid,
      preferred_username: user.email,
      name: user.name ?? user.email,
      roles: user.roles ?? [],
      scp: token.scope ?? '',
    };
  },
});
// oidc-provider logs failed requests through its own events; a token request's body never reaches them.
provider.on('server_error', (_ctx, error) => console.error(`[local-oidc] server error: ${error.message}`));
server.on('request', provider.callback());

console.log(
  JSON.stringify({ issuer, tokenEndpoint: `${issuer}/token`, jwksUri: `${issuer}/jwks`, audience, tenantId }),
);
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
