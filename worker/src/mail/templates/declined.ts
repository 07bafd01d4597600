import type { RenderedMail } from '../render';
import { renderMail } from '../render';
import { baseContent, documentsFact, envelopeParams } from './common';
import type { TemplateInput } from './template-input';

/**
 * DECLINED: the envelope ended because someone declined. The reason was written for the sender, so only
 * the sender's mail names the decliner and quotes it; other recipients learn only that the envelope is
 * closed (their signing page names nobody else either).
 */
export function renderDeclined(input: TemplateInput): RenderedMail {
  const { text, to } = input;
  const params = { ...envelopeParams(input), actor: input.actorName ?? text.t('someRecipient') };
  const base = { ...baseContent(input), subject: text.t('declinedSubject', params), facts: [documentsFact(input)] };
  if (to.kind === 'sender') {
    return renderMail({
      ...base,
      paragraphs: [text.t('declinedSenderBody', params)],
      ...(input.reason ? { quote: { label: text.t('reasonGiven'), text: input.reason } } : {}),
    });
  }
  return renderMail({ ...base, paragraphs: [text.t('declinedRecipientBody', params)] });
}
