import type { RenderedMail } from '../render';
import { renderMail } from '../render';
import { baseContent, documentsFact, envelopeParams, progressText, when } from './common';
import type { TemplateInput } from './template-input';

/** EXPIRED: the deadline passed. The sender also learns how far it got; recipients do not. */
export function renderExpired(input: TemplateInput): RenderedMail {
  const { text, envelope, to } = input;
  const deadline = when(input, envelope.expiresAt);
  const params = { ...envelopeParams(input), deadline };
  const progress = to.kind === 'sender' ? progressText(input) : undefined;
  return renderMail({
    ...baseContent(input),
    subject: text.t('expiredSubject', params),
    paragraphs: [
      text.t(to.kind === 'sender' ? 'expiredSenderBody' : 'expiredRecipientBody', params),
      ...(progress ? [progress] : []),
    ],
    facts: [documentsFact(input), { label: text.t('deadline'), value: deadline }],
  });
}
