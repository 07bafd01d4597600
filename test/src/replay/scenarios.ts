import type { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  addRecipientUpdate,
  approveEnvelopeUpdate,
  cancelEnvelopeUpdate,
  declineEnvelopeUpdate,
  delegateEnvelopeUpdate,
  extendDeadlineUpdate,
  recipientViewedSignal,
  remindNowUpdate,
  removeRecipientUpdate,
  replaceRecipientUpdate,
  setLegalHoldUpdate,
  signEnvelopeUpdate,
} from '@signet/workflows';
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

/** A recorded scenario: the workflow ids whose histories are kept for replay. */
export type Scenario = { name: string; run(env: TestWorkflowEnvironment): Promise<string[]> };

const person = (name: string) => ({
  id: `r-${name}`,
  key: `key-${name}-0123456789abcdef`,
  email: `${name}@example.com`,
  name,
});
const retention = { deleteAfterMs: 10 * DAY, warnBeforeMs: 3 * DAY };

// Time moves with env.sleep only before any workflow of the scenario has closed, and with result() after:
// the Java test server's time can stay locked after a close (see support/envelope-fixtures.ts closedResult).
// Each scenario drives one lifecycle path through every message type it touches. Together they cover every
// update, signal, timer and activity the v1 workflows issue, so a change to any command sequence fails replay.
export const SCENARIOS: Scenario[] = [
  {
    name: 'mixed-routing-completed-with-retention',
    run: async (env) => {
      const [a, b, c, cc] = [
        recipientSlot('ann', 1),
        recipientSlot('ben', 2),
        recipientSlot('cid', 2, 'APPROVER'),
        recipientSlot('cat', 3, 'CC'),
      ];
      const input = makeEnvelopeInput(await env.currentTimeMs(), { recipients: [a, b, c, cc], retention });
      const handle = await startEnvelope(env.client, input);
      await handle.signal(recipientViewedSignal, credentialOf(a));
      await handle.executeUpdate(signEnvelopeUpdate, { args: [{ ...credentialOf(a), signatureText: 'Ann' }] });
      await handle.executeUpdate(approveEnvelopeUpdate, { args: [credentialOf(c)] });
      await handle.executeUpdate(signEnvelopeUpdate, { args: [credentialOf(b)] });
      await closedResult(env.connection, handle.workflowId);
      const retentionId = retentionWorkflowId(input.envelopeId);
      await env.client.workflow.getHandle(retentionId).result(); // skips time to the deletion
      return [handle.workflowId, retentionId];
    },
  },
  {
    name: 'reminders-warning-extend-expired',
    run: async (env) => {
      const start = await env.currentTimeMs();
      const alice = recipientSlot('alice', 1);
      const handle = await startEnvelope(
        env.client,
        makeEnvelopeInput(start, { recipients: [alice, recipientSlot('bob', 2)], retention: null }),
      );
      await env.sleep(8 * DAY);
      await handle.executeUpdate(remindNowUpdate, { args: [{ actor: SENDER_ACTOR }] });
      await handle.executeUpdate(extendDeadlineUpdate, {
        args: [{ actor: SENDER_ACTOR, expiresAt: new Date(start + 35 * DAY).toISOString() }],
      });
      await handle.result(); // skips time to the extended deadline
      return [handle.workflowId];
    },
  },
  {
    name: 'delegate-replace-add-remove-declined',
    run: async (env) => {
      const [alice, bob] = [recipientSlot('alice', 1), recipientSlot('bob', 2)];
      const handle = await startEnvelope(
        env.client,
        makeEnvelopeInput(await env.currentTimeMs(), { recipients: [alice, bob], retention: null }),
      );
      const dora = person('dora');
      await handle.executeUpdate(delegateEnvelopeUpdate, { args: [{ ...credentialOf(alice), to: dora }] });
      await handle.executeUpdate(signEnvelopeUpdate, {
        args: [{ recipientId: dora.id, recipientKey: dora.key, authMethod: 'LINK' }],
      });
      const erin = person('erin');
      await handle.executeUpdate(replaceRecipientUpdate, {
        args: [{ actor: SENDER_ACTOR, recipientId: bob.id, replacement: erin }],
      });
      await handle.executeUpdate(addRecipientUpdate, {
        args: [{ actor: SENDER_ACTOR, recipient: { ...person('fred'), role: 'SIGNER', routingOrder: 3 } }],
      });
      await handle.executeUpdate(removeRecipientUpdate, { args: [{ actor: SENDER_ACTOR, recipientId: 'r-fred' }] });
      await handle.executeUpdate(declineEnvelopeUpdate, {
        args: [{ recipientId: erin.id, recipientKey: erin.key, authMethod: 'LINK', reason: 'Wrong amount' }],
      });
      await closedResult(env.connection, handle.workflowId);
      return [handle.workflowId];
    },
  },
  {
    name: 'legal-hold-cancelled-retention',
    run: async (env) => {
      const input = makeEnvelopeInput(await env.currentTimeMs(), {
        recipients: [recipientSlot('alice', 1)],
        retention,
      });
      const handle = await startEnvelope(env.client, input);
      await handle.executeUpdate(setLegalHoldUpdate, {
        args: [{ actor: SENDER_ACTOR, hold: true, reason: 'dispute' }],
      });
      await handle.executeUpdate(cancelEnvelopeUpdate, { args: [{ actor: SENDER_ACTOR, reason: 'Deal off' }] });
      await closedResult(env.connection, handle.workflowId);
      const retentionId = retentionWorkflowId(input.envelopeId);
      await env.sleep(20 * DAY);
      const retentionHandle = env.client.workflow.getHandle(retentionId);
      await retentionHandle.executeUpdate(setLegalHoldUpdate, { args: [{ actor: SENDER_ACTOR, hold: false }] });
      await retentionHandle.result();
      return [handle.workflowId, retentionId];
    },
  },
  {
    name: 'continue-as-new-completed',
    run: async (env) => {
      const now = await env.currentTimeMs();
      const [alice, bob] = [recipientSlot('alice', 1), recipientSlot('bob', 2)];
      const handle = await startEnvelope(
        env.client,
        makeEnvelopeInput(now, {
          recipients: [alice, bob],
          reminders: { firstAfterMs: DAY, everyMs: DAY, max: 40 },
          expiresAt: new Date(now + 45 * DAY).toISOString(),
          retention: null,
          maxHistoryEvents: 60,
        }),
      );
      const firstRun = (await handle.describe()).runId;
      await handle.executeUpdate(signEnvelopeUpdate, { args: [credentialOf(alice)] });
      await env.sleep(6 * DAY);
      await env.client.workflow
        .getHandle(handle.workflowId)
        .executeUpdate(signEnvelopeUpdate, { args: [credentialOf(bob)] });
      await closedResult(env.connection, handle.workflowId);
      return [`${handle.workflowId}@${firstRun}`, handle.workflowId];
    },
  },
];
