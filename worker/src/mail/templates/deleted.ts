import type { RenderedMail } from '../render';
import { renderMail } from '../render';
import { baseContent, documentsFact, envelopeParams } from './common';
import type { TemplateInput } from './template-input';

/** DELETED: to the sender, after retention deleted the documents. */
export function renderDeleted(input: TemplateInput): RenderedMail {
  const { text } = input;
  const params = envelopeParams(input);
  return renderMail({
    ...baseContent(input),
    subject: text.t('deletedSubject', params),
    paragraphs: [text.t('deletedBody', params)],
    facts: [documentsFact(input)],
  });
}
