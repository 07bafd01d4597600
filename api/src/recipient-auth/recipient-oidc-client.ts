import { createHash } from 'node:crypto';
import { AppError, AppErrorCode } from '@signet/shared';
import type { RecipientOidcProviderConfig } from '@signet/shared/node';
import type { JWTPayload, JWTVerifyGetKey } from '../auth/jose';
import { jose } from '../auth/jose';

/** A recipient identity provider after discovery: where to send people, where to redeem codes, its keys. */
export type DiscoveredProvider = {
  config: RecipientOidcProviderConfig;
  /** The discovery document's issuer; Entra's multi-tenant ones contain `{tenantid}`. */
  issuer: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  keys: JWTVerifyGetKey;
};

const FETCH_TIMEOUT_MS = 5_000;
// One discovery per provider configuration per process: the document changes rarely, the keys are jose's.
const discovered = new WeakMap<RecipientOidcProviderConfig, Promise<DiscoveredProvider>>();

function unavailable(what: string, cause?: unknown): AppError {
  return new AppError(AppErrorCode.IDENTITY_PROVIDER_UNAVAILABLE, {
    message: `the recipient identity provider's ${what} failed`,
    cause,
  });
}

async function discover(config: RecipientOidcProviderConfig): Promise<DiscoveredProvider> {
  const url = `${config.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
  let document: Record<string, unknown>;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
    if (!response.ok) throw unavailable(`discovery (HTTP ${response.status})`);
    document = (await response.json()) as Record<string, unknown>;
  } catch (error) {
    throw error instanceof AppError ? error : unavailable('discovery', error);
  }
  const { issuer, authorization_endpoint, token_endpoint, jwks_uri } = document;
  if (
    typeof issuer !== 'string' ||
    typeof authorization_endpoint !== 'string' ||
    typeof token_endpoint !== 'string' ||
    typeof jwks_uri !== 'string'
  ) {
    throw new AppError(AppErrorCode.INVALID_CONFIG, { message: `${url} is not an OpenID Connect discovery document` });
  }
  return {
    config,
    issuer,
    authorizationEndpoint: authorization_endpoint,
    tokenEndpoint: token_endpoint,
    keys: jose.createRemoteJWKSet(new URL(jwks_uri), { timeoutDuration: FETCH_TIMEOUT_MS }),
  };
}

/** The provider's metadata, discovered on first use (a failed discovery is tried again next time). */
export async function discoverProvider(config: RecipientOidcProviderConfig): Promise<DiscoveredProvider> {
  let pending = discovered.get(config);
  if (!pending) {
    pending = discover(config);
    discovered.set(config, pending);
    pending.catch(() => discovered.delete(config));
  }
  return pending;
}

/** PKCE S256 challenge of a verifier (RFC 7636). */
export function pkceChallenge(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

export type AuthorizationRequest = {
  redirectUri: string;
  state: string;
  nonce: string;
  codeVerifier: string;
  loginHint?: string;
};

/** The authorization-code request (with PKCE S256 and a nonce) the recipient's browser is sent to. */
export function authorizationUrl(provider: DiscoveredProvider, request: AuthorizationRequest): string {
  const url = new URL(provider.authorizationEndpoint);
  const params = {
    client_id: provider.config.clientId,
    response_type: 'code',
    redirect_uri: request.redirectUri,
    scope: 'openid profile email',
    state: request.state,
    nonce: request.nonce,
    code_challenge: pkceChallenge(request.codeVerifier),
    code_challenge_method: 'S256',
    ...(request.loginHint ? { login_hint: request.loginHint } : {}),
  };
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.toString();
}

/** Redeems the code at the token endpoint (client_secret_basic for a confidential client) for an id_token. */
export async function redeemCode(
  provider: DiscoveredProvider,
  request: { code: string; redirectUri: string; codeVerifier: string },
): Promise<string> {
  const { clientId, clientSecret } = provider.config;
  const body = new URLSearchParams({
    grant_type: 'authorization_code',
    code: request.code,
    redirect_uri: request.redirectUri,
    code_verifier: request.codeVerifier,
    ...(clientSecret ? {} : { client_id: clientId }),
  });
  const basic = clientSecret
    ? `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString('base64')}`
    : undefined;
  let response: Response;
  try {
    response = await fetch(provider.tokenEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(basic ? { authorization: basic } : {}) },
      body,
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    });
  } catch (error) {
    throw unavailable('token endpoint', error);
  }
  const answer = (await response.json().catch(() => ({}))) as { id_token?: unknown; error?: unknown };
  if (!response.ok || typeof answer.id_token !== 'string') {
    // invalid_grant and friends: a used, expired or foreign code. The answer's text is not the user's business.
    throw new AppError(AppErrorCode.AUTHENTICATION_FAILED, {
      message: `the identity provider refused the code (${response.status} ${typeof answer.error === 'string' ? answer.error : ''})`,
    });
  }
  return answer.id_token;
}

/**
 * Verifies the id_token: signature against the provider's keys, `aud` = our client id, `exp`/`iat` (60 s
 * leeway), `iss` = the discovered issuer (with `{tenantid}` filled from `tid` for Entra's multi-tenant
 * endpoints) and the `nonce` we sent. AUTHENTICATION_FAILED otherwise.
 */
export async function verifyIdToken(provider: DiscoveredProvider, idToken: string, nonce: string): Promise<JWTPayload> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jose.jwtVerify(idToken, provider.keys, {
      audience: provider.config.clientId,
      algorithms: ['RS256', 'PS256', 'ES256'],
      clockTolerance: 60,
      requiredClaims: ['iss', 'sub', 'exp', 'iat'],
    }));
  } catch (error) {
    throw new AppError(AppErrorCode.AUTHENTICATION_FAILED, { message: 'the id_token is not valid', cause: error });
  }
  const tid = typeof payload.tid === 'string' ? payload.tid : '';
  const expectedIssuer = provider.issuer.includes('{tenantid}')
    ? provider.issuer.replace('{tenantid}', tid)
    : provider.issuer;
  if (payload.iss !== expectedIssuer || (provider.issuer.includes('{tenantid}') && !tid)) {
    throw new AppError(AppErrorCode.AUTHENTICATION_FAILED, { message: 'the id_token comes from another issuer' });
  }
  if (payload.nonce !== nonce) {
    throw new AppError(AppErrorCode.AUTHENTICATION_FAILED, { message: 'the id_token is not for this sign-in' });
  }
  return payload;
}
