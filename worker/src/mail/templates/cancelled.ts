import type { RenderedMail } from '../render';
import { oneLine, renderMail } from '../render';
import { documentsFact } from './common';
import type { TemplateInput } from './template-input';

/** CANCELLED: the sender withdrew the envelope; their reason is addressed to the recipients. */
export function renderCancelled(input: TemplateInput): RenderedMail {
  const { envelope, to } = input;
  const who = input.actorName ?? envelope.sender.name;
  const subject = oneLine(envelope.subject);
  return renderMail({
    subject: `Cancelled: ${envelope.subject}`,
    greetingName: to.name,
    paragraphs: [
      to.kind === 'sender'
        ? `Your envelope "${subject}" was cancelled by ${who}.`
        : `${who} cancelled "${subject}". Nothing more is needed from you; earlier links no longer work.`,
    ],
    ...(input.reason ? { quote: { label: 'Reason given', text: input.reason } } : {}),
    facts: [documentsFact(envelope)],
  });
}
