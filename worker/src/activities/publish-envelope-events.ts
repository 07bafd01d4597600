import type { PublishEnvelopeEventsInput } from '@signet/workflows';
import type { ActivityDeps } from './activity-deps';

/**
 * Hands the envelope's published state and its new audit events to the API, which owns the database: it updates
 * the read model (older revisions ignored) and records webhook deliveries (idempotent per event id), so a retry
 * of this activity is harmless. Without SIGNET_INTERNAL_TOKEN there is nowhere to publish to: the envelope must
 * not fail for that, so the activity logs and returns.
 */
export async function publishEnvelopeEvents(deps: ActivityDeps, input: PublishEnvelopeEventsInput): Promise<void> {
  if (!deps.internalApi) {
    deps.logger.warn('envelope events not published: SIGNET_INTERNAL_TOKEN is not set', {
      envelopeId: input.envelope.envelopeId,
    });
    return;
  }
  await deps.internalApi.post('/envelope-events', input);
}
