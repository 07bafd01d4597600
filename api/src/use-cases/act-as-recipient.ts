import type { TEnvelopeView } from '@signet/shared';
import { AppError, AppErrorCode } from '@signet/shared';
import {
  approveEnvelopeUpdate,
  declineEnvelopeUpdate,
  delegateEnvelopeUpdate,
  signEnvelopeUpdate,
} from '@signet/workflows';
import { assertValidEmail } from '../assert-valid-email';
import type { RecipientLink } from '../auth/recipient-link';
import { readRecipientLink } from '../auth/recipient-link';
import type { ApiContext } from '../context';
import { updateEnvelope } from '../temporal/envelope-calls';
import type { RecipientEnvelopeView } from '../views/recipient-view';
import { toRecipientView } from '../views/recipient-view';

/** The four things a recipient can do through their link. */
export type RecipientAction =
  | { kind: 'sign'; signatureText?: string; onBehalfOf?: string }
  | { kind: 'approve' }
  | { kind: 'decline'; reason?: string }
  | { kind: 'delegate'; email: string; name: string; reason?: string };

function perform(ctx: ApiContext, link: RecipientLink, action: RecipientAction): Promise<TEnvelopeView> {
  const { envelopeId, credential } = link;
  switch (action.kind) {
    case 'sign':
      return updateEnvelope(ctx, envelopeId, signEnvelopeUpdate, {
        ...credential,
        ...(action.signatureText ? { signatureText: action.signatureText } : {}),
        ...(action.onBehalfOf ? { onBehalfOf: action.onBehalfOf } : {}),
      });
    case 'approve':
      return updateEnvelope(ctx, envelopeId, approveEnvelopeUpdate, credential);
    case 'decline': {
      const reason = action.reason?.trim();
      if (!reason) throw new AppError(AppErrorCode.REASON_REQUIRED);
      return updateEnvelope(ctx, envelopeId, declineEnvelopeUpdate, { ...credential, reason });
    }
    case 'delegate': {
      const email = action.email.trim();
      assertValidEmail(email, 'email');
      // The API mints the delegate's slot: a fresh id and link key that only the delegate's mail carries.
      return updateEnvelope(ctx, envelopeId, delegateEnvelopeUpdate, {
        ...credential,
        to: { id: ctx.newId(), key: ctx.newId(), email, name: action.name },
        ...(action.reason ? { reason: action.reason } : {}),
      });
    }
  }
}

/**
 * Signs, approves, declines or delegates as the recipient named by the link token. The workflow decides
 * (NOT_YOUR_TURN, ALREADY_ACTED, WRONG_ROLE, ENVELOPE_EXPIRED, …); the answer is the recipient's own view.
 */
export async function actAsRecipient(
  ctx: ApiContext,
  token: string,
  action: RecipientAction,
): Promise<RecipientEnvelopeView> {
  const link = readRecipientLink(ctx, token);
  const view = await perform(ctx, link, action);
  return toRecipientView(view, link.credential.recipientId);
}
