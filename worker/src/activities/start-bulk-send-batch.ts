import type { TBulkSendBatchResult } from '@signet/shared';
import { ZBulkSendBatchResultSchema } from '@signet/shared';
import type { StartBulkSendBatchInput } from '@signet/workflows';
import type { ActivityDeps } from './activity-deps';
import { requireInternalApi } from './activity-deps';

/**
 * One batch of a bulk send: the API (which owns the bulk send's rows and the create-envelope rules) starts
 * the rows' envelopes. The call is idempotent, so the activity's retries are safe.
 */
export async function startBulkSendBatch(
  deps: ActivityDeps,
  input: StartBulkSendBatchInput,
): Promise<TBulkSendBatchResult> {
  const answer = await requireInternalApi(deps).post<unknown>(
    `/bulk-sends/${encodeURIComponent(input.bulkId)}/batches`,
    { from: input.from, count: input.count },
  );
  return ZBulkSendBatchResultSchema.parse(answer);
}
