import type { TEnvelopeView, TEnvelopeWorkflowInput, TRecipientSlot } from '@signet/shared';
import { AppErrorCode } from '@signet/shared';
import type { Client, WorkflowHandle } from '@temporalio/client';
import { envelopeStatusQuery, signEnvelopeUpdate } from '@signet/workflows';
import type { envelopeWorkflow } from '@signet/workflows/workflows';
import { credentialOf, startEnvelope } from '../support/envelope-fixtures';

type EnvelopeHandle = WorkflowHandle<typeof envelopeWorkflow>;

/** What the envelopes of one run observed; shared by every envelope of the run. */
export type EnvelopeProbe = {
  /** Client-side time of each accepted sign Update, start to result. */
  signUpdateLatenciesMs: number[];
  /** Status queries sent while waiting for a turn (expected: 0). */
  turnPolls: number;
  /** Sign Updates rejected with NOT_YOUR_TURN (expected: at most one per envelope, see signInTurn). */
  notYourTurn: number;
};

const TURN_POLL_MS = 20;
const TURN_WAIT_LIMIT_MS = 60_000;

// A rejected Update fails with WorkflowUpdateFailedError whose cause is the ApplicationFailure (type = code).
const failureTypeOf = (error: unknown): string | undefined => (error as { cause?: { type?: string } }).cause?.type;

const isTurnOf = (view: TEnvelopeView, recipientId: string): boolean =>
  view.recipients.some((r) => r.id === recipientId && r.status === 'PENDING');

async function pollForTurn(handle: EnvelopeHandle, recipientId: string, probe: EnvelopeProbe): Promise<void> {
  const deadline = Date.now() + TURN_WAIT_LIMIT_MS;
  for (;;) {
    probe.turnPolls += 1;
    if (isTurnOf(await handle.query(envelopeStatusQuery), recipientId)) return;
    if (Date.now() > deadline) throw new Error(`${handle.workflowId}: ${recipientId}'s turn never came`);
    await new Promise((resolve) => setTimeout(resolve, TURN_POLL_MS));
  }
}

/**
 * Signs as `slot` as soon as it is their turn, loading the engine with the lifecycle only. Later signers: the
 * sign handler starts the next turn itself (advanceRouting runs inside the accepted Update), so the view
 * the Update returns already says whose turn it is, and the next signer signs with no extra call. Polling
 * the status query instead would add a query task per poll, which a real signer, who waits for the
 * invitation mail, never causes. First signer: the Update is sent right after the start. When it reaches
 * the worker with the workflow's first task, the SDK runs its validator before the workflow function has
 * invited anyone (updates are dispatched when their handler is registered), so it is rejected NOT_YOUR_TURN
 * inside that same task: no extra workflow task, and the rejection proves the first task, which invites the
 * first signer, is done, so one immediate retry is accepted. That is cheaper than a status query, which needs
 * its own round trip to the worker. Only a second rejection polls the query (expected never; counted).
 */
async function signInTurn(
  handle: EnvelopeHandle,
  slot: TRecipientSlot,
  lastView: TEnvelopeView | undefined,
  probe: EnvelopeProbe,
): Promise<TEnvelopeView> {
  if (lastView && !isTurnOf(lastView, slot.id)) await pollForTurn(handle, slot.id, probe);
  for (let rejections = 0; ; rejections++) {
    const started = performance.now();
    try {
      const view = await handle.executeUpdate(signEnvelopeUpdate, {
        args: [{ ...credentialOf(slot), signatureText: slot.name }],
      });
      probe.signUpdateLatenciesMs.push(performance.now() - started);
      return view;
    } catch (error) {
      if (failureTypeOf(error) !== AppErrorCode.NOT_YOUR_TURN) throw error;
      probe.notYourTurn += 1;
      if (rejections > 0) await pollForTurn(handle, slot.id, probe);
    }
  }
}

/** One envelope's whole life: start, every signer in routing order, then the workflow's completion. */
export async function completeEnvelope(
  client: Client,
  input: TEnvelopeWorkflowInput,
  taskQueue: string,
  probe: EnvelopeProbe,
): Promise<void> {
  const handle = await startEnvelope(client, input, taskQueue);
  let view: TEnvelopeView | undefined;
  for (const slot of [...input.recipients].sort((a, b) => a.routingOrder - b.routingOrder)) {
    view = await signInTurn(handle, slot, view, probe);
  }
  const outcome = await handle.result();
  if (outcome.status !== 'COMPLETED') throw new Error(`${handle.workflowId} ended ${outcome.status}, not COMPLETED`);
}
