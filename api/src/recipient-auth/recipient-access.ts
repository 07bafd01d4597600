import type { TEnvelopeView, TRecipientView } from '@signet/shared';
import { AppError, AppErrorCode, EnvelopeStatus, RecipientStatus } from '@signet/shared';
import type { RecipientLink } from '../auth/recipient-link';
import { readRecipientLink } from '../auth/recipient-link';
import type { ApiContext } from '../context';
import { endedEnvelopeError } from '../errors/temporal-errors';
import { queryEnvelope } from '../temporal/envelope-calls';
import { findRecipient } from '../views/recipient-view';
import type { SlotRequirements } from './slot-requirements';
import { emailHintOf, slotRequirementsOf } from './slot-requirements';

/** A verified link with the envelope as it is now and what the sender asked of this recipient. */
export type RecipientAccess = {
  token: string;
  link: RecipientLink;
  view: TEnvelopeView;
  recipient: TRecipientView;
  requirements: SlotRequirements;
};

/** Verifies the link token (INVALID_TOKEN), then finds the slot in the envelope (UNKNOWN_RECIPIENT). */
export async function loadRecipientAccess(ctx: ApiContext, token: string): Promise<RecipientAccess> {
  const link = readRecipientLink(ctx, token);
  const view = await queryEnvelope(ctx, link.envelopeId);
  const recipient = findRecipient(view, link.credential.recipientId);
  return { token, link, view, recipient, requirements: slotRequirementsOf(recipient) };
}

/**
 * A recipient may prove themselves (and get a session) only while they can still act: never after the
 * envelope ended (ENVELOPE_COMPLETED, …) nor after they acted (ALREADY_ACTED).
 */
export function assertMaySignIn(access: RecipientAccess): void {
  if (access.view.status !== EnvelopeStatus.PENDING) {
    throw endedEnvelopeError(access.view.status) ?? new AppError(AppErrorCode.ENVELOPE_COMPLETED);
  }
  const status = access.recipient.status;
  if (status !== RecipientStatus.PENDING && status !== RecipientStatus.WAITING) {
    throw new AppError(AppErrorCode.ALREADY_ACTED, { message: 'this recipient has already acted' });
  }
}

/** 401 with what the signing page needs to ask for the right proof, in the recipient's language. */
export function authenticationRequired(access: RecipientAccess, message?: string): AppError {
  return new AppError(AppErrorCode.AUTHENTICATION_REQUIRED, {
    message: message ?? `this recipient must authenticate with ${access.requirements.authentication}`,
    details: {
      method: access.requirements.authentication,
      emailHint: emailHintOf(access.recipient.email),
      senderName: access.view.sender.name,
      locale: access.requirements.locale,
    },
  });
}
