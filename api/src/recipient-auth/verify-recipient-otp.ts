import { AppError, AppErrorCode } from '@signet/shared';
import type { RecipientAccess } from './recipient-access';
import { assertMaySignIn } from './recipient-access';
import type { RecipientAuthDeps } from './recipient-auth-deps';
import { checkOtp } from './otp-store';
import { createRecipientSession } from './recipient-session-store';
import { assertUsesOtp } from './send-recipient-otp';

/** `POST /recipient/:token/otp/verify`'s answer: the session token for X-Signet-Session. */
export type OtpVerified = { session: string; expiresAt: string; method: 'EMAIL_OTP' };

/**
 * Checks a code and, when right, opens a session for this slot. OTP_INVALID (details.attemptsLeft),
 * OTP_EXPIRED (none sent, used, or too old), OTP_LOCKED (details.lockedUntil) otherwise.
 */
export async function verifyRecipientOtp(
  deps: RecipientAuthDeps,
  access: RecipientAccess,
  code: string,
): Promise<OtpVerified> {
  assertUsesOtp(access);
  assertMaySignIn(access);
  const slot = { envelopeId: access.link.envelopeId, recipientId: access.recipient.id };
  const result = await checkOtp(deps.db, slot, code, deps.config.otp, deps.now());
  switch (result.kind) {
    case 'invalid':
      throw new AppError(AppErrorCode.OTP_INVALID, { details: { attemptsLeft: result.attemptsLeft } });
    case 'locked':
      deps.logger.warn('one-time code locked after wrong attempts', slot);
      throw new AppError(AppErrorCode.OTP_LOCKED, { details: { lockedUntil: result.lockedUntil.toISOString() } });
    case 'expired':
      throw new AppError(AppErrorCode.OTP_EXPIRED);
    case 'accepted': {
      const issued = await createRecipientSession(deps.db, access.link, 'EMAIL_OTP', undefined, {
        nowMs: deps.now(),
        ttlMs: deps.config.sessionTtlMs,
      });
      return { ...issued, method: 'EMAIL_OTP' };
    }
  }
}
