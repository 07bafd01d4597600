import { formatDateTime } from '@signet/evidence';
import { escapeHtml, oneLine, renderMail, wrapText } from './render';

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
      locale: 'fi',
      subject: 'Sign <b>this</b>\nnow',
      greeting: 'Hei <img src=x onerror=alert(1)>,',
      paragraphs: ['a & b'],
      quote: { label: 'Message from <i>', text: 'line 1\n<script>x</script>' },
      facts: [{ label: 'File', value: '"q".pdf' }],
      action: { label: 'Go', url: 'https://x.test/sign/a"b' },
      footer: ['small <u>print</u>'],
    });
    expect(mail.subject).toBe('Sign <b>this</b> now');
    expect(mail.language).toBe('fi');
    expect(mail.html).toContain('<html lang="fi">');
    expect(mail.html).not.toMatch(/<(script|img|b|i|u)[\s>]/);
    expect(mail.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(mail.html).toContain('line 1<br>&lt;script&gt;x&lt;/script&gt;');
    expect(mail.html).toContain('href="https://x.test/sign/a&quot;b"');
    expect(mail.text).toContain('Hei <img src=x onerror=alert(1)>,');
    expect(mail.text).toContain('> <script>x</script>');
    expect(mail.text).toContain('Go:\nhttps://x.test/sign/a"b\n');
  });

  it('wraps the text part within 78 columns but never breaks the link', () => {
    const url = `https://sign.example.test/sign/v1.${'x'.repeat(120)}`;
    const mail = renderMail({
      locale: 'en',
      subject: 's',
      greeting: 'Hello Bob,',
      paragraphs: ['word '.repeat(60).trim()],
      quote: { label: 'Message', text: 'quoted '.repeat(30) },
      facts: [{ label: 'Documents', value: Array.from({ length: 12 }, (_, i) => `file-${i}.pdf`).join(', ') }],
      action: { label: 'Review and sign', url },
    });
    const lines = mail.text.split('\n');
    expect(lines.filter((l) => l !== url && l.length > 78)).toEqual([]);
    expect(lines).toContain(url);
    expect(lines.filter((l) => l.startsWith('> ')).length).toBeGreaterThan(1);
    expect(lines.filter((l) => l.startsWith('  file-')).length).toBeGreaterThan(0); // continuation indent
  });
});

describe('wrapText', () => {
  it('keeps an over-long word whole on its own line', () => {
    expect(wrapText(`a ${'b'.repeat(90)} c`, { width: 20 })).toBe(`a\n${'b'.repeat(90)}\nc`);
  });
});
