import { AppError, AppErrorCode, DEFAULT_LOCALE, isLocale, NotificationKind } from '@signet/shared';
import { mintRecipientToken } from '@signet/shared/node';
import type { SendNotificationInput } from '@signet/workflows';
import { mailTextFor } from './mail-text';
import type { RenderedMail } from './render';
import { renderCancelled } from './templates/cancelled';
import { renderCompleted } from './templates/completed';
import { renderDeclined } from './templates/declined';
import { renderDeleted } from './templates/deleted';
import { renderExpired } from './templates/expired';
import { renderExpiryWarning } from './templates/expiry-warning';
import { renderInvitation } from './templates/invitation';
import { renderReminder } from './templates/reminder';
import { renderRetentionWarning } from './templates/retention-warning';
import type { ActionTemplateInput, Addressee, TemplateInput } from './templates/template-input';

/** What composing needs besides the activity input. */
export type ComposeOptions = { linkSecret: string; publicUrl: string; attachmentNames?: string[] };

/** Kinds that ask a recipient to act, and so carry that recipient's own link. */
const LINK_KINDS: ReadonlySet<NotificationKind> = new Set([
  NotificationKind.INVITATION,
  NotificationKind.REMINDER,
  NotificationKind.EXPIRY_WARNING,
]);

function baseUrlOf(options: ComposeOptions): string {
  return options.publicUrl.replace(/\/+$/, '');
}

/** `${publicUrl}/sign/<token>`, the token binding envelope, recipient slot and slot key under the link secret. */
export function signingLinkOf(
  options: ComposeOptions,
  envelopeId: string,
  recipient: { id: string; key: string },
): string {
  const token = mintRecipientToken(options.linkSecret, {
    envelopeId,
    recipientId: recipient.id,
    recipientKey: recipient.key,
  });
  return `${baseUrlOf(options)}/sign/${token}`;
}

/** The envelope's page in the sender web UI; it needs the sender's sign-in, so it carries no secret. */
function envelopePageOf(options: ComposeOptions, envelopeId: string): string {
  return `${baseUrlOf(options)}/app/envelopes/${encodeURIComponent(envelopeId)}`;
}

// Only a recipient target can get a signing link, and only in a mail that asks them to act; only the
// sender's COMPLETED mail links to the envelope page.
function addresseeOf(input: SendNotificationInput, options: ComposeOptions): Addressee {
  const recipient = input.to.recipient;
  if (!recipient) {
    return {
      kind: 'sender',
      name: input.to.name,
      ...(input.kind === NotificationKind.COMPLETED
        ? { envelopeUrl: envelopePageOf(options, input.envelope.envelopeId) }
        : {}),
    };
  }
  return {
    kind: 'recipient',
    name: input.to.name,
    role: recipient.role,
    ...(LINK_KINDS.has(input.kind) ? { link: signingLinkOf(options, input.envelope.envelopeId, recipient) } : {}),
  };
}

function requireLink(input: TemplateInput): ActionTemplateInput {
  const to = input.to;
  if (to.kind !== 'recipient' || !to.link) {
    throw new AppError(AppErrorCode.VALIDATION_FAILED, {
      message: 'an invitation or reminder must be addressed to a recipient',
    });
  }
  return { ...input, to: { ...to, link: to.link } };
}

/**
 * Renders the mail for one notification in its addressee's language: picks the template and gives it only
 * what its addressee may see. An unknown locale (a newer workflow, a hand-made input) falls back to English
 * rather than losing the mail.
 */
export function composeNotification(input: SendNotificationInput, options: ComposeOptions): RenderedMail {
  const templateInput: TemplateInput = {
    text: mailTextFor(isLocale(input.to.locale) ? input.to.locale : DEFAULT_LOCALE),
    envelope: input.envelope,
    to: addresseeOf(input, options),
    ...(input.reason !== undefined ? { reason: input.reason } : {}),
    ...(input.actorName !== undefined ? { actorName: input.actorName } : {}),
    ...(input.progress ? { progress: input.progress } : {}),
    ...(input.deleteAt ? { deleteAt: input.deleteAt } : {}),
    ...(options.attachmentNames ? { attachmentNames: options.attachmentNames } : {}),
  };
  switch (input.kind) {
    case NotificationKind.INVITATION:
      return renderInvitation(requireLink(templateInput));
    case NotificationKind.REMINDER:
      return renderReminder(requireLink(templateInput));
    case NotificationKind.EXPIRY_WARNING:
      return renderExpiryWarning(templateInput);
    case NotificationKind.COMPLETED:
      return renderCompleted(templateInput);
    case NotificationKind.DECLINED:
      return renderDeclined(templateInput);
    case NotificationKind.CANCELLED:
      return renderCancelled(templateInput);
    case NotificationKind.EXPIRED:
      return renderExpired(templateInput);
    case NotificationKind.RETENTION_WARNING:
      return renderRetentionWarning(templateInput);
    case NotificationKind.DELETED:
      return renderDeleted(templateInput);
    default:
      throw new AppError(AppErrorCode.VALIDATION_FAILED, {
        message: `unknown notification kind ${String(input.kind satisfies never)}`,
      });
  }
}
