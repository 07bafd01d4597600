import type { RenderedMail } from '../render';
import { renderMail } from '../render';
import { baseContent, documentsFact, envelopeParams } from './common';
import type { TemplateInput } from './template-input';

/**
 * COMPLETED: everyone acted; the signed copies are attached. Recipients get no link (nothing is left to do);
 * the sender gets their envelope's page in the web UI, which needs their sign-in.
 */
export function renderCompleted(input: TemplateInput): RenderedMail {
  const { text, to } = input;
  const params = envelopeParams(input);
  const attached = input.attachmentNames ?? [];
  return renderMail({
    ...baseContent(input),
    subject: text.t('completedSubject', params),
    paragraphs: [
      text.t(to.kind === 'sender' ? 'completedSenderBody' : 'completedRecipientBody', params),
      text.t(attached.length > 0 ? 'completedAttached' : 'completedStored'),
    ],
    facts: [
      documentsFact(input),
      ...(attached.length > 0 ? [{ label: text.t('attached'), value: text.list(attached) }] : []),
    ],
    ...(to.kind === 'sender' && to.envelopeUrl
      ? { action: { label: text.t('completedOpenEnvelope'), url: to.envelopeUrl } }
      : {}),
  });
}
