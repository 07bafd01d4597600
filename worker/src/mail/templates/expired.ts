import type { RenderedMail } from '../render';
import { oneLine, renderMail } from '../render';
import { documentsFact, progressText, when } from './common';
import type { TemplateInput } from './template-input';

/** EXPIRED: the deadline passed. The sender also learns how far it got. */
export function renderExpired(input: TemplateInput): RenderedMail {
  const { envelope, to } = input;
  const subject = oneLine(envelope.subject);
  const deadline = when(envelope, envelope.expiresAt);
  const progress = to.kind === 'sender' ? progressText(input.progress) : undefined;
  return renderMail({
    subject: `Expired: ${envelope.subject}`,
    greetingName: to.name,
    paragraphs: [
      to.kind === 'sender'
        ? `Your envelope "${subject}" expired on ${deadline} before everyone had acted.`
        : `The deadline for "${subject}" passed on ${deadline}. The envelope is closed and your link no longer works.`,
      ...(progress ? [progress] : []),
    ],
    facts: [documentsFact(envelope), { label: 'Deadline', value: deadline }],
  });
}
