import { AppError, AppErrorCode } from '@signet/shared';
import type { ApiKeyDeps, ApiKeyRow, ApiKeyView } from './api-key-store';
import { API_KEY_VIEW_COLUMNS, toApiKeyView } from './api-key-store';

/**
 * Revokes a key: every later request with it fails UNAUTHENTICATED. Revoking twice keeps the first time
 * (the audit-relevant one). The row stays, so the list still shows who had which key. API_KEY_NOT_FOUND
 * for an unknown id.
 */
export async function revokeApiKey(deps: Pick<ApiKeyDeps, 'db' | 'now'>, id: string): Promise<ApiKeyView> {
  const [row] = await deps.db.query<Omit<ApiKeyRow, 'hash'>>(
    `UPDATE api_keys SET revoked_at = COALESCE(revoked_at, $2) WHERE id = $1 RETURNING ${API_KEY_VIEW_COLUMNS}`,
    [id, new Date(deps.now())],
  );
  if (!row) throw new AppError(AppErrorCode.API_KEY_NOT_FOUND, { message: `no API key has id ${id}` });
  return toApiKeyView(row);
}
