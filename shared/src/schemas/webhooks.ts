import { z } from 'zod';
import { SUBSCRIBABLE_EVENT_TYPES, WEBHOOK_EVENT_TYPES } from '../domain/webhook-events';
import { AUDIT_EVENT_TYPES, ENVELOPE_STATUSES } from '../domain/vocabulary';
import { ZIsoDateTimeSchema } from './common';

// Webhook subscriptions (REST bodies and answers) and the event body POSTed to subscribers.

/** PostgreSQL text cannot hold NUL: refused here as 400, not left to the database as a 500. */
const hasNoNul = (text: string): boolean => !text.includes('\u0000');

/**
 * The JSON body of every delivery: ids, status and progress only — no document content, no names or
 * e-mail addresses (docs/decisions/0016). `id` is stable across retries: receivers drop duplicates by it.
 */
export const ZWebhookEventSchema = z.strictObject({
  id: z.string(),
  type: z.enum(WEBHOOK_EVENT_TYPES),
  occurredAt: ZIsoDateTimeSchema,
  envelopeId: z.string().optional(),
  recipientId: z.string().optional(),
  status: z.enum(ENVELOPE_STATUSES).optional(),
  progress: z.strictObject({ done: z.int(), required: z.int() }).optional(),
});
export type TWebhookEvent = z.infer<typeof ZWebhookEventSchema>;

/** `POST /api/v1/webhooks`. */
export const ZCreateWebhookRequestSchema = z.strictObject({
  url: z.string().trim().max(2048).refine(hasNoNul, 'must not contain NUL'),
  events: z.array(z.enum(SUBSCRIBABLE_EVENT_TYPES)).min(1).max(SUBSCRIBABLE_EVENT_TYPES.length),
  description: z.string().trim().max(200).refine(hasNoNul, 'must not contain NUL').optional(),
});
export type TCreateWebhookRequest = z.infer<typeof ZCreateWebhookRequestSchema>;

/** A subscription as its owner sees it; the secret is never shown again after creation or rotation. */
export const ZWebhookSchema = z.strictObject({
  id: z.string(),
  url: z.string(),
  events: z.array(z.enum(SUBSCRIBABLE_EVENT_TYPES)),
  description: z.string().optional(),
  owner: z.string(),
  /** Admins' subscriptions receive every envelope's events; senders' only their own envelopes'. */
  allEnvelopes: z.boolean(),
  createdAt: ZIsoDateTimeSchema,
});
export type TWebhook = z.infer<typeof ZWebhookSchema>;

/** Answer of `POST /api/v1/webhooks` (201) and `POST …/rotate-secret`: the signing secret, shown once. */
export const ZWebhookWithSecretSchema = ZWebhookSchema.extend({ secret: z.string() });
export type TWebhookWithSecret = z.infer<typeof ZWebhookWithSecretSchema>;

export const ZWebhookListSchema = z.strictObject({ items: z.array(ZWebhookSchema) });
export type TWebhookList = z.infer<typeof ZWebhookListSchema>;

export const WEBHOOK_DELIVERY_STATES = ['PENDING', 'SUCCEEDED', 'FAILED'] as const;

/** One HTTP attempt of a delivery. */
export const ZWebhookAttemptSchema = z.strictObject({
  at: ZIsoDateTimeSchema,
  statusCode: z.int().optional(),
  durationMs: z.int(),
  error: z.string().optional(),
  /** The first 1 KB of the receiver's answer. */
  responseExcerpt: z.string().optional(),
});
export type TWebhookAttempt = z.infer<typeof ZWebhookAttemptSchema>;

export const ZWebhookDeliverySchema = z.strictObject({
  id: z.string(),
  eventId: z.string(),
  eventType: z.enum(WEBHOOK_EVENT_TYPES),
  envelopeId: z.string().optional(),
  state: z.enum(WEBHOOK_DELIVERY_STATES),
  createdAt: ZIsoDateTimeSchema,
  attempts: z.array(ZWebhookAttemptSchema),
});
export type TWebhookDelivery = z.infer<typeof ZWebhookDeliverySchema>;

/** `GET /api/v1/webhooks/:id/deliveries`: newest first. */
export const ZWebhookDeliveryListSchema = z.strictObject({
  items: z.array(ZWebhookDeliverySchema),
  nextPageToken: z.string().optional(),
});
export type TWebhookDeliveryList = z.infer<typeof ZWebhookDeliveryListSchema>;

export const ZListWebhookDeliveriesQuerySchema = z.strictObject({
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
  nextPageToken: z.string().max(512).optional(),
});
export type TListWebhookDeliveriesQuery = z.infer<typeof ZListWebhookDeliveriesQuerySchema>;

/** Workflow input of `webhookDeliveryWorkflow` (set by the API from config). */
export const ZWebhookDeliveryInputSchema = z.strictObject({
  deliveryId: z.string(),
  retryInitialMs: z.int().positive(),
  retryForMs: z.int().positive(),
  /** Most HTTP attempts (SIGNET_WEBHOOK_MAX_ATTEMPTS); the delivery also gives up after `retryForMs`. */
  maxAttempts: z.int().positive(),
});
export type TWebhookDeliveryInput = z.infer<typeof ZWebhookDeliveryInputSchema>;

/** Worker → API: one envelope's published state and the audit events since the last publish. */
export const ZEnvelopeEventsPublicationSchema = z.strictObject({
  envelope: z.strictObject({
    envelopeId: z.string(),
    revision: z.int().nonnegative(),
    subject: z.string(),
    sender: z.strictObject({ id: z.string(), email: z.string(), name: z.string() }),
    status: z.enum(ENVELOPE_STATUSES),
    createdAt: ZIsoDateTimeSchema,
    endedAt: ZIsoDateTimeSchema.optional(),
    expiresAt: ZIsoDateTimeSchema,
    expiryWarningAt: ZIsoDateTimeSchema.optional(),
    nextReminderAt: ZIsoDateTimeSchema.optional(),
    progress: z.strictObject({ done: z.int(), required: z.int() }),
    recipients: z.array(
      z.strictObject({ id: z.string(), name: z.string(), email: z.string(), role: z.string(), status: z.string() }),
    ),
    documentNames: z.array(z.string()),
    signedCopy: z.boolean(),
  }),
  /** Audit events by their index in the trail (so `<envelopeId>.<index>` is a stable event id). */
  events: z.array(
    z.strictObject({
      index: z.int().nonnegative(),
      type: z.enum(AUDIT_EVENT_TYPES),
      at: ZIsoDateTimeSchema,
      recipientId: z.string().optional(),
    }),
  ),
});
export type TEnvelopeEventsPublication = z.infer<typeof ZEnvelopeEventsPublicationSchema>;
