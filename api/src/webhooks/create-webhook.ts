import type { TCreateWebhookRequest, TWebhookWithSecret } from '@signet/shared';
import type { Caller } from '../auth/caller';
import { isAdmin } from '../auth/caller';
import { newWebhookSecret, sealSecret } from './webhook-secret';
import { checkWebhookUrl } from './webhook-url-guard';
import type { SubscriptionRow, WebhookDeps } from './webhook-store';
import { ownerOf, toWebhook } from './webhook-store';

/**
 * `POST /api/v1/webhooks`: a subscription owned by the caller, for the caller's envelopes (admins: every
 * envelope). The URL is checked first (WEBHOOK_URL_REJECTED), so nothing is stored for a refused one. The
 * answer carries the signing secret; it is never shown again.
 */
export async function createWebhook(
  deps: WebhookDeps,
  caller: Caller,
  request: TCreateWebhookRequest,
): Promise<TWebhookWithSecret> {
  const url = checkWebhookUrl(request.url, deps.allowInsecure);
  const id = deps.newId();
  const secret = newWebhookSecret();
  const [row] = await deps.db.query<SubscriptionRow>(
    `INSERT INTO webhook_subscriptions (id, owner, all_envelopes, url, events, description, secret_sealed, created_at)
     VALUES ($1, $2, $3, $4, $5::text[], $6, $7, $8) RETURNING *`,
    [
      id,
      ownerOf(caller),
      isAdmin(caller),
      url.toString(),
      [...new Set(request.events)],
      request.description ?? null,
      sealSecret(deps.masterSecret, id, secret),
      new Date(deps.now()).toISOString(),
    ],
  );
  return { ...toWebhook(row!), secret };
}
