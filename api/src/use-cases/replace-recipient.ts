import type { TEnvelopeView } from '@signet/shared';
import { replaceRecipientUpdate } from '@signet/workflows';
import { assertValidEmail } from '../assert-valid-email';
import type { ClaimedActor } from '../auth/sender-actor';
import { resolveSenderActor } from '../auth/sender-actor';
import type { ApiContext } from '../context';
import { updateEnvelope } from '../temporal/envelope-calls';

export type ReplaceRecipientInput = {
  envelopeId: string;
  recipientId: string;
  email: string;
  name?: string;
  actor?: ClaimedActor;
};

/**
 * Puts someone else in a recipient's place (same role and routing order) under a new id and link key,
 * so the old recipient's link stops working. ALREADY_ACTED once the recipient has acted.
 */
export async function replaceRecipient(ctx: ApiContext, input: ReplaceRecipientInput): Promise<TEnvelopeView> {
  const email = input.email.trim();
  assertValidEmail(email, 'email');
  const actor = await resolveSenderActor(ctx, input.envelopeId, input.actor);
  return updateEnvelope(ctx, input.envelopeId, replaceRecipientUpdate, {
    actor,
    recipientId: input.recipientId,
    replacement: { id: ctx.newId(), key: ctx.newId(), email, name: input.name ?? email },
  });
}
