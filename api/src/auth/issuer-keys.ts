import { AppError, AppErrorCode } from '@signet/shared';
import type { SignetConfig } from '@signet/shared/node';
import type { JWTVerifyGetKey } from './jose';
import { jose } from './jose';

type OidcConfig = NonNullable<SignetConfig['oidc']>;
type KeyArgs = Parameters<JWTVerifyGetKey>;

/** Fetches of discovery and keys give up after this; a request waits at most that long for the issuer. */
const FETCH_TIMEOUT_MS = 5_000;
/** Keys are fetched again at most this often when a token names an unknown `kid` (jose's rotation handling). */
const COOLDOWN_MS = 30_000;
/** …and at least this often otherwise, so a key the issuer withdrew stops being trusted. */
const MAX_KEY_AGE_MS = 10 * 60_000;

/** jose errors about the token's key choice, not about reaching the issuer: they stay UNAUTHENTICATED. */
const TOKEN_KEY_ERRORS = new Set([
  'ERR_JWKS_NO_MATCHING_KEY',
  'ERR_JWKS_MULTIPLE_MATCHING_KEYS',
  'ERR_JOSE_NOT_SUPPORTED',
  'ERR_JOSE_ALG_NOT_ALLOWED',
]);

function unavailable(what: string, cause: unknown): AppError {
  return new AppError(AppErrorCode.IDENTITY_PROVIDER_UNAVAILABLE, {
    message: `the identity provider's ${what} could not be fetched`,
    cause,
  });
}

/** The `jwks_uri` of the issuer's OpenID Connect discovery document, which must name the same issuer. */
async function discoverJwksUrl(issuer: string): Promise<URL> {
  const url = `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
  let document: { issuer?: unknown; jwks_uri?: unknown };
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
    if (!response.ok) throw unavailable(`discovery document (HTTP ${response.status})`, undefined);
    document = (await response.json()) as typeof document;
  } catch (error) {
    throw error instanceof AppError ? error : unavailable('discovery document', error);
  }
  if (document.issuer !== issuer || typeof document.jwks_uri !== 'string') {
    throw new AppError(AppErrorCode.INVALID_CONFIG, {
      message: `the discovery document at ${url} does not describe issuer ${issuer} with a jwks_uri`,
    });
  }
  return new URL(document.jwks_uri);
}

/**
 * The issuer's signing keys: SIGNET_OIDC_JWKS_URL, or the `jwks_uri` of its discovery document (looked up
 * on first use, so the API starts while the issuer is unreachable; a failed lookup is tried again on the
 * next request). jose caches the key set and fetches it again when a token names a key it has not seen.
 * Failures to reach the issuer are IDENTITY_PROVIDER_UNAVAILABLE (503), not the caller's fault.
 */
export function createIssuerKeys(oidc: OidcConfig): JWTVerifyGetKey {
  let keySet: Promise<JWTVerifyGetKey> | undefined;
  const loadKeySet = async () => {
    const url = oidc.jwksUrl ? new URL(oidc.jwksUrl) : await discoverJwksUrl(oidc.issuer);
    return jose.createRemoteJWKSet(url, {
      timeoutDuration: FETCH_TIMEOUT_MS,
      cooldownDuration: COOLDOWN_MS,
      cacheMaxAge: MAX_KEY_AGE_MS,
    });
  };
  return async (...args: KeyArgs) => {
    keySet ??= loadKeySet().catch((error: unknown) => {
      keySet = undefined;
      throw error;
    });
    const getKey = await keySet;
    try {
      return await getKey(...args);
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      if (typeof code === 'string' && TOKEN_KEY_ERRORS.has(code)) throw error;
      throw unavailable('signing keys (JWKS)', error);
    }
  };
}
