import type { Locale } from '@signet/shared';
import { LOCALES, MAIL_CATALOGUES, NotificationKind, RecipientRole } from '@signet/shared';
import type { MailTarget, SendNotificationInput } from '@signet/workflows';
import { LINK_SECRET, makeBrief, PUBLIC_URL } from '../testing/fixtures';
import { composeNotification } from './compose-notification';
import type { RenderedMail } from './render';

// Every kind × every language × every addressee the workflows send it to: the mail is complete, in that
// language, escaped, and carries a link only when it asks its addressee to act.

const options = { linkSecret: LINK_SECRET, publicUrl: PUBLIC_URL, attachmentNames: ['nda.signed.pdf'] };

/** A phrase that only the mail's own language has (from the note every mail ends with). */
const MARKER: Record<Locale, string> = {
  en: 'sent automatically',
  fi: 'automaattisesti',
  sv: 'skickades automatiskt',
  no: 'ble sendt automatisk',
  da: 'blev sendt automatisk',
  nl: 'automatisch verzonden',
};

type Audience = 'recipient' | 'sender';
const AUDIENCES: Record<NotificationKind, Audience[]> = {
  [NotificationKind.INVITATION]: ['recipient'],
  [NotificationKind.REMINDER]: ['recipient'],
  [NotificationKind.EXPIRY_WARNING]: ['recipient', 'sender'],
  [NotificationKind.COMPLETED]: ['recipient', 'sender'],
  [NotificationKind.DECLINED]: ['recipient', 'sender'],
  [NotificationKind.CANCELLED]: ['recipient', 'sender'],
  [NotificationKind.EXPIRED]: ['recipient', 'sender'],
  [NotificationKind.RETENTION_WARNING]: ['sender'],
  [NotificationKind.DELETED]: ['sender'],
};
const ACTION_KINDS: readonly NotificationKind[] = [
  NotificationKind.INVITATION,
  NotificationKind.REMINDER,
  NotificationKind.EXPIRY_WARNING,
];

const cases = Object.entries(AUDIENCES).flatMap(([kind, audiences]) =>
  audiences.flatMap((audience) => LOCALES.map((locale) => [kind as NotificationKind, audience, locale] as const)),
);

function targetOf(audience: Audience, locale: Locale, name = 'Bob Example'): MailTarget {
  return audience === 'recipient'
    ? {
        email: 'bob@example.com',
        name,
        recipient: { id: 'r1', key: 'key-0123456789abcdef', role: RecipientRole.SIGNER },
        locale,
      }
    : { email: 'alice@example.com', name, locale };
}

function compose(kind: NotificationKind, to: MailTarget, envelope = makeBrief()): RenderedMail {
  const input: SendNotificationInput = {
    kind,
    envelope,
    to,
    idempotencyKey: `env-0001.${kind}.x.1`,
    progress: { done: 2, required: 3 },
    reason: 'The price changed.',
    actorName: 'Carol Decliner',
    deleteAt: '2035-01-01T00:00:00.000Z',
  };
  return composeNotification(input, options);
}

// Every sentence piece of the English catalogue long enough to be unmistakable.
const ENGLISH_FRAGMENTS = Object.values(MAIL_CATALOGUES.en)
  .flatMap((text) => text.split(/\{\w+\}/))
  .map((piece) => piece.replace(/^[\s“”:,.()]+|[\s“”:,.()]+$/g, ''))
  .filter((piece) => piece.length >= 12);

describe.each(cases)('%s to the %s in %s', (kind, audience, locale) => {
  const mail = compose(kind, targetOf(audience, locale));
  const all = `${mail.subject}\n${mail.text}\n${mail.html}`;

  it('is complete and in that language', () => {
    expect(mail.subject.trim()).not.toBe('');
    expect(mail.text.trim()).not.toBe('');
    expect(mail.html).toContain(`<html lang="${locale}">`);
    expect(mail.language).toBe(locale);
    expect(mail.text).toContain(MARKER[locale]);
    expect(mail.html).toContain(MARKER[locale]);
    expect(all).not.toMatch(/\{\w+\}/);
  });

  if (locale !== 'en') {
    it('has no English sentence left in it', () => {
      const unwrapped = `${mail.subject}\n${mail.text.replace(/\s+/g, ' ')}`;
      expect(ENGLISH_FRAGMENTS.filter((fragment) => unwrapped.includes(fragment))).toEqual([]);
    });
  }

  it('keeps text lines within 78 columns, except a link on its own line', () => {
    const long = mail.text.split('\n').filter((line) => line.length > 78 && !/^https:\/\/\S+$/.test(line));
    expect(long).toEqual([]);
  });

  it('links only where the addressee is asked to act', () => {
    const hrefs = [...mail.html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    const textUrls = mail.text.match(/https?:\/\/\S+/g) ?? [];
    if (audience === 'recipient' && ACTION_KINDS.includes(kind)) {
      expect(hrefs).toHaveLength(1);
      expect(hrefs[0]).toMatch(new RegExp(`^${PUBLIC_URL}/sign/v1\\.`));
      expect(mail.text.split('\n')).toContain(hrefs[0]);
    } else if (audience === 'sender' && kind === NotificationKind.COMPLETED) {
      expect(hrefs).toEqual([`${PUBLIC_URL}/app/envelopes/env-0001`]);
      expect(textUrls).toEqual([`${PUBLIC_URL}/app/envelopes/env-0001`]);
    } else {
      expect(hrefs).toEqual([]);
      expect(textUrls).toEqual([]);
    }
  });

  it('escapes a <script> in names, subject, message, reason and file names, and keeps the subject one line', () => {
    const evil = '<script>alert(1)</script>';
    const envelope = makeBrief({
      subject: `S ${evil}\r\nBcc: evil@example.com`,
      message: `M ${evil}`,
      sender: { email: 'alice@example.com', name: `A ${evil}`, timeZone: 'Europe/Helsinki' },
      documentNames: [`${evil}.pdf`],
    });
    const escaped = compose(kind, targetOf(audience, locale, `B ${evil}`), envelope);
    expect(escaped.html).not.toMatch(/<script/i);
    expect(escaped.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(escaped.html).toContain('S &lt;script&gt;');
    expect(escaped.html).toContain('B &lt;script&gt;');
    expect(escaped.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;.pdf');
    expect(escaped.subject).not.toMatch(/[\r\n]/);
  });
});

describe('role verbs', () => {
  it.each(LOCALES)('%s asks a signer to sign and an approver to approve, in different words', (locale) => {
    const signer = compose(NotificationKind.INVITATION, targetOf('recipient', locale));
    const approver = compose(NotificationKind.INVITATION, {
      ...targetOf('recipient', locale),
      recipient: { id: 'r1', key: 'key-0123456789abcdef', role: RecipientRole.APPROVER },
    });
    expect(approver.subject).not.toBe(signer.subject);
    expect(approver.text).not.toBe(signer.text);
  });

  it.each([
    ['fi', 'allekirjoitettavaksi', 'hyväksyttäväksi'],
    ['sv', 'för underskrift', 'för godkännande'],
    ['no', 'til signering', 'til godkjenning'],
    ['da', 'til underskrift', 'til godkendelse'],
    ['nl', 'ter ondertekening', 'ter goedkeuring'],
    ['en', 'to sign', 'to approve'],
  ] as const)('%s: “%s” / “%s”', (locale, sign, approve) => {
    const flat = (mail: RenderedMail) => mail.text.replace(/\s+/g, ' ');
    expect(flat(compose(NotificationKind.INVITATION, targetOf('recipient', locale)))).toContain(sign);
    const approver = {
      ...targetOf('recipient', locale),
      recipient: { id: 'r1', key: 'key-0123456789abcdef', role: RecipientRole.APPROVER },
    };
    expect(flat(compose(NotificationKind.INVITATION, approver))).toContain(approve);
  });
});
