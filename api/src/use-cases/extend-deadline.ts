import type { TEnvelopeView } from '@signet/shared';
import { AppError, AppErrorCode, parseDuration } from '@signet/shared';
import { extendDeadlineUpdate } from '@signet/workflows';
import type { ClaimedActor } from '../auth/sender-actor';
import { resolveSenderActor } from '../auth/sender-actor';
import type { ApiContext } from '../context';
import { queryEnvelope, updateEnvelope } from '../temporal/envelope-calls';

/** Either a new deadline, or a duration added to the current one (`7d`). */
export type ExtendDeadlineInput = { envelopeId: string; actor?: ClaimedActor } & (
  { expiresAt: string; extendBy?: undefined } | { extendBy: string; expiresAt?: undefined }
);

/**
 * Moves an envelope's deadline later. DEADLINE_IN_PAST for a deadline not in the future, INVALID_DURATION
 * for a bad `extendBy`; the workflow answers DEADLINE_NOT_LATER when it would not move the deadline later.
 */
export async function extendDeadline(ctx: ApiContext, input: ExtendDeadlineInput): Promise<TEnvelopeView> {
  const byMs = input.extendBy !== undefined ? parseDuration(input.extendBy) : undefined;
  // A relative extension needs the current deadline; the same view names the sender when no actor is given.
  const view = byMs !== undefined || !input.actor ? await queryEnvelope(ctx, input.envelopeId) : undefined;
  const expiresMs = byMs !== undefined && view ? Date.parse(view.expiresAt) + byMs : Date.parse(input.expiresAt ?? '');
  if (Number.isNaN(expiresMs))
    throw new AppError(AppErrorCode.VALIDATION_FAILED, { message: 'give expiresAt or extendBy' });
  if (expiresMs <= ctx.now()) {
    throw new AppError(AppErrorCode.DEADLINE_IN_PAST, {
      message: `the deadline ${new Date(expiresMs).toISOString()} is not in the future`,
    });
  }
  const actor = await resolveSenderActor(ctx, input.envelopeId, input.actor, view);
  return updateEnvelope(ctx, input.envelopeId, extendDeadlineUpdate, {
    actor,
    expiresAt: new Date(expiresMs).toISOString(),
  });
}
