import { AppError, AppErrorCode } from '@signet/shared';
import { markEnvelopeDeliveryFailed } from '../read-model/upsert-envelope-row';
import type { DeliveryRow } from './delivery-store';
import { postWebhook } from './post-webhook';
import { openSecret } from './webhook-secret';
import { signatureHeaderOf } from './webhook-signature';
import { checkWebhookUrl } from './webhook-url-guard';
import type { SubscriptionRow, WebhookDeps } from './webhook-store';

type Target = DeliveryRow & Pick<SubscriptionRow, 'url' | 'secret_sealed'> & { deleted_at: Date | null };

async function findTarget(deps: WebhookDeps, deliveryId: string): Promise<Target> {
  const [row] = await deps.db.query<Target>(
    `SELECT d.*, s.url, s.secret_sealed, s.deleted_at FROM webhook_deliveries d
     JOIN webhook_subscriptions s ON s.id = d.subscription_id WHERE d.id = $1`,
    [deliveryId],
  );
  if (!row) throw new AppError(AppErrorCode.WEBHOOK_NOT_FOUND, { message: `no webhook delivery ${deliveryId}` });
  return row;
}

async function recordAttempt(
  deps: WebhookDeps,
  deliveryId: string,
  result: { at: number; statusCode?: number; durationMs: number; error?: string; responseExcerpt?: string },
): Promise<void> {
  await deps.db.query(
    `INSERT INTO webhook_attempts (delivery_id, attempt, at, status_code, duration_ms, error, response_excerpt)
     SELECT $1, COALESCE(MAX(attempt), 0) + 1, $2, $3, $4, $5, $6 FROM webhook_attempts WHERE delivery_id = $1`,
    [
      deliveryId,
      new Date(result.at).toISOString(),
      result.statusCode ?? null,
      result.durationMs,
      result.error ?? null,
      result.responseExcerpt ?? null,
    ],
  );
}

/**
 * One attempt (`POST /internal/v1/webhook-deliveries/:id/attempts`, from the delivery workflow's activity): signs
 * the stored body with the subscription's secret and POSTs it; records the attempt. A 2xx marks the delivery
 * SUCCEEDED; anything else is WEBHOOK_DELIVERY_FAILED (retryable: Temporal backs off and comes back). An already
 * succeeded delivery is not sent again; a deleted subscription is WEBHOOK_NOT_FOUND (not retried).
 */
export async function attemptWebhookDelivery(deps: WebhookDeps, deliveryId: string): Promise<{ state: string }> {
  const target = await findTarget(deps, deliveryId);
  if (target.state !== 'PENDING') return { state: target.state };
  if (target.deleted_at) {
    throw new AppError(AppErrorCode.WEBHOOK_NOT_FOUND, { message: 'the subscription was deleted' });
  }
  const at = deps.now();
  const secret = openSecret(deps.masterSecret, target.subscription_id, target.secret_sealed);
  const headers = {
    'signet-signature': signatureHeaderOf(secret, target.body, Math.floor(at / 1000)),
    'signet-event-id': target.event_id,
    'signet-event-type': target.event_type,
    'user-agent': 'Signet-Webhooks/1',
  };
  let result;
  try {
    const url = checkWebhookUrl(target.url, deps.allowInsecure);
    result = await postWebhook(url, target.body, headers, { allowInsecure: deps.allowInsecure });
  } catch (error) {
    result = { durationMs: 0, error: error instanceof Error ? error.message : String(error) };
  }
  await recordAttempt(deps, deliveryId, { at, ...result });
  const ok = result.statusCode !== undefined && result.statusCode >= 200 && result.statusCode < 300;
  if (ok) {
    await deps.db.query(
      `UPDATE webhook_deliveries SET state = 'SUCCEEDED', finished_at = $2 WHERE id = $1 AND state = 'PENDING'`,
      [deliveryId, new Date(deps.now()).toISOString()],
    );
    return { state: 'SUCCEEDED' };
  }
  throw new AppError(AppErrorCode.WEBHOOK_DELIVERY_FAILED, {
    message: `webhook receiver answered ${result.statusCode ?? result.error ?? 'nothing'}`,
  });
}

/** After the last attempt (`…/give-up`): the delivery is FAILED and its envelope needs attention. */
export async function giveUpWebhookDelivery(deps: WebhookDeps, deliveryId: string): Promise<{ state: string }> {
  const target = await findTarget(deps, deliveryId);
  if (target.state !== 'PENDING') return { state: target.state };
  await deps.db.query(
    `UPDATE webhook_deliveries SET state = 'FAILED', finished_at = $2 WHERE id = $1 AND state = 'PENDING'`,
    [deliveryId, new Date(deps.now()).toISOString()],
  );
  if (target.envelope_id) await markEnvelopeDeliveryFailed(deps.db, target.envelope_id);
  return { state: 'FAILED' };
}
