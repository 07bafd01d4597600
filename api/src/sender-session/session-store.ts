import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../db/database';
import type { ApiKeyRole } from '../api-keys/api-key-vocabulary';

/** How long a session lives: `idleMs` after its last use, and never longer than `absoluteMs` after sign-in. */
export type SessionLifetimes = { idleMs: number; absoluteMs: number };

/** Thirty minutes idle, ten hours in all: a working day, and a walked-away desk is signed out soon. */
export const DEFAULT_SESSION_LIFETIMES: SessionLifetimes = { idleMs: 30 * 60_000, absoluteMs: 10 * 3_600_000 };

/** Whom a session stands for, from the identity provider's id_token. */
export type SessionIdentity = {
  subject: string;
  name: string;
  role: ApiKeyRole;
  oid?: string;
  tid?: string;
};

/** A live session as the API uses it; the id itself is never stored, only its hash. */
export type SenderSession = SessionIdentity & {
  csrfToken: string;
  createdAt: number;
  absoluteExpiresAt: number;
};

type SessionRow = {
  subject: string;
  name: string;
  role: ApiKeyRole;
  oid: string | null;
  tid: string | null;
  csrf_token: string;
  created_at: Date;
  absolute_expires_at: Date;
};

/** 256 random bits, base64url: the session id, the CSRF token, `state`, `nonce` and the PKCE verifier. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** SHA-256 of a secret: the only form the database keeps. */
export function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

/** Stores a new session for `identity`; answers its id, for the cookie (the only place it exists in clear). */
export async function createSession(
  db: Queryable,
  identity: SessionIdentity,
  now: number,
  lifetimes: SessionLifetimes = DEFAULT_SESSION_LIFETIMES,
): Promise<{ id: string; session: SenderSession }> {
  const id = newSecret();
  const csrfToken = newSecret();
  const absoluteExpiresAt = now + lifetimes.absoluteMs;
  const idleExpiresAt = Math.min(now + lifetimes.idleMs, absoluteExpiresAt);
  await db.query(
    `INSERT INTO sender_sessions (id_hash, subject, name, role, oid, tid, csrf_token, created_at, last_seen_at,
       idle_expires_at, absolute_expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9, $10)`,
    [
      hashSecret(id),
      identity.subject,
      identity.name,
      identity.role,
      identity.oid ?? null,
      identity.tid ?? null,
      csrfToken,
      new Date(now),
      new Date(idleExpiresAt),
      new Date(absoluteExpiresAt),
    ],
  );
  return { id, session: { ...identity, csrfToken, createdAt: now, absoluteExpiresAt } };
}

/**
 * The live session with this id, its idle expiry moved on (never past the absolute one); undefined when the id
 * is unknown, ended or expired. One statement, so two tabs touching the same session cannot resurrect it.
 */
export async function touchSession(
  db: Queryable,
  id: string,
  now: number,
  lifetimes: SessionLifetimes = DEFAULT_SESSION_LIFETIMES,
): Promise<SenderSession | undefined> {
  const rows = await db.query<SessionRow>(
    `UPDATE sender_sessions
        SET last_seen_at = $2, idle_expires_at = LEAST($3::timestamptz, absolute_expires_at)
      WHERE id_hash = $1 AND idle_expires_at > $2 AND absolute_expires_at > $2
      RETURNING subject, name, role, oid, tid, csrf_token, created_at, absolute_expires_at`,
    [hashSecret(id), new Date(now), new Date(now + lifetimes.idleMs)],
  );
  const row = rows[0];
  if (!row) return undefined;
  return {
    subject: row.subject,
    name: row.name,
    role: row.role,
    ...(row.oid ? { oid: row.oid } : {}),
    ...(row.tid ? { tid: row.tid } : {}),
    csrfToken: row.csrf_token,
    createdAt: new Date(row.created_at).getTime(),
    absoluteExpiresAt: new Date(row.absolute_expires_at).getTime(),
  };
}

/** Ends a session (sign-out); also sweeps sessions that expired, so the table does not grow without end. */
export async function endSession(db: Queryable, id: string, now: number): Promise<void> {
  await db.query('DELETE FROM sender_sessions WHERE id_hash = $1', [hashSecret(id)]);
  await db.query('DELETE FROM sender_sessions WHERE idle_expires_at <= $1 OR absolute_expires_at <= $1', [
    new Date(now),
  ]);
}
