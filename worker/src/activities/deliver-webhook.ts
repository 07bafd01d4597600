import type { DeliverWebhookInput } from '@signet/workflows';
import type { ActivityDeps } from './activity-deps';
import { requireInternalApi } from './activity-deps';

/**
 * One attempt of a webhook delivery. The API signs and POSTs the event (it holds the secret) and records the
 * attempt; a receiver's failure comes back as WEBHOOK_DELIVERY_FAILED (retryable), so Temporal backs off.
 */
export async function deliverWebhook(deps: ActivityDeps, input: DeliverWebhookInput): Promise<void> {
  const path = `/webhook-deliveries/${encodeURIComponent(input.deliveryId)}/${input.giveUp ? 'give-up' : 'attempts'}`;
  await requireInternalApi(deps).post(path, {});
}
