import { randomBytes } from 'node:crypto';
import type { Database } from './database';
import { createPgliteDatabase } from './pglite-database';
import { createPostgresDatabase } from './postgres-database';

// Test support (not used by the product): a fresh, empty database per test file.

/** Set by `.ci/run` (scripts/start-test-postgres.sh) to run the database tests against a real server too. */
export const TEST_DATABASE_URL_VARIABLE = 'SIGNET_TEST_DATABASE_URL';

export type TestDatabase = {
  db: Database;
  /** Drops every table (and the migration record), for tests that need an empty database again. */
  reset: () => Promise<void>;
  /** Closes the database (and drops it on a PostgreSQL server). */
  close: () => Promise<void>;
};

/** Which adapter the tests must be using in this run. */
export function expectedTestDatabaseKind(): Database['kind'] {
  return process.env[TEST_DATABASE_URL_VARIABLE] ? 'postgres' : 'pglite';
}

/**
 * In-memory PGlite by default. With SIGNET_TEST_DATABASE_URL, a new database on that server, named at
 * random so test files running in parallel never share rows; an unreachable server fails the test file.
 */
export async function openTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env[TEST_DATABASE_URL_VARIABLE];
  if (!serverUrl) {
    const db = await createPgliteDatabase();
    return { db, reset: async () => resetSchema(db), close: async () => db.close() };
  }
  const name = `signet_test_${randomBytes(6).toString('hex')}`;
  const admin = await createPostgresDatabase({ url: serverUrl, maxConnections: 1 });
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = await createPostgresDatabase({ url: url.toString(), maxConnections: 4 });
  return {
    db,
    reset: async () => resetSchema(db),
    close: async () => {
      await db.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name}`);
      await admin.close();
    },
  };
}

async function resetSchema(db: Database): Promise<void> {
  await db.execute('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
}
