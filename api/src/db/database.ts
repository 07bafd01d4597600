/** One row per object, columns by name; values as the driver decodes them (timestamptz → Date, text[] → string[]). */
export type Row = Record<string, unknown>;

/** Runs one parameterised statement (`$1`, `$2`, …). Values never go into the SQL text. */
export interface Queryable {
  query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /**
   * Runs a script of several statements without parameters (Postgres' simple query protocol), for
   * migrations; prepared statements hold one statement only.
   */
  execute(script: string): Promise<void>;
}

/**
 * The API's database port: PostgreSQL in production, embedded PGlite (Postgres compiled to WebAssembly) for
 * `npm start` and tests, so there is one SQL dialect. Adapters: `pglite-database.ts`, `postgres-database.ts`.
 */
export interface Database extends Queryable {
  /** Which adapter this is; shown in the start-up log and checked by tests. */
  readonly kind: 'pglite' | 'postgres';
  /**
   * Runs `work` in one transaction on one connection: committed when it resolves, rolled back when it throws
   * (the error is rethrown unchanged).
   */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Closes connections (or the embedded instance). */
  close(): Promise<void>;
}
