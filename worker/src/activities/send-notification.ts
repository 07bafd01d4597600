import { NotificationKind } from '@signet/shared';
import type { DocumentLibrary } from '@signet/shared/node';
import type { SendNotificationInput } from '@signet/workflows';
import path from 'node:path';
import { composeNotification } from '../mail/compose-notification';
import type { MailAttachment } from '../mail/mailer';
import { messageIdOf } from '../mail/message-id';
import type { ActivityDeps } from './activity-deps';

async function loadAttachments(library: DocumentLibrary, input: SendNotificationInput): Promise<MailAttachment[]> {
  if (input.kind !== NotificationKind.COMPLETED || !input.attachments) return [];
  return Promise.all(
    input.attachments.map(async (attachment) => ({
      filename: path.posix.basename(attachment.ref.path),
      content: await library.read(attachment.ref.path),
      contentType: 'application/pdf',
    })),
  );
}

/**
 * Sends one notification mail in its addressee's language (`to.locale`, English when absent). Retries reuse
 * the Message-ID derived from `idempotencyKey`, so a mail that was delivered but not acknowledged is
 * recognisable as a duplicate. Mails to recipients that ask them to act carry their own signing link; mails
 * to the sender never carry one (the COMPLETED one links to the envelope's page, behind the sender's sign-in).
 */
export async function sendNotification(deps: ActivityDeps, input: SendNotificationInput): Promise<void> {
  const attachments = await loadAttachments(deps.library, input);
  const rendered = composeNotification(input, {
    linkSecret: deps.linkSecret,
    publicUrl: deps.publicUrl,
    ...(attachments.length > 0 ? { attachmentNames: attachments.map((a) => a.filename) } : {}),
  });
  const messageId = messageIdOf(input.idempotencyKey);
  await deps.mailer.send({
    to: { email: input.to.email, name: input.to.name },
    ...rendered,
    messageId,
    ...(attachments.length > 0 ? { attachments } : {}),
  });
  // No addresses in the log: ids are enough to find the mail, and logs are kept longer than envelopes.
  deps.logger.info('notification sent', {
    kind: input.kind,
    envelopeId: input.envelope.envelopeId,
    language: rendered.language,
    messageId,
  });
}
