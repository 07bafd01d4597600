import { LOCALES } from '@signet/shared';
import { composeOtpMail } from './otp-mail';

const input = {
  to: { email: 'alice@example.com', name: 'Alice <b>' },
  senderName: 'Sam "Sender" & Co',
  subject: 'NDA <script>alert(1)</script>\r\nBcc: x@evil.test',
  code: '012345',
  ttlMinutes: 10,
};

describe('the one-time-code mail', () => {
  it.each(LOCALES)('in %s: names who asks and the expiry, with the code in text and HTML', (locale) => {
    const mail = composeOtpMail({ ...input, locale });
    expect(mail.to.email).toBe('alice@example.com');
    expect(mail.text).toContain('012345');
    expect(mail.text).toContain('Sam "Sender" & Co');
    expect(mail.text).toContain('10');
    expect(mail.html).toContain('012345');
    expect(mail.html).toContain(`lang="${locale}"`);
    // Everything a sender wrote is escaped in HTML; the subject line stays one line.
    expect(mail.html).toContain('Sam &quot;Sender&quot; &amp; Co');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).not.toContain('<b>');
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.text).not.toMatch(/\{\w+\}/);
  });

  it('is in the recipient’s language', () => {
    expect(composeOtpMail({ ...input, locale: 'nl' }).text).toContain('Uw eenmalige code');
    expect(composeOtpMail({ ...input, locale: 'da' }).text).toContain('Din engangskode');
  });
});
