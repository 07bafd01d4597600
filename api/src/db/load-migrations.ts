import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError, AppErrorCode } from '@signet/shared';

/** One versioned SQL file, `NNNN_name.sql`. */
export type Migration = { version: number; name: string; sql: string; checksum: string };

/** `api/migrations/`, from both `src/db` (tests) and `dist/db` (the built process). */
export const MIGRATIONS_DIR = path.resolve(__dirname, '../../migrations');

const FILE_NAME = /^(\d{4})_([a-z0-9_]+)\.sql$/;

/** SHA-256 of the file's bytes as text; any edit, even whitespace, changes it. */
export function checksumOf(sql: string): string {
  return createHash('sha256').update(sql, 'utf8').digest('hex');
}

/**
 * Reads every migration in `dir`, ordered by version. Fails with MIGRATION_FAILED when a `.sql` file is
 * misnamed or two files share a version: both would otherwise make the order depend on luck.
 */
export async function loadMigrations(dir: string = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((file) => file.endsWith('.sql')).sort();
  const migrations: Migration[] = [];
  for (const file of files) {
    const match = FILE_NAME.exec(file);
    if (!match) {
      throw new AppError(AppErrorCode.MIGRATION_FAILED, {
        message: `migration file ${file} is not named NNNN_lower_snake_name.sql`,
      });
    }
    const version = Number(match[1]);
    if (migrations.some((migration) => migration.version === version)) {
      throw new AppError(AppErrorCode.MIGRATION_FAILED, { message: `two migration files have version ${match[1]}` });
    }
    const sql = await readFile(path.join(dir, file), 'utf8');
    migrations.push({ version, name: match[2] ?? '', sql, checksum: checksumOf(sql) });
  }
  return migrations;
}
