import { z } from 'zod';
import {
  AUTH_METHODS,
  ENVELOPE_STATUSES,
  RECIPIENT_AUTHENTICATIONS,
  RECIPIENT_ROLES,
  RECIPIENT_STATUSES,
} from '../domain/vocabulary';
import { LOCALES } from '../i18n/locale';
import { ZIsoDateTimeSchema } from './common';

// What one recipient sees through their link (`GET /api/v1/recipient/:token` and every recipient action):
// no other recipient's address, no audit trail, no link keys. The api builds it (`toRecipientView`); its
// `RecipientEnvelopeView` type is checked against this schema at compile time.

export const ZRecipientActionNameSchema = z.enum(['sign', 'approve', 'decline', 'delegate']);

/** One routing step, without naming anyone in it. */
export const ZRoutingGroupSchema = z.strictObject({
  routingOrder: z.int(),
  state: z.enum(['DONE', 'CURRENT', 'UPCOMING']),
  acted: z.int(),
  required: z.int(),
});

export const ZRecipientEnvelopeViewSchema = z.strictObject({
  envelopeId: z.string(),
  subject: z.string(),
  message: z.string().optional(),
  sender: z.strictObject({ name: z.string() }),
  documents: z.array(z.strictObject({ index: z.int(), name: z.string() })),
  expiresAt: ZIsoDateTimeSchema,
  status: z.enum(ENVELOPE_STATUSES),
  finalising: z.boolean(),
  allowDelegation: z.boolean(),
  you: z.strictObject({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    role: z.enum(RECIPIENT_ROLES),
    status: z.enum(RECIPIENT_STATUSES),
    routingOrder: z.int(),
    onBehalfOf: z.string().optional(),
    invitedAt: ZIsoDateTimeSchema.optional(),
    viewedAt: ZIsoDateTimeSchema.optional(),
    actedAt: ZIsoDateTimeSchema.optional(),
  }),
  turn: z.strictObject({
    currentRoutingOrder: z.int().optional(),
    yours: z.boolean(),
    groups: z.array(ZRoutingGroupSchema),
  }),
  actions: z.array(ZRecipientActionNameSchema),
  /** What the sender asked this recipient to prove, and how this request proved it (decision 0014). */
  authentication: z.strictObject({
    required: z.enum(RECIPIENT_AUTHENTICATIONS),
    method: z.enum(AUTH_METHODS),
    /** The strong-authentication provider's display name (SIGNET_STRONG_OIDC_NAME), when STRONG is required. */
    providerName: z.string().optional(),
  }),
  /** The language the sender chose for this recipient (the page may still follow the browser's choice). */
  locale: z.enum(LOCALES),
});
export type TRecipientEnvelopeView = z.infer<typeof ZRecipientEnvelopeViewSchema>;
