import { formatDateTime } from '@signet/evidence';
import { escapeHtml, oneLine, renderMail } from './render';

describe('escapeHtml', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<script>alert("x" & 'y')</script>`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;',
    );
  });
});

describe('oneLine', () => {
  it('turns header-injection attempts into a single line', () => {
    expect(oneLine('Hello\r\nBcc: evil@example.com\tnow')).toBe('Hello Bcc: evil@example.com now');
  });
});

describe('formatDateTime', () => {
  it('shows UTC and, when given, the sender time zone', () => {
    expect(formatDateTime('2025-03-14T12:00:05.000Z')).toBe('2025-03-14 12:00:05 UTC');
    expect(formatDateTime('2025-03-14T12:00:05.000Z', 'Europe/Helsinki')).toBe(
      '2025-03-14 12:00:05 UTC (2025-03-14 14:00 Europe/Helsinki)',
    );
    expect(formatDateTime('2025-07-01T23:30:00.000Z', 'America/New_York')).toBe(
      '2025-07-01 23:30:00 UTC (2025-07-01 19:30 America/New_York)',
    );
  });

  it('falls back to UTC only for an unknown zone and leaves garbage as is', () => {
    expect(formatDateTime('2025-03-14T12:00:00.000Z', 'Mars/Olympus')).toBe('2025-03-14 12:00:00 UTC');
    expect(formatDateTime('not a date')).toBe('not a date');
  });
});

describe('renderMail', () => {
  it('escapes every field in HTML and keeps the text version readable', () => {
    const mail = renderMail({
      subject: 'Sign <b>this</b>\nnow',
      greetingName: '<img src=x onerror=alert(1)>',
      paragraphs: ['a & b'],
      quote: { label: 'Message from <i>', text: 'line 1\n<script>x</script>' },
      facts: [{ label: 'File', value: '"q".pdf' }],
      action: { label: 'Go', url: 'https://x.test/sign/a"b' },
    });
    expect(mail.subject).toBe('Sign <b>this</b> now');
    expect(mail.html).not.toMatch(/<(script|img|b|i)[\s>]/);
    expect(mail.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(mail.html).toContain('line 1<br>&lt;script&gt;x&lt;/script&gt;');
    expect(mail.html).toContain('href="https://x.test/sign/a&quot;b"');
    expect(mail.text).toContain('Hello <img src=x onerror=alert(1)>,');
    expect(mail.text).toContain('> <script>x</script>');
  });
});
