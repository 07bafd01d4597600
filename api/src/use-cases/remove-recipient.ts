import type { TEnvelopeView } from '@signet/shared';
import { removeRecipientUpdate } from '@signet/workflows';
import type { ClaimedActor } from '../auth/sender-actor';
import { resolveSenderActor } from '../auth/sender-actor';
import type { ApiContext } from '../context';
import { updateEnvelope } from '../temporal/envelope-calls';

export type RemoveRecipientInput = { envelopeId: string; recipientId: string; actor?: ClaimedActor };

/** Removes a recipient who has not acted. LAST_ACTING_RECIPIENT when nobody would be left to act. */
export async function removeRecipient(ctx: ApiContext, input: RemoveRecipientInput): Promise<TEnvelopeView> {
  const actor = await resolveSenderActor(ctx, input.envelopeId, input.actor);
  return updateEnvelope(ctx, input.envelopeId, removeRecipientUpdate, { actor, recipientId: input.recipientId });
}
