import { mailTextFor } from './mail-text';

describe('mailTextFor', () => {
  it('formats a moment in the language, in the zone and in UTC', () => {
    expect(mailTextFor('da').dateTime('2025-03-28T10:00:00.000Z', 'Europe/Copenhagen')).toBe(
      '28. marts 2025 kl. 11.00 Europe/Copenhagen (10.00 UTC)',
    );
    expect(mailTextFor('no').dateTime('2025-07-01T23:30:00.000Z', 'Europe/Oslo')).toBe(
      '2. juli 2025 kl. 01:30 Europe/Oslo (1. juli 2025 kl. 23:30 UTC)',
    );
  });

  it('falls back to UTC alone for an unknown zone and leaves garbage readable but on one line', () => {
    expect(mailTextFor('sv').dateTime('2025-03-28T10:00:00.000Z', 'Mars/Olympus')).toBe('28 mars 2025 kl. 10:00 UTC');
    expect(mailTextFor('en').dateTime('not\r\na date')).toBe('not a date');
  });

  it('fills placeholders with one-line values and leaves unknown ones visible', () => {
    const text = mailTextFor('en');
    expect(text.t('greeting', { name: 'Bob\r\nBcc: x@example.com' })).toBe('Hello Bob Bcc: x@example.com,');
    expect(text.t('greeting')).toBe('Hello {name},');
  });

  it('picks the plural form by count', () => {
    const text = mailTextFor('nl');
    expect(text.plural('documents', 1)).toBe('Document');
    expect(text.plural('documents', 2)).toBe('Documenten');
    expect(text.list(['a.pdf', 'b.pdf', 'c.pdf'])).toBe('a.pdf, b.pdf en c.pdf');
  });
});
