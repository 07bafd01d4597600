import { AppError, AppErrorCode, isAppErrorCode } from '@signet/shared';
import type { ApiContext } from '../context';
import { identityOf } from './identity-of';
import { loadRecipientAccess, assertMaySignIn } from './recipient-access';
import type { RecipientAuthDeps } from './recipient-auth-deps';
import { takePendingSignIn } from './oidc-login-store';
import { discoverProvider, redeemCode, verifyIdToken } from './recipient-oidc-client';
import { createRecipientSession } from './recipient-session-store';
import { providerFor, RECIPIENT_OIDC_CALLBACK_PATH } from './start-recipient-sign-in';

/** The callback's query string as the provider sent it. */
export type SignInCallback = { code?: string; state?: string; error?: string };

function signPage(deps: RecipientAuthDeps, linkToken: string, fragment: string): string {
  return `${deps.publicUrl}/sign/${encodeURIComponent(linkToken)}#${fragment}`;
}

/**
 * Finishes a recipient's sign-in and returns where to send the browser: the signing page with the new
 * session in the URL fragment (`#session=…`: never sent to a server nor in a Referer), or with
 * `#auth_error=<CODE>` (IDENTITY_MISMATCH, AUTHENTICATION_FAILED, ALREADY_ACTED, …). An unknown, used or
 * expired `state` has no page to go back to: AUTHENTICATION_FAILED (400) is thrown.
 */
export async function finishRecipientSignIn(
  ctx: ApiContext,
  deps: RecipientAuthDeps,
  callback: SignInCallback,
): Promise<string> {
  const pending = callback.state ? await takePendingSignIn(deps.db, callback.state, deps.now()) : undefined;
  if (!pending) {
    throw new AppError(AppErrorCode.AUTHENTICATION_FAILED, { message: 'unknown, used or expired sign-in state' });
  }
  try {
    if (callback.error || !callback.code) {
      throw new AppError(AppErrorCode.AUTHENTICATION_FAILED, { message: 'the identity provider returned no code' });
    }
    const access = await loadRecipientAccess(ctx, pending.linkToken);
    assertMaySignIn(access);
    const { provider, config } = providerFor(deps, access.requirements.authentication);
    if (provider !== pending.provider) {
      throw new AppError(AppErrorCode.AUTHENTICATION_FAILED, { message: 'the required sign-in changed meanwhile' });
    }
    const discovered = await discoverProvider(config);
    const idToken = await redeemCode(discovered, {
      code: callback.code,
      redirectUri: `${deps.publicUrl}${RECIPIENT_OIDC_CALLBACK_PATH}`,
      codeVerifier: pending.codeVerifier,
    });
    const claims = await verifyIdToken(discovered, idToken, pending.nonce);
    const identity = identityOf(deps, access, provider, claims);
    const issued = await createRecipientSession(deps.db, access.link, provider, identity, {
      nowMs: deps.now(),
      ttlMs: deps.config.sessionTtlMs,
    });
    return signPage(deps, pending.linkToken, `session=${encodeURIComponent(issued.session)}`);
  } catch (error) {
    const code = error instanceof AppError && isAppErrorCode(error.code) ? error.code : AppErrorCode.INTERNAL;
    deps.logger.warn('recipient sign-in failed', { code, message: error instanceof Error ? error.message : '' });
    return signPage(deps, pending.linkToken, `auth_error=${code}`);
  }
}
