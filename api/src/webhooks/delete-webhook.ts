import type { Caller } from '../auth/caller';
import type { WebhookDeps } from './webhook-store';
import { findOwnSubscription } from './webhook-store';

/**
 * `DELETE /api/v1/webhooks/:id`: no new deliveries from now on; pending ones stop at their next attempt. The row
 * stays (soft delete) so its delivery log still explains what was sent.
 */
export async function deleteWebhook(deps: Pick<WebhookDeps, 'db' | 'now'>, caller: Caller, id: string): Promise<void> {
  await findOwnSubscription(deps, caller, id);
  await deps.db.query('UPDATE webhook_subscriptions SET deleted_at = $2 WHERE id = $1 AND deleted_at IS NULL', [
    id,
    new Date(deps.now()).toISOString(),
  ]);
}
