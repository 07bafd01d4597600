import type { AppErrorCode, EnvelopeStatus, TRecipientCredential } from '@signet/shared';
import { AppError, AppErrorCode as Code, normaliseEmail, isValidEmail, satisfiesAuthentication } from '@signet/shared';
import type { EnvelopeState, RecipientState } from './envelope-state';
import { isOutstanding } from './routing';

const ENDED_CODE: Partial<Record<EnvelopeStatus, AppErrorCode>> = {
  COMPLETED: Code.ENVELOPE_COMPLETED,
  DECLINED: Code.ENVELOPE_DECLINED,
  CANCELLED: Code.ENVELOPE_CANCELLED,
  EXPIRED: Code.ENVELOPE_EXPIRED,
};

export function fail(code: AppErrorCode, message?: string): never {
  throw new AppError(code, message ? { message } : {});
}

/**
 * Rejects any change to an envelope that has ended, is being finalised, or whose deadline has passed
 * (the expiry timer may not have fired yet when an update arrives at the deadline).
 */
export function assertOpen(state: EnvelopeState, nowMs: number): void {
  const ended = ENDED_CODE[state.status];
  if (ended) fail(ended);
  if (state.finalising) fail(Code.ENVELOPE_COMPLETED);
  if (nowMs >= Date.parse(state.expiresAt)) fail(Code.ENVELOPE_EXPIRED);
}

/** Finds the recipient a link token names; a replaced slot's old key no longer matches. */
export function authenticateRecipient(state: EnvelopeState, credential: TRecipientCredential): RecipientState {
  const recipient = state.recipients.find((r) => r.id === credential.recipientId);
  if (!recipient || recipient.key !== credential.recipientKey) fail(Code.UNKNOWN_RECIPIENT);
  // Defence in depth: the API demands the sender's chosen method before it calls; the workflow refuses too.
  if (!satisfiesAuthentication(recipient.authentication, credential.authMethod)) {
    fail(Code.AUTHENTICATION_REQUIRED, `this recipient must authenticate with ${recipient.authentication}`);
  }
  return recipient;
}

/** The recipient whose turn it is and who has not acted yet. */
export function assertRecipientsTurn(recipient: RecipientState): void {
  if (!isOutstanding(recipient)) fail(Code.ALREADY_ACTED);
  if (recipient.status !== 'PENDING') fail(Code.NOT_YOUR_TURN);
}

export function assertReason(reason: string | undefined): void {
  if (!reason || reason.trim().length === 0) fail(Code.REASON_REQUIRED);
}

/** A new address must be valid and not already used by an active recipient (other than `exceptId`). */
export function assertNewAddress(state: EnvelopeState, email: string, exceptId?: string): void {
  if (!isValidEmail(email)) fail(Code.INVALID_EMAIL, `"${email}" is not a valid e-mail address`);
  const wanted = normaliseEmail(email);
  const clash = state.recipients.some(
    (r) => r.id !== exceptId && r.status !== 'DELEGATED' && normaliseEmail(r.email) === wanted,
  );
  if (clash) fail(Code.DUPLICATE_RECIPIENT, `${email} is already a recipient`);
}

/** A recipient id must be unused (ids come from the API; a clash is a client bug). */
export function assertNewId(state: EnvelopeState, id: string): void {
  if (state.recipients.some((r) => r.id === id)) fail(Code.VALIDATION_FAILED, `recipient id ${id} is already used`);
}
