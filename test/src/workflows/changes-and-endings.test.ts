import {
  addRecipientUpdate,
  cancelEnvelopeUpdate,
  declineEnvelopeUpdate,
  delegateEnvelopeUpdate,
  envelopeStatusQuery,
  recipientViewedSignal,
  removeRecipientUpdate,
  replaceRecipientUpdate,
  signEnvelopeUpdate,
} from '@signet/workflows';
import {
  credentialOf,
  makeEnvelopeInput,
  recipientSlot,
  rejectionCode,
  SENDER_ACTOR,
  startEnvelope,
} from '../support/envelope-fixtures';
import { eventually } from '../support/eventually';
import { useWorkflowSuite } from '../support/workflow-suite';

const t = useWorkflowSuite();

const newPerson = (name: string) => ({
  id: `r-${name}`,
  key: `key-${name}-0123456789abcdef`,
  email: `${name}@example.com`,
  name,
});

describe('changes and endings (time-skipping server)', () => {
  it('cancel: needs a reason, ends the envelope, tells involved recipients, later actions are refused', async () => {
    const [alice, bob] = [recipientSlot('alice', 1), recipientSlot('bob', 2)];
    const handle = await startEnvelope(
      t.env.client,
      makeEnvelopeInput(await t.env.currentTimeMs(), { recipients: [alice, bob], retention: null }),
    );
    expect(
      await rejectionCode(handle.executeUpdate(cancelEnvelopeUpdate, { args: [{ actor: SENDER_ACTOR, reason: ' ' }] })),
    ).toBe('REASON_REQUIRED');
    const view = await handle.executeUpdate(cancelEnvelopeUpdate, {
      args: [{ actor: SENDER_ACTOR, reason: 'Terms changed' }],
    });
    expect(view.status).toBe('CANCELLED');
    expect((await handle.result()).status).toBe('CANCELLED');
    expect(t.activities.mailsTo('CANCELLED')).toEqual(['alice@example.com']);
    expect(t.activities.mails.find((m) => m.kind === 'CANCELLED')?.reason).toBe('Terms changed');
    expect(t.activities.calls).not.toContain('sealDocument:agreement.pdf');
    expect(t.activities.calls.at(-1)).toBe('updateDocumentStatus:CANCELLED');
  });

  it('decline: reason required, envelope DECLINED, sender and earlier signers told', async () => {
    const [alice, bob, carol] = [recipientSlot('alice', 1), recipientSlot('bob', 2), recipientSlot('carol', 3)];
    const handle = await startEnvelope(
      t.env.client,
      makeEnvelopeInput(await t.env.currentTimeMs(), { recipients: [alice, bob, carol], retention: null }),
    );
    await handle.executeUpdate(signEnvelopeUpdate, { args: [credentialOf(alice)] });
    expect(
      await rejectionCode(
        handle.executeUpdate(declineEnvelopeUpdate, { args: [{ ...credentialOf(bob), reason: '' }] }),
      ),
    ).toBe('REASON_REQUIRED');
    expect(
      await rejectionCode(
        handle.executeUpdate(declineEnvelopeUpdate, { args: [{ ...credentialOf(carol), reason: 'no' }] }),
      ),
    ).toBe('NOT_YOUR_TURN');
    await handle.executeUpdate(declineEnvelopeUpdate, { args: [{ ...credentialOf(bob), reason: 'Price is wrong' }] });
    expect((await handle.result()).status).toBe('DECLINED');
    expect(t.activities.mailsTo('DECLINED').sort()).toEqual(['alice@example.com', 'sender@example.com']);
    const view = await handle.query(envelopeStatusQuery);
    expect(view.recipients.map((r) => r.status)).toEqual(['SIGNED', 'DECLINED', 'WAITING']);
    expect(view.recipients[1]).toMatchObject({ declineReason: 'Price is wrong' });
  });

  it('delegate: the delegate is invited, signs in the same place; the delegator cannot act again', async () => {
    const [alice, bob] = [recipientSlot('alice', 1), recipientSlot('bob', 2)];
    const handle = await startEnvelope(
      t.env.client,
      makeEnvelopeInput(await t.env.currentTimeMs(), { recipients: [alice, bob], retention: null }),
    );
    handle.signal(recipientViewedSignal, credentialOf(alice)).catch(() => undefined);
    const dora = newPerson('dora');
    await handle.executeUpdate(delegateEnvelopeUpdate, {
      args: [{ ...credentialOf(alice), to: dora, reason: 'on leave' }],
    });
    expect(await rejectionCode(handle.executeUpdate(signEnvelopeUpdate, { args: [credentialOf(alice)] }))).toBe(
      'ALREADY_ACTED',
    );
    await eventually(() =>
      expect(t.activities.mailsTo('INVITATION')).toEqual(['alice@example.com', 'dora@example.com']),
    );
    await handle.executeUpdate(signEnvelopeUpdate, {
      args: [{ recipientId: dora.id, recipientKey: dora.key, authMethod: 'LINK' }],
    });
    await handle.executeUpdate(signEnvelopeUpdate, { args: [credentialOf(bob)] });
    expect((await handle.result()).status).toBe('COMPLETED');
    const view = await handle.query(envelopeStatusQuery);
    expect(view.recipients.map((r) => [r.email, r.status])).toEqual([
      ['alice@example.com', 'DELEGATED'],
      ['dora@example.com', 'SIGNED'],
      ['bob@example.com', 'SIGNED'],
    ]);
    expect(view.audit.map((e) => e.type)).toContain('VIEWED');
    expect(view.audit.find((e) => e.type === 'DELEGATED')?.details).toMatchObject({
      toEmail: 'dora@example.com',
      reason: 'on leave',
    });
  });

  it('delegation is refused when the envelope does not allow it', async () => {
    const alice = recipientSlot('alice', 1);
    const handle = await startEnvelope(
      t.env.client,
      makeEnvelopeInput(await t.env.currentTimeMs(), { recipients: [alice], allowDelegation: false, retention: null }),
    );
    expect(
      await rejectionCode(
        handle.executeUpdate(delegateEnvelopeUpdate, { args: [{ ...credentialOf(alice), to: newPerson('dora') }] }),
      ),
    ).toBe('DELEGATION_NOT_ALLOWED');
    await handle.terminate('test cleanup');
  });

  it('replace, add and remove pending recipients; old links die; removal can complete the envelope', async () => {
    const [alice, bob] = [recipientSlot('alice', 1), recipientSlot('bob', 2)];
    const handle = await startEnvelope(
      t.env.client,
      makeEnvelopeInput(await t.env.currentTimeMs(), { recipients: [alice, bob], retention: null }),
    );
    const erin = newPerson('erin');
    await handle.executeUpdate(replaceRecipientUpdate, {
      args: [{ actor: SENDER_ACTOR, recipientId: alice.id, replacement: erin }],
    });
    expect(await rejectionCode(handle.executeUpdate(signEnvelopeUpdate, { args: [credentialOf(alice)] }))).toBe(
      'UNKNOWN_RECIPIENT',
    );
    expect(
      await rejectionCode(
        handle.executeUpdate(replaceRecipientUpdate, {
          args: [
            { actor: SENDER_ACTOR, recipientId: bob.id, replacement: { ...newPerson('x'), email: 'ERIN@example.com' } },
          ],
        }),
      ),
    ).toBe('DUPLICATE_RECIPIENT');
    await handle.executeUpdate(signEnvelopeUpdate, {
      args: [{ recipientId: erin.id, recipientKey: erin.key, authMethod: 'LINK' }],
    });
    expect(
      await rejectionCode(
        handle.executeUpdate(addRecipientUpdate, {
          args: [{ actor: SENDER_ACTOR, recipient: { ...newPerson('late'), role: 'SIGNER', routingOrder: 1 } }],
        }),
      ),
    ).toBe('ROUTING_ORDER_PASSED');
    const fred = { ...newPerson('fred'), role: 'SIGNER' as const, routingOrder: 2 };
    const added = await handle.executeUpdate(addRecipientUpdate, { args: [{ actor: SENDER_ACTOR, recipient: fred }] });
    expect(added.recipients.find((r) => r.id === fred.id)?.status).toBe('PENDING');
    expect(
      await rejectionCode(
        handle.executeUpdate(removeRecipientUpdate, { args: [{ actor: SENDER_ACTOR, recipientId: erin.id }] }),
      ),
    ).toBe('ALREADY_ACTED');
    await handle.executeUpdate(signEnvelopeUpdate, { args: [credentialOf(bob)] });
    const afterRemove = await handle.executeUpdate(removeRecipientUpdate, {
      args: [{ actor: SENDER_ACTOR, recipientId: fred.id }],
    });
    expect(afterRemove.finalising).toBe(true);
    expect((await handle.result()).status).toBe('COMPLETED');
    const view = await handle.query(envelopeStatusQuery);
    expect(view.audit.map((e) => e.type)).toEqual(
      expect.arrayContaining(['RECIPIENT_REPLACED', 'RECIPIENT_ADDED', 'RECIPIENT_REMOVED']),
    );
    await eventually(() =>
      expect(t.activities.mailsTo('INVITATION')).toEqual([
        'alice@example.com',
        'erin@example.com',
        'bob@example.com',
        'fred@example.com',
      ]),
    );
  });
});
