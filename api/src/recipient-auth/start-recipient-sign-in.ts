import { AppError, AppErrorCode } from '@signet/shared';
import type { RecipientOidcProviderConfig } from '@signet/shared/node';
import type { RecipientAccess } from './recipient-access';
import { assertMaySignIn } from './recipient-access';
import type { RecipientAuthDeps } from './recipient-auth-deps';
import type { SignInProvider } from './oidc-login-store';
import { savePendingSignIn } from './oidc-login-store';
import { authorizationUrl, discoverProvider } from './recipient-oidc-client';
import { mintSecret } from './secret-token';

/** Where every recipient identity provider sends people back (register it with the provider). */
export const RECIPIENT_OIDC_CALLBACK_PATH = '/api/v1/recipient-oidc/callback';

/** A sign-in must come back within this long. */
const SIGN_IN_TTL_MS = 10 * 60_000;

/** The provider the slot requires, or VALIDATION_FAILED / AUTHENTICATION_UNAVAILABLE. */
export function providerFor(
  deps: RecipientAuthDeps,
  method: string,
): { provider: SignInProvider; config: RecipientOidcProviderConfig } {
  if (method !== 'MICROSOFT' && method !== 'STRONG') {
    throw new AppError(AppErrorCode.VALIDATION_FAILED, {
      message: `this recipient authenticates with ${method}, not with an identity provider`,
    });
  }
  const config = method === 'MICROSOFT' ? deps.config.microsoft : deps.config.strong;
  if (!config) {
    throw new AppError(AppErrorCode.AUTHENTICATION_UNAVAILABLE, {
      message: `authentication ${method} is not configured on this server`,
    });
  }
  return { provider: method, config };
}

/**
 * Starts a Microsoft or strong sign-in for the slot: state (single use, stored hashed), nonce and PKCE
 * verifier are 256 random bits each; returns the provider's authorization URL to redirect to.
 */
export async function startRecipientSignIn(deps: RecipientAuthDeps, access: RecipientAccess): Promise<string> {
  const { provider, config } = providerFor(deps, access.requirements.authentication);
  assertMaySignIn(access);
  const discovered = await discoverProvider(config);
  const state = mintSecret();
  const nonce = mintSecret();
  const codeVerifier = mintSecret();
  await savePendingSignIn(
    deps.db,
    state,
    { provider, linkToken: access.token, nonce, codeVerifier },
    { nowMs: deps.now(), ttlMs: SIGN_IN_TTL_MS },
  );
  return authorizationUrl(discovered, {
    redirectUri: `${deps.publicUrl}${RECIPIENT_OIDC_CALLBACK_PATH}`,
    state,
    nonce,
    codeVerifier,
    ...(provider === 'MICROSOFT' ? { loginHint: access.recipient.email } : {}),
  });
}
