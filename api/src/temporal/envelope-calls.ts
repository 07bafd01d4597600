import type { UpdateDefinition } from '@temporalio/common';
import type { TEnvelopeView } from '@signet/shared';
import { envelopeWorkflowId } from '@signet/shared';
import { envelopeStatusQuery } from '@signet/workflows';
import type { ApiContext } from '../context';
import { fromTemporalError, toUpdateError } from '../errors/temporal-errors';

// Thin wrappers over the Temporal client that every use case shares: each call maps Temporal's errors
// to catalogue codes at the call site, so use cases only ever see AppError.

/** The envelope's status query; answers for closed workflows too. ENVELOPE_NOT_FOUND when there is none. */
export async function queryEnvelope(ctx: ApiContext, envelopeId: string): Promise<TEnvelopeView> {
  try {
    return await ctx.client.workflow.getHandle(envelopeWorkflowId(envelopeId)).query(envelopeStatusQuery);
  } catch (error) {
    throw fromTemporalError(error) ?? error;
  }
}

/**
 * Runs an update on the envelope's workflow and returns its result (for envelope actions, the envelope as
 * it is afterwards). A rejection by the workflow's validator arrives as its AppErrorCode; an update to a
 * closed workflow as the envelope's ended code (ENVELOPE_COMPLETED, …).
 */
export async function updateEnvelope<Ret, Arg>(
  ctx: ApiContext,
  envelopeId: string,
  update: UpdateDefinition<Ret, [Arg]>,
  input: Arg,
): Promise<Ret> {
  try {
    return await ctx.client.workflow.getHandle(envelopeWorkflowId(envelopeId)).executeUpdate(update, { args: [input] });
  } catch (error) {
    throw await toUpdateError(error, async () => (await queryEnvelope(ctx, envelopeId)).status);
  }
}
