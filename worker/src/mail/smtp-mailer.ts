import { AppError, AppErrorCode } from '@signet/shared';
import type { SignetConfig } from '@signet/shared/node';
import { smtpTransportOptions } from '@signet/shared/node';
import { createTransport } from 'nodemailer';
import type { Mailer, MailMessage } from './mailer';

/** The SMTP mailer plus `close()`, which releases pooled connections at shutdown. */
export type SmtpMailer = Mailer & { close(): void };

type SmtpFailure = { code?: unknown; responseCode?: unknown; response?: unknown; message?: unknown };

/**
 * Sorts a nodemailer failure into the catalogue. A 5xx reply means the server refuses this message for good
 * (unknown mailbox, policy): MAIL_REJECTED, not retried. Connection failures, timeouts and 4xx replies
 * (greylisting, full queue) are transient. A 5xx to AUTH is also kept transient: it is a configuration
 * fault an operator can fix, and failing every mail of every envelope for it would lose invitations.
 */
export function classifySmtpError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const failure = (typeof error === 'object' && error !== null ? error : {}) as SmtpFailure;
  const responseCode = typeof failure.responseCode === 'number' ? failure.responseCode : undefined;
  const code = typeof failure.code === 'string' ? failure.code : undefined;
  const detail = typeof failure.response === 'string' ? failure.response : String(failure.message ?? error);
  const details = { ...(code ? { smtpCode: code } : {}), ...(responseCode ? { responseCode } : {}) };
  if (responseCode !== undefined && responseCode >= 500 && responseCode < 600 && code !== 'EAUTH') {
    return new AppError(AppErrorCode.MAIL_REJECTED, {
      message: `mail server refused the message: ${detail}`,
      details,
      cause: error,
    });
  }
  return new AppError(AppErrorCode.INTERNAL, {
    message: `mail server unavailable (${code ?? responseCode ?? 'unknown'}): ${detail}`,
    details,
    cause: error,
  });
}

/** A {@link Mailer} over SMTP, configured from `SIGNET_SMTP_*`. */
export function createSmtpMailer(smtp: SignetConfig['smtp']): SmtpMailer {
  // Well inside the sendNotification activity's one-minute start-to-close timeout.
  const transport = createTransport(smtpTransportOptions(smtp, 30_000));

  async function send(message: MailMessage): Promise<void> {
    try {
      await transport.sendMail({
        from: smtp.from,
        to: { name: message.to.name, address: message.to.email },
        subject: message.subject,
        text: message.text,
        html: message.html,
        messageId: message.messageId,
        // Transactional mail: no List-Unsubscribe; auto-responders must not answer it (RFC 3834).
        headers: {
          'Auto-Submitted': 'auto-generated',
          ...(message.language ? { 'Content-Language': message.language } : {}),
        },
        ...(message.attachments ? { attachments: message.attachments } : {}),
      });
    } catch (error) {
      throw classifySmtpError(error);
    }
  }

  return { send, close: () => transport.close() };
}
