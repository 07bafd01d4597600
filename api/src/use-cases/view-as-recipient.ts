import { envelopeWorkflowId, EnvelopeStatus } from '@signet/shared';
import { recipientViewedSignal } from '@signet/workflows';
import type { RecipientLink } from '../auth/recipient-link';
import { readRecipientLink } from '../auth/recipient-link';
import type { ApiContext } from '../context';
import { queryEnvelope } from '../temporal/envelope-calls';
import type { RecipientEnvelopeView } from '../views/recipient-view';
import { toRecipientView } from '../views/recipient-view';

/**
 * What a recipient sees when they open their link. The first opening of a pending envelope is recorded
 * (VIEWED in the audit trail) by a signal; a failed signal never fails the view.
 */
export async function viewAsRecipient(ctx: ApiContext, token: string): Promise<RecipientEnvelopeView> {
  const link = readRecipientLink(ctx, token);
  const view = toRecipientView(await queryEnvelope(ctx, link.envelopeId), link.credential.recipientId);
  if (view.status === EnvelopeStatus.PENDING && !view.you.viewedAt) await recordViewed(ctx, link);
  return view;
}

async function recordViewed(ctx: ApiContext, link: RecipientLink): Promise<void> {
  try {
    await ctx.client.workflow
      .getHandle(envelopeWorkflowId(link.envelopeId))
      .signal(recipientViewedSignal, link.credential);
  } catch (error) {
    ctx.logger.warn('could not record a recipient view', { envelopeId: link.envelopeId, error: String(error) });
  }
}
