import type { RenderedMail } from '../render';
import { renderMail } from '../render';
import { actionOf, baseContent, documentsFact, envelopeParams, senderMessage, when } from './common';
import type { ActionTemplateInput } from './template-input';

/** REMINDER: the recipient has not acted yet; carries their personal link again. */
export function renderReminder(input: ActionTemplateInput): RenderedMail {
  const { text, envelope, to } = input;
  const action = actionOf(to.role);
  const params = envelopeParams(input);
  const quote = senderMessage(input);
  const base = baseContent(input);
  return renderMail({
    ...base,
    subject: text.t(`reminderSubject_${action}`, params),
    paragraphs: [text.t(`reminderBody_${action}`, params)],
    ...(quote ? { quote } : {}),
    facts: [documentsFact(input), { label: text.t('respondBy'), value: when(input, envelope.expiresAt) }],
    action: { label: text.t(`actionButton_${action}`), url: to.link },
    footer: [text.t('personalLinkNote'), ...base.footer],
  });
}
