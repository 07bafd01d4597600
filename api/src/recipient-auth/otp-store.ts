import type { RecipientAuthConfig } from '@signet/shared/node';
import type { Database } from '../db/database';
import { generateOtpCode, hashOtpCode, newOtpSalt, otpMatches } from './otp-code';

/** Which recipient slot a code is for. */
export type OtpSlot = { envelopeId: string; recipientId: string };
export type OtpPolicy = RecipientAuthConfig['otp'];

type OtpRow = {
  code_hash: Uint8Array | null;
  code_salt: Uint8Array | null;
  code_expires_at: Date | null;
  failed_attempts: number;
  locked_until: Date | null;
  window_started_at: Date | null;
  sends_in_window: number;
  last_sent_at: Date | null;
};

/** The outcome of asking for a code; the caller turns refusals into errors after the transaction. */
export type OtpIssue =
  | { kind: 'issued'; code: string; expiresAt: Date; resendAfter: Date }
  | { kind: 'locked'; lockedUntil: Date }
  | { kind: 'rate-limited'; retryAfterMs: number };

/** The outcome of a guess. */
export type OtpCheck =
  | { kind: 'accepted' }
  | { kind: 'invalid'; attemptsLeft: number }
  | { kind: 'locked'; lockedUntil: Date }
  | { kind: 'expired' };

const ms = (value: Date | null): number | undefined => (value ? new Date(value).getTime() : undefined);

/** Locks the slot's row for the rest of the transaction, so concurrent requests take turns. */
async function lockRow(tx: Pick<Database, 'query'>, slot: OtpSlot): Promise<OtpRow | undefined> {
  const [row] = await tx.query<OtpRow>(
    'SELECT * FROM recipient_otps WHERE envelope_id = $1 AND recipient_id = $2 FOR UPDATE',
    [slot.envelopeId, slot.recipientId],
  );
  return row;
}

/**
 * Issues a new code unless the slot is locked, the last code went out less than `resendAfterMs` ago, or
 * `maxSends` codes went out in the current window. A new code replaces the previous one; wrong attempts
 * keep counting across codes (asking for a new code does not buy more guesses).
 */
export async function issueOtp(db: Database, slot: OtpSlot, policy: OtpPolicy, nowMs: number): Promise<OtpIssue> {
  return db.transaction(async (tx) => {
    await tx.query(
      'INSERT INTO recipient_otps (envelope_id, recipient_id) VALUES ($1, $2) ON CONFLICT (envelope_id, recipient_id) DO NOTHING',
      [slot.envelopeId, slot.recipientId],
    );
    const row = (await lockRow(tx, slot))!;
    const lockedUntil = ms(row.locked_until);
    if (lockedUntil !== undefined && lockedUntil > nowMs) return { kind: 'locked', lockedUntil: new Date(lockedUntil) };
    const lastSent = ms(row.last_sent_at);
    if (lastSent !== undefined && lastSent + policy.resendAfterMs > nowMs) {
      return { kind: 'rate-limited', retryAfterMs: lastSent + policy.resendAfterMs - nowMs };
    }
    const windowStart = ms(row.window_started_at);
    const windowOpen = windowStart !== undefined && windowStart + policy.sendWindowMs > nowMs;
    if (windowOpen && row.sends_in_window >= policy.maxSends) {
      return { kind: 'rate-limited', retryAfterMs: windowStart + policy.sendWindowMs - nowMs };
    }
    const code = generateOtpCode();
    const salt = newOtpSalt();
    const expiresAt = new Date(nowMs + policy.ttlMs);
    await tx.query(
      `UPDATE recipient_otps SET code_hash = $3, code_salt = $4, code_expires_at = $5, last_sent_at = $6,
              window_started_at = $7, sends_in_window = $8, locked_until = NULL
        WHERE envelope_id = $1 AND recipient_id = $2`,
      [
        slot.envelopeId,
        slot.recipientId,
        hashOtpCode(code, salt),
        salt,
        expiresAt,
        new Date(nowMs),
        windowOpen ? row.window_started_at : new Date(nowMs),
        windowOpen ? row.sends_in_window + 1 : 1,
      ],
    );
    return { kind: 'issued', code, expiresAt, resendAfter: new Date(nowMs + policy.resendAfterMs) };
  });
}

/**
 * Checks a guess under the row lock: a right code is used up at once (single use) and clears the count; a
 * wrong one counts, and the `maxAttempts`-th wrong one locks the slot for `lockMs` and voids the code.
 */
export async function checkOtp(
  db: Database,
  slot: OtpSlot,
  guess: string,
  policy: OtpPolicy,
  nowMs: number,
): Promise<OtpCheck> {
  return db.transaction(async (tx) => {
    const row = await lockRow(tx, slot);
    if (!row) return { kind: 'expired' };
    const lockedUntil = ms(row.locked_until);
    if (lockedUntil !== undefined && lockedUntil > nowMs) return { kind: 'locked', lockedUntil: new Date(lockedUntil) };
    const expiresAt = ms(row.code_expires_at);
    if (!row.code_hash || !row.code_salt || expiresAt === undefined || expiresAt <= nowMs) return { kind: 'expired' };
    const where = 'WHERE envelope_id = $1 AND recipient_id = $2';
    if (otpMatches(guess, row.code_salt, row.code_hash)) {
      await tx.query(
        `UPDATE recipient_otps SET code_hash = NULL, code_salt = NULL, code_expires_at = NULL, failed_attempts = 0 ${where}`,
        [slot.envelopeId, slot.recipientId],
      );
      return { kind: 'accepted' };
    }
    const failed = row.failed_attempts + 1;
    if (failed >= policy.maxAttempts) {
      const until = new Date(nowMs + policy.lockMs);
      await tx.query(
        `UPDATE recipient_otps SET code_hash = NULL, code_salt = NULL, code_expires_at = NULL, failed_attempts = 0,
                locked_until = $3 ${where}`,
        [slot.envelopeId, slot.recipientId, until],
      );
      return { kind: 'locked', lockedUntil: until };
    }
    await tx.query(`UPDATE recipient_otps SET failed_attempts = $3 ${where}`, [
      slot.envelopeId,
      slot.recipientId,
      failed,
    ]);
    return { kind: 'invalid', attemptsLeft: policy.maxAttempts - failed };
  });
}
