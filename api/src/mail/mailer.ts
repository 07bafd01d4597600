import { AppError, AppErrorCode } from '@signet/shared';
import type { SignetConfig } from '@signet/shared/node';
import { smtpTransportOptions } from '@signet/shared/node';
import { createTransport } from 'nodemailer';

/** One mail the API sends itself (one-time codes); invitations and the rest are the worker's. */
export type ApiMail = { to: { email: string; name: string }; subject: string; text: string; html: string };

/** Port: tests pass a recorder; the API uses SMTP. */
export interface ApiMailer {
  send(mail: ApiMail): Promise<void>;
}

/**
 * An {@link ApiMailer} over SMTP (SIGNET_SMTP_*, the worker's server too). A failure is INTERNAL with the
 * server's answer but never the mail's body (it carries a one-time code).
 */
export function createSmtpApiMailer(smtp: SignetConfig['smtp']): ApiMailer {
  // A recipient is waiting for the answer: fail fast rather than hold the request.
  const transport = createTransport(smtpTransportOptions(smtp, 20_000));
  return {
    async send(mail) {
      try {
        await transport.sendMail({
          from: smtp.from,
          to: { name: mail.to.name, address: mail.to.email },
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          headers: { 'Auto-Submitted': 'auto-generated' },
        });
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        throw new AppError(AppErrorCode.INTERNAL, {
          message: `the one-time code could not be mailed (${typeof code === 'string' ? code : 'SMTP error'})`,
        });
      }
    },
  };
}
