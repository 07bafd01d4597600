import type { FastifyInstance } from 'fastify';
import type { ApiContext } from '../context';
import { attemptWebhookDelivery, giveUpWebhookDelivery } from '../webhooks/attempt-webhook-delivery';
import { webhookDeps } from '../webhooks/webhook-deps';

function deliveryIdOf(params: unknown): string {
  const id = (params as { id?: unknown }).id;
  return typeof id === 'string' ? id : '';
}

/** The delivery workflow's activity: one attempt, or the end after the last one. */
export function registerWebhookDeliveryRoutes(scope: FastifyInstance, ctx: ApiContext): void {
  scope.post('/webhook-deliveries/:id/attempts', async (request) =>
    attemptWebhookDelivery(webhookDeps(ctx), deliveryIdOf(request.params)),
  );
  scope.post('/webhook-deliveries/:id/give-up', async (request) =>
    giveUpWebhookDelivery(webhookDeps(ctx), deliveryIdOf(request.params)),
  );
}
