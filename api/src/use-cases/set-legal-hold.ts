import { WorkflowNotFoundError } from '@temporalio/client';
import { retentionWorkflowId } from '@signet/shared';
import { setLegalHoldUpdate } from '@signet/workflows';
import type { ClaimedActor } from '../auth/sender-actor';
import { resolveSenderActor } from '../auth/sender-actor';
import type { ApiContext } from '../context';
import { fromTemporalError } from '../errors/temporal-errors';
import { updateEnvelope } from '../temporal/envelope-calls';

export type SetLegalHoldInput = { envelopeId: string; hold: boolean; reason?: string; actor?: ClaimedActor };

export type LegalHoldResult = { envelopeId: string; legalHold: boolean };

/**
 * Sets or releases a legal hold. After an envelope ends its documents belong to the retention workflow,
 * so the hold goes there when that workflow exists; otherwise to the envelope workflow, which passes the
 * hold on when it starts retention.
 */
export async function setLegalHold(ctx: ApiContext, input: SetLegalHoldInput): Promise<LegalHoldResult> {
  const { envelopeId } = input;
  const actor = await resolveSenderActor(ctx, envelopeId, input.actor);
  const update = { actor, hold: input.hold, ...(input.reason ? { reason: input.reason } : {}) };
  try {
    const result = await ctx.client.workflow
      .getHandle(retentionWorkflowId(envelopeId))
      .executeUpdate(setLegalHoldUpdate, { args: [update] });
    return { envelopeId, legalHold: result.legalHold };
  } catch (error) {
    // Not found: no retention yet (or it already finished); anything else is a real failure.
    if (!(error instanceof WorkflowNotFoundError)) throw fromTemporalError(error) ?? error;
  }
  const result = await updateEnvelope(ctx, envelopeId, setLegalHoldUpdate, update);
  return { envelopeId, legalHold: result.legalHold };
}
