import type { RecipientRole } from '@signet/shared';
import type { EnvelopeBrief } from '@signet/workflows';
import type { MailText } from '../mail-text';

/** A recipient. `link` is their own signing link; only mails that ask them to act carry one. */
export type RecipientAddressee = { kind: 'recipient'; name: string; role: RecipientRole; link?: string };
/**
 * The envelope's sender. There is no signing-link field: sender mails cannot carry a recipient's link.
 * `envelopeUrl` (their envelope in the sender web UI, behind sign-in) is set on the COMPLETED mail only.
 */
export type SenderAddressee = { kind: 'sender'; name: string; envelopeUrl?: string };
export type Addressee = RecipientAddressee | SenderAddressee;

/** Everything a template may show. Templates pick what their addressee may see. */
export type TemplateInput = {
  /** The addressee's language. */
  text: MailText;
  envelope: EnvelopeBrief;
  to: Addressee;
  reason?: string;
  actorName?: string;
  progress?: { done: number; required: number };
  deleteAt?: string;
  /** File names of the attached signed copies (COMPLETED). */
  attachmentNames?: string[];
};

/** Input of a mail whose whole point is the recipient's link (invitation, reminder). */
export type ActionTemplateInput = TemplateInput & { to: RecipientAddressee & { link: string } };
