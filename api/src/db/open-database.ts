import type { SignetConfig } from '@signet/shared/node';
import type { Database } from './database';
import { createPgliteDatabase } from './pglite-database';
import { createPostgresDatabase } from './postgres-database';

/** PostgreSQL when SIGNET_DATABASE_URL is set, else embedded PGlite in `<SIGNET_DATA_DIR>/db`. */
export async function openDatabase(config: Pick<SignetConfig, 'database'>): Promise<Database> {
  const { url, dir } = config.database;
  return url ? createPostgresDatabase({ url }) : createPgliteDatabase({ dataDir: dir });
}
