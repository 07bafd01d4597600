import { createHash } from 'node:crypto';
import { AppError, AppErrorCode } from '@signet/shared';
import type { SignetConfig } from '@signet/shared/node';

type OidcConfig = NonNullable<SignetConfig['oidc']>;
type WebClient = NonNullable<OidcConfig['webClient']>;

/** The endpoints of the issuer's discovery document the sign-in uses. */
export type IssuerEndpoints = { authorizationEndpoint: string; tokenEndpoint: string };

const FETCH_TIMEOUT_MS = 5_000;

function unavailable(what: string, cause?: unknown): AppError {
  return new AppError(AppErrorCode.IDENTITY_PROVIDER_UNAVAILABLE, {
    message: `the identity provider's ${what} failed`,
    cause,
  });
}

/** PKCE S256 (RFC 7636): base64url(SHA-256(verifier)). */
export function codeChallengeOf(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

/**
 * Reads the discovery document once (and again after a failure); it must name the configured issuer, so a
 * look-alike document cannot redirect the sign-in elsewhere.
 */
export function createEndpointDiscovery(oidc: OidcConfig): () => Promise<IssuerEndpoints> {
  let pending: Promise<IssuerEndpoints> | undefined;
  const load = async (): Promise<IssuerEndpoints> => {
    const url = `${oidc.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
    let document: { issuer?: unknown; authorization_endpoint?: unknown; token_endpoint?: unknown };
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
      if (!response.ok) throw unavailable(`discovery document (HTTP ${response.status})`);
      document = (await response.json()) as typeof document;
    } catch (error) {
      throw error instanceof AppError ? error : unavailable('discovery document', error);
    }
    const { issuer, authorization_endpoint: authorize, token_endpoint: token } = document;
    if (issuer !== oidc.issuer || typeof authorize !== 'string' || typeof token !== 'string') {
      throw new AppError(AppErrorCode.INVALID_CONFIG, {
        message: `the discovery document at ${url} does not describe issuer ${oidc.issuer} with its endpoints`,
      });
    }
    return { authorizationEndpoint: authorize, tokenEndpoint: token };
  };
  return () => {
    pending ??= load().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}

/** The authorize URL of a sign-in: code flow, `openid profile email`, with state, nonce and PKCE S256. */
export function authorizeUrl(
  endpoints: IssuerEndpoints,
  client: WebClient,
  login: { state: string; nonce: string; codeVerifier: string; redirectUri: string },
): string {
  const url = new URL(endpoints.authorizationEndpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: client.clientId,
    redirect_uri: login.redirectUri,
    scope: 'openid profile email',
    state: login.state,
    nonce: login.nonce,
    code_challenge: codeChallengeOf(login.codeVerifier),
    code_challenge_method: 'S256',
  }).toString();
  return url.toString();
}

/**
 * Exchanges the callback's code for tokens at the token endpoint (client_secret_basic for a confidential
 * client, client_id in the body for a public one) and answers the id_token, unverified.
 */
export async function exchangeCode(
  endpoints: IssuerEndpoints,
  client: WebClient,
  exchange: { code: string; codeVerifier: string; redirectUri: string },
): Promise<string> {
  const body = new URLSearchParams({
    grant_type: 'authorization_code',
    code: exchange.code,
    redirect_uri: exchange.redirectUri,
    code_verifier: exchange.codeVerifier,
    ...(client.clientSecret ? {} : { client_id: client.clientId }),
  });
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (client.clientSecret) {
    const basic = `${encodeURIComponent(client.clientId)}:${encodeURIComponent(client.clientSecret)}`;
    headers.authorization = `Basic ${Buffer.from(basic).toString('base64')}`;
  }
  let response: Response;
  try {
    response = await fetch(endpoints.tokenEndpoint, {
      method: 'POST',
      headers,
      body,
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    });
  } catch (error) {
    throw unavailable('token endpoint', error);
  }
  const answer = (await response.json().catch(() => ({}))) as { id_token?: unknown; error?: unknown };
  if (response.status >= 500) throw unavailable(`token endpoint (HTTP ${response.status})`);
  if (!response.ok || typeof answer.id_token !== 'string') {
    // invalid_grant and friends: an old, used or forged code is the browser's problem, not an outage.
    const reason = typeof answer.error === 'string' ? answer.error.slice(0, 64) : `HTTP ${response.status}`;
    throw new AppError(AppErrorCode.UNAUTHENTICATED, { message: `the sign-in code was refused (${reason})` });
  }
  return answer.id_token;
}
