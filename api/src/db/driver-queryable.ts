import type { Queryable, Row } from './database';
import { fromDriverError } from './database-errors';

/** What each driver (PGlite, node-postgres) offers, reduced to the two calls the port needs. */
export type DriverCalls = {
  query(sql: string, params: unknown[]): Promise<{ rows: unknown[] }>;
  /** Runs a script of several statements (migrations). */
  execute(script: string): Promise<unknown>;
};

/** The port's Queryable over a driver: driver errors become catalogue errors (`fromDriverError`) in one place. */
export function queryableOver(driver: DriverCalls): Queryable {
  return {
    query: async <T extends Row>(sql: string, params: readonly unknown[] = []) => {
      try {
        return (await driver.query(sql, [...params])).rows as T[];
      } catch (error) {
        throw fromDriverError(error);
      }
    },
    execute: async (script: string) => {
      try {
        await driver.execute(script);
      } catch (error) {
        throw fromDriverError(error);
      }
    },
  };
}
