import type { Queryable } from '../db/database';
import { hashSecret, newSecret } from './session-store';

/** A sign-in is finished within ten minutes of its redirect to the identity provider, or started again. */
export const LOGIN_TTL_MS = 10 * 60_000;

/** What the callback needs back: the `nonce` the id_token must carry, the PKCE verifier, where to go after. */
export type PendingLogin = { nonce: string; codeVerifier: string; returnTo: string };

/** Stores a sign-in under way; answers its `state` (in the clear only in the redirect) and its secrets. */
export async function beginLogin(
  db: Queryable,
  returnTo: string,
  now: number,
): Promise<PendingLogin & { state: string }> {
  const state = newSecret();
  const login = { nonce: newSecret(), codeVerifier: newSecret(), returnTo };
  await db.query('DELETE FROM sender_logins WHERE expires_at <= $1', [new Date(now)]);
  await db.query(
    'INSERT INTO sender_logins (state_hash, nonce, code_verifier, return_to, expires_at) VALUES ($1, $2, $3, $4, $5)',
    [hashSecret(state), login.nonce, login.codeVerifier, returnTo, new Date(now + LOGIN_TTL_MS)],
  );
  return { state, ...login };
}

/**
 * Takes the sign-in `state` names, once: it is deleted whether or not it is still valid, so a replayed
 * callback finds nothing. Undefined when unknown, used or expired.
 */
export async function takeLogin(db: Queryable, state: string, now: number): Promise<PendingLogin | undefined> {
  const rows = await db.query<{ nonce: string; code_verifier: string; return_to: string; expires_at: Date }>(
    'DELETE FROM sender_logins WHERE state_hash = $1 RETURNING nonce, code_verifier, return_to, expires_at',
    [hashSecret(state)],
  );
  const row = rows[0];
  if (!row || new Date(row.expires_at).getTime() <= now) return undefined;
  return { nonce: row.nonce, codeVerifier: row.code_verifier, returnTo: row.return_to };
}
