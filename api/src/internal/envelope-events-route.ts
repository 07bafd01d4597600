import type { FastifyInstance } from 'fastify';
import { parseOrThrow, ZEnvelopeEventsPublicationSchema } from '@signet/shared';
import type { ApiContext } from '../context';
import { recordEnvelopeEvents } from '../webhooks/record-envelope-events';
import { webhookDeps } from '../webhooks/webhook-deps';

/** `POST /internal/v1/envelope-events`: the workflow's publication (read model row, webhook deliveries). */
export function registerEnvelopeEventsRoute(scope: FastifyInstance, ctx: ApiContext): void {
  scope.post('/envelope-events', async (request) => {
    const publication = parseOrThrow(ZEnvelopeEventsPublicationSchema, request.body);
    return recordEnvelopeEvents(webhookDeps(ctx), publication, { warningMs: ctx.config.defaults.expiryWarningMs });
  });
}
