import type { RenderedMail } from '../render';
import { listNames, oneLine, renderMail } from '../render';
import { documentsFact } from './common';
import type { TemplateInput } from './template-input';

/** COMPLETED: everyone acted; the signed copies are attached. Same for recipients and sender, never a link. */
export function renderCompleted(input: TemplateInput): RenderedMail {
  const { envelope, to } = input;
  const subject = oneLine(envelope.subject);
  const attached = input.attachmentNames ?? [];
  return renderMail({
    subject: `Completed: ${envelope.subject}`,
    greetingName: to.name,
    paragraphs: [
      to.kind === 'sender'
        ? `Everyone has signed or approved your envelope "${subject}".`
        : `Everyone has signed or approved "${subject}", sent by ${envelope.sender.name}.`,
      attached.length > 0
        ? 'The signed copies are attached. Each ends with a signature page listing who acted and when.'
        : 'The signed copies are stored beside the originals in the document library.',
    ],
    facts: [
      documentsFact(envelope),
      ...(attached.length > 0 ? [{ label: 'Attached', value: listNames(attached) }] : []),
    ],
  });
}
