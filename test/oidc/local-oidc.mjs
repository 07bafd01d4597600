#!/usr/bin/env node
// A local OpenID Connect issuer standing in for Microsoft Entra ID (decision 0013) and for a strong-
// authentication broker (decision 0014), for `npm start` and the tests: `oidc-provider` (a certified
// implementation) on a loopback port. Development and tests only.
//
// Two ways to get tokens:
// - Client credentials (no browser): each configured user is a confidential client; its RS256 JWT access
//   tokens (resource indicator, RFC 8707) carry the claims Entra puts in a delegated access token for that
//   user: aud, iss, tid, oid, preferred_username, name, roles (app roles) and scp. Entra never issues user
//   claims to client credentials; this is a stand-in so tokens can be had without a browser.
// - Authorization code + PKCE (interactive clients): the issuer's own login form asks for email, name and an
//   optional national identity number; whoever fills it in is signed in (consent is implicit). The id_token
//   carries sub (stable per email), email, email_verified, name, preferred_username, for a configured user
//   (matched by email) also oid, tid and roles, and the national id under `nationalIdClaim` when one was given.
//
// Run as a child process (oidc-provider is ESM-only, which Jest's CommonJS runtime cannot load). Input: the
// JSON in SIGNET_LOCAL_OIDC, { port?, audience, tenantId, scopes?, nationalIdClaim?, users: [{ email, name?,
// roles?, clientId, clientSecret }], interactiveClients: [{ clientId, clientSecret?, redirectUris }] }
// (a client with a secret is confidential, client_secret_basic; without one it is public and must use PKCE).
// Output: one JSON line on stdout once listening, { issuer, tokenEndpoint, jwksUri, audience, tenantId }.
// Loopback only; the keys are made afresh at every start and never written anywhere.
import { createHash, generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import Provider, { errors } from 'oidc-provider';

const options = JSON.parse(process.env.SIGNET_LOCAL_OIDC ?? '{}');
const audience = options.audience ?? 'api://signet-local';
const tenantId = options.tenantId ?? '00000000-0000-4000-8000-000000000001';
const scopes = options.scopes ?? ['user_impersonation', 'Envelopes.Read', 'Envelopes.ReadWrite', 'Documents.Verify'];
const nationalIdClaim = options.nationalIdClaim ?? 'national_identity_number';
const users = new Map((options.users ?? []).map((user) => [user.clientId, { ...user, oid: randomUUID() }]));
const interactiveClients = options.interactiveClients ?? [];
/** Who signed in through the form, by account id (sub); the latest entry per email wins. */
const accounts = new Map();

function signingKey() {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid: randomBytes(8).toString('hex'), alg: 'RS256', use: 'sig' };
}

function configuredUser(email) {
  return [...users.values()].find((user) => user.email.toLowerCase() === email.toLowerCase());
}

/** The same email always gets the same subject, so a relying party sees one person across sign-ins. */
function accountIdFor(email) {
  return createHash('sha256').update(`local-oidc:${email.toLowerCase()}`).digest('base64url').slice(0, 32);
}

/** A uuid-shaped object id derived from the account, for people who are not configured users. */
function derivedOid(accountId) {
  const hex = createHash('sha256').update(`oid:${accountId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function userClaims(account) {
  const user = configuredUser(account.email);
  return {
    sub: account.accountId,
    email: account.email,
    email_verified: true,
    name: account.name,
    preferred_username: account.email,
    ...(user ? { oid: user.oid, tid: tenantId, roles: user.roles ?? [] } : {}),
    ...(account.nationalId ? { [nationalIdClaim]: account.nationalId } : {}),
  };
}

const server = createServer();
await new Promise((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  jwks: { keys: [signingKey()] },
  cookies: { keys: [randomBytes(32).toString('base64url')] },
  clients: [
    ...[...users.values()].map((user) => ({
      client_id: user.clientId,
      client_secret: user.clientSecret,
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
      token_endpoint_auth_method: 'client_secret_basic',
    })),
    ...interactiveClients.map((client) => ({
      client_id: client.clientId,
      ...(client.clientSecret ? { client_secret: client.clientSecret } : {}),
      grant_types: ['authorization_code'],
      response_types: ['code'],
      redirect_uris: client.redirectUris,
      token_endpoint_auth_method: client.clientSecret ? 'client_secret_basic' : 'none',
    })),
  ],
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name', 'preferred_username', 'oid', 'tid', 'roles', nationalIdClaim],
  },
  // The scope's claims go into the id_token itself (relying parties here read no userinfo).
  conformIdTokenClaims: false,
  findAccount: (_ctx, sub) => {
    const account = accounts.get(sub);
    if (!account) return undefined;
    return { accountId: sub, claims: () => userClaims(account) };
  },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  // Consent is implicit: whatever the client asked for (within what the issuer offers) is granted at once.
  loadExistingGrant: async (ctx) => {
    const existing = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (existing) return ctx.oidc.provider.Grant.find(existing);
    if (!ctx.oidc.session.accountId) return undefined;
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope([...ctx.oidc.requestParamOIDCScopes].join(' '));
    for (const [indicator, resourceServer] of Object.entries(ctx.oidc.resourceServers ?? {})) {
      const granted = [...ctx.oidc.requestParamScopes].filter((scope) => resourceServer.scopes.has(scope));
      if (granted.length > 0) grant.addResourceScope(indicator, granted.join(' '));
    }
    await grant.save();
    return grant;
  },
  clientBasedCORS: () => true,
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
    const account = token.accountId ? accounts.get(token.accountId) : undefined;
    const user = account ? configuredUser(account.email) : users.get(token.clientId);
    if (!user && !account) return undefined;
    const email = account?.email ?? user.email;
    return {
      ver: '2.0',
      tid: tenantId,
      oid: user?.oid ?? derivedOid(account.accountId),
      preferred_username: email,
      name: account?.name ?? user.name ?? email,
      roles: user?.roles ?? [],
      scp: (token.scope ?? '')
        .split(' ')
        .filter((scope) => scopes.includes(scope))
        .join(' '),
    };
  },
});
// oidc-provider logs failed requests through its own events; a token request's body never reaches them.
provider.on('server_error', (_ctx, error) => console.error(`[local-oidc] server error: ${error.message}`));

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (value) => String(value).replace(/[&<>"']/g, (character) => ESCAPES[character]);

function sendHtml(res, status, body) {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    // No script at all; the form posts back to this origin and the issuer redirects onwards.
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  });
  res.end(body);
}

function loginPage(uid, clientId, error) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sign in — local issuer</title>
<style>body{font-family:sans-serif;max-width:28rem;margin:3rem auto}label{display:block;margin-top:1rem}input{width:100%;padding:.4rem}button{margin-top:1.5rem;padding:.5rem 1.5rem}.error{color:#a00}</style>
</head><body>
<h1>Sign in</h1>
<p>Local development issuer; <strong>${escapeHtml(clientId)}</strong> asks who you are. Nothing is checked.</p>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
<label for="email">Email</label><input id="email" name="email" type="email" required autocomplete="email">
<label for="name">Name</label><input id="name" name="name" type="text" required autocomplete="name">
<label for="national-id">National identity number (optional)</label><input id="national-id" name="nationalId" type="text" autocomplete="off">
<button id="sign-in" type="submit">Sign in</button>
</form>
</body></html>`;
}

async function readForm(req) {
  let body = '';
  for await (const chunk of req) {
    body += chunk;
    if (body.length > 10_000) throw new Error('form too large');
  }
  return new URLSearchParams(body);
}

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

async function handleInteraction(req, res, uid, action) {
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) return sendHtml(res, 400, '<!doctype html><p>This sign-in has expired; start again.</p>');
  if (req.method === 'GET' && !action) {
    if (details.prompt.name === 'login') return sendHtml(res, 200, loginPage(uid, details.params.client_id));
    // Any other prompt (consent): granted implicitly by loadExistingGrant, so finish with what exists.
    return provider.interactionFinished(req, res, {}, { mergeWithLastSubmission: true });
  }
  if (req.method === 'POST' && action === 'login') {
    const form = await readForm(req);
    const email = (form.get('email') ?? '').trim();
    const name = (form.get('name') ?? '').trim();
    const nationalId = (form.get('nationalId') ?? '').trim();
    if (!EMAIL.test(email) || name.length === 0 || email.length > 254 || name.length > 200 || nationalId.length > 64) {
      return sendHtml(res, 400, loginPage(uid, details.params.client_id, 'Enter a valid email address and a name.'));
    }
    const accountId = accountIdFor(email);
    accounts.set(accountId, { accountId, email, name, nationalId: nationalId || undefined });
    return provider.interactionFinished(req, res, { login: { accountId } }, { mergeWithLastSubmission: false });
  }
  return sendHtml(res, 405, '<!doctype html><p>Method not allowed.</p>');
}

const providerCallback = provider.callback();
server.on('request', (req, res) => {
  const match = /^\/interaction\/([A-Za-z0-9_-]+)(?:\/(login))?$/.exec(new URL(req.url, issuer).pathname);
  if (!match) return providerCallback(req, res);
  handleInteraction(req, res, match[1], match[2]).catch((error) => {
    console.error(`[local-oidc] interaction failed: ${error.message}`);
    if (!res.headersSent) sendHtml(res, 400, '<!doctype html><p>This sign-in has expired or failed; start again.</p>');
  });
});

console.log(
  JSON.stringify({ issuer, tokenEndpoint: `${issuer}/token`, jwksUri: `${issuer}/jwks`, audience, tenantId }),
);
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
