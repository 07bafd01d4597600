import { AppError, AppErrorCode } from '@signet/shared';

/** Why `jwtVerify` refused a token, by jose's stable error codes; the reason goes into the message. */
const REASONS: Readonly<Record<string, string>> = {
  ERR_JWT_EXPIRED: 'the token has expired',
  ERR_JWS_SIGNATURE_VERIFICATION_FAILED: 'the token signature is not valid',
  ERR_JOSE_ALG_NOT_ALLOWED: 'the token algorithm is not allowed (RS256 or ES256 only)',
  ERR_JWKS_NO_MATCHING_KEY: "the token was signed with a key the issuer's key set does not have",
  ERR_JWKS_MULTIPLE_MATCHING_KEYS: "the token names no key id and the issuer's key set has several keys",
  ERR_JOSE_NOT_SUPPORTED: 'the token uses an unsupported algorithm or key',
  ERR_JWS_INVALID: 'the token is not a well-formed signed JWT',
  ERR_JWT_INVALID: 'the token is not a well-formed JWT',
};

/** Claims whose failed check has a clearer reason than jose's own. */
const CLAIM_REASONS: Readonly<Record<string, string>> = {
  aud: 'the token is for another audience',
  iss: 'the token is from another issuer',
  nbf: 'the token is not valid yet',
  exp: 'the token has no valid expiry (exp)',
};

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * UNAUTHENTICATED with the reason a bearer JWT was refused. The token itself, its claims and jose's own
 * message (which may quote claim values) are never copied into the error: it reaches clients and logs.
 * AppErrors (IDENTITY_PROVIDER_UNAVAILABLE from the key set) pass through unchanged.
 */
export function toJwtAuthError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const code = codeOf(error);
  let reason = code ? REASONS[code] : undefined;
  if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED') {
    const claim = (error as { claim?: unknown }).claim;
    reason = (typeof claim === 'string' && CLAIM_REASONS[claim]) || `the token's "${String(claim)}" claim is not valid`;
  }
  return new AppError(AppErrorCode.UNAUTHENTICATED, {
    message: `the bearer token was refused: ${reason ?? 'it could not be verified'}`,
  });
}
