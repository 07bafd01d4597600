import type { RenderedMail } from '../render';
import { renderMail } from '../render';
import { baseContent, documentsFact, envelopeParams, when } from './common';
import type { TemplateInput } from './template-input';

/** RETENTION_WARNING: to the sender, before retention deletes the documents (originals and signed copies). */
export function renderRetentionWarning(input: TemplateInput): RenderedMail {
  const { text } = input;
  const deleteAt = input.deleteAt ? when(input, input.deleteAt) : undefined;
  const params = { ...envelopeParams(input), ...(deleteAt ? { deleteAt } : {}) };
  return renderMail({
    ...baseContent(input),
    subject: text.t('retentionWarningSubject', params),
    paragraphs: [
      text.t(deleteAt ? 'retentionWarningBody' : 'retentionWarningBodySoon', params),
      text.t('retentionWarningHold'),
    ],
    facts: [documentsFact(input), ...(deleteAt ? [{ label: text.t('deletion'), value: deleteAt }] : [])],
  });
}
