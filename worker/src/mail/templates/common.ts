import { RecipientRole } from '@signet/shared';
import type { MailContent } from '../render';
import type { TemplateInput } from './template-input';

/** Which sentence a recipient gets: the catalogue words each role's request separately. */
export type RoleAction = 'sign' | 'approve' | 'review';

export function actionOf(role: RecipientRole): RoleAction {
  if (role === RecipientRole.SIGNER) return 'sign';
  if (role === RecipientRole.APPROVER) return 'approve';
  return 'review';
}

/** The parts every mail has: language, greeting and the automated-mail note. */
export function baseContent(input: TemplateInput): Pick<MailContent, 'locale' | 'greeting'> & { footer: string[] } {
  return {
    locale: input.text.locale,
    greeting: input.text.t('greeting', { name: input.to.name }),
    footer: [input.text.t('automatedNote')],
  };
}

/** `Deadline: …` in the addressee's language, in the sender's time zone and UTC. */
export function when(input: TemplateInput, iso: string): string {
  return input.text.dateTime(iso, input.envelope.sender.timeZone);
}

export function documentsFact(input: TemplateInput): { label: string; value: string } {
  const names = input.envelope.documentNames;
  return { label: input.text.plural('documents', names.length), value: input.text.list(names) };
}

export function progressText(input: TemplateInput): string | undefined {
  const progress = input.progress;
  return progress
    ? input.text.plural('progress', progress.required, { done: progress.done, required: progress.required })
    : undefined;
}

/** The sender's own words to recipients, attributed to them (invitation and reminder only). */
export function senderMessage(input: TemplateInput): MailContent['quote'] {
  const { envelope, text } = input;
  return envelope.message?.trim()
    ? { label: text.t('messageFrom', { sender: envelope.sender.name }), text: envelope.message }
    : undefined;
}

/** Subject, sender name and address as the `{subject}`, `{sender}`, `{email}` placeholders. */
export function envelopeParams(input: TemplateInput): { subject: string; sender: string; email: string } {
  const { envelope } = input;
  return { subject: envelope.subject, sender: envelope.sender.name, email: envelope.sender.email };
}
