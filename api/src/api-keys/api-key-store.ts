import type { Database } from '../db/database';
import type { ApiKeyRole, ApiKeyScope } from './api-key-vocabulary';

/** What the API-key use cases need. */
export type ApiKeyDeps = {
  db: Database;
  /** Epoch milliseconds. */
  now: () => number;
  /** Mints key ids. */
  newId: () => string;
};

/** An API key as admins see it: never the secret or its hash. */
export type ApiKeyView = {
  id: string;
  /** The public part of the key (`signet_<prefix>_…`), so an admin can tell which key a caller holds. */
  prefix: string;
  owner: string;
  role: ApiKeyRole;
  scopes: ApiKeyScope[];
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

export type ApiKeyRow = {
  id: string;
  prefix: string;
  owner: string;
  role: ApiKeyRole;
  scopes: ApiKeyScope[];
  name: string;
  hash: Uint8Array;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
};

/** Every column but the hash, for answers. */
export const API_KEY_VIEW_COLUMNS = 'id, prefix, owner, role, scopes, name, created_at, last_used_at, revoked_at';

function iso(value: Date | null): string | null {
  return value ? new Date(value).toISOString() : null;
}

export function toApiKeyView(row: Omit<ApiKeyRow, 'hash'>): ApiKeyView {
  return {
    id: row.id,
    prefix: row.prefix,
    owner: row.owner,
    role: row.role,
    scopes: row.scopes,
    name: row.name,
    createdAt: new Date(row.created_at).toISOString(),
    lastUsedAt: iso(row.last_used_at),
    revokedAt: iso(row.revoked_at),
  };
}
