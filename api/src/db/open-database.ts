import type { SignetConfig } from '@signet/shared/node';
import type { Database } from './database';
import { createPgliteDatabase } from './pglite-database';
import { createPostgresDatabase } from './postgres-database';
import { runMigrations } from './run-migrations';

/** PostgreSQL when SIGNET_DATABASE_URL is set, else embedded PGlite in `<SIGNET_DATA_DIR>/db`. */
export async function openDatabase(config: Pick<SignetConfig, 'database'>): Promise<Database> {
  const { url, dir } = config.database;
  return url ? createPostgresDatabase({ url }) : createPgliteDatabase({ dataDir: dir });
}

/** Opens the configured database and applies pending migrations (the API process and in-process stacks). */
export async function openMigratedDatabase(config: Pick<SignetConfig, 'database'>): Promise<Database> {
  const database = await openDatabase(config);
  try {
    await runMigrations(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}
