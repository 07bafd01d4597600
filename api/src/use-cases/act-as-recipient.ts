import type { SignatureKind, TEnvelopeView } from '@signet/shared';
import { AppError, AppErrorCode } from '@signet/shared';
import {
  approveEnvelopeUpdate,
  declineEnvelopeUpdate,
  delegateEnvelopeUpdate,
  signEnvelopeUpdate,
} from '@signet/workflows';
import { assertValidEmail } from '../assert-valid-email';
import type { ApiContext } from '../context';
import type { AuthenticatedRecipient } from '../recipient-auth/authenticate-recipient';
import { authenticateRecipient } from '../recipient-auth/authenticate-recipient';
import { recipientViewOf } from '../recipient-auth/recipient-view-of';
import { updateEnvelope } from '../temporal/envelope-calls';
import type { RecipientEnvelopeView } from '../views/recipient-view';

/** The four things a recipient can do through their link (sign bodies are checked by `checkSignRequest`). */
export type RecipientAction =
  | {
      kind: 'sign';
      signatureText?: string;
      onBehalfOf?: string;
      signatureKind?: SignatureKind;
      signatureImagePng?: string;
    }
  | { kind: 'approve' }
  | { kind: 'decline'; reason?: string }
  | { kind: 'delegate'; email: string; name: string; reason?: string };

function perform(ctx: ApiContext, recipient: AuthenticatedRecipient, action: RecipientAction): Promise<TEnvelopeView> {
  const { envelopeId } = recipient.link;
  // The method the recipient proved (LINK, EMAIL_OTP, MICROSOFT, STRONG) and, after a sign-in, who the identity
  // provider said they are go to the workflow with every action; it checks the method against the slot again and
  // records both in the audit trail.
  const credential = { ...recipient.credential, ...(recipient.identity ? { identity: recipient.identity } : {}) };
  switch (action.kind) {
    case 'sign':
      return updateEnvelope(ctx, envelopeId, signEnvelopeUpdate, {
        ...credential,
        ...(action.signatureText ? { signatureText: action.signatureText } : {}),
        ...(action.onBehalfOf ? { onBehalfOf: action.onBehalfOf } : {}),
        ...(action.signatureKind ? { signatureKind: action.signatureKind } : {}),
        ...(action.signatureImagePng ? { signatureImagePng: action.signatureImagePng } : {}),
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
 * Signs, approves, declines or delegates as the recipient named by the link token, after they proved
 * themselves as the sender asked (`session`: the X-Signet-Session header). The workflow decides
 * (NOT_YOUR_TURN, ALREADY_ACTED, WRONG_ROLE, AUTHENTICATION_REQUIRED, ENVELOPE_EXPIRED, …); the answer is
 * the recipient's own view.
 */
export async function actAsRecipient(
  ctx: ApiContext,
  token: string,
  session: string | undefined,
  action: RecipientAction,
): Promise<RecipientEnvelopeView> {
  const recipient = await authenticateRecipient(ctx, token, session);
  const view = await perform(ctx, recipient, action);
  return recipientViewOf(recipient, view, ctx.config.recipientAuth.strong?.name);
}
