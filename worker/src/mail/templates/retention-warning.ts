import type { RenderedMail } from '../render';
import { oneLine, renderMail } from '../render';
import { documentsFact, when } from './common';
import type { TemplateInput } from './template-input';

/** RETENTION_WARNING: to the sender, before retention deletes the documents (originals and signed copies). */
export function renderRetentionWarning(input: TemplateInput): RenderedMail {
  const { envelope, to } = input;
  const deleteAt = input.deleteAt ? when(envelope, input.deleteAt) : 'soon';
  return renderMail({
    subject: `Scheduled deletion: ${envelope.subject}`,
    greetingName: to.name,
    paragraphs: [
      `The documents of "${oneLine(envelope.subject)}" will be deleted on ${deleteAt} under the library's retention policy.`,
      'To keep them, set a legal hold on the envelope before then.',
    ],
    facts: [documentsFact(envelope), { label: 'Deletion', value: deleteAt }],
  });
}
