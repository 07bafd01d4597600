import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import type { Database, Queryable } from './database';
import { toDatabaseError } from './database-errors';
import { queryableOver } from './driver-queryable';

export type PgliteDatabaseOptions = {
  /** Folder of the data files (created if missing); undefined keeps everything in memory (tests). */
  dataDir?: string;
};

function queryableOf(target: Pick<PGlite, 'query' | 'exec'>): Queryable {
  return queryableOver({ query: (sql, params) => target.query(sql, params), execute: (script) => target.exec(script) });
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
