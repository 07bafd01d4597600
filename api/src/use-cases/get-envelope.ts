import { WorkflowNotFoundError } from '@temporalio/client';
import type { TEnvelopeView } from '@signet/shared';
import { isTerminalStatus, retentionWorkflowId } from '@signet/shared';
import type { RetentionView } from '@signet/workflows';
import { retentionStatusQuery } from '@signet/workflows';
import type { ApiContext } from '../context';
import { fromTemporalError } from '../errors/temporal-errors';
import { queryEnvelope } from '../temporal/envelope-calls';

async function queryRetention(ctx: ApiContext, envelopeId: string): Promise<RetentionView | undefined> {
  try {
    return await ctx.client.workflow.getHandle(retentionWorkflowId(envelopeId)).query(retentionStatusQuery);
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return undefined;
    throw fromTemporalError(error) ?? error;
  }
}

/**
 * The envelope as its workflow reports it (open or closed). Once it has ended, the retention workflow's
 * view is merged in: its audit events follow the envelope's, `retention` gives deleteAt/deletedAt, and
 * the legal hold it now owns replaces the envelope's.
 */
export async function getEnvelope(ctx: ApiContext, envelopeId: string): Promise<TEnvelopeView> {
  const view = await queryEnvelope(ctx, envelopeId);
  // Retention starts only when the envelope ends: skip the second call for open envelopes.
  if (!isTerminalStatus(view.status)) return view;
  const retention = await queryRetention(ctx, envelopeId);
  if (!retention) return view;
  return {
    ...view,
    legalHold: retention.legalHold,
    audit: [...view.audit, ...retention.audit],
    retention: { deleteAt: retention.deleteAt, ...(retention.deletedAt ? { deletedAt: retention.deletedAt } : {}) },
  };
}
