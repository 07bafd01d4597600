import { AppError, AppErrorCode, NotificationKind, RecipientRole } from '@signet/shared';
import { MockActivityEnvironment } from '@temporalio/testing';
import type { SendNotificationInput } from '@signet/workflows';
import { messageIdOf } from '../mail/message-id';
import {
  createFakeMailer,
  LINK_SECRET,
  makeBrief,
  PUBLIC_URL,
  quietTemporalLogger,
  silentLogger,
  activityFailureOf,
  useTempLibrary,
} from '../testing/fixtures';
import { createTestSealer } from '../testing/test-sealer';
import { createActivities } from './create-activities';

const tempLibrary = useTempLibrary();

const invitation: SendNotificationInput = {
  kind: NotificationKind.INVITATION,
  envelope: makeBrief(),
  to: {
    email: 'bob@example.com',
    name: 'Bob',
    recipient: { id: 'r1', key: 'key-0123456789abcdef', role: RecipientRole.SIGNER },
  },
  idempotencyKey: 'env-0001.INVITATION.r1.3',
};

const newEnvironment = () => new MockActivityEnvironment(undefined, { logger: quietTemporalLogger });

function activitiesWith(mailer = createFakeMailer()) {
  return {
    mailer,
    activities: createActivities({
      library: tempLibrary.current.library,
      mailer,
      sealer: createTestSealer(),
      linkSecret: LINK_SECRET,
      publicUrl: PUBLIC_URL,
      logger: silentLogger,
    }),
  };
}

describe('sendNotification', () => {
  it('sends the invitation to the recipient with their link and a Message-ID derived from the idempotency key', async () => {
    const { mailer, activities } = activitiesWith();
    const env = newEnvironment();
    await env.run(activities.sendNotification, invitation);
    await env.run(activities.sendNotification, invitation); // a retry
    expect(mailer.sent).toHaveLength(2);
    const [first, retry] = mailer.sent;
    expect(first?.to).toEqual({ email: 'bob@example.com', name: 'Bob' });
    expect(first?.text).toContain(`${PUBLIC_URL}/sign/v1.`);
    expect(first?.messageId).toBe(messageIdOf(invitation.idempotencyKey));
    expect(first?.messageId).toMatch(/^<[0-9a-f]{64}@signet>$/);
    expect(retry?.messageId).toBe(first?.messageId);
    expect(messageIdOf('env-0001.INVITATION.r1.4')).not.toBe(first?.messageId);
  });

  it("writes the mail in the recipient's language and tells the mailer which one it is", async () => {
    const { mailer, activities } = activitiesWith();
    await newEnvironment().run(activities.sendNotification, {
      ...invitation,
      to: { ...invitation.to, locale: 'sv' as const },
    });
    expect(mailer.sent[0]?.language).toBe('sv');
    expect(mailer.sent[0]?.subject).toBe('Alice Sender ber dig skriva under: Supply agreement 2025');
    expect(mailer.sent[0]?.html).toContain('<html lang="sv">');
  });

  it("gives the sender's COMPLETED mail the signed copies and a link to the envelope page", async () => {
    await tempLibrary.current.library.commitSignedCopy(
      await tempLibrary.current.library.stage('env-0001', 'doc-0001', Buffer.from('%PDF-sealed')),
      'contracts/nda.pdf',
    );
    const { mailer, activities } = activitiesWith();
    await newEnvironment().run(activities.sendNotification, {
      ...invitation,
      kind: NotificationKind.COMPLETED,
      to: { email: 'alice@example.com', name: 'Alice Sender' },
      attachments: [{ name: 'nda.pdf', ref: { library: 'local' as const, path: 'contracts/nda.signed.pdf' } }],
    });
    expect(mailer.sent[0]?.attachments?.map((a) => a.filename)).toEqual(['nda.signed.pdf']);
    expect(mailer.sent[0]?.text).toContain(`${PUBLIC_URL}/app/envelopes/env-0001`);
    expect(mailer.sent[0]?.text).not.toContain('/sign/');
    expect(mailer.sent[0]?.language).toBe('en');
  });

  it('attaches the signed copies to COMPLETED mails, read from the library', async () => {
    await tempLibrary.current.library.commitSignedCopy(
      await tempLibrary.current.library.stage('env-0001', 'doc-0001', Buffer.from('%PDF-sealed')),
      'contracts/nda.pdf',
    );
    const { mailer, activities } = activitiesWith();
    await newEnvironment().run(activities.sendNotification, {
      ...invitation,
      kind: NotificationKind.COMPLETED,
      attachments: [{ name: 'nda.pdf', ref: { library: 'local' as const, path: 'contracts/nda.signed.pdf' } }],
    });
    const attachments = mailer.sent[0]?.attachments ?? [];
    expect(attachments.map((a) => [a.filename, a.contentType, a.content.toString()])).toEqual([
      ['nda.signed.pdf', 'application/pdf', '%PDF-sealed'],
    ]);
    expect(mailer.sent[0]?.text).not.toContain('/sign/');
  });

  it('fails non-retryably with DOCUMENT_NOT_FOUND when a signed copy to attach is missing', async () => {
    const { mailer, activities } = activitiesWith();
    const failure = await activityFailureOf(
      newEnvironment().run(activities.sendNotification, {
        ...invitation,
        kind: NotificationKind.COMPLETED,
        attachments: [{ name: 'nda.pdf', ref: { library: 'local' as const, path: 'contracts/gone.signed.pdf' } }],
      }),
    );
    expect([failure.type, failure.nonRetryable]).toEqual([AppErrorCode.DOCUMENT_NOT_FOUND, true]);
    expect(mailer.sent).toHaveLength(0);
  });

  it('maps a permanent refusal to MAIL_REJECTED, non-retryable', async () => {
    const { activities } = activitiesWith(
      createFakeMailer(new AppError(AppErrorCode.MAIL_REJECTED, { message: '550 no such user' })),
    );
    const failure = await activityFailureOf(newEnvironment().run(activities.sendNotification, invitation));
    expect([failure.type, failure.nonRetryable, failure.message]).toEqual([
      AppErrorCode.MAIL_REJECTED,
      true,
      '550 no such user',
    ]);
  });

  it('keeps a transient mail failure retryable', async () => {
    const { activities } = activitiesWith(
      createFakeMailer(new AppError(AppErrorCode.INTERNAL, { message: 'mail server unavailable (ESOCKET)' })),
    );
    const failure = await activityFailureOf(newEnvironment().run(activities.sendNotification, invitation));
    expect([failure.type, failure.nonRetryable]).toEqual([AppErrorCode.INTERNAL, false]);
  });

  it('treats an unexpected error as retryable INTERNAL', async () => {
    const { activities } = activitiesWith(createFakeMailer(new TypeError('boom')));
    const failure = await activityFailureOf(newEnvironment().run(activities.sendNotification, invitation));
    expect([failure.type, failure.nonRetryable, failure.message]).toEqual([AppErrorCode.INTERNAL, false, 'boom']);
  });

  it('rejects an invitation without a recipient slot as a permanent VALIDATION_FAILED', async () => {
    const { mailer, activities } = activitiesWith();
    const failure = await activityFailureOf(
      newEnvironment().run(activities.sendNotification, { ...invitation, to: { email: 'a@example.com', name: 'A' } }),
    );
    expect([failure.type, failure.nonRetryable]).toEqual([AppErrorCode.VALIDATION_FAILED, true]);
    expect(mailer.sent).toHaveLength(0);
  });
});
