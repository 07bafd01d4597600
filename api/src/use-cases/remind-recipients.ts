import type { TEnvelopeView } from '@signet/shared';
import { remindNowUpdate } from '@signet/workflows';
import type { ClaimedActor } from '../auth/sender-actor';
import { resolveSenderActor } from '../auth/sender-actor';
import type { ApiContext } from '../context';
import { updateEnvelope } from '../temporal/envelope-calls';

export type RemindRecipientsInput = { envelopeId: string; recipientIds?: string[]; actor?: ClaimedActor };

/** Sends a reminder now to the given pending recipients, or to all pending ones. */
export async function remindRecipients(ctx: ApiContext, input: RemindRecipientsInput): Promise<TEnvelopeView> {
  const actor = await resolveSenderActor(ctx, input.envelopeId, input.actor);
  return updateEnvelope(ctx, input.envelopeId, remindNowUpdate, {
    actor,
    ...(input.recipientIds ? { recipientIds: input.recipientIds } : {}),
  });
}
