import type { Locale } from '@signet/shared';
import { interpolate } from '@signet/shared';
import type { ApiMail } from './mailer';
import { OTP_MAIL_TEXTS } from './otp-mail-texts';

export type OtpMailInput = {
  to: { email: string; name: string };
  senderName: string;
  subject: string;
  code: string;
  ttlMinutes: number;
  locale: Locale;
};

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}

/** Subject lines never carry line breaks (header injection) and stay short. */
function oneLine(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ').slice(0, 200);
}

/**
 * The one-time-code mail in the recipient's language, as text and as HTML (every value escaped). It says
 * who asks, for which envelope, and when the code expires; it goes only to the invited address.
 */
export function composeOtpMail(input: OtpMailInput): ApiMail {
  const texts = OTP_MAIL_TEXTS[input.locale];
  const params = {
    name: input.to.name,
    sender: input.senderName,
    subject: input.subject,
    minutes: input.ttlMinutes,
  };
  const fill = (template: string) => interpolate(template, params);
  const htmlFill = (template: string) =>
    interpolate(
      escapeHtml(template),
      Object.fromEntries(Object.entries(params).map(([k, v]) => [k, escapeHtml(String(v))])),
    );
  const text = [
    fill(texts.greeting),
    '',
    fill(texts.asks),
    '',
    texts.code,
    '',
    `    ${input.code}`,
    '',
    fill(texts.expires),
    fill(texts.ignore),
    '',
  ].join('\n');
  const html = `<!doctype html><html lang="${input.locale}"><body>
<p>${htmlFill(texts.greeting)}</p>
<p>${htmlFill(texts.asks)}</p>
<p>${escapeHtml(texts.code)}</p>
<p style="font-size:28px;font-weight:bold;letter-spacing:6px;font-family:monospace">${escapeHtml(input.code)}</p>
<p>${htmlFill(texts.expires)}</p>
<p>${htmlFill(texts.ignore)}</p>
</body></html>`;
  return { to: input.to, subject: oneLine(fill(texts.subject)), text, html };
}
