import type { TWebhook } from '@signet/shared';
import { AppError, AppErrorCode, normaliseEmail } from '@signet/shared';
import type { Caller } from '../auth/caller';
import { isAdmin } from '../auth/caller';
import type { Database } from '../db/database';

/** What the webhook use cases need. */
export type WebhookDeps = {
  db: Database;
  now: () => number;
  newId: () => string;
  /** SIGNET_LINK_SECRET: the signing secrets are sealed under a key derived from it. */
  masterSecret: string;
  allowInsecure: boolean;
  /** Starts the delivery's workflow (`webhook-delivery-<id>`); a second start of the same id is a no-op. */
  startDelivery: (deliveryId: string) => Promise<void>;
};

export type SubscriptionRow = {
  id: string;
  owner: string;
  all_envelopes: boolean;
  url: string;
  events: string[];
  description: string | null;
  secret_sealed: Uint8Array;
  created_at: Date;
};

export function toWebhook(row: SubscriptionRow): TWebhook {
  return {
    id: row.id,
    url: row.url,
    events: row.events as TWebhook['events'],
    ...(row.description ? { description: row.description } : {}),
    owner: row.owner,
    allEnvelopes: row.all_envelopes,
    createdAt: row.created_at.toISOString(),
  };
}

/**
 * The caller's live subscription `id`; WEBHOOK_NOT_FOUND when there is none or (for a sender) it is another
 * owner's — the same answer, so ids of others' subscriptions are not confirmed. Admins reach every subscription.
 */
export async function findOwnSubscription(
  deps: Pick<WebhookDeps, 'db'>,
  caller: Caller,
  id: string,
): Promise<SubscriptionRow> {
  const [row] = await deps.db.query<SubscriptionRow>(
    'SELECT * FROM webhook_subscriptions WHERE id = $1 AND deleted_at IS NULL',
    [id],
  );
  if (!row || (!isAdmin(caller) && row.owner !== ownerOf(caller))) {
    throw new AppError(AppErrorCode.WEBHOOK_NOT_FOUND);
  }
  return row;
}

/** The owner recorded for (and matched against) a caller's subscriptions. */
export function ownerOf(caller: Caller): string {
  return normaliseEmail(caller.subject);
}
