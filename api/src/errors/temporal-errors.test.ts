import {
  ServiceError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { ApplicationFailure, WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { AppError, AppErrorCode } from '@signet/shared';
import { endedEnvelopeError, fromTemporalError, toUpdateError } from './temporal-errors';

function grpcError(code: number): Error {
  return Object.assign(new Error(`grpc ${code}`), { code, details: 'details', metadata: {} });
}

const rejected = (type: string, message = 'rejected', details?: unknown[]) =>
  new WorkflowUpdateFailedError(
    'update failed',
    ApplicationFailure.create({ type, message, nonRetryable: true, ...(details ? { details } : {}) }),
  );

describe('fromTemporalError', () => {
  it('turns a rejected update into the code the workflow gave it', () => {
    const mapped = fromTemporalError(rejected(AppErrorCode.NOT_YOUR_TURN, 'wait for your turn'));
    expect(mapped).toMatchObject({ code: AppErrorCode.NOT_YOUR_TURN, message: 'wait for your turn' });
  });

  it('keeps structured details from the failure', () => {
    expect(fromTemporalError(rejected(AppErrorCode.VALIDATION_FAILED, 'bad', [{ field: 'x' }]))).toMatchObject({
      details: { field: 'x' },
    });
  });

  it('treats a failure type outside the catalogue as INTERNAL', () => {
    expect(fromTemporalError(rejected('SomethingElse'))?.code).toBe(AppErrorCode.INTERNAL);
    expect(fromTemporalError(new WorkflowUpdateFailedError('x', new Error('plain')))?.code).toBe(AppErrorCode.INTERNAL);
  });

  it.each<[string, unknown, string]>([
    ['a missing workflow', new WorkflowNotFoundError('nope', 'envelope-x', undefined), AppErrorCode.ENVELOPE_NOT_FOUND],
    [
      'an id already used',
      new WorkflowExecutionAlreadyStartedError('exists', 'envelope-x', 'envelopeWorkflow'),
      AppErrorCode.ENVELOPE_EXISTS,
    ],
    [
      'an unreachable server',
      new ServiceError('Failed to query Workflow', { cause: grpcError(14) }),
      AppErrorCode.ENGINE_UNAVAILABLE,
    ],
    ['a raw UNAVAILABLE gRPC error', grpcError(14), AppErrorCode.ENGINE_UNAVAILABLE],
    ['a deadline exceeded', new ServiceError('slow', { cause: grpcError(4) }), AppErrorCode.ENGINE_UNAVAILABLE],
    ['an update RPC timeout', new WorkflowUpdateRPCTimeoutOrCancelledError('timeout'), AppErrorCode.ENGINE_UNAVAILABLE],
    ['another service error', new ServiceError('odd', { cause: grpcError(13) }), AppErrorCode.INTERNAL],
  ])('maps %s', (_label, error, code) => {
    expect(fromTemporalError(error)?.code).toBe(code);
  });

  it('passes AppErrors through and ignores errors that are not Temporal’s', () => {
    const own = new AppError(AppErrorCode.REASON_REQUIRED);
    expect(fromTemporalError(own)).toBe(own);
    expect(fromTemporalError(new TypeError('x'))).toBeUndefined();
  });
});

describe('toUpdateError', () => {
  const closed = new WorkflowNotFoundError('workflow execution already completed', 'envelope-x', undefined);

  it.each([
    ['COMPLETED', AppErrorCode.ENVELOPE_COMPLETED],
    ['DECLINED', AppErrorCode.ENVELOPE_DECLINED],
    ['CANCELLED', AppErrorCode.ENVELOPE_CANCELLED],
    ['EXPIRED', AppErrorCode.ENVELOPE_EXPIRED],
  ] as const)('maps an update to a closed %s envelope to %s', async (status, code) => {
    await expect(toUpdateError(closed, async () => status)).resolves.toMatchObject({ code });
  });

  it('is ENVELOPE_NOT_FOUND when the status lookup finds nothing either', async () => {
    const lookup = async () => Promise.reject(new AppError(AppErrorCode.ENVELOPE_NOT_FOUND));
    await expect(toUpdateError(closed, lookup)).resolves.toMatchObject({ code: AppErrorCode.ENVELOPE_NOT_FOUND });
  });

  it('does not look up the status for other errors', async () => {
    const lookup = jest.fn(async () => 'COMPLETED' as const);
    await expect(toUpdateError(rejected(AppErrorCode.ALREADY_ACTED), lookup)).resolves.toMatchObject({
      code: AppErrorCode.ALREADY_ACTED,
    });
    expect(lookup).not.toHaveBeenCalled();
  });

  it('has no ended error for a pending envelope', () => {
    expect(endedEnvelopeError('PENDING')).toBeUndefined();
  });
});
