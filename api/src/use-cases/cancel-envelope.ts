import type { TEnvelopeView } from '@signet/shared';
import { AppError, AppErrorCode } from '@signet/shared';
import { cancelEnvelopeUpdate } from '@signet/workflows';
import type { ClaimedActor } from '../auth/sender-actor';
import { resolveSenderActor } from '../auth/sender-actor';
import type { ApiContext } from '../context';
import { updateEnvelope } from '../temporal/envelope-calls';

export type CancelEnvelopeInput = { envelopeId: string; reason?: string; actor?: ClaimedActor };

/** Cancels a pending envelope; recipients already involved are told why. REASON_REQUIRED without a reason. */
export async function cancelEnvelope(ctx: ApiContext, input: CancelEnvelopeInput): Promise<TEnvelopeView> {
  const reason = input.reason?.trim();
  // Checked here too (the workflow checks again) so a missing reason fails before any Temporal call.
  if (!reason) throw new AppError(AppErrorCode.REASON_REQUIRED);
  const actor = await resolveSenderActor(ctx, input.envelopeId, input.actor);
  return updateEnvelope(ctx, input.envelopeId, cancelEnvelopeUpdate, { actor, reason });
}
