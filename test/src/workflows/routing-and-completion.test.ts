import {
  approveEnvelopeUpdate,
  envelopeStatusQuery,
  retentionStatusQuery,
  signEnvelopeUpdate,
} from '@signet/workflows';
import { retentionWorkflowId } from '@signet/shared';
import {
  credentialOf,
  makeEnvelopeInput,
  recipientSlot,
  rejectionCode,
  startEnvelope,
} from '../support/envelope-fixtures';
import { useWorkflowSuite } from '../support/workflow-suite';

const t = useWorkflowSuite();

describe('routing and completion (time-skipping server)', () => {
  it('sequential signers: invites one at a time, seals, stores, delivers to all, starts retention', async () => {
    const [alice, bob] = [recipientSlot('alice', 1), recipientSlot('bob', 2)];
    const cc = { ...recipientSlot('carol', 3, 'CC'), locale: 'sv' as const };
    const input = makeEnvelopeInput(await t.env.currentTimeMs(), { recipients: [alice, bob, cc] });
    input.sender = { ...input.sender, locale: 'fi' };
    const handle = await startEnvelope(t.env.client, input);

    const first = await handle.query(envelopeStatusQuery);
    expect(first.recipients.map((r) => r.status)).toEqual(['PENDING', 'WAITING', 'WAITING']);
    expect(await rejectionCode(handle.executeUpdate(signEnvelopeUpdate, { args: [credentialOf(bob)] }))).toBe(
      'NOT_YOUR_TURN',
    );

    const afterAlice = await handle.executeUpdate(signEnvelopeUpdate, {
      args: [{ ...credentialOf(alice), signatureText: 'Alice' }],
    });
    expect(afterAlice.recipients.map((r) => r.status)).toEqual(['SIGNED', 'PENDING', 'WAITING']);
    expect(await rejectionCode(handle.executeUpdate(signEnvelopeUpdate, { args: [credentialOf(alice)] }))).toBe(
      'ALREADY_ACTED',
    );
    await handle.executeUpdate(signEnvelopeUpdate, { args: [credentialOf(bob)] });

    const outcome = await handle.result();
    expect(outcome.status).toBe('COMPLETED');
    expect(t.activities.mailsTo('INVITATION')).toEqual(['alice@example.com', 'bob@example.com']);
    expect(t.activities.mailsTo('COMPLETED').sort()).toEqual([
      'alice@example.com',
      'bob@example.com',
      'carol@example.com',
      'sender@example.com',
    ]);
    // Each mail goes out in its addressee's language: the sender's and each recipient's own (English when unset).
    const completedTo = (email: string) =>
      t.activities.mails.find((m) => m.kind === 'COMPLETED' && m.to.email === email)?.to;
    expect(completedTo('sender@example.com')?.locale).toBe('fi');
    expect(completedTo('carol@example.com')?.locale).toBe('sv');
    expect(completedTo('alice@example.com')?.locale).toBeUndefined();
    expect(t.activities.mails.find((m) => m.kind === 'COMPLETED')?.attachments).toEqual([
      { name: 'agreement.pdf', ref: { library: 'local', path: 'agreement.signed.pdf' } },
    ]);
    const order = t.activities.calls.filter((c) =>
      /^(sealDocument|storeSignedCopy|sendNotification:COMPLETED)/.test(c),
    );
    expect(order[0]).toBe('sealDocument:agreement.pdf');
    expect(order[1]).toBe('storeSignedCopy:agreement.pdf');

    const final = await handle.query(envelopeStatusQuery);
    expect(final.status).toBe('COMPLETED');
    expect(final.documents[0]).toMatchObject({
      originalSha256: 'a'.repeat(64),
      signedCopyRef: { path: 'agreement.signed.pdf' },
    });
    expect(final.recipients.find((r) => r.id === cc.id)).toMatchObject({ status: 'RECEIVED' });
    expect(final.audit.map((e) => e.type)).toEqual([
      'SENT',
      'INVITED',
      'SIGNED',
      'INVITED',
      'SIGNED',
      'SEALED',
      'STORED',
      'DELIVERED',
      'DELIVERED',
      'DELIVERED',
      'COMPLETED',
    ]);
    expect(final.audit.find((e) => e.type === 'SIGNED')).toMatchObject({
      authMethod: 'LINK',
      actor: { kind: 'RECIPIENT', email: 'alice@example.com' },
    });

    const retention = t.env.client.workflow.getHandle(retentionWorkflowId(input.envelopeId));
    expect((await retention.query(retentionStatusQuery)).legalHold).toBe(false);
    await retention.terminate('test cleanup');
  });

  it('mixed routing: parallel group in a sequence, approvers approve, nobody acts out of turn', async () => {
    const a = recipientSlot('ann', 1);
    const [b, c] = [recipientSlot('ben', 2), recipientSlot('cid', 2, 'APPROVER')];
    const d = recipientSlot('dee', 3);
    const input = makeEnvelopeInput(await t.env.currentTimeMs(), { recipients: [a, b, c, d], retention: null });
    const handle = await startEnvelope(t.env.client, input);

    for (const early of [b, c, d]) {
      const update = early.role === 'APPROVER' ? approveEnvelopeUpdate : signEnvelopeUpdate;
      expect(await rejectionCode(handle.executeUpdate(update, { args: [credentialOf(early)] }))).toBe('NOT_YOUR_TURN');
    }
    await handle.executeUpdate(signEnvelopeUpdate, { args: [credentialOf(a)] });
    expect(await rejectionCode(handle.executeUpdate(signEnvelopeUpdate, { args: [credentialOf(c)] }))).toBe(
      'WRONG_ROLE',
    );
    expect(await rejectionCode(handle.executeUpdate(signEnvelopeUpdate, { args: [credentialOf(d)] }))).toBe(
      'NOT_YOUR_TURN',
    );
    await handle.executeUpdate(approveEnvelopeUpdate, { args: [credentialOf(c)] });
    const mid = await handle.executeUpdate(signEnvelopeUpdate, { args: [credentialOf(b)] });
    expect(mid.currentRoutingOrder).toBe(3);
    expect(mid.progress).toEqual({ done: 3, required: 4 });
    await handle.executeUpdate(signEnvelopeUpdate, { args: [credentialOf(d)] });
    expect((await handle.result()).status).toBe('COMPLETED');
    const invited = t.activities.mailsTo('INVITATION');
    expect(invited[0]).toBe('ann@example.com');
    expect(invited.slice(1, 3).sort()).toEqual(['ben@example.com', 'cid@example.com']);
    expect(invited[3]).toBe('dee@example.com');
    expect(await rejectionCode(handle.executeUpdate(signEnvelopeUpdate, { args: [credentialOf(d)] }))).not.toBe(
      'accepted',
    );
  });

  it('parallel signing: everyone is invited at once and completion waits for all', async () => {
    const people = ['pia', 'quinn', 'raj'].map((n) => recipientSlot(n, 1));
    const input = makeEnvelopeInput(await t.env.currentTimeMs(), { recipients: people, retention: null });
    const handle = await startEnvelope(t.env.client, input);
    await handle.executeUpdate(signEnvelopeUpdate, { args: [credentialOf(people[2]!)] });
    await handle.executeUpdate(signEnvelopeUpdate, { args: [credentialOf(people[0]!)] });
    expect((await handle.query(envelopeStatusQuery)).status).toBe('PENDING');
    await handle.executeUpdate(signEnvelopeUpdate, { args: [credentialOf(people[1]!)] });
    expect((await handle.result()).status).toBe('COMPLETED');
    expect(t.activities.mailsTo('INVITATION').sort()).toEqual([
      'pia@example.com',
      'quinn@example.com',
      'raj@example.com',
    ]);
  });
});
