import type { ApiKeyDeps, ApiKeyRow, ApiKeyView } from './api-key-store';
import { API_KEY_VIEW_COLUMNS, toApiKeyView } from './api-key-store';

/** Every key, newest first, revoked ones included (with `revokedAt`); never secrets or hashes. */
export async function listApiKeys(deps: Pick<ApiKeyDeps, 'db'>): Promise<{ items: ApiKeyView[] }> {
  const rows = await deps.db.query<Omit<ApiKeyRow, 'hash'>>(
    `SELECT ${API_KEY_VIEW_COLUMNS} FROM api_keys ORDER BY created_at DESC, id`,
  );
  return { items: rows.map(toApiKeyView) };
}
