import type { RenderedMail } from '../render';
import { oneLine, renderMail } from '../render';
import { documentsFact, PERSONAL_LINK_FOOTER, senderLabel, senderMessage, verbOf, when } from './common';
import type { ActionTemplateInput } from './template-input';

/** INVITATION: it is this recipient's turn; carries their personal link. */
export function renderInvitation(input: ActionTemplateInput): RenderedMail {
  const { envelope, to } = input;
  const verb = verbOf(to.role);
  const quote = senderMessage(envelope);
  return renderMail({
    subject: `${oneLine(envelope.sender.name)} asks you to ${verb}: ${envelope.subject}`,
    greetingName: to.name,
    paragraphs: [`${senderLabel(envelope)} has sent you "${oneLine(envelope.subject)}" to ${verb}.`],
    ...(quote ? { quote } : {}),
    facts: [documentsFact(envelope), { label: 'Respond by', value: when(envelope, envelope.expiresAt) }],
    action: { label: `Review and ${verb}`, url: to.link },
    footer: PERSONAL_LINK_FOOTER,
  });
}
