/** What an API key may do. Routes name the scope they need (`auth/route-policy.ts`). */
export const ApiKeyScope = {
  /** List and read envelopes, list the library. */
  ENVELOPES_READ: 'envelopes:read',
  /** Create envelopes and act on them (cancel, extend, remind, recipients, legal hold). */
  ENVELOPES_WRITE: 'envelopes:write',
  /** `POST /api/v1/verify`. */
  VERIFY: 'verify',
  /** Manage API keys; only admin keys may hold it. */
  ADMIN: 'admin',
} as const;
export type ApiKeyScope = (typeof ApiKeyScope)[keyof typeof ApiKeyScope];
export const API_KEY_SCOPES = Object.values(ApiKeyScope);

/** Whose envelopes a key reaches: a sender's own, or (admin) everyone's. */
export const ApiKeyRole = { SENDER: 'sender', ADMIN: 'admin' } as const;
export type ApiKeyRole = (typeof ApiKeyRole)[keyof typeof ApiKeyRole];
export const API_KEY_ROLES = Object.values(ApiKeyRole);

/** Scopes a new key gets when the request names none: everything its role allows. */
export function defaultScopesOf(role: ApiKeyRole): ApiKeyScope[] {
  return role === ApiKeyRole.ADMIN ? [...API_KEY_SCOPES] : API_KEY_SCOPES.filter((s) => s !== ApiKeyScope.ADMIN);
}
