import type { TRecipientCredential, TVerifiedIdentity } from '@signet/shared';
import { AuthMethod, RecipientAuthentication, satisfiesAuthentication } from '@signet/shared';
import type { ApiContext } from '../context';
import type { RecipientAccess } from './recipient-access';
import { authenticationRequired, loadRecipientAccess } from './recipient-access';
import { findRecipientSession } from './recipient-session-store';

/** Header the signing page sends its recipient session in (never a cookie: decision 0014). */
export const SESSION_HEADER = 'x-signet-session';

/** A recipient who has shown everything the sender asked for: the credential and identity the workflow gets. */
export type AuthenticatedRecipient = RecipientAccess & {
  credential: TRecipientCredential;
  identity: TVerifiedIdentity | undefined;
};

/**
 * The link alone for LINK slots. Otherwise a live session for exactly this slot must come in
 * `X-Signet-Session` (AUTHENTICATION_REQUIRED, 401, with the method to use, when it is missing, unknown,
 * expired, another recipient's or from another link of a replaced slot). The workflow checks the method
 * again, and refuses a session's actions once the recipient acted or the envelope ended.
 */
export async function authenticateRecipient(
  ctx: ApiContext,
  token: string,
  sessionToken: string | undefined,
): Promise<AuthenticatedRecipient> {
  const access = await loadRecipientAccess(ctx, token);
  const required = access.requirements.authentication;
  if (required === RecipientAuthentication.LINK) {
    return { ...access, credential: access.link.credential, identity: undefined };
  }
  if (!sessionToken || !ctx.database) throw authenticationRequired(access);
  const session = await findRecipientSession(ctx.database, sessionToken, access.link, ctx.now());
  if (!session || !satisfiesAuthentication(required, AuthMethod[session.method])) {
    throw authenticationRequired(access, 'the recipient session is missing, expired or not for this link');
  }
  return {
    ...access,
    credential: { ...access.link.credential, authMethod: AuthMethod[session.method] },
    identity: session.identity,
  };
}

/** The session header's value, if one was sent (a repeated header is refused by taking none). */
export function sessionHeaderOf(headers: Record<string, string | string[] | undefined>): string | undefined {
  const value = headers[SESSION_HEADER];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
