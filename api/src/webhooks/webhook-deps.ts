import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { TWebhookDeliveryInput } from '@signet/shared';
import {
  AppError,
  AppErrorCode,
  TASK_QUEUE,
  WEBHOOK_DELIVERY_WORKFLOW_TYPE,
  webhookDeliveryWorkflowId,
} from '@signet/shared';
import type { ApiContext } from '../context';
import { fromTemporalError } from '../errors/temporal-errors';
import type { WebhookDeps } from './webhook-store';

/** Starts one delivery's workflow with the configured backoff; already started (or finished) is fine. */
async function startDeliveryWorkflow(ctx: ApiContext, deliveryId: string): Promise<void> {
  const { retryInitialMs, retryForMs, maxAttempts } = ctx.config.webhooks;
  const input: TWebhookDeliveryInput = { deliveryId, retryInitialMs, retryForMs, maxAttempts };
  try {
    await ctx.client.workflow.start(WEBHOOK_DELIVERY_WORKFLOW_TYPE, {
      workflowId: webhookDeliveryWorkflowId(deliveryId),
      taskQueue: TASK_QUEUE,
      args: [input],
      workflowIdConflictPolicy: 'FAIL',
      // One delivery id, one run, ever: a repeated publication never sends an event twice.
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) return;
    throw fromTemporalError(error) ?? error;
  }
}

/** The webhook use cases' dependencies; DATABASE_UNAVAILABLE when the API runs without its database. */
export function webhookDeps(ctx: ApiContext): WebhookDeps {
  if (!ctx.database) {
    throw new AppError(AppErrorCode.DATABASE_UNAVAILABLE, { message: 'this API was started without a database' });
  }
  return {
    db: ctx.database,
    now: ctx.now,
    newId: ctx.newId,
    masterSecret: ctx.linkSecret,
    allowInsecure: ctx.config.webhooks.allowInsecure,
    startDelivery: (deliveryId) => startDeliveryWorkflow(ctx, deliveryId),
  };
}
