import type { Locale } from '@signet/shared';
import type { MailTarget } from './activities';

/** The sender as a mail target, in their language when the envelope names one (English otherwise). */
export function senderTarget(sender: { email: string; name: string; locale?: Locale }): MailTarget {
  return { email: sender.email, name: sender.name, ...(sender.locale ? { locale: sender.locale } : {}) };
}
