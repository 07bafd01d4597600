import type { TWebhookWithSecret } from '@signet/shared';
import type { Caller } from '../auth/caller';
import { newWebhookSecret, sealSecret } from './webhook-secret';
import type { WebhookDeps } from './webhook-store';
import { findOwnSubscription, toWebhook } from './webhook-store';

/** `POST /api/v1/webhooks/:id/rotate-secret`: a new secret at once (shown once); later attempts sign with it. */
export async function rotateWebhookSecret(deps: WebhookDeps, caller: Caller, id: string): Promise<TWebhookWithSecret> {
  const row = await findOwnSubscription(deps, caller, id);
  const secret = newWebhookSecret();
  await deps.db.query('UPDATE webhook_subscriptions SET secret_sealed = $2 WHERE id = $1', [
    id,
    sealSecret(deps.masterSecret, id, secret),
  ]);
  return { ...toWebhook(row), secret };
}
