import type { RenderedMail } from '../render';
import { oneLine, renderMail } from '../render';
import { documentsFact } from './common';
import type { TemplateInput } from './template-input';

/** DELETED: to the sender, after retention deleted the documents. */
export function renderDeleted(input: TemplateInput): RenderedMail {
  const { envelope, to } = input;
  return renderMail({
    subject: `Deleted: ${envelope.subject}`,
    greetingName: to.name,
    paragraphs: [`The documents of "${oneLine(envelope.subject)}" were deleted under the library's retention policy.`],
    facts: [documentsFact(envelope)],
  });
}
