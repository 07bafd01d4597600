import type { RecipientAuthentication } from '@signet/shared';
import { AppError, AppErrorCode } from '@signet/shared';
import type { RecipientAuthConfig } from '@signet/shared/node';

/**
 * AUTHENTICATION_UNAVAILABLE when a recipient must sign in with a provider this server has not configured
 * (MICROSOFT needs SIGNET_RECIPIENT_OIDC_*, STRONG needs SIGNET_STRONG_OIDC_*). Checked before anything is
 * created, so such a recipient is never invited to a sign-in that cannot happen.
 */
export function assertAuthenticationAvailable(
  config: RecipientAuthConfig,
  authentication: RecipientAuthentication | undefined,
  field: string,
): void {
  const missing =
    (authentication === 'MICROSOFT' && !config.microsoft && 'SIGNET_RECIPIENT_OIDC_ISSUER') ||
    (authentication === 'STRONG' && !config.strong && 'SIGNET_STRONG_OIDC_ISSUER');
  if (missing) {
    throw new AppError(AppErrorCode.AUTHENTICATION_UNAVAILABLE, {
      message: `authentication ${authentication} is not configured on this server (${missing})`,
      details: { field, authentication },
    });
  }
}
