import {
  allHandlersFinished,
  condition,
  continueAsNew,
  ParentClosePolicy,
  startChild,
  workflowInfo,
} from '@temporalio/workflow';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import type { EnvelopeStatus, TEnvelopeWorkflowInput } from '@signet/shared';
import { EnvelopeStatus as Status, retentionWorkflowId } from '@signet/shared';
import { runNotify, syncStatus } from './envelope-effects';
import { registerEnvelopeHandlers, viewOf } from './envelope-handlers';
import { finaliseEnvelope } from './finalise-envelope';
import type { Effect } from './machine/effects';
import type { EnvelopeState } from './machine/envelope-state';
import { createEnvelopeState, recordSent } from './machine/envelope-state';
import { startRouting } from './machine/routing';
import { applyDueTimers, nextWakeAt } from './machine/timers';
import { retentionWorkflow } from './retention-workflow';

export type EnvelopeOutcome = { envelopeId: string; status: EnvelopeStatus; endedAt?: string };

const DEFAULT_MAX_HISTORY_EVENTS = 10_000;

/**
 * One envelope's whole life: routing, reminders, deadline, actions, completion, then hands retention to
 * a separate delayed workflow. `resume` carries the state across continueAsNew.
 */
export async function envelopeWorkflow(
  input: TEnvelopeWorkflowInput,
  resume?: EnvelopeState,
): Promise<EnvelopeOutcome> {
  const state = resume ?? createEnvelopeState(input);
  const queue: Effect[] = [];
  let changes = 0;
  // Route first, then register: an Update delivered with the very first task (a fast signer) must find the
  // first group already invited, not be refused NOT_YOUR_TURN. Registration issues no command, so the order
  // does not affect replay.
  if (!resume) {
    recordSent(state, Date.now());
    queue.push(...startRouting(state, Date.now()));
    changes += 1;
  }
  registerEnvelopeHandlers(state, (effects) => {
    queue.push(...effects);
    changes += 1;
  });

  let synced = -1;
  for (;;) {
    while (queue.length > 0) {
      const effect = queue.shift()!;
      if (effect.type === 'notify') await runNotify(state, effect);
      else {
        await finaliseEnvelope(state);
        changes += 1;
      }
    }
    if (synced !== changes) {
      synced = changes;
      state.revision += 1;
      await syncStatus(state, viewOf(state), state.revision);
      continue; // messages may have arrived while the activity ran
    }
    if (state.status !== Status.PENDING) break;
    if (shouldContinueAsNew(state)) {
      await condition(allHandlersFinished);
      return continueAsNew<typeof envelopeWorkflow>(input, state);
    }
    const wakeAt = nextWakeAt(state);
    const seen = changes;
    const woken = await condition(
      () => changes !== seen,
      wakeAt === undefined ? undefined : Math.max(0, wakeAt - Date.now()),
    );
    if (!woken) {
      queue.push(...applyDueTimers(state, Date.now()));
      changes += 1;
    }
  }

  await startRetention(state);
  await condition(allHandlersFinished);
  return {
    envelopeId: state.config.envelopeId,
    status: state.status,
    ...(state.endedAt ? { endedAt: state.endedAt } : {}),
  };
}

function shouldContinueAsNew(state: EnvelopeState): boolean {
  const info = workflowInfo();
  return (
    info.continueAsNewSuggested || info.historyLength > (state.config.maxHistoryEvents ?? DEFAULT_MAX_HISTORY_EVENTS)
  );
}

/** Starts the delayed retention workflow, which outlives this one (ABANDON). Idempotent across resets. */
async function startRetention(state: EnvelopeState): Promise<void> {
  const policy = state.config.retention;
  if (!policy || !state.endedAt) return;
  try {
    await startChild(retentionWorkflow, {
      workflowId: retentionWorkflowId(state.config.envelopeId),
      parentClosePolicy: ParentClosePolicy.ABANDON,
      args: [
        {
          envelopeId: state.config.envelopeId,
          subject: state.config.subject,
          sender: state.config.sender,
          documents: state.documents,
          endedAt: state.endedAt,
          policy,
          legalHold: state.legalHold,
        },
      ],
    });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
}
