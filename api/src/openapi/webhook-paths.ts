import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import {
  ZCreateWebhookRequestSchema,
  ZListWebhookDeliveriesQuerySchema,
  ZWebhookDeliveryListSchema,
  ZWebhookListSchema,
  ZWebhookSchema,
  ZWebhookWithSecretSchema,
} from '@signet/shared';
import { json, senderOperation } from './operation-parts';

const idParam = { path: z.object({ id: z.string().min(1).max(64) }) };
const tags = ['webhooks'];

/**
 * Webhook subscriptions (webhooks/webhook-routes.ts). Each delivery is a POST of the event JSON with
 * `Signet-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`, `Signet-Event-Id`,
 * `Signet-Event-Type`; retried with exponential backoff until a 2xx or the retry budget ends.
 */
export const WEBHOOK_PATHS: ZodOpenApiPathsObject = {
  '/api/v1/webhooks': {
    post: senderOperation({
      operationId: 'createWebhook',
      tags,
      summary:
        "Subscribe a URL to envelope events (a sender's own envelopes; an admin's: every envelope). The answer holds the signing secret; it is never shown again.",
      requestBody: { required: true, content: json(ZCreateWebhookRequestSchema) },
      ok: { '201': { description: 'The subscription and its secret.', content: json(ZWebhookWithSecretSchema) } },
      errors: ['WEBHOOK_URL_REJECTED', 'DATABASE_UNAVAILABLE'],
    }),
    get: senderOperation({
      operationId: 'listWebhooks',
      tags,
      summary: "The caller's subscriptions, newest first (admins: everyone's).",
      ok: { '200': { description: 'The subscriptions.', content: json(ZWebhookListSchema) } },
      errors: ['DATABASE_UNAVAILABLE'],
    }),
  },
  '/api/v1/webhooks/{id}': {
    get: senderOperation({
      operationId: 'getWebhook',
      tags,
      summary: 'One subscription.',
      requestParams: idParam,
      ok: { '200': { description: 'The subscription.', content: json(ZWebhookSchema) } },
      errors: ['WEBHOOK_NOT_FOUND', 'DATABASE_UNAVAILABLE'],
    }),
    delete: senderOperation({
      operationId: 'deleteWebhook',
      tags,
      summary: 'Stop a subscription: no new deliveries, and pending ones stop at their next attempt.',
      requestParams: idParam,
      ok: { '204': { description: 'Deleted.' } },
      errors: ['WEBHOOK_NOT_FOUND', 'DATABASE_UNAVAILABLE'],
    }),
  },
  '/api/v1/webhooks/{id}/rotate-secret': {
    post: senderOperation({
      operationId: 'rotateWebhookSecret',
      tags,
      summary: 'Replace the signing secret at once; the new one is in the answer only.',
      requestParams: idParam,
      ok: { '200': { description: 'The subscription and its new secret.', content: json(ZWebhookWithSecretSchema) } },
      errors: ['WEBHOOK_NOT_FOUND', 'DATABASE_UNAVAILABLE'],
    }),
  },
  '/api/v1/webhooks/{id}/deliveries': {
    get: senderOperation({
      operationId: 'listWebhookDeliveries',
      tags,
      summary: 'The delivery log, newest first, each delivery with its attempts.',
      requestParams: { ...idParam, query: ZListWebhookDeliveriesQuerySchema },
      ok: { '200': { description: 'One page.', content: json(ZWebhookDeliveryListSchema) } },
      errors: ['WEBHOOK_NOT_FOUND', 'DATABASE_UNAVAILABLE'],
    }),
  },
  '/api/v1/webhooks/{id}/test': {
    post: senderOperation({
      operationId: 'testWebhook',
      tags,
      summary: 'Send a `ping` event to this subscription (signed, retried and logged like any other).',
      requestParams: idParam,
      ok: {
        '202': {
          description: 'The delivery to look for in the log.',
          content: json(z.strictObject({ deliveryId: z.string(), eventId: z.string() })),
        },
      },
      errors: ['WEBHOOK_NOT_FOUND', 'DATABASE_UNAVAILABLE'],
    }),
  },
};
