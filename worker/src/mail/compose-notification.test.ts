import { AppErrorCode, NOTIFICATION_KINDS, NotificationKind, RecipientRole } from '@signet/shared';
import { verifyRecipientToken } from '@signet/shared/node';
import type { MailTarget, SendNotificationInput } from '@signet/workflows';
import { LINK_SECRET, makeBrief, PUBLIC_URL } from '../testing/fixtures';
import { composeNotification } from './compose-notification';

const options = { linkSecret: LINK_SECRET, publicUrl: `${PUBLIC_URL}/` };
const recipient: MailTarget = {
  email: 'bob@example.com',
  name: 'Bob',
  recipient: { id: 'r1', key: 'key-0123456789abcdef', role: RecipientRole.SIGNER },
};
const sender: MailTarget = { email: 'alice@example.com', name: 'Alice' };
const LINK = /https:\/\/sign\.example\.test\/sign\/([A-Za-z0-9._-]+)/;

function input(
  kind: NotificationKind,
  to: MailTarget,
  extra: Partial<SendNotificationInput> = {},
): SendNotificationInput {
  return {
    kind,
    envelope: makeBrief(),
    to,
    idempotencyKey: `env-0001.${kind}.x.1`,
    progress: { done: 1, required: 3 },
    ...extra,
  };
}

describe('recipient links', () => {
  it.each([NotificationKind.INVITATION, NotificationKind.REMINDER, NotificationKind.EXPIRY_WARNING])(
    '%s to a recipient carries their own valid link in text and HTML',
    (kind) => {
      const mail = composeNotification(input(kind, recipient), options);
      const token = LINK.exec(mail.text)?.[1];
      expect(token).toBeDefined();
      expect(verifyRecipientToken(LINK_SECRET, token ?? '')).toEqual({
        envelopeId: 'env-0001',
        recipientId: 'r1',
        recipientKey: 'key-0123456789abcdef',
      });
      expect(mail.html).toContain(`href="${PUBLIC_URL}/sign/${token}"`);
    },
  );

  it.each(NOTIFICATION_KINDS.filter((k) => k !== NotificationKind.INVITATION && k !== NotificationKind.REMINDER))(
    '%s to the sender never contains a signing link',
    (kind) => {
      const mail = composeNotification(
        input(kind, sender, { reason: 'r', actorName: 'Bob', deleteAt: '2035-01-01T00:00:00Z' }),
        options,
      );
      expect(`${mail.text}${mail.html}`).not.toContain('/sign/');
    },
  );

  it.each([
    NotificationKind.COMPLETED,
    NotificationKind.DECLINED,
    NotificationKind.CANCELLED,
    NotificationKind.EXPIRED,
  ])('%s to a recipient carries no link: nothing is left to act on', (kind) => {
    const mail = composeNotification(input(kind, recipient, { reason: 'r', actorName: 'Carol' }), options);
    expect(`${mail.text}${mail.html}`).not.toContain('/sign/');
  });

  it('refuses an invitation or reminder addressed to the sender', () => {
    for (const kind of [NotificationKind.INVITATION, NotificationKind.REMINDER]) {
      expect(() => composeNotification(input(kind, sender), options)).toThrow(
        expect.objectContaining({ code: AppErrorCode.VALIDATION_FAILED }),
      );
    }
  });
});

describe('escaping', () => {
  const evil = '<script>alert(1)</script>';
  it.each(NOTIFICATION_KINDS)('%s escapes names, subject, message, reason and file names in HTML', (kind) => {
    const envelope = makeBrief({
      subject: `S ${evil}`,
      message: `M ${evil}`,
      sender: { email: 'a@example.com', name: `A ${evil}` },
      documentNames: [`${evil}.pdf`],
    });
    const to =
      kind === NotificationKind.INVITATION || kind === NotificationKind.REMINDER
        ? { ...recipient, name: `B ${evil}` }
        : { ...sender, name: `B ${evil}` };
    const mail = composeNotification(
      {
        ...input(kind, to, { reason: `R ${evil}`, actorName: `C ${evil}`, deleteAt: '2035-01-01T00:00:00Z' }),
        envelope,
      },
      options,
    );
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.html).toContain(`B &lt;script&gt;`);
  });
});

describe('what each addressee sees', () => {
  it('invitation shows the sender, their message, the documents and the deadline in both zones', () => {
    const mail = composeNotification(input(NotificationKind.INVITATION, recipient), options);
    expect(mail.subject).toBe('Alice Sender asks you to sign: Supply agreement 2025');
    expect(mail.language).toBe('en');
    expect(mail.text).toContain('alice@example.com');
    expect(mail.text).toContain('> Please sign by Friday.');
    expect(mail.text).toContain('nda.pdf');
    expect(mail.html).toContain('28 March 2025 at 12:00 Europe/Helsinki (10:00 UTC)');
  });

  it('a recipient without a locale gets English; with one, their language', () => {
    expect(composeNotification(input(NotificationKind.INVITATION, recipient), options).language).toBe('en');
    const mail = composeNotification(input(NotificationKind.INVITATION, { ...recipient, locale: 'fi' }), options);
    expect(mail.language).toBe('fi');
    expect(mail.subject).toBe('Alice Sender pyytää allekirjoitustasi: Supply agreement 2025');
    expect(mail.html).toContain('28. maaliskuuta 2025 klo 12.00 Europe/Helsinki (10.00 UTC)');
  });

  it('an approver is asked to approve', () => {
    const approver = {
      ...recipient,
      recipient: { id: 'r1', key: 'key-0123456789abcdef', role: RecipientRole.APPROVER },
    };
    expect(composeNotification(input(NotificationKind.INVITATION, approver), options).subject).toContain(
      'asks you to approve',
    );
    expect(
      composeNotification(input(NotificationKind.INVITATION, { ...approver, locale: 'sv' }), options).subject,
    ).toContain('ber dig godkänna');
  });

  it('the decline reason and the decliner go to the sender only', () => {
    const extra = { reason: 'Price is wrong', actorName: 'Bob Decliner' };
    const toSender = composeNotification(input(NotificationKind.DECLINED, sender, extra), options);
    expect(toSender.text).toContain('Price is wrong');
    expect(toSender.text).toContain('Bob Decliner declined');
    const toRecipient = composeNotification(input(NotificationKind.DECLINED, recipient, extra), options);
    expect(`${toRecipient.text}${toRecipient.html}`).not.toContain('Price is wrong');
    expect(`${toRecipient.text}${toRecipient.html}`).not.toContain('Bob Decliner');
    expect(toRecipient.text).toContain('was declined');
  });

  it('progress is shown to the sender, not to recipients', () => {
    expect(composeNotification(input(NotificationKind.EXPIRED, sender), options).text).toContain(
      '1 of 3 required signatures and approvals have been given.',
    );
    expect(composeNotification(input(NotificationKind.EXPIRED, recipient), options).text).not.toContain('1 of 3');
    expect(composeNotification(input(NotificationKind.EXPIRY_WARNING, recipient), options).text).not.toContain(
      '1 of 3',
    );
  });

  it('counts take the plural form the number needs', () => {
    const one = composeNotification(
      input(NotificationKind.EXPIRED, sender, { progress: { done: 0, required: 1 } }),
      options,
    );
    expect(one.text).toContain('0 of 1 required signature or approval has been given.');
    const fi = composeNotification(
      input(NotificationKind.EXPIRED, { ...sender, locale: 'fi' }, { progress: { done: 2, required: 3 } }),
      options,
    );
    expect(fi.text).toContain('Vaaditut allekirjoitukset ja hyväksynnät: 2/3 annettu.');
    const documents = composeNotification(
      {
        ...input(NotificationKind.DELETED, { ...sender, locale: 'no' }),
        envelope: makeBrief({ documentNames: ['a.pdf', 'b.pdf'] }),
      },
      options,
    );
    expect(documents.text).toContain('Dokumenter: a.pdf og b.pdf');
  });

  it('recipients never see the sender message or other addresses in cancel, expiry and completion mails', () => {
    for (const kind of [NotificationKind.CANCELLED, NotificationKind.EXPIRED, NotificationKind.COMPLETED]) {
      const mail = composeNotification(input(kind, recipient, { reason: 'Deal off', actorName: 'Alice' }), options);
      expect(`${mail.text}${mail.html}`).not.toContain('Please sign by Friday.');
      expect(`${mail.text}${mail.html}`).not.toContain('alice@example.com');
    }
  });

  it('the sender gets a link to the envelope page with the COMPLETED mail, and only with it', () => {
    const completed = composeNotification(input(NotificationKind.COMPLETED, sender), options);
    expect(completed.text).toContain(`\n${PUBLIC_URL}/app/envelopes/env-0001\n`);
    expect(completed.html).toContain(`href="${PUBLIC_URL}/app/envelopes/env-0001"`);
    expect(composeNotification(input(NotificationKind.COMPLETED, recipient), options).text).not.toContain('http');
  });

  it('the retention warning names the deletion date, with the UTC date when the day differs', () => {
    const mail = composeNotification(
      input(NotificationKind.RETENTION_WARNING, sender, { deleteAt: '2035-01-01T23:30:00.000Z' }),
      options,
    );
    expect(mail.html).toContain('2 January 2035 at 01:30 Europe/Helsinki (1 January 2035 at 23:30 UTC)');
    const noZone = composeNotification(
      {
        ...input(NotificationKind.RETENTION_WARNING, { ...sender, locale: 'nl' }, { deleteAt: '2035-01-01T23:30:00Z' }),
        envelope: makeBrief({ sender: { email: 'a@example.com', name: 'A' } }),
      },
      options,
    );
    expect(noZone.html).toContain('1 januari 2035 om 23:30 UTC');
  });
});
