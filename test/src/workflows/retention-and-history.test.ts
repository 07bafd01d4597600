import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { envelopeStatusQuery, retentionStatusQuery, setLegalHoldUpdate, signEnvelopeUpdate } from '@signet/workflows';
import type { EnvelopeOutcome, RetentionView } from '@signet/workflows';
import { retentionWorkflowId } from '@signet/shared';
import { recordingActivities } from '../support/fake-activities';
import type { RecordedActivities } from '../support/fake-activities';
import {
  closedResult,
  credentialOf,
  DAY,
  makeEnvelopeInput,
  recipientSlot,
  SENDER_ACTOR,
  startEnvelope,
} from '../support/envelope-fixtures';
import { registerSearchAttributes } from '../support/search-attributes';
import { createTestWorker, startTimeSkipping } from '../support/workflow-env';

let env: TestWorkflowEnvironment;
let activities: RecordedActivities;
let worker: Worker;
let running: Promise<void>;

// One server per test here: after a workflow closes through an update, the Java test server's time can stay
// locked for the rest of its life (seen with temporal-test-server 1.38.0), and these tests need env.sleep.
beforeEach(async () => {
  env = await startTimeSkipping();
  await registerSearchAttributes(env.connection);
  activities = recordingActivities();
  worker = await createTestWorker(env, activities);
  running = worker.run();
});

afterEach(async () => {
  worker?.shutdown();
  await running;
  await env?.teardown();
});

const retention = { deleteAfterMs: 10 * DAY, warnBeforeMs: 3 * DAY };

describe('retention and history (time-skipping server)', () => {
  it('a legal hold set during signing stops deletion until released, then a full warning period runs', async () => {
    const alice = recipientSlot('alice', 1);
    const input = makeEnvelopeInput(await env.currentTimeMs(), { recipients: [alice], retention });
    const handle = await startEnvelope(env.client, input);
    expect(
      await handle.executeUpdate(setLegalHoldUpdate, {
        args: [{ actor: SENDER_ACTOR, hold: true, reason: 'litigation' }],
      }),
    ).toEqual({ legalHold: true });
    await handle.executeUpdate(signEnvelopeUpdate, { args: [credentialOf(alice)] });
    await closedResult(env.connection, handle.workflowId);
    const retentionHandle = env.client.workflow.getHandle(retentionWorkflowId(input.envelopeId));
    await env.sleep(40 * DAY);
    const held = await retentionHandle.query(retentionStatusQuery);
    expect(held.legalHold).toBe(true);
    expect(held.deletedAt).toBeUndefined();
    expect(activities.calls.filter((c) => c.startsWith('deleteDocuments'))).toEqual([]);
    const releasedAt = await env.currentTimeMs();
    await retentionHandle.executeUpdate(setLegalHoldUpdate, { args: [{ actor: SENDER_ACTOR, hold: false }] });
    await env.sleep(3 * DAY);
    const view = await closedResult<RetentionView>(env.connection, retentionHandle.workflowId);
    expect(view.audit.map((e) => e.type)).toEqual(['LEGAL_HOLD_RELEASED', 'RETENTION_WARNED', 'DELETED']);
    expect(Math.round((Date.parse(view.deletedAt!) - releasedAt) / DAY)).toBe(3);
    expect((await handle.query(envelopeStatusQuery)).audit.map((e) => e.type)).toContain('LEGAL_HOLD_SET');
  });

  it('continues as new at a safe point with the whole state carried over', async () => {
    const [alice, bob] = [recipientSlot('alice', 1), recipientSlot('bob', 2)];
    const input = makeEnvelopeInput(await env.currentTimeMs(), {
      recipients: [alice, bob],
      reminders: { firstAfterMs: DAY, everyMs: DAY, max: 40 },
      expiresAt: new Date((await env.currentTimeMs()) + 45 * DAY).toISOString(),
      retention: null,
      maxHistoryEvents: 60,
    });
    const handle = await startEnvelope(env.client, input);
    const firstRun = (await handle.describe()).runId;
    await handle.executeUpdate(signEnvelopeUpdate, { args: [credentialOf(alice)] });
    await env.sleep(20 * DAY);
    const latest = env.client.workflow.getHandle(handle.workflowId);
    expect((await latest.describe()).runId).not.toBe(firstRun);
    const view = await latest.query(envelopeStatusQuery);
    expect(view.recipients.map((r) => r.status)).toEqual(['SIGNED', 'PENDING']);
    expect(view.recipients[1]!.remindersSent).toBeGreaterThanOrEqual(19);
    expect(view.audit.filter((e) => e.type === 'REMINDED').length).toBe(view.recipients[1]!.remindersSent);
    await latest.executeUpdate(signEnvelopeUpdate, { args: [credentialOf(bob)] });
    expect((await closedResult<EnvelopeOutcome>(env.connection, handle.workflowId)).status).toBe('COMPLETED');
  });
  it('deletes the original and the signed copy after the retention period, warning the sender first', async () => {
    const alice = recipientSlot('alice', 1);
    const handle = await startEnvelope(
      env.client,
      makeEnvelopeInput(await env.currentTimeMs(), { recipients: [alice], retention }),
    );
    await handle.executeUpdate(signEnvelopeUpdate, { args: [credentialOf(alice)] });
    await closedResult(env.connection, handle.workflowId); // the signing workflow closes at once; it does not wait for retention
    const endedAt = Date.parse((await handle.query(envelopeStatusQuery)).endedAt!);
    const retentionHandle = env.client.workflow.getHandle(
      retentionWorkflowId((await handle.query(envelopeStatusQuery)).envelopeId),
    );
    const view = (await retentionHandle.result()) as RetentionView;
    expect(view.deletedAt).toBeDefined();
    expect(Math.round((Date.parse(view.deletedAt!) - endedAt) / DAY)).toBe(10);
    expect(view.audit.map((e) => e.type)).toEqual(['RETENTION_WARNED', 'DELETED']);
    expect(Math.round((Date.parse(view.audit[0]!.at) - endedAt) / DAY)).toBe(7);
    expect(activities.mailsTo('RETENTION_WARNING')).toEqual(['sender@example.com']);
    expect(activities.calls).toContain('deleteDocuments:1');
  });
});
