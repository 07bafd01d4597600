import { proxyActivities } from '@temporalio/workflow';
import type { TWebhookDeliveryInput } from '@signet/shared';
import { AppErrorCode } from '@signet/shared';
import type { SigningActivities } from './activities';

export type WebhookDeliveryOutcome = { deliveryId: string; delivered: boolean };

/** The longest wait between two attempts, whatever the backoff reaches. */
const MAX_INTERVAL_MS = 6 * 3_600_000;

/**
 * One webhook delivery (`webhook-delivery-<deliveryId>`): the API makes each HTTP attempt and records it; this
 * workflow only spaces them out — exponential backoff from `retryInitialMs`, doubling, at most `maxAttempts`
 * attempts within `retryForMs`. When it gives up, the API is told once, so the delivery log says FAILED.
 */
export async function webhookDeliveryWorkflow(input: TWebhookDeliveryInput): Promise<WebhookDeliveryOutcome> {
  const attempts = proxyActivities<SigningActivities>({
    // The API's own HTTP timeout is 10 s; the rest is for the internal call.
    startToCloseTimeout: '30 seconds',
    scheduleToCloseTimeout: input.retryForMs,
    retry: {
      initialInterval: input.retryInitialMs,
      backoffCoefficient: 2,
      maximumInterval: Math.max(input.retryInitialMs, Math.min(input.retryForMs, MAX_INTERVAL_MS)),
      maximumAttempts: input.maxAttempts,
      nonRetryableErrorTypes: [AppErrorCode.WEBHOOK_NOT_FOUND],
    },
  });
  const bookkeeping = proxyActivities<SigningActivities>({
    startToCloseTimeout: '30 seconds',
    retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
  });
  try {
    await attempts.deliverWebhook({ deliveryId: input.deliveryId });
    return { deliveryId: input.deliveryId, delivered: true };
  } catch {
    await bookkeeping.deliverWebhook({ deliveryId: input.deliveryId, giveUp: true });
    return { deliveryId: input.deliveryId, delivered: false };
  }
}
