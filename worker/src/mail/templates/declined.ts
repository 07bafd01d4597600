import type { RenderedMail } from '../render';
import { oneLine, renderMail } from '../render';
import { documentsFact } from './common';
import type { TemplateInput } from './template-input';

/**
 * DECLINED: the envelope ended because someone declined. The reason was written for the sender, so only
 * the sender's mail quotes it; other recipients learn that the envelope is closed and by whom.
 */
export function renderDeclined(input: TemplateInput): RenderedMail {
  const { envelope, to } = input;
  const who = input.actorName ?? 'A recipient';
  const subject = oneLine(envelope.subject);
  if (to.kind === 'sender') {
    return renderMail({
      subject: `Declined: ${envelope.subject}`,
      greetingName: to.name,
      paragraphs: [`${who} declined your envelope "${subject}". It is closed; nobody else can act on it.`],
      ...(input.reason ? { quote: { label: 'Reason given', text: input.reason } } : {}),
      facts: [documentsFact(envelope)],
    });
  }
  return renderMail({
    subject: `Declined: ${envelope.subject}`,
    greetingName: to.name,
    paragraphs: [`${who} declined "${subject}". The envelope is closed and nothing more is needed from you.`],
    facts: [documentsFact(envelope)],
  });
}
