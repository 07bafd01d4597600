import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import type { Database, Queryable, Row } from './database';
import { fromDriverError, toDatabaseError } from './database-errors';

export type PgliteDatabaseOptions = {
  /** Folder of the data files (created if missing); undefined keeps everything in memory (tests). */
  dataDir?: string;
};

function queryableOf(target: Pick<PGlite, 'query' | 'exec'>): Queryable {
  return {
    query: async <T extends Row>(sql: string, params: readonly unknown[] = []) => {
      try {
        return (await target.query<T>(sql, [...params])).rows;
      } catch (error) {
        throw fromDriverError(error);
      }
    },
    execute: async (script: string) => {
      try {
        await target.exec(script);
      } catch (error) {
        throw fromDriverError(error);
      }
    },
  };
}

/**
 * Embedded PostgreSQL (PGlite): no server to install for `npm start` and tests. It is a single connection
 * inside this process, so only one process may open a data folder at a time; PGlite queues statements
 * and transactions itself.
 */
export async function createPgliteDatabase(options: PgliteDatabaseOptions = {}): Promise<Database> {
  let pglite: PGlite;
  try {
    if (options.dataDir) await mkdir(options.dataDir, { recursive: true });
    pglite = await PGlite.create(options.dataDir ? { dataDir: options.dataDir } : {});
  } catch (error) {
    throw toDatabaseError(`opening PGlite ${options.dataDir ?? '(in memory)'}`, error);
  }
  return {
    kind: 'pglite',
    ...queryableOf(pglite),
    transaction: async (work) => pglite.transaction(async (tx) => work(queryableOf(tx))),
    close: async () => pglite.close(),
  };
}
