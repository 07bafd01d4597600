import { AppError, AppErrorCode, RecipientAuthentication } from '@signet/shared';
import { composeOtpMail } from '../mail/otp-mail';
import type { RecipientAccess } from './recipient-access';
import { assertMaySignIn } from './recipient-access';
import type { RecipientAuthDeps } from './recipient-auth-deps';
import { issueOtp } from './otp-store';
import { emailHintOf } from './slot-requirements';

/** `POST /recipient/:token/otp`'s answer: where the code went (hinted), until when it works, next send. */
export type OtpSent = { sentTo: string; expiresAt: string; resendAfter: string };

/** VALIDATION_FAILED unless the sender asked this recipient for a mailed code. */
export function assertUsesOtp(access: RecipientAccess): void {
  if (access.requirements.authentication !== RecipientAuthentication.EMAIL_OTP) {
    throw new AppError(AppErrorCode.VALIDATION_FAILED, {
      message: `this recipient authenticates with ${access.requirements.authentication}, not a mailed code`,
    });
  }
}

/**
 * Mails a new six-digit code to the invited address (only there: the address comes from the envelope, not
 * the request). OTP_LOCKED (423, details.lockedUntil) after too many wrong codes; OTP_RATE_LIMITED (429,
 * details.retryAfterSeconds) when codes are asked for too often. The code itself is never logged.
 */
export async function sendRecipientOtp(deps: RecipientAuthDeps, access: RecipientAccess): Promise<OtpSent> {
  assertUsesOtp(access);
  assertMaySignIn(access);
  const slot = { envelopeId: access.link.envelopeId, recipientId: access.recipient.id };
  const issued = await issueOtp(deps.db, slot, deps.config.otp, deps.now());
  if (issued.kind === 'locked') {
    throw new AppError(AppErrorCode.OTP_LOCKED, { details: { lockedUntil: issued.lockedUntil.toISOString() } });
  }
  if (issued.kind === 'rate-limited') {
    throw new AppError(AppErrorCode.OTP_RATE_LIMITED, {
      details: { retryAfterSeconds: Math.max(1, Math.ceil(issued.retryAfterMs / 1000)) },
    });
  }
  const mail = composeOtpMail({
    to: { email: access.recipient.email, name: access.recipient.name },
    senderName: access.view.sender.name,
    subject: access.view.subject,
    code: issued.code,
    ttlMinutes: Math.max(1, Math.round(deps.config.otp.ttlMs / 60_000)),
    locale: access.requirements.locale,
  });
  await deps.mailer.send(mail);
  deps.logger.info('one-time code sent', { envelopeId: slot.envelopeId, recipientId: slot.recipientId });
  return {
    sentTo: emailHintOf(access.recipient.email),
    expiresAt: issued.expiresAt.toISOString(),
    resendAfter: issued.resendAfter.toISOString(),
  };
}
