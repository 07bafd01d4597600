import {
  isGrpcServiceError,
  ServiceError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { ApplicationFailure, WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import type { EnvelopeStatus } from '@signet/shared';
import { AppError, AppErrorCode, isAppErrorCode } from '@signet/shared';

// The one place where Temporal client errors become catalogue errors.

// gRPC status codes meaning "the engine is not there (right now)": UNAVAILABLE, DEADLINE_EXCEEDED,
// RESOURCE_EXHAUSTED. Numeric to avoid depending on @grpc/grpc-js directly.
const UNAVAILABLE_GRPC_CODES = new Set([14, 4, 8]);
/** gRPC INVALID_ARGUMENT, numeric for the same reason. */
const GRPC_INVALID_ARGUMENT = 3;

const ENDED_STATUS_CODE: Partial<Record<EnvelopeStatus, AppErrorCode>> = {
  COMPLETED: AppErrorCode.ENVELOPE_COMPLETED,
  DECLINED: AppErrorCode.ENVELOPE_DECLINED,
  CANCELLED: AppErrorCode.ENVELOPE_CANCELLED,
  EXPIRED: AppErrorCode.ENVELOPE_EXPIRED,
};

/** The error for acting on an envelope that ended with `status`; undefined while it is still open. */
export function endedEnvelopeError(status: EnvelopeStatus): AppError | undefined {
  const code = ENDED_STATUS_CODE[status];
  return code ? new AppError(code) : undefined;
}

/** True for a gRPC INVALID_ARGUMENT answer, e.g. a list call with a stale or forged page token. */
export function isGrpcInvalidArgument(error: unknown): boolean {
  if (!isGrpcServiceError(error)) return false;
  const code: number = error.code;
  return code === GRPC_INVALID_ARGUMENT;
}

function isEngineUnavailable(error: unknown): boolean {
  const candidates = [error, error instanceof Error ? error.cause : undefined];
  return candidates.some((candidate) => isGrpcServiceError(candidate) && UNAVAILABLE_GRPC_CODES.has(candidate.code));
}

function fromUpdateFailure(error: WorkflowUpdateFailedError): AppError {
  const failure = error.cause;
  if (failure instanceof ApplicationFailure && isAppErrorCode(failure.type)) {
    const detail = failure.details?.[0];
    const details = detail && typeof detail === 'object' ? (detail as Record<string, unknown>) : undefined;
    return new AppError(failure.type, { message: failure.message, cause: error, ...(details ? { details } : {}) });
  }
  return new AppError(AppErrorCode.INTERNAL, { message: 'update failed without a Signet error code', cause: error });
}

/**
 * Maps an error thrown by a Temporal client call to an AppError, or returns undefined when the error
 * is not Temporal's. A WorkflowNotFoundError from an update may mean "closed": see {@link toUpdateError}.
 */
export function fromTemporalError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  if (error instanceof WorkflowUpdateFailedError) return fromUpdateFailure(error);
  if (error instanceof WorkflowNotFoundError) return new AppError(AppErrorCode.ENVELOPE_NOT_FOUND, { cause: error });
  if (error instanceof WorkflowExecutionAlreadyStartedError) {
    return new AppError(AppErrorCode.ENVELOPE_EXISTS, { cause: error });
  }
  if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError || isEngineUnavailable(error)) {
    return new AppError(AppErrorCode.ENGINE_UNAVAILABLE, { cause: error });
  }
  if (error instanceof ServiceError) return new AppError(AppErrorCode.INTERNAL, { cause: error });
  return undefined;
}

/**
 * Maps an error from an update. The server answers an update to a closed workflow with NOT_FOUND, so a
 * WorkflowNotFoundError is followed by a status lookup: an ended envelope gives ENVELOPE_COMPLETED,
 * ENVELOPE_DECLINED, ENVELOPE_CANCELLED or ENVELOPE_EXPIRED; a missing one ENVELOPE_NOT_FOUND.
 */
export async function toUpdateError(
  error: unknown,
  lookupStatus: () => Promise<EnvelopeStatus | undefined>,
): Promise<AppError> {
  if (error instanceof WorkflowNotFoundError) {
    let status: EnvelopeStatus | undefined;
    try {
      status = await lookupStatus();
    } catch {
      status = undefined;
    }
    const ended = status ? endedEnvelopeError(status) : undefined;
    if (ended) return ended;
  }
  return fromTemporalError(error) ?? new AppError(AppErrorCode.INTERNAL, { cause: error });
}
