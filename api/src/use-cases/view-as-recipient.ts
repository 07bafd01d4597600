import { envelopeWorkflowId, EnvelopeStatus } from '@signet/shared';
import { recipientViewedSignal } from '@signet/workflows';
import type { ApiContext } from '../context';
import type { AuthenticatedRecipient } from '../recipient-auth/authenticate-recipient';
import { authenticateRecipient } from '../recipient-auth/authenticate-recipient';
import { recipientViewOf } from '../recipient-auth/recipient-view-of';
import type { RecipientEnvelopeView } from '../views/recipient-view';

/**
 * What a recipient sees when they open their link (after proving themselves when the sender asked:
 * AUTHENTICATION_REQUIRED otherwise). The first opening of a pending envelope is recorded (VIEWED in the
 * audit trail, with the method used) by a signal; a failed signal never fails the view.
 */
export async function viewAsRecipient(
  ctx: ApiContext,
  token: string,
  session: string | undefined,
): Promise<RecipientEnvelopeView> {
  const recipient = await authenticateRecipient(ctx, token, session);
  const view = recipientViewOf(recipient, recipient.view, ctx.config.recipientAuth.strong?.name);
  if (view.status === EnvelopeStatus.PENDING && !view.you.viewedAt) await recordViewed(ctx, recipient);
  return view;
}

async function recordViewed(ctx: ApiContext, recipient: AuthenticatedRecipient): Promise<void> {
  const { envelopeId } = recipient.link;
  try {
    await ctx.client.workflow
      .getHandle(envelopeWorkflowId(envelopeId))
      .signal(recipientViewedSignal, recipient.credential);
  } catch (error) {
    ctx.logger.warn('could not record a recipient view', { envelopeId, error: String(error) });
  }
}
