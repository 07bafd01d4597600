import { AppError, AppErrorCode, isValidEmail, normaliseEmail } from '@signet/shared';
import { ApiKeyRole, ApiKeyScope } from '../api-keys/api-key-vocabulary';
import type { Caller } from './caller';
import type { JWTPayload } from './jose';

const SENDER_SCOPES = [ApiKeyScope.ENVELOPES_READ, ApiKeyScope.ENVELOPES_WRITE, ApiKeyScope.VERIFY] as const;

/**
 * Delegated permissions (the `scp` claim, space-separated) → Signet scopes. These are the scopes the API's
 * Entra app registration exposes ("Expose an API"); any other value is ignored. `user_impersonation` is the
 * one SPFx's AadHttpClient asks for: everything a sender may do. An admin (app role) additionally gets the
 * `admin` scope (API keys) only through `user_impersonation`, never through a narrower permission.
 */
export const ENTRA_SCOPE_MAP: Readonly<Record<string, readonly ApiKeyScope[]>> = {
  user_impersonation: SENDER_SCOPES,
  'Envelopes.Read': [ApiKeyScope.ENVELOPES_READ],
  'Envelopes.ReadWrite': [ApiKeyScope.ENVELOPES_READ, ApiKeyScope.ENVELOPES_WRITE],
  'Documents.Verify': [ApiKeyScope.VERIFY],
};

/** The claims naming the user, in order of preference: Entra v2 tokens carry `preferred_username`, v1 `upn`. */
const EMAIL_CLAIMS = ['preferred_username', 'email', 'upn'] as const;

function unauthenticated(reason: string): AppError {
  return new AppError(AppErrorCode.UNAUTHENTICATED, { message: `the bearer token was refused: ${reason}` });
}

function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return value.split(' ').filter(Boolean);
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function emailOf(claims: JWTPayload): string {
  for (const name of EMAIL_CLAIMS) {
    const value = claims[name];
    if (typeof value === 'string' && isValidEmail(value.trim())) return normaliseEmail(value);
  }
  // App-only tokens (client credentials) name no user; automation uses API keys instead.
  throw unauthenticated('it names no user (no preferred_username, email or upn e-mail address)');
}

/**
 * The caller a verified token stands for: the user's lower-cased e-mail as subject (it is what envelopes
 * record as their sender), admin when `roles` holds `adminRole`, scopes from `scp` (`ENTRA_SCOPE_MAP`).
 */
export function callerFromClaims(claims: JWTPayload, adminRole: string): Caller {
  const subject = emailOf(claims);
  const isAdmin = stringsOf(claims.roles).includes(adminRole);
  const delegated = stringsOf(claims.scp);
  const scopes = new Set(delegated.flatMap((name) => ENTRA_SCOPE_MAP[name] ?? []));
  if (isAdmin && delegated.includes('user_impersonation')) scopes.add(ApiKeyScope.ADMIN);
  return {
    kind: 'user',
    subject,
    role: isAdmin ? ApiKeyRole.ADMIN : ApiKeyRole.SENDER,
    scopes: [...scopes],
  };
}
