import type { TWebhook, TWebhookList } from '@signet/shared';
import type { Caller } from '../auth/caller';
import { isAdmin } from '../auth/caller';
import type { SubscriptionRow, WebhookDeps } from './webhook-store';
import { findOwnSubscription, ownerOf, toWebhook } from './webhook-store';

/** `GET /api/v1/webhooks`: the caller's live subscriptions, newest first (admins: everyone's). */
export async function listWebhooks(deps: Pick<WebhookDeps, 'db'>, caller: Caller): Promise<TWebhookList> {
  const rows = isAdmin(caller)
    ? await deps.db.query<SubscriptionRow>(
        'SELECT * FROM webhook_subscriptions WHERE deleted_at IS NULL ORDER BY created_at DESC, id',
      )
    : await deps.db.query<SubscriptionRow>(
        'SELECT * FROM webhook_subscriptions WHERE deleted_at IS NULL AND owner = $1 ORDER BY created_at DESC, id',
        [ownerOf(caller)],
      );
  return { items: rows.map(toWebhook) };
}

/** `GET /api/v1/webhooks/:id`. */
export async function getWebhook(deps: Pick<WebhookDeps, 'db'>, caller: Caller, id: string): Promise<TWebhook> {
  return toWebhook(await findOwnSubscription(deps, caller, id));
}
