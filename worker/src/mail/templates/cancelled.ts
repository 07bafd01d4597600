import type { RenderedMail } from '../render';
import { renderMail } from '../render';
import { baseContent, documentsFact, envelopeParams } from './common';
import type { TemplateInput } from './template-input';

/** CANCELLED: the sender withdrew the envelope; their reason is addressed to the recipients. */
export function renderCancelled(input: TemplateInput): RenderedMail {
  const { text, envelope, to } = input;
  const params = { ...envelopeParams(input), actor: input.actorName ?? envelope.sender.name };
  return renderMail({
    ...baseContent(input),
    subject: text.t('cancelledSubject', params),
    paragraphs: [text.t(to.kind === 'sender' ? 'cancelledSenderBody' : 'cancelledRecipientBody', params)],
    ...(input.reason ? { quote: { label: text.t('reasonGiven'), text: input.reason } } : {}),
    facts: [documentsFact(input)],
  });
}
