import type { RecipientRole, TEnvelopeView } from '@signet/shared';
import { addRecipientUpdate } from '@signet/workflows';
import { assertValidEmail } from '../assert-valid-email';
import type { ClaimedActor } from '../auth/sender-actor';
import { resolveSenderActor } from '../auth/sender-actor';
import type { ApiContext } from '../context';
import { updateEnvelope } from '../temporal/envelope-calls';

export type AddRecipientInput = {
  envelopeId: string;
  email: string;
  name?: string;
  role: RecipientRole;
  routingOrder: number;
  onBehalfOf?: string;
  actor?: ClaimedActor;
};

/**
 * Adds a recipient to a pending envelope. The API mints the new slot's id and link key. A recipient added
 * to the current routing group is invited at once; ROUTING_ORDER_PASSED for a group that has finished.
 */
export async function addRecipient(ctx: ApiContext, input: AddRecipientInput): Promise<TEnvelopeView> {
  const email = input.email.trim();
  assertValidEmail(email, 'email');
  const actor = await resolveSenderActor(ctx, input.envelopeId, input.actor);
  return updateEnvelope(ctx, input.envelopeId, addRecipientUpdate, {
    actor,
    recipient: {
      id: ctx.newId(),
      key: ctx.newId(),
      email,
      name: input.name ?? email,
      role: input.role,
      routingOrder: input.routingOrder,
      ...(input.onBehalfOf ? { onBehalfOf: input.onBehalfOf } : {}),
    },
  });
}
