import type { TWebhookAttempt, TWebhookDelivery, TWebhookEvent } from '@signet/shared';
import type { Queryable } from '../db/database';

export type DeliveryRow = {
  id: string;
  subscription_id: string;
  event_id: string;
  event_type: string;
  envelope_id: string | null;
  body: string;
  state: TWebhookDelivery['state'];
  created_at: Date;
};

/**
 * Records `event` for one subscription, once: a repeated event (a retried publication) returns the delivery
 * already recorded, so its workflow can be (re)started idempotently. The body is fixed here, so every attempt
 * sends, and signs, the same bytes.
 */
export async function recordDelivery(
  db: Queryable,
  input: { id: string; subscriptionId: string; event: TWebhookEvent; now: number },
): Promise<Pick<DeliveryRow, 'id' | 'state'>> {
  const [row] = await db.query<Pick<DeliveryRow, 'id' | 'state'>>(
    `INSERT INTO webhook_deliveries (id, subscription_id, event_id, event_type, envelope_id, body, state, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, 'PENDING', $7)
     ON CONFLICT (subscription_id, event_id) DO UPDATE SET event_type = webhook_deliveries.event_type
     RETURNING id, state`,
    [
      input.id,
      input.subscriptionId,
      input.event.id,
      input.event.type,
      input.event.envelopeId ?? null,
      JSON.stringify(input.event),
      new Date(input.now).toISOString(),
    ],
  );
  return row ?? { id: input.id, state: 'PENDING' };
}

type AttemptRow = {
  delivery_id: string;
  at: Date;
  status_code: number | null;
  duration_ms: number;
  error: string | null;
  response_excerpt: string | null;
};

export function toAttempt(row: AttemptRow): TWebhookAttempt {
  return {
    at: row.at.toISOString(),
    ...(row.status_code !== null ? { statusCode: row.status_code } : {}),
    durationMs: row.duration_ms,
    ...(row.error !== null ? { error: row.error } : {}),
    ...(row.response_excerpt !== null ? { responseExcerpt: row.response_excerpt } : {}),
  };
}

/** The attempts of `deliveryIds`, oldest first, grouped by delivery. */
export async function attemptsOf(db: Queryable, deliveryIds: string[]): Promise<Map<string, TWebhookAttempt[]>> {
  const byDelivery = new Map<string, TWebhookAttempt[]>(deliveryIds.map((id) => [id, []]));
  if (deliveryIds.length === 0) return byDelivery;
  const rows = await db.query<AttemptRow>(
    'SELECT * FROM webhook_attempts WHERE delivery_id = ANY($1::text[]) ORDER BY delivery_id, attempt',
    [deliveryIds],
  );
  for (const row of rows) byDelivery.get(row.delivery_id)?.push(toAttempt(row));
  return byDelivery;
}

export function toDelivery(row: DeliveryRow, attempts: TWebhookAttempt[]): TWebhookDelivery {
  return {
    id: row.id,
    eventId: row.event_id,
    eventType: row.event_type as TWebhookDelivery['eventType'],
    ...(row.envelope_id ? { envelopeId: row.envelope_id } : {}),
    state: row.state,
    createdAt: row.created_at.toISOString(),
    attempts,
  };
}
