import type { TVerifiedIdentity } from '@signet/shared';
import type { JWTPayload } from '../auth/jose';
import { microsoftIdentity, strongIdentity } from './identity-from-claims';
import type { RecipientAccess } from './recipient-access';
import type { RecipientAuthDeps } from './recipient-auth-deps';
import type { SignInProvider } from './oidc-login-store';

/** The verified identity a provider's id_token gives for this slot (IDENTITY_MISMATCH when it does not fit). */
export function identityOf(
  deps: RecipientAuthDeps,
  access: RecipientAccess,
  provider: SignInProvider,
  claims: JWTPayload,
): TVerifiedIdentity {
  if (provider === 'MICROSOFT') return microsoftIdentity(access, claims);
  return strongIdentity(access, claims, deps.config.strong?.nationalIdClaim ?? 'national_identity_number');
}
