import type { Locale, RecipientAuthentication, RecipientRole, TEnvelopeView } from '@signet/shared';
import { AppError, AppErrorCode } from '@signet/shared';
import { addRecipientUpdate } from '@signet/workflows';
import { assertValidEmail } from '../assert-valid-email';
import type { ClaimedActor } from '../auth/sender-actor';
import { resolveSenderActor } from '../auth/sender-actor';
import type { ApiContext } from '../context';
import { assertAuthenticationAvailable } from '../recipient-auth/assert-authentication-available';
import { updateEnvelope } from '../temporal/envelope-calls';

export type AddRecipientInput = {
  envelopeId: string;
  email: string;
  name?: string;
  role: RecipientRole;
  routingOrder: number;
  onBehalfOf?: string;
  authentication?: RecipientAuthentication;
  recordNationalId?: boolean;
  locale?: Locale;
  actor?: ClaimedActor;
};

/**
 * Adds a recipient to a pending envelope. The API mints the new slot's id and link key. A recipient added
 * to the current routing group is invited at once; ROUTING_ORDER_PASSED for a group that has finished.
 */
export async function addRecipient(ctx: ApiContext, input: AddRecipientInput): Promise<TEnvelopeView> {
  const email = input.email.trim();
  assertValidEmail(email, 'email');
  assertAuthenticationAvailable(ctx.config.recipientAuth, input.authentication, 'authentication');
  if (input.recordNationalId && input.authentication !== 'STRONG') {
    throw new AppError(AppErrorCode.VALIDATION_FAILED, {
      message: 'recordNationalId needs authentication STRONG (only strong authentication gives a national id)',
      details: { field: 'recordNationalId' },
    });
  }
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
      ...(input.authentication && input.authentication !== 'LINK' ? { authentication: input.authentication } : {}),
      ...(input.recordNationalId ? { recordNationalId: true } : {}),
      ...(input.locale ? { locale: input.locale } : {}),
    },
  });
}
