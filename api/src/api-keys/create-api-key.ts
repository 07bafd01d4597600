import { AppError, AppErrorCode, normaliseEmail } from '@signet/shared';
import { assertValidEmail } from '../assert-valid-email';
import { isUniqueViolation } from '../db/database-errors';
import type { TCreateApiKeyRequest } from './api-key-schemas';
import type { ApiKeyDeps, ApiKeyRow, ApiKeyView } from './api-key-store';
import { API_KEY_VIEW_COLUMNS, toApiKeyView } from './api-key-store';
import { hashApiKey, mintApiKeyToken } from './api-key-token';
import { ApiKeyRole, ApiKeyScope, defaultScopesOf } from './api-key-vocabulary';

export type CreatedApiKey = ApiKeyView & {
  /** The whole key. Shown once: only its hash is stored, so it cannot be shown again. */
  token: string;
};

const MAX_PREFIX_TRIES = 3;

function scopesFor(request: TCreateApiKeyRequest): ApiKeyScope[] {
  const scopes = [...new Set(request.scopes ?? defaultScopesOf(request.role))].sort();
  if (request.role !== ApiKeyRole.ADMIN && scopes.includes(ApiKeyScope.ADMIN)) {
    throw new AppError(AppErrorCode.VALIDATION_FAILED, {
      message: 'scopes: only keys with role "admin" may have the "admin" scope',
      details: { issues: [{ path: 'scopes', message: 'admin scope needs role admin' }] },
    });
  }
  return scopes;
}

/** Mints a key for `owner` with a role and scopes, stores its hash, and returns the key once. */
export async function createApiKey(deps: ApiKeyDeps, request: TCreateApiKeyRequest): Promise<CreatedApiKey> {
  const owner = normaliseEmail(request.owner);
  assertValidEmail(owner, 'owner');
  const scopes = scopesFor(request);
  // 64-bit prefixes practically never collide; should one, the unique index refuses it and we draw again.
  for (let attempt = 1; ; attempt += 1) {
    const { token, prefix } = mintApiKeyToken();
    try {
      const [row] = await deps.db.query<Omit<ApiKeyRow, 'hash'>>(
        `INSERT INTO api_keys (id, prefix, owner, role, scopes, name, hash, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${API_KEY_VIEW_COLUMNS}`,
        [deps.newId(), prefix, owner, request.role, scopes, request.name, hashApiKey(token), new Date(deps.now())],
      );
      if (!row) throw new AppError(AppErrorCode.INTERNAL, { message: 'INSERT … RETURNING gave no row' });
      return { ...toApiKeyView(row), token };
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= MAX_PREFIX_TRIES) throw error;
    }
  }
}
