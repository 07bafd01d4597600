import type { FastifyRequest } from 'fastify';
import { AppError, AppErrorCode, AuthMethod } from '@signet/shared';
import type { ApiKeyIdentity } from '../api-keys/authenticate-api-key';
import type { ApiKeyScope } from '../api-keys/api-key-vocabulary';
import { API_KEY_SCOPES, ApiKeyRole, defaultScopesOf } from '../api-keys/api-key-vocabulary';

/**
 * Who is calling a sender route, established by `createSenderAuth` before any handler runs.
 * - `operator`: the SIGNET_API_TOKEN holder; an admin with every scope (docs/decisions/0007).
 * - `api-key`: a key's owner, with the key's role and scopes; sender keys reach only their own envelopes.
 * - `user`: a person signed in with Microsoft Entra ID (a bearer JWT, `entra-jwt.ts`), role and scopes from the
 *   token's `roles` and `scp` claims; confined like an API key of the same role (docs/decisions/0013). Also a
 *   person signed in to the web UI (`viaSession`, decision 0017): role from the id_token, every scope of the role.
 */
export type Caller = {
  kind: 'operator' | 'api-key' | 'user';
  /** The owner's e-mail for API keys, the user's (lower-cased) for JWTs; `operator` for the operator token. */
  subject: string;
  role: ApiKeyRole;
  scopes: readonly ApiKeyScope[];
  /** The API key's id (not its secret), for logs and audit. */
  keyId?: string;
  /** True for a web UI session (cookie): unsafe requests must pass the CSRF check. */
  viaSession?: boolean;
};

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the sender authentication hook; undefined on routes without it. */
    caller?: Caller;
  }
}

export const OPERATOR_CALLER: Caller = Object.freeze({
  kind: 'operator',
  subject: 'operator',
  role: ApiKeyRole.ADMIN,
  scopes: Object.freeze([...API_KEY_SCOPES]),
});

export function callerFromApiKey(identity: ApiKeyIdentity): Caller {
  return {
    kind: 'api-key',
    subject: identity.owner,
    role: identity.role,
    scopes: identity.scopes,
    keyId: identity.keyId,
  };
}

/** The authenticated caller of a sender route; UNAUTHENTICATED if the hook did not run (a wiring fault). */
export function callerOf(request: FastifyRequest): Caller {
  if (!request.caller) throw new AppError(AppErrorCode.UNAUTHENTICATED, { message: 'no authenticated caller' });
  return request.caller;
}

/** True when the caller may see and act on every sender's envelopes. */
export function isAdmin(caller: Caller): boolean {
  return caller.role === ApiKeyRole.ADMIN;
}

/** The caller of a web UI session: a signed-in user with every scope their role has (the UI is the whole product). */
export function callerFromSession(session: { subject: string; role: ApiKeyRole }): Caller {
  return {
    kind: 'user',
    subject: session.subject,
    role: session.role,
    scopes: defaultScopesOf(session.role),
    viaSession: true,
  };
}

/**
 * How the caller proved who they are, as the audit trail records it: the operator token (API_TOKEN), an API
 * key (API_KEY), or Entra ID — a bearer JWT or a web UI session, both from the same sign-in (ENTRA_ID).
 */
export function authMethodOf(caller: Caller): AuthMethod {
  if (caller.kind === 'api-key') return AuthMethod.API_KEY;
  if (caller.kind === 'user') return AuthMethod.ENTRA_ID;
  return AuthMethod.API_TOKEN;
}
