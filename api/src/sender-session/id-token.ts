import { AppError, AppErrorCode, isValidEmail, normaliseEmail } from '@signet/shared';
import type { SignetConfig } from '@signet/shared/node';
import { ApiKeyRole } from '../api-keys/api-key-vocabulary';
import { JWT_ALGORITHMS, JWT_CLOCK_TOLERANCE_SECONDS } from '../auth/entra-jwt';
import type { JWTPayload, JWTVerifyGetKey } from '../auth/jose';
import { jose } from '../auth/jose';
import { toJwtAuthError } from '../auth/jwt-errors';
import type { SessionIdentity } from './session-store';

type OidcConfig = NonNullable<SignetConfig['oidc']>;

/** What an id_token must match: the issuer's keys, our client id (its `aud`) and the sign-in's `nonce`. */
export type IdTokenCheck = {
  oidc: OidcConfig;
  clientId: string;
  nonce: string;
  keys: JWTVerifyGetKey;
  /** Epoch milliseconds; jose's clock. */
  now: number;
};

/** The same claims a bearer JWT names its user by (`jwt-caller.ts`): Entra v2 `preferred_username`, then `email`, `upn`. */
const EMAIL_CLAIMS = ['preferred_username', 'email', 'upn'] as const;

function refused(reason: string): AppError {
  return new AppError(AppErrorCode.UNAUTHENTICATED, { message: `the sign-in was refused: ${reason}` });
}

function text(claims: JWTPayload, name: string): string | undefined {
  const value = claims[name];
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

function emailOf(claims: JWTPayload): string {
  for (const name of EMAIL_CLAIMS) {
    const value = text(claims, name);
    if (value && isValidEmail(value)) return normaliseEmail(value);
  }
  throw refused('the id_token names no e-mail address');
}

/**
 * Verifies the id_token of the authorization-code exchange (OpenID Connect Core §3.1.3.7): signature by the
 * issuer's keys (RS256/ES256 only), `iss`, `aud` = the web client, `exp` (required), `nonce` = the one this
 * sign-in sent, and `tid` when a tenant is configured. Answers the person it names, admin when `roles` holds
 * the admin role — the same mapping a bearer JWT gets. UNAUTHENTICATED with the reason otherwise.
 */
export async function verifyIdToken(idToken: string, check: IdTokenCheck): Promise<SessionIdentity> {
  let claims: JWTPayload;
  try {
    ({ payload: claims } = await jose.jwtVerify(idToken, check.keys, {
      issuer: check.oidc.issuer,
      audience: check.clientId,
      algorithms: JWT_ALGORITHMS,
      clockTolerance: JWT_CLOCK_TOLERANCE_SECONDS,
      requiredClaims: ['exp', 'nonce'],
      currentDate: new Date(check.now),
    }));
  } catch (error) {
    throw toJwtAuthError(error);
  }
  if (claims.nonce !== check.nonce) throw refused('the id_token is for another sign-in (nonce)');
  if (check.oidc.tenantId !== undefined && claims.tid !== check.oidc.tenantId) {
    throw refused('the id_token is from another tenant');
  }
  const subject = emailOf(claims);
  const roles = Array.isArray(claims.roles) ? claims.roles : [];
  const oid = text(claims, 'oid');
  const tid = text(claims, 'tid');
  return {
    subject,
    name: (text(claims, 'name') ?? subject).slice(0, 200),
    role: roles.includes(check.oidc.adminRole) ? ApiKeyRole.ADMIN : ApiKeyRole.SENDER,
    ...(oid ? { oid } : {}),
    ...(tid ? { tid } : {}),
  };
}
