import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AppError, AppErrorCode } from '@signet/shared';
import type { Migration } from './load-migrations';
import { checksumOf, loadMigrations } from './load-migrations';
import { runMigrations } from './run-migrations';
import type { TestDatabase } from './test-database';
import { expectedTestDatabaseKind, openTestDatabase } from './test-database';

function migration(version: number, name: string, sql: string): Migration {
  return { version, name, sql, checksum: checksumOf(sql) };
}

async function tables(test: TestDatabase): Promise<string[]> {
  const rows = await test.db.query<{ table_name: string }>(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
  );
  return rows.map((row) => row.table_name);
}

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof AppError)) throw new AppError(AppErrorCode.INTERNAL, { message: 'expected an AppError' });
  return error;
}

describe('runMigrations', () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await openTestDatabase();
  });
  beforeEach(async () => test.reset());
  afterAll(async () => test.close());

  it(`runs on the expected adapter (${expectedTestDatabaseKind()})`, async () => {
    expect(test.db.kind).toBe(expectedTestDatabaseKind());
    const [row] = await test.db.query<{ version: string }>('SELECT version()');
    expect(row?.version).toMatch(/^PostgreSQL/);
  });

  it('applies the project migrations to a fresh database, then nothing on a second run', async () => {
    const files = await loadMigrations();
    expect(files.map((file) => file.version)).toEqual(files.map((_, index) => index + 1));

    const first = await runMigrations(test.db);
    expect(first).toEqual({ applied: files.map((file) => file.version), alreadyApplied: [] });
    expect(await tables(test)).toEqual(expect.arrayContaining(['api_keys', 'schema_migrations']));

    const second = await runMigrations(test.db);
    expect(second).toEqual({ applied: [], alreadyApplied: files.map((file) => file.version) });
    const recorded = await test.db.query<{ version: number; checksum: string }>(
      'SELECT version, checksum FROM schema_migrations ORDER BY version',
    );
    expect(recorded).toEqual(files.map((file) => ({ version: file.version, checksum: file.checksum })));
  });

  it('applies only the new migrations, in version order', async () => {
    const one = migration(1, 'one', 'CREATE TABLE one (id int PRIMARY KEY)');
    const two = migration(2, 'two', 'CREATE TABLE two (id int REFERENCES one (id))');
    const three = migration(3, 'three', 'ALTER TABLE two ADD COLUMN note text');
    await runMigrations(test.db, [one]);
    expect(await runMigrations(test.db, [one, two, three])).toEqual({ applied: [2, 3], alreadyApplied: [1] });
    expect(await tables(test)).toEqual(['one', 'schema_migrations', 'two']);
  });

  it('refuses a changed applied migration with MIGRATION_CHANGED and applies nothing', async () => {
    await runMigrations(test.db, [migration(1, 'one', 'CREATE TABLE one (id int)')]);
    const edited = migration(1, 'one', 'CREATE TABLE one (id bigint)');
    const error = await errorOf(runMigrations(test.db, [edited, migration(2, 'two', 'CREATE TABLE two (id int)')]));
    expect(error.code).toBe(AppErrorCode.MIGRATION_CHANGED);
    expect(error.message).toContain('migration 1 (one) was changed');
    expect(await tables(test)).toEqual(['one', 'schema_migrations']);
  });

  it('refuses a database with an applied migration this code does not have', async () => {
    await runMigrations(test.db, [migration(1, 'one', 'SELECT 1'), migration(2, 'two', 'SELECT 2')]);
    const error = await errorOf(runMigrations(test.db, [migration(1, 'one', 'SELECT 1')]));
    expect(error.code).toBe(AppErrorCode.MIGRATION_CHANGED);
    expect(error.details).toEqual({ version: 2 });
  });

  it('rolls back every pending migration when one fails', async () => {
    const good = migration(1, 'good', 'CREATE TABLE good (id int)');
    const bad = migration(2, 'bad', 'CREATE TABLE bad (id no_such_type)');
    const error = await errorOf(runMigrations(test.db, [good, bad]));
    expect(error.code).toBe(AppErrorCode.MIGRATION_FAILED);
    expect(error.message).toContain('migration 2 (bad) failed');
    expect(await tables(test)).toEqual([]);
    // Nothing was recorded, so a fixed file applies cleanly afterwards.
    const fixed = migration(2, 'bad', 'CREATE TABLE bad (id int)');
    expect(await runMigrations(test.db, [good, fixed])).toEqual({ applied: [1, 2], alreadyApplied: [] });
  });
});

describe('loadMigrations', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'signet-migrations-'));
  });
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  it('orders files by version and ignores other files', async () => {
    await writeFile(path.join(dir, '0002_second.sql'), 'SELECT 2');
    await writeFile(path.join(dir, '0001_first.sql'), 'SELECT 1');
    await writeFile(path.join(dir, 'README.md'), 'notes');
    const loaded = await loadMigrations(dir);
    expect(loaded.map(({ version, name }) => ({ version, name }))).toEqual([
      { version: 1, name: 'first' },
      { version: 2, name: 'second' },
    ]);
    expect(loaded[0]?.checksum).toBe(checksumOf('SELECT 1'));
  });

  it.each([
    ['a misnamed file', ['1_first.sql']],
    ['an upper-case name', ['0001_First.sql']],
    ['two files with one version', ['0001_first.sql', '0001_again.sql']],
  ])('refuses %s with MIGRATION_FAILED', async (_label, files) => {
    for (const file of files) await writeFile(path.join(dir, file), 'SELECT 1');
    expect((await errorOf(loadMigrations(dir))).code).toBe(AppErrorCode.MIGRATION_FAILED);
  });
});
