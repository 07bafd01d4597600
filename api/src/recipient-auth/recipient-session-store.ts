import { timingSafeEqual } from 'node:crypto';
import type { TVerifiedIdentity } from '@signet/shared';
import type { RecipientLink } from '../auth/recipient-link';
import type { Queryable } from '../db/database';
import { hashSecret, mintSecret } from './secret-token';

/** The ways a recipient proves themselves that end in a session (the link alone needs none). */
export type SessionMethod = 'EMAIL_OTP' | 'MICROSOFT' | 'STRONG';

/** A live session, as the recipient routes use it. */
export type RecipientSession = { method: SessionMethod; identity: TVerifiedIdentity | undefined; expiresAt: string };

/** A new session's token (shown once, to the recipient) and expiry. */
export type IssuedSession = { session: string; expiresAt: string };

const SESSION_PURPOSE = 'recipient-session';
const KEY_PURPOSE = 'recipient-key';

type SessionRow = {
  recipient_key_hash: Uint8Array;
  method: SessionMethod;
  identity: TVerifiedIdentity | null;
  expires_at: Date;
};

/**
 * Stores a session for the link's slot and returns its token: 256 random bits, kept only as a SHA-256.
 * The slot's other expired sessions are dropped on the way.
 */
export async function createRecipientSession(
  db: Queryable,
  link: RecipientLink,
  method: SessionMethod,
  identity: TVerifiedIdentity | undefined,
  options: { nowMs: number; ttlMs: number },
): Promise<IssuedSession> {
  const session = mintSecret();
  const expiresAt = new Date(options.nowMs + options.ttlMs);
  const { recipientId, recipientKey } = link.credential;
  await db.query('DELETE FROM recipient_sessions WHERE envelope_id = $1 AND recipient_id = $2 AND expires_at <= $3', [
    link.envelopeId,
    recipientId,
    new Date(options.nowMs),
  ]);
  await db.query(
    `INSERT INTO recipient_sessions
       (token_hash, envelope_id, recipient_id, recipient_key_hash, method, identity, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8)`,
    [
      hashSecret(session, SESSION_PURPOSE),
      link.envelopeId,
      recipientId,
      hashSecret(recipientKey, KEY_PURPOSE),
      method,
      identity ? JSON.stringify(identity) : null,
      new Date(options.nowMs),
      expiresAt,
    ],
  );
  return { session, expiresAt: expiresAt.toISOString() };
}

/**
 * The session `token` names, if it exists, has not expired and belongs to exactly this link's slot
 * (envelope, recipient id and key: a replaced slot's new key does not match). Undefined otherwise.
 */
export async function findRecipientSession(
  db: Queryable,
  token: string,
  link: RecipientLink,
  nowMs: number,
): Promise<RecipientSession | undefined> {
  if (token.length < 32 || token.length > 128) return undefined;
  const [row] = await db.query<SessionRow>(
    `SELECT recipient_key_hash, method, identity, expires_at FROM recipient_sessions
      WHERE token_hash = $1 AND envelope_id = $2 AND recipient_id = $3`,
    [hashSecret(token, SESSION_PURPOSE), link.envelopeId, link.credential.recipientId],
  );
  if (!row || new Date(row.expires_at).getTime() <= nowMs) return undefined;
  const expected = hashSecret(link.credential.recipientKey, KEY_PURPOSE);
  const stored = Buffer.from(row.recipient_key_hash);
  if (stored.length !== expected.length || !timingSafeEqual(stored, expected)) return undefined;
  return {
    method: row.method,
    identity: row.identity ?? undefined,
    expiresAt: new Date(row.expires_at).toISOString(),
  };
}
