import type { RenderedMail } from '../render';
import { renderMail } from '../render';
import { actionOf, baseContent, documentsFact, envelopeParams, progressText, when } from './common';
import type { TemplateInput } from './template-input';

/** EXPIRY_WARNING: to a pending recipient (with their link) or to the sender (with progress, no link). */
export function renderExpiryWarning(input: TemplateInput): RenderedMail {
  const { text, envelope, to } = input;
  const deadline = when(input, envelope.expiresAt);
  const params = { ...envelopeParams(input), deadline };
  const facts = [documentsFact(input), { label: text.t('deadline'), value: deadline }];
  const base = baseContent(input);
  if (to.kind === 'sender') {
    const progress = progressText(input);
    return renderMail({
      ...base,
      subject: text.t('expiryWarningSenderSubject', params),
      paragraphs: [text.t('expiryWarningSenderBody', params), ...(progress ? [progress] : [])],
      facts,
    });
  }
  const action = actionOf(to.role);
  return renderMail({
    ...base,
    subject: text.t(`expiryWarningSubject_${action}`, params),
    paragraphs: [text.t(`expiryWarningBody_${action}`, params)],
    facts,
    ...(to.link
      ? {
          action: { label: text.t(`actionButton_${action}`), url: to.link },
          footer: [text.t('personalLinkNote'), ...base.footer],
        }
      : {}),
  });
}
