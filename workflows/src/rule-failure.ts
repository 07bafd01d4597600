import { ApplicationFailure } from '@temporalio/workflow';
import { AppError } from '@signet/shared';

/**
 * Runs a pure rule; an AppError becomes a non-retryable ApplicationFailure whose `type` is the error code,
 * so validators reject updates with a typed, machine-readable reason.
 */
export function enforce<T>(rule: () => T): T {
  try {
    return rule();
  } catch (error) {
    if (error instanceof AppError) {
      throw ApplicationFailure.create({
        type: error.code,
        message: error.message,
        nonRetryable: true,
        ...(error.details ? { details: [error.details] } : {}),
      });
    }
    throw error;
  }
}
