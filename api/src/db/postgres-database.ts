import pg from 'pg';
import type { Database, Queryable } from './database';
import { toDatabaseError } from './database-errors';
import { queryableOver } from './driver-queryable';

export type PostgresDatabaseOptions = {
  /** `postgres://user:password@host:port/database` (SIGNET_DATABASE_URL). */
  url: string;
  /** Most connections the pool opens (default 10). */
  maxConnections?: number;
};

function queryableOf(target: Pick<pg.Pool | pg.PoolClient, 'query'>): Queryable {
  return queryableOver({
    query: (sql, params) => target.query(sql, params),
    // Without parameters node-postgres uses the simple query protocol, which takes several statements.
    execute: (script) => target.query(script),
  });
}

/**
 * A PostgreSQL server through node-postgres' pool. Connecting once here makes a wrong URL or an unreachable
 * server fail start-up with DATABASE_UNAVAILABLE instead of the first request.
 */
export async function createPostgresDatabase(options: PostgresDatabaseOptions): Promise<Database> {
  const pool = new pg.Pool({ connectionString: options.url, max: options.maxConnections ?? 10 });
  // An idle client losing its connection emits 'error' on the pool; unhandled, that would end the process.
  pool.on('error', () => undefined);
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end();
    // The URL may hold a password: name the host only.
    throw toDatabaseError(`connecting to PostgreSQL at ${hostOf(options.url)}`, error);
  }
  return {
    kind: 'postgres',
    ...queryableOf(pool),
    transaction: async (work) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(queryableOf(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: async () => pool.end(),
  };
}

function hostOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '5432'}`;
  } catch {
    return '(unparsable URL)';
  }
}
