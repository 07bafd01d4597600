import type { TEnvelopeEventsPublication, TWebhookEvent } from '@signet/shared';
import { eventTypesOfAudit, normaliseEmail } from '@signet/shared';
import { upsertEnvelopeRow } from '../read-model/upsert-envelope-row';
import { recordDelivery } from './delivery-store';
import type { WebhookDeps } from './webhook-store';

type Publication = TEnvelopeEventsPublication;

/** The public events of a publication: ids, status and progress, never names, e-mails or content. */
export function webhookEventsOf(publication: Publication): TWebhookEvent[] {
  const { envelope } = publication;
  return publication.events.flatMap((audit) =>
    eventTypesOfAudit(audit.type).map((type) => ({
      // Stable across retries and re-publications: receivers drop duplicates by it.
      id: `${envelope.envelopeId}.${audit.index}.${type}`,
      type,
      occurredAt: audit.at,
      envelopeId: envelope.envelopeId,
      ...(audit.recipientId ? { recipientId: audit.recipientId } : {}),
      status: envelope.status,
      progress: envelope.progress,
    })),
  );
}

type MatchRow = { id: string; events: string[]; created_at: Date };

/**
 * Worker → API (`POST /internal/v1/envelope-events`): updates the read model row (ignored when the revision is
 * not newer) and records one delivery per new event and matching subscription — the subscriber's own
 * envelopes, or every envelope for admins' subscriptions, for events it asked for that happened after it was
 * made. Then starts each pending delivery's workflow. All of it is idempotent, so the activity may retry.
 */
export async function recordEnvelopeEvents(
  deps: WebhookDeps,
  publication: Publication,
  options: { warningMs: number },
): Promise<{ deliveries: number }> {
  const now = deps.now();
  const events = webhookEventsOf(publication);
  const sender = normaliseEmail(publication.envelope.sender.email);
  const pending = await deps.db.transaction(async (tx) => {
    await upsertEnvelopeRow(tx, publication.envelope, { now, warningMs: options.warningMs });
    if (events.length === 0) return [];
    const subscriptions = await tx.query<MatchRow>(
      `SELECT id, events, created_at FROM webhook_subscriptions
       WHERE deleted_at IS NULL AND (all_envelopes OR owner = $1)`,
      [sender],
    );
    const started: string[] = [];
    for (const subscription of subscriptions) {
      for (const event of events) {
        if (!subscription.events.includes(event.type)) continue;
        if (Date.parse(event.occurredAt) < subscription.created_at.getTime()) continue;
        const delivery = await recordDelivery(tx, { id: deps.newId(), subscriptionId: subscription.id, event, now });
        if (delivery.state === 'PENDING') started.push(delivery.id);
      }
    }
    return started;
  });
  // After the commit, so a workflow never looks for a delivery that is not there yet.
  for (const deliveryId of pending) await deps.startDelivery(deliveryId);
  return { deliveries: pending.length };
}
