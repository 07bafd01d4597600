import type { FastifyRequest } from 'fastify';
import { AppError, AppErrorCode } from '@signet/shared';
import type { ApiKeyIdentity } from '../api-keys/authenticate-api-key';
import type { ApiKeyScope } from '../api-keys/api-key-vocabulary';
import { API_KEY_SCOPES, ApiKeyRole } from '../api-keys/api-key-vocabulary';

/**
 * Who is calling a sender route, established by `createSenderAuth` before any handler runs.
 * - `operator`: the SIGNET_API_TOKEN holder; an admin with every scope (docs/decisions/0007).
 * - `api-key`: a key's owner, with the key's role and scopes; sender keys reach only their own envelopes.
 * - `user`: a person signed in with Microsoft Entra ID (a bearer JWT, `entra-jwt.ts`), role and scopes from the
 *   token's `roles` and `scp` claims; confined like an API key of the same role (docs/decisions/0013).
 */
export type Caller = {
  kind: 'operator' | 'api-key' | 'user';
  /** The owner's e-mail for API keys, the user's (lower-cased) for JWTs; `operator` for the operator token. */
  subject: string;
  role: ApiKeyRole;
  scopes: readonly ApiKeyScope[];
  /** The API key's id (not its secret), for logs and audit. */
  keyId?: string;
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
