import { envelopeStatusQuery, retentionStatusQuery, setLegalHoldUpdate, signEnvelopeUpdate } from '@signet/workflows';
import type { EnvelopeOutcome, RetentionView } from '@signet/workflows';
import { retentionWorkflowId } from '@signet/shared';
import {
  closedResult,
  credentialOf,
  DAY,
  makeEnvelopeInput,
  recipientSlot,
  SENDER_ACTOR,
  startEnvelope,
} from '../support/envelope-fixtures';
import { useWorkflowSuite } from '../support/workflow-suite';

const t = useWorkflowSuite({ perTest: true });

const retention = { deleteAfterMs: 10 * DAY, warnBeforeMs: 3 * DAY };

describe('retention and history (time-skipping server)', () => {
  it('a legal hold set during signing stops deletion until released, then a full warning period runs', async () => {
    const alice = recipientSlot('alice', 1);
    const input = makeEnvelopeInput(await t.env.currentTimeMs(), { recipients: [alice], retention });
    const handle = await startEnvelope(t.env.client, input);
    expect(
      await handle.executeUpdate(setLegalHoldUpdate, {
        args: [{ actor: SENDER_ACTOR, hold: true, reason: 'litigation' }],
      }),
    ).toEqual({ legalHold: true });
    await handle.executeUpdate(signEnvelopeUpdate, { args: [credentialOf(alice)] });
    await closedResult(t.env.connection, handle.workflowId);
    const retentionHandle = t.env.client.workflow.getHandle(retentionWorkflowId(input.envelopeId));
    await t.env.sleep(40 * DAY);
    const held = await retentionHandle.query(retentionStatusQuery);
    expect(held.legalHold).toBe(true);
    expect(held.deletedAt).toBeUndefined();
    expect(t.activities.calls.filter((c) => c.startsWith('deleteDocuments'))).toEqual([]);
    const releasedAt = await t.env.currentTimeMs();
    await retentionHandle.executeUpdate(setLegalHoldUpdate, { args: [{ actor: SENDER_ACTOR, hold: false }] });
    await t.env.sleep(3 * DAY);
    const view = await closedResult<RetentionView>(t.env.connection, retentionHandle.workflowId);
    expect(view.audit.map((e) => e.type)).toEqual(['LEGAL_HOLD_RELEASED', 'RETENTION_WARNED', 'DELETED']);
    expect(Math.round((Date.parse(view.deletedAt!) - releasedAt) / DAY)).toBe(3);
    expect((await handle.query(envelopeStatusQuery)).audit.map((e) => e.type)).toContain('LEGAL_HOLD_SET');
  });

  it('continues as new at a safe point with the whole state carried over', async () => {
    const [alice, bob] = [recipientSlot('alice', 1), recipientSlot('bob', 2)];
    const input = makeEnvelopeInput(await t.env.currentTimeMs(), {
      recipients: [alice, bob],
      reminders: { firstAfterMs: DAY, everyMs: DAY, max: 40 },
      expiresAt: new Date((await t.env.currentTimeMs()) + 45 * DAY).toISOString(),
      retention: null,
      maxHistoryEvents: 60,
    });
    const handle = await startEnvelope(t.env.client, input);
    const firstRun = (await handle.describe()).runId;
    await handle.executeUpdate(signEnvelopeUpdate, { args: [credentialOf(alice)] });
    await t.env.sleep(20 * DAY);
    const latest = t.env.client.workflow.getHandle(handle.workflowId);
    expect((await latest.describe()).runId).not.toBe(firstRun);
    const view = await latest.query(envelopeStatusQuery);
    expect(view.recipients.map((r) => r.status)).toEqual(['SIGNED', 'PENDING']);
    expect(view.recipients[1]!.remindersSent).toBeGreaterThanOrEqual(19);
    expect(view.audit.filter((e) => e.type === 'REMINDED').length).toBe(view.recipients[1]!.remindersSent);
    await latest.executeUpdate(signEnvelopeUpdate, { args: [credentialOf(bob)] });
    expect((await closedResult<EnvelopeOutcome>(t.env.connection, handle.workflowId)).status).toBe('COMPLETED');
  });
  it('deletes the original and the signed copy after the retention period, warning the sender first', async () => {
    const alice = recipientSlot('alice', 1);
    const handle = await startEnvelope(
      t.env.client,
      makeEnvelopeInput(await t.env.currentTimeMs(), { recipients: [alice], retention }),
    );
    await handle.executeUpdate(signEnvelopeUpdate, { args: [credentialOf(alice)] });
    await closedResult(t.env.connection, handle.workflowId); // the signing workflow closes at once; it does not wait for retention
    const endedAt = Date.parse((await handle.query(envelopeStatusQuery)).endedAt!);
    const retentionHandle = t.env.client.workflow.getHandle(
      retentionWorkflowId((await handle.query(envelopeStatusQuery)).envelopeId),
    );
    const view = (await retentionHandle.result()) as RetentionView;
    expect(view.deletedAt).toBeDefined();
    expect(Math.round((Date.parse(view.deletedAt!) - endedAt) / DAY)).toBe(10);
    expect(view.audit.map((e) => e.type)).toEqual(['RETENTION_WARNED', 'DELETED']);
    expect(Math.round((Date.parse(view.audit[0]!.at) - endedAt) / DAY)).toBe(7);
    expect(t.activities.mailsTo('RETENTION_WARNING')).toEqual(['sender@example.com']);
    expect(t.activities.calls).toContain('deleteDocuments:1');
  });
});
