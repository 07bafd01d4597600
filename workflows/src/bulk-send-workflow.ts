import { continueAsNew, defineQuery, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { TBulkSendBatchResult, TBulkSendWorkflowInput } from '@signet/shared';
import { AppErrorCode } from '@signet/shared';

/** Rows `from` … `from + count − 1` (0-based positions) of bulk send `bulkId`. */
export type StartBulkSendBatchInput = { bulkId: string; from: number; count: number };

/** The activity contract of bulk sends (implemented by the worker, which calls the API's internal route). */
export interface BulkSendActivities {
  /** Starts the batch's PENDING rows' envelopes; answers how many rows of the batch are STARTED and FAILED. Idempotent. */
  startBulkSendBatch(input: StartBulkSendBatchInput): Promise<TBulkSendBatchResult>;
}

/** What the progress query answers: rows worked through so far, and how they went. */
export type BulkSendProgress = { bulkId: string; total: number; processed: number; started: number; failed: number };

export const bulkSendProgressQuery = defineQuery<BulkSendProgress>('bulkSendProgress');

/** Progress carried over a continue-as-new (absent on the first run). */
export type BulkSendWorkflowArgs = TBulkSendWorkflowInput & { resume?: Omit<BulkSendProgress, 'bulkId' | 'total'> };

/**
 * One bulk send (`bulk-send-<bulkId>`): works through the recorded rows in batches, one activity call each.
 * Each batch is idempotent (envelope ids are derived from bulk id and row), so activity retries are safe;
 * per-row failures are recorded by the API and do not stop the run. Continues as new when the history grows.
 */
export async function bulkSendWorkflow(input: BulkSendWorkflowArgs): Promise<BulkSendProgress> {
  const { startBulkSendBatch } = proxyActivities<BulkSendActivities>({
    startToCloseTimeout: '5 minutes',
    retry: {
      initialInterval: '1 second',
      maximumInterval: '1 minute',
      nonRetryableErrorTypes: [AppErrorCode.BULK_SEND_NOT_FOUND, AppErrorCode.VALIDATION_FAILED],
    },
  });
  const progress: BulkSendProgress = {
    bulkId: input.bulkId,
    total: input.total,
    processed: input.resume?.processed ?? 0,
    started: input.resume?.started ?? 0,
    failed: input.resume?.failed ?? 0,
  };
  setHandler(bulkSendProgressQuery, () => ({ ...progress }));
  while (progress.processed < input.total) {
    if (workflowInfo().continueAsNewSuggested) {
      const { processed, started, failed } = progress;
      await continueAsNew<typeof bulkSendWorkflow>({ ...input, resume: { processed, started, failed } });
    }
    const count = Math.min(input.batchSize, input.total - progress.processed);
    const result = await startBulkSendBatch({ bulkId: input.bulkId, from: progress.processed, count });
    progress.processed += count;
    progress.started += result.started;
    progress.failed += result.failed;
  }
  return progress;
}
