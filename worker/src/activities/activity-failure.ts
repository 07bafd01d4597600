import { AppError, AppErrorCode, ERROR_CATALOGUE } from '@signet/shared';
import type { Logger } from '@signet/shared/node';
import { ApplicationFailure, CancelledFailure } from '@temporalio/common';

/**
 * The one place where activity errors become Temporal failures. An AppError becomes an ApplicationFailure
 * whose `type` is its code (workflows branch on it); whether Temporal retries follows the catalogue's
 * `retryable` flag: DOCUMENT_NOT_FOUND, INVALID_DOCUMENT, INVALID_DOCUMENT_PATH and MAIL_REJECTED are
 * permanent, LIBRARY_UNAVAILABLE and INTERNAL (SMTP down, 4xx) are retried. Anything that is not an
 * AppError is a bug or an unforeseen fault: INTERNAL, retryable, so a fix can still rescue the envelope.
 */
export function toActivityFailure(error: unknown): ApplicationFailure | CancelledFailure {
  if (error instanceof ApplicationFailure || error instanceof CancelledFailure) return error;
  if (error instanceof AppError) {
    return ApplicationFailure.create({
      type: error.code,
      message: error.message,
      nonRetryable: !ERROR_CATALOGUE[error.code].retryable,
      ...(error.details ? { details: [error.details] } : {}),
    });
  }
  return ApplicationFailure.create({
    type: AppErrorCode.INTERNAL,
    message: error instanceof Error ? error.message : String(error),
    nonRetryable: false,
    ...(error instanceof Error ? { cause: error } : {}),
  });
}

/** Runs one activity body, logging and translating its failure with {@link toActivityFailure}. */
export async function withActivityFailures<T>(logger: Logger, activity: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const failure = toActivityFailure(error);
    const type = failure instanceof ApplicationFailure ? failure.type : 'CANCELLED';
    const nonRetryable = failure instanceof ApplicationFailure && failure.nonRetryable;
    logger.warn('activity failed', { activity, type, nonRetryable, message: failure.message });
    throw failure;
  }
}
