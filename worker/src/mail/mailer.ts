/** One file attached to a mail. */
export type MailAttachment = { filename: string; content: Buffer; contentType: string };

/** A rendered mail, ready for the transport. */
export type MailMessage = {
  to: { email: string; name: string };
  subject: string;
  text: string;
  html: string;
  /** `<…@…>`; the same for every retry of one mail so receivers can drop duplicates. */
  messageId: string;
  /** BCP 47 tag of the language the mail is written in (`Content-Language`). */
  language?: string;
  attachments?: MailAttachment[];
};

/**
 * Outgoing mail port. Implementations throw AppError MAIL_REJECTED when the server refuses the message
 * for good (SMTP 5xx); any other failure is transient and worth retrying.
 */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}
