import { AppError, AppErrorCode } from '@signet/shared';

/** SQLSTATE of a driver error (both pg and PGlite put it in `code`), or undefined. */
export function sqlStateOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/** SQLSTATE 23505: a unique constraint refused the row. */
export function isUniqueViolation(error: unknown): boolean {
  return sqlStateOf(error) === '23505';
}

/**
 * Wraps a driver error as DATABASE_UNAVAILABLE; AppErrors pass through. The message names the operation,
 * never the parameters (they may be secrets or personal data).
 */
export function toDatabaseError(operation: string, error: unknown): AppError {
  if (error instanceof AppError) return error;
  const sqlState = sqlStateOf(error);
  return new AppError(AppErrorCode.DATABASE_UNAVAILABLE, {
    message: `database: ${operation} failed${sqlState ? ` (SQLSTATE ${sqlState})` : ''}`,
    cause: error,
  });
}

/**
 * A failed statement: lost or refused connections and an overloaded or shutting-down server (SQLSTATE
 * classes 08, 53, 57, or a socket error without a SQLSTATE) become DATABASE_UNAVAILABLE, which callers may
 * retry. Anything else (constraint violations, a bug in our SQL) stays as the driver raised it, so stores can
 * inspect its SQLSTATE and the error handler logs it in full as INTERNAL.
 */
export function fromDriverError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  const sqlState = sqlStateOf(error);
  const isUnavailable = sqlState ? /^(08|53|57)/.test(sqlState) : error instanceof Error;
  return isUnavailable ? toDatabaseError('query', error) : error;
}
