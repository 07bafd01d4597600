import type { TWebhookEvent } from '@signet/shared';
import { WebhookEventType } from '@signet/shared';
import type { Caller } from '../auth/caller';
import { recordDelivery } from './delivery-store';
import type { WebhookDeps } from './webhook-store';
import { findOwnSubscription } from './webhook-store';

/**
 * `POST /api/v1/webhooks/:id/test`: a `ping` event to this subscription alone, delivered (signed, retried,
 * logged) like any other. Answers the delivery id to look for in the log.
 */
export async function testWebhook(
  deps: WebhookDeps,
  caller: Caller,
  id: string,
): Promise<{ deliveryId: string; eventId: string }> {
  await findOwnSubscription(deps, caller, id);
  const now = deps.now();
  const event: TWebhookEvent = {
    id: `ping.${deps.newId()}`,
    type: WebhookEventType.PING,
    occurredAt: new Date(now).toISOString(),
  };
  const delivery = await recordDelivery(deps.db, { id: deps.newId(), subscriptionId: id, event, now });
  await deps.startDelivery(delivery.id);
  return { deliveryId: delivery.id, eventId: event.id };
}
