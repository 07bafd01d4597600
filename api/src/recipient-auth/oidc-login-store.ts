import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../db/database';
import { hashSecret } from './secret-token';

/** Which provider a sign-in went to. */
export type SignInProvider = 'MICROSOFT' | 'STRONG';

/** A sign-in under way, as the callback needs it. */
export type PendingSignIn = { provider: SignInProvider; linkToken: string; nonce: string; codeVerifier: string };

const STATE_PURPOSE = 'recipient-oidc-state';

// The link token waits in the database encrypted (AES-256-GCM) under a key derived from `state`: a copy of
// the table alone yields no link.
function keyOf(state: string): Buffer {
  return createHash('sha256').update(`recipient-oidc-key:${state}`).digest();
}

function seal(state: string, linkToken: string): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(state), iv);
  const body = Buffer.concat([cipher.update(linkToken, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

function unseal(state: string, sealed: Uint8Array): string {
  const bytes = Buffer.from(sealed);
  const decipher = createDecipheriv('aes-256-gcm', keyOf(state), bytes.subarray(0, 12));
  decipher.setAuthTag(bytes.subarray(12, 28));
  return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
}

/** Records a sign-in for `state` (valid `ttlMs`), dropping expired ones on the way. */
export async function savePendingSignIn(
  db: Queryable,
  state: string,
  pending: PendingSignIn,
  options: { nowMs: number; ttlMs: number },
): Promise<void> {
  await db.query('DELETE FROM recipient_oidc_logins WHERE expires_at <= $1', [new Date(options.nowMs)]);
  await db.query(
    `INSERT INTO recipient_oidc_logins (state_hash, provider, sealed_link, nonce, code_verifier, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [
      hashSecret(state, STATE_PURPOSE),
      pending.provider,
      seal(state, pending.linkToken),
      pending.nonce,
      pending.codeVerifier,
      new Date(options.nowMs + options.ttlMs),
    ],
  );
}

type LoginRow = {
  provider: SignInProvider;
  sealed_link: Uint8Array;
  nonce: string;
  code_verifier: string;
  expires_at: Date;
};

/**
 * Takes the sign-in for `state` out of the database (single use: a second callback with the same state
 * finds nothing) if it has not expired.
 */
export async function takePendingSignIn(
  db: Queryable,
  state: string,
  nowMs: number,
): Promise<PendingSignIn | undefined> {
  if (state.length < 32 || state.length > 128) return undefined;
  const [row] = await db.query<LoginRow>(
    'DELETE FROM recipient_oidc_logins WHERE state_hash = $1 RETURNING provider, sealed_link, nonce, code_verifier, expires_at',
    [hashSecret(state, STATE_PURPOSE)],
  );
  if (!row || new Date(row.expires_at).getTime() <= nowMs) return undefined;
  return {
    provider: row.provider,
    linkToken: unseal(state, row.sealed_link),
    nonce: row.nonce,
    codeVerifier: row.code_verifier,
  };
}
