import type { RenderedMail } from '../render';
import { oneLine, renderMail } from '../render';
import { documentsFact, PERSONAL_LINK_FOOTER, progressText, verbOf, when } from './common';
import type { TemplateInput } from './template-input';

/** EXPIRY_WARNING: to a pending recipient (with their link) or to the sender (with progress, no link). */
export function renderExpiryWarning(input: TemplateInput): RenderedMail {
  const { envelope, to } = input;
  const deadline = when(envelope, envelope.expiresAt);
  const facts = [documentsFact(envelope), { label: 'Deadline', value: deadline }];
  if (to.kind === 'sender') {
    const progress = progressText(input.progress);
    return renderMail({
      subject: `Deadline approaching: ${envelope.subject}`,
      greetingName: to.name,
      paragraphs: [
        `Your envelope "${oneLine(envelope.subject)}" expires on ${deadline}.`,
        ...(progress ? [progress] : []),
      ],
      facts,
    });
  }
  const verb = verbOf(to.role);
  return renderMail({
    subject: `Deadline approaching: please ${verb} ${envelope.subject}`,
    greetingName: to.name,
    paragraphs: [
      `"${oneLine(envelope.subject)}" must be completed by ${deadline}. After that you can no longer ${verb} it.`,
    ],
    facts,
    ...(to.link ? { action: { label: `Review and ${verb}`, url: to.link }, footer: PERSONAL_LINK_FOOTER } : {}),
  });
}
