import { AppError, AppErrorCode } from '@signet/shared';
import type { SignetConfig } from '@signet/shared/node';
import type { Caller } from './caller';
import type { JWTVerifyGetKey } from './jose';
import { jose } from './jose';
import { callerFromClaims } from './jwt-caller';
import { toJwtAuthError } from './jwt-errors';

type OidcConfig = NonNullable<SignetConfig['oidc']>;

/** Checks a bearer JWT and answers its caller; UNAUTHENTICATED (with the reason) when it is not acceptable. */
export type JwtAuthenticator = (token: string) => Promise<Caller>;

/**
 * Entra ID signs access tokens with RS256; ES256 is allowed for other OpenID Connect issuers. Listing them
 * is what stops `alg: none` and HS256-with-the-public-key confusion.
 */
export const JWT_ALGORITHMS = ['RS256', 'ES256'];
/** Clock skew tolerated on `exp`, `nbf` and `iat` between the issuer and this server. */
export const JWT_CLOCK_TOLERANCE_SECONDS = 60;

const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/** True when a bearer token has the shape of a compact JWS (three base64url parts), so it is worth verifying. */
export function looksLikeJwt(token: string): boolean {
  return COMPACT_JWS.test(token);
}

/**
 * Verifies bearer JWTs against the configured issuer (decision 0013): signature by one of `keys`
 * (the issuer's JWKS), `alg` in JWT_ALGORITHMS, `iss`, `aud` (any of the configured audiences), `exp`
 * required, `nbf`, and `tid` when a tenant is configured. The caller comes from the claims (`jwt-caller.ts`).
 */
export function createJwtAuthenticator(oidc: OidcConfig, keys: JWTVerifyGetKey): JwtAuthenticator {
  return async (token) => {
    let payload: Awaited<ReturnType<typeof jose.jwtVerify>>['payload'];
    try {
      ({ payload } = await jose.jwtVerify(token, keys, {
        issuer: oidc.issuer,
        audience: oidc.audiences,
        algorithms: JWT_ALGORITHMS,
        clockTolerance: JWT_CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['exp'],
      }));
    } catch (error) {
      throw toJwtAuthError(error);
    }
    if (oidc.tenantId !== undefined && payload.tid !== oidc.tenantId) {
      throw new AppError(AppErrorCode.UNAUTHENTICATED, {
        message: 'the bearer token was refused: it is from another tenant',
      });
    }
    return callerFromClaims(payload, oidc.adminRole);
  };
}
