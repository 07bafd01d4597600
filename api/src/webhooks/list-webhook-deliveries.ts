import type { TListWebhookDeliveriesQuery, TWebhookDeliveryList } from '@signet/shared';
import { AppError, AppErrorCode } from '@signet/shared';
import type { Caller } from '../auth/caller';
import { openPageToken, signPageToken } from '../temporal/page-token';
import type { DeliveryRow } from './delivery-store';
import { attemptsOf, toDelivery } from './delivery-store';
import type { WebhookDeps } from './webhook-store';
import { findOwnSubscription } from './webhook-store';

function cursorOf(secret: string, token: string): [string, string] {
  const parsed: unknown = JSON.parse(openPageToken(secret, token).toString('utf8'));
  if (!Array.isArray(parsed) || typeof parsed[0] !== 'string' || typeof parsed[1] !== 'string') {
    throw new AppError(AppErrorCode.VALIDATION_FAILED, { message: 'nextPageToken is not valid' });
  }
  return [parsed[0], parsed[1]];
}

/** `GET /api/v1/webhooks/:id/deliveries`: the delivery log, newest first, each with its attempts; keyset paged. */
export async function listWebhookDeliveries(
  deps: Pick<WebhookDeps, 'db' | 'masterSecret'>,
  caller: Caller,
  id: string,
  query: TListWebhookDeliveriesQuery,
): Promise<TWebhookDeliveryList> {
  await findOwnSubscription(deps, caller, id);
  const cursor = query.nextPageToken ? cursorOf(deps.masterSecret, query.nextPageToken) : undefined;
  const rows = await deps.db.query<DeliveryRow>(
    `SELECT * FROM webhook_deliveries WHERE subscription_id = $1
     ${cursor ? 'AND (created_at, id) < ($3::timestamptz, $4)' : ''}
     ORDER BY created_at DESC, id DESC LIMIT $2`,
    cursor ? [id, query.pageSize + 1, ...cursor] : [id, query.pageSize + 1],
  );
  const page = rows.slice(0, query.pageSize);
  const attempts = await attemptsOf(
    deps.db,
    page.map((row) => row.id),
  );
  const items = page.map((row) => toDelivery(row, attempts.get(row.id) ?? []));
  const last = page[page.length - 1];
  if (rows.length <= query.pageSize || !last) return { items };
  const token = Buffer.from(JSON.stringify([last.created_at.toISOString(), last.id]), 'utf8');
  return { items, nextPageToken: signPageToken(deps.masterSecret, token) };
}
