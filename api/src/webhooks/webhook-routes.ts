import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parseOrThrow, ZCreateWebhookRequestSchema, ZListWebhookDeliveriesQuerySchema } from '@signet/shared';
import { callerOf } from '../auth/caller';
import type { ApiContext } from '../context';
import { createWebhook } from './create-webhook';
import { deleteWebhook } from './delete-webhook';
import { listWebhookDeliveries } from './list-webhook-deliveries';
import { getWebhook, listWebhooks } from './list-webhooks';
import { rotateWebhookSecret } from './rotate-webhook-secret';
import { testWebhook } from './test-webhook';
import { webhookDeps } from './webhook-deps';

function idOf(request: FastifyRequest): string {
  const id = (request.params as { id?: unknown }).id;
  return typeof id === 'string' ? id : '';
}

/**
 * Sender routes for webhook subscriptions (mounted under `/api/v1`; policies in route-policy.ts). Each caller
 * manages its own subscriptions (admins: all). Answers carrying a secret are `no-store`.
 */
export function registerWebhookRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.post('/webhooks', async (request, reply) => {
    const body = parseOrThrow(ZCreateWebhookRequestSchema, request.body);
    const created = await createWebhook(webhookDeps(ctx), callerOf(request), body);
    return reply.status(201).header('cache-control', 'no-store').send(created);
  });
  app.get('/webhooks', async (request) => listWebhooks(webhookDeps(ctx), callerOf(request)));
  app.get('/webhooks/:id', async (request) => getWebhook(webhookDeps(ctx), callerOf(request), idOf(request)));
  app.delete('/webhooks/:id', async (request, reply) => {
    await deleteWebhook(webhookDeps(ctx), callerOf(request), idOf(request));
    return reply.status(204).send();
  });
  app.post('/webhooks/:id/rotate-secret', async (request, reply) => {
    const rotated = await rotateWebhookSecret(webhookDeps(ctx), callerOf(request), idOf(request));
    return reply.header('cache-control', 'no-store').send(rotated);
  });
  app.get('/webhooks/:id/deliveries', async (request) => {
    const query = parseOrThrow(ZListWebhookDeliveriesQuerySchema, request.query);
    return listWebhookDeliveries(webhookDeps(ctx), callerOf(request), idOf(request), query);
  });
  app.post('/webhooks/:id/test', async (request, reply) =>
    reply.status(202).send(await testWebhook(webhookDeps(ctx), callerOf(request), idOf(request))),
  );
}
