import { AppError, AppErrorCode } from '@signet/shared';
import type { Database, Queryable } from './database';
import type { Migration } from './load-migrations';
import { loadMigrations } from './load-migrations';

/** Any constant works; it only has to be the same in every API process sharing a database. */
const MIGRATION_LOCK_KEY = 7_361_102;

const CREATE_TABLE = `
  CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY,
    name text NOT NULL,
    checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`;

type AppliedRow = { version: number; name: string; checksum: string };

export type MigrationResult = { applied: number[]; alreadyApplied: number[] };

/**
 * The database has applied what the code knows, unchanged. A changed checksum means the schema the code
 * expects is not the schema it has (fix: a new migration instead of an edit); an applied version with no file
 * means the database is newer than this code (an older release started against it).
 */
function checkApplied(applied: AppliedRow[], migrations: Migration[]): void {
  for (const row of applied) {
    const file = migrations.find((migration) => migration.version === row.version);
    if (!file) {
      throw new AppError(AppErrorCode.MIGRATION_CHANGED, {
        message: `migration ${row.version} (${row.name}) is applied in the database but has no file: is this an older release?`,
        details: { version: row.version },
      });
    }
    if (file.checksum !== row.checksum) {
      throw new AppError(AppErrorCode.MIGRATION_CHANGED, {
        message: `migration ${row.version} (${row.name}) was changed after it was applied; add a new migration instead`,
        details: { version: row.version, expected: row.checksum, found: file.checksum },
      });
    }
  }
}

async function apply(tx: Queryable, migration: Migration): Promise<void> {
  try {
    await tx.execute(migration.sql);
  } catch (cause) {
    throw new AppError(AppErrorCode.MIGRATION_FAILED, {
      message: `migration ${migration.version} (${migration.name}) failed: ${cause instanceof Error ? cause.message : String(cause)}`,
      details: { version: migration.version },
      cause,
    });
  }
  await tx.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
    migration.version,
    migration.name,
    migration.checksum,
  ]);
}

/**
 * Brings the schema up to date in one transaction: either every pending migration is applied, or none is.
 * A transaction-scoped advisory lock makes API processes that start together take turns, so each
 * migration runs once. Postgres DDL is transactional, so a failed migration leaves no half-made table.
 */
export async function runMigrations(db: Database, migrations?: Migration[]): Promise<MigrationResult> {
  const all = migrations ?? (await loadMigrations());
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await tx.query(CREATE_TABLE);
    const applied = await tx.query<AppliedRow>(
      'SELECT version, name, checksum FROM schema_migrations ORDER BY version',
    );
    checkApplied(applied, all);
    const done = new Set(applied.map((row) => row.version));
    const pending = all.filter((migration) => !done.has(migration.version));
    for (const migration of pending) await apply(tx, migration);
    return { applied: pending.map((m) => m.version), alreadyApplied: [...done] };
  });
}
