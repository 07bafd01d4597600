import { z } from 'zod';
import {
  ActorKind,
  AUDIT_EVENT_TYPES,
  AUTH_METHODS,
  ENVELOPE_STATUSES,
  RECIPIENT_AUTHENTICATIONS,
  RECIPIENT_ROLES,
  RECIPIENT_STATUSES,
  SIGNATURE_KINDS,
} from '../domain/vocabulary';
import { LOCALES } from '../i18n/locale';
import { ZIsoDateTimeSchema } from './common';

/** Where a document lives. `local` is the embedded folder library; SharePoint arrives in its own issue. */
export const ZDocumentRefSchema = z.strictObject({
  library: z.literal('local'),
  path: z.string().min(1),
});
export type TDocumentRef = z.infer<typeof ZDocumentRefSchema>;

export const ZEnvelopeDocumentSchema = z.strictObject({
  documentId: z.string(),
  name: z.string(),
  ref: ZDocumentRefSchema,
  originalSha256: z.string().optional(),
  sealedSha256: z.string().optional(),
  signedCopyRef: ZDocumentRefSchema.optional(),
  /** The separate sealed evidence, made only when the original was already signed (its pages stay untouched). */
  evidenceRef: ZDocumentRefSchema.optional(),
});
export type TEnvelopeDocument = z.infer<typeof ZEnvelopeDocumentSchema>;

export const ZPersonSchema = z.strictObject({ email: z.string(), name: z.string() });
export type TPerson = z.infer<typeof ZPersonSchema>;

export const ZActorSchema = z.strictObject({
  kind: z.enum(Object.values(ActorKind)),
  email: z.string().optional(),
  name: z.string().optional(),
  recipientId: z.string().optional(),
});
export type TActor = z.infer<typeof ZActorSchema>;

export const ZAuditEventSchema = z.strictObject({
  at: ZIsoDateTimeSchema,
  type: z.enum(AUDIT_EVENT_TYPES),
  actor: ZActorSchema,
  authMethod: z.enum(AUTH_METHODS),
  recipientId: z.string().optional(),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
});
export type TAuditEvent = z.infer<typeof ZAuditEventSchema>;

/** A recipient as every UI sees it. The link key never leaves the workflow. */
export const ZRecipientViewSchema = z.strictObject({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(RECIPIENT_ROLES),
  routingOrder: z.int(),
  status: z.enum(RECIPIENT_STATUSES),
  onBehalfOf: z.string().optional(),
  invitedAt: ZIsoDateTimeSchema.optional(),
  viewedAt: ZIsoDateTimeSchema.optional(),
  actedAt: ZIsoDateTimeSchema.optional(),
  authMethod: z.enum(AUTH_METHODS).optional(),
  /** What the sender required of this recipient (absent: the link alone). */
  authentication: z.enum(RECIPIENT_AUTHENTICATIONS).optional(),
  recordNationalId: z.boolean().optional(),
  locale: z.enum(LOCALES).optional(),
  /** How a signer gave their signature (the image itself is never in the view). */
  signatureKind: z.enum(SIGNATURE_KINDS).optional(),
  remindersSent: z.int(),
  lastRemindedAt: ZIsoDateTimeSchema.optional(),
  nextReminderAt: ZIsoDateTimeSchema.optional(),
  declineReason: z.string().optional(),
  delegatedToId: z.string().optional(),
  delegatedFromId: z.string().optional(),
  copyDeliveredAt: ZIsoDateTimeSchema.optional(),
});
export type TRecipientView = z.infer<typeof ZRecipientViewSchema>;

/** The status query's answer: everything a UI needs. */
export const ZEnvelopeViewSchema = z.strictObject({
  envelopeId: z.string(),
  status: z.enum(ENVELOPE_STATUSES),
  /** True between the last action and the end of sealing and delivery. */
  finalising: z.boolean(),
  subject: z.string(),
  message: z.string().optional(),
  sender: ZPersonSchema.extend({ id: z.string(), timeZone: z.string().optional() }),
  sourceLibrary: z.string(),
  createdAt: ZIsoDateTimeSchema,
  expiresAt: ZIsoDateTimeSchema,
  expiryWarningAt: ZIsoDateTimeSchema.optional(),
  nextReminderAt: ZIsoDateTimeSchema.optional(),
  endedAt: ZIsoDateTimeSchema.optional(),
  endReason: z.string().optional(),
  currentRoutingOrder: z.int().optional(),
  allowDelegation: z.boolean(),
  legalHold: z.boolean(),
  progress: z.strictObject({ done: z.int(), required: z.int() }),
  documents: z.array(ZEnvelopeDocumentSchema),
  recipients: z.array(ZRecipientViewSchema),
  audit: z.array(ZAuditEventSchema),
  retention: z
    .strictObject({ deleteAt: ZIsoDateTimeSchema.optional(), deletedAt: ZIsoDateTimeSchema.optional() })
    .optional(),
});
export type TEnvelopeView = z.infer<typeof ZEnvelopeViewSchema>;
