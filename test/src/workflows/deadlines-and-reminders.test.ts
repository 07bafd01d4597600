import { envelopeStatusQuery, extendDeadlineUpdate, remindNowUpdate, signEnvelopeUpdate } from '@signet/workflows';
import {
  credentialOf,
  DAY,
  makeEnvelopeInput,
  recipientSlot,
  rejectionCode,
  SENDER_ACTOR,
  startEnvelope,
} from '../support/envelope-fixtures';
import { eventually } from '../support/eventually';
import { useWorkflowSuite } from '../support/workflow-suite';

const t = useWorkflowSuite();

describe('deadlines and reminders (time-skipping server)', () => {
  it('30-day envelope: 3 reminders to the current signer only, a warning 2 days before, then EXPIRED', async () => {
    const [alice, bob] = [recipientSlot('alice', 1), recipientSlot('bob', 2)];
    const start = await t.env.currentTimeMs();
    const handle = await startEnvelope(
      t.env.client,
      makeEnvelopeInput(start, { recipients: [alice, bob], retention: null }),
    );
    const outcome = await handle.result(); // time skips to the deadline
    expect(outcome.status).toBe('EXPIRED');
    const view = await handle.query(envelopeStatusQuery);
    const daysOf = (type: string) =>
      view.audit.filter((e) => e.type === type).map((e) => Math.round((Date.parse(e.at) - start) / DAY));
    expect(daysOf('REMINDED')).toEqual([3, 5, 7]);
    expect(view.audit.filter((e) => e.type === 'REMINDED').every((e) => e.recipientId === alice.id)).toBe(true);
    expect(daysOf('EXPIRY_WARNED')).toEqual([28]);
    expect(daysOf('EXPIRED')).toEqual([30]);
    expect(t.activities.mailsTo('REMINDER')).toEqual(['alice@example.com', 'alice@example.com', 'alice@example.com']);
    expect(t.activities.mailsTo('EXPIRY_WARNING').sort()).toEqual(['alice@example.com', 'sender@example.com']);
    expect(t.activities.mailsTo('EXPIRED').sort()).toEqual(['alice@example.com', 'sender@example.com']);
    expect(view.recipients[0]).toMatchObject({ remindersSent: 3 });
    expect(await rejectionCode(handle.executeUpdate(signEnvelopeUpdate, { args: [credentialOf(alice)] }))).not.toBe(
      'accepted',
    );
  });

  it('expiry keeps signatures already given and tells the sender', async () => {
    const [alice, bob] = [recipientSlot('alice', 1), recipientSlot('bob', 2)];
    const handle = await startEnvelope(
      t.env.client,
      makeEnvelopeInput(await t.env.currentTimeMs(), { recipients: [alice, bob], reminders: null, retention: null }),
    );
    await handle.executeUpdate(signEnvelopeUpdate, { args: [credentialOf(alice)] });
    expect((await handle.result()).status).toBe('EXPIRED');
    const view = await handle.query(envelopeStatusQuery);
    expect(view.recipients.map((r) => r.status)).toEqual(['SIGNED', 'PENDING']);
    expect(view.audit.map((e) => e.type)).toEqual(['SENT', 'INVITED', 'SIGNED', 'INVITED', 'EXPIRY_WARNED', 'EXPIRED']);
    expect(t.activities.mailsTo('EXPIRED').sort()).toEqual(['bob@example.com', 'sender@example.com']);
  });

  it('extend moves the deadline later only, audits it, and warns again before the new deadline', async () => {
    const alice = recipientSlot('alice', 1);
    const start = await t.env.currentTimeMs();
    const handle = await startEnvelope(
      t.env.client,
      makeEnvelopeInput(start, { recipients: [alice], reminders: null, retention: null }),
    );
    await t.env.sleep(29 * DAY); // past the first warning
    expect(t.activities.mailsTo('EXPIRY_WARNING').sort()).toEqual(['alice@example.com', 'sender@example.com']);
    const earlier = new Date(start + 10 * DAY).toISOString();
    expect(
      await rejectionCode(
        handle.executeUpdate(extendDeadlineUpdate, { args: [{ actor: SENDER_ACTOR, expiresAt: earlier }] }),
      ),
    ).toBe('DEADLINE_NOT_LATER');
    const later = new Date(start + 40 * DAY).toISOString();
    const view = await handle.executeUpdate(extendDeadlineUpdate, {
      args: [{ actor: SENDER_ACTOR, expiresAt: later }],
    });
    expect(view.expiresAt).toBe(later);
    expect(view.audit.at(-1)).toMatchObject({
      type: 'EXTENDED',
      actor: { kind: 'SENDER', email: 'sender@example.com' },
      authMethod: 'API_TOKEN',
    });
    await t.env.sleep(5 * DAY); // day 34: not expired under the old deadline
    expect((await handle.query(envelopeStatusQuery)).status).toBe('PENDING');
    expect((await handle.result()).status).toBe('EXPIRED');
    expect(t.activities.mailsTo('EXPIRY_WARNING')).toHaveLength(4);
    const final = await handle.query(envelopeStatusQuery);
    expect(Date.parse(final.endedAt!)).toBeGreaterThanOrEqual(start + 40 * DAY);
  });

  it('remind now reaches pending recipients only and does not use up automatic reminders', async () => {
    const [alice, bob] = [recipientSlot('alice', 1), recipientSlot('bob', 1)];
    const carol = recipientSlot('carol', 2);
    const handle = await startEnvelope(
      t.env.client,
      makeEnvelopeInput(await t.env.currentTimeMs(), { recipients: [alice, bob, carol], retention: null }),
    );
    await handle.executeUpdate(signEnvelopeUpdate, { args: [credentialOf(alice)] });
    const view = await handle.executeUpdate(remindNowUpdate, { args: [{ actor: SENDER_ACTOR }] });
    await eventually(() => expect(t.activities.mailsTo('REMINDER')).toEqual(['bob@example.com']));
    expect(view.recipients.find((r) => r.id === bob.id)).toMatchObject({ remindersSent: 0 });
    expect(
      await rejectionCode(
        handle.executeUpdate(remindNowUpdate, { args: [{ actor: SENDER_ACTOR, recipientIds: [carol.id] }] }),
      ),
    ).toBe('NOT_YOUR_TURN');
    await handle.terminate('test cleanup');
  });
});
