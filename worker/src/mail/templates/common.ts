import { RecipientRole } from '@signet/shared';
import type { EnvelopeBrief } from '@signet/workflows';
import type { MailContent } from '../render';
import { formatDateTime } from '@signet/evidence';
import { listNames } from '../render';

/** What the recipient is asked to do, by role. */
export function verbOf(role: RecipientRole): string {
  if (role === RecipientRole.SIGNER) return 'sign';
  if (role === RecipientRole.APPROVER) return 'approve';
  return 'review';
}

export function senderLabel(envelope: EnvelopeBrief): string {
  return `${envelope.sender.name} (${envelope.sender.email})`;
}

export function when(envelope: EnvelopeBrief, iso: string): string {
  return formatDateTime(iso, envelope.sender.timeZone);
}

export function documentsFact(envelope: EnvelopeBrief): { label: string; value: string } {
  return {
    label: envelope.documentNames.length === 1 ? 'Document' : 'Documents',
    value: listNames(envelope.documentNames),
  };
}

export function progressText(progress: { done: number; required: number } | undefined): string | undefined {
  return progress ? `${progress.done} of ${progress.required} required signatures and approvals are done.` : undefined;
}

/** The sender's own words to recipients, attributed to them. */
export function senderMessage(envelope: EnvelopeBrief): MailContent['quote'] {
  return envelope.message?.trim()
    ? { label: `Message from ${envelope.sender.name}`, text: envelope.message }
    : undefined;
}

export const PERSONAL_LINK_FOOTER =
  'This link is personal: anyone who has it can act in your name, so please do not forward this e-mail.';
