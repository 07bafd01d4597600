import type { TBulkSendWorkflowInput } from '@signet/shared';
import { BULK_SEND_WORKFLOW_TYPE, bulkSendWorkflowId, TASK_QUEUE } from '@signet/shared';
import type { bulkSendWorkflow } from '@signet/workflows/workflows';
import type { ApiContext } from '../context';
import { fromTemporalError } from '../errors/temporal-errors';

/** Starts the workflow that works through a recorded bulk send's rows (one per bulk id). */
export async function startBulkSendWorkflow(ctx: ApiContext, input: TBulkSendWorkflowInput): Promise<void> {
  try {
    await ctx.client.workflow.start<typeof bulkSendWorkflow>(BULK_SEND_WORKFLOW_TYPE, {
      workflowId: bulkSendWorkflowId(input.bulkId),
      taskQueue: TASK_QUEUE,
      args: [input],
      workflowIdConflictPolicy: 'FAIL',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
  } catch (error) {
    throw fromTemporalError(error) ?? error;
  }
}
