import type { RenderedMail } from '../render';
import { renderMail } from '../render';
import { actionOf, baseContent, documentsFact, envelopeParams, senderMessage, when } from './common';
import type { ActionTemplateInput } from './template-input';

/** INVITATION: it is this recipient's turn; carries their personal link and the sender's message. */
export function renderInvitation(input: ActionTemplateInput): RenderedMail {
  const { text, envelope, to } = input;
  const action = actionOf(to.role);
  const params = envelopeParams(input);
  const quote = senderMessage(input);
  const base = baseContent(input);
  return renderMail({
    ...base,
    subject: text.t(`invitationSubject_${action}`, params),
    paragraphs: [text.t(`invitationBody_${action}`, params)],
    ...(quote ? { quote } : {}),
    facts: [documentsFact(input), { label: text.t('respondBy'), value: when(input, envelope.expiresAt) }],
    action: { label: text.t(`actionButton_${action}`), url: to.link },
    footer: [text.t('personalLinkNote'), ...base.footer],
  });
}
