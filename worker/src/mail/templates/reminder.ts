import type { RenderedMail } from '../render';
import { oneLine, renderMail } from '../render';
import { documentsFact, PERSONAL_LINK_FOOTER, senderLabel, senderMessage, verbOf, when } from './common';
import type { ActionTemplateInput } from './template-input';

/** REMINDER: the recipient has not acted yet; carries their personal link again. */
export function renderReminder(input: ActionTemplateInput): RenderedMail {
  const { envelope, to } = input;
  const verb = verbOf(to.role);
  const quote = senderMessage(envelope);
  return renderMail({
    subject: `Reminder: please ${verb} ${envelope.subject}`,
    greetingName: to.name,
    paragraphs: [`${senderLabel(envelope)} is still waiting for you to ${verb} "${oneLine(envelope.subject)}".`],
    ...(quote ? { quote } : {}),
    facts: [documentsFact(envelope), { label: 'Respond by', value: when(envelope, envelope.expiresAt) }],
    action: { label: `Review and ${verb}`, url: to.link },
    footer: PERSONAL_LINK_FOOTER,
  });
}
