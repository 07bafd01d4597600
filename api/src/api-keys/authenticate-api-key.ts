import { AppError, AppErrorCode } from '@signet/shared';
import type { ApiKeyDeps, ApiKeyRow } from './api-key-store';
import { digestsMatch, hashApiKey, prefixOfApiKey } from './api-key-token';
import type { ApiKeyRole, ApiKeyScope } from './api-key-vocabulary';

/** Who a valid key belongs to and what it may do. */
export type ApiKeyIdentity = { keyId: string; owner: string; role: ApiKeyRole; scopes: ApiKeyScope[] };

/** Compared against when the prefix finds no row, so that path does the same work as a wrong secret. */
const NO_KEY_DIGEST = hashApiKey('signet_no-such-key');

/** last_used_at is written at most this often per key, so busy keys do not turn every request into a write. */
export const LAST_USED_RESOLUTION_MS = 60_000;

function invalidKey(): AppError {
  return new AppError(AppErrorCode.UNAUTHENTICATED, { message: 'the API key is not valid' });
}

/**
 * Checks an API key: the prefix finds at most one row, and the SHA-256 of the whole key is compared with
 * the stored one in constant time (always, even when no row was found or the key is malformed).
 * UNAUTHENTICATED when it does not match or the key was revoked; otherwise records the use (at minute
 * resolution) and answers the key's identity.
 */
export async function authenticateApiKey(deps: Pick<ApiKeyDeps, 'db' | 'now'>, token: string): Promise<ApiKeyIdentity> {
  const prefix = prefixOfApiKey(token);
  const [row] = prefix
    ? await deps.db.query<Pick<ApiKeyRow, 'id' | 'owner' | 'role' | 'scopes' | 'hash' | 'revoked_at'>>(
        'SELECT id, owner, role, scopes, hash, revoked_at FROM api_keys WHERE prefix = $1',
        [prefix],
      )
    : [];
  const matches = digestsMatch(hashApiKey(token), row ? new Uint8Array(row.hash) : NO_KEY_DIGEST);
  if (!row || !matches) throw invalidKey();
  // Only a holder of the real secret learns that the key was revoked.
  if (row.revoked_at) throw new AppError(AppErrorCode.UNAUTHENTICATED, { message: 'the API key was revoked' });
  const now = new Date(deps.now());
  await deps.db.query(
    'UPDATE api_keys SET last_used_at = $2 WHERE id = $1 AND (last_used_at IS NULL OR last_used_at <= $3)',
    [row.id, now, new Date(now.getTime() - LAST_USED_RESOLUTION_MS)],
  );
  return { keyId: row.id, owner: row.owner, role: row.role, scopes: row.scopes };
}
