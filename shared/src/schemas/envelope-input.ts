import { z } from 'zod';
import { RECIPIENT_AUTHENTICATIONS, RECIPIENT_ROLES } from '../domain/vocabulary';
import { LOCALES } from '../i18n/locale';
import { ZEnvelopeDocumentSchema, ZPersonSchema } from './envelope-state';
import { ZIsoDateTimeSchema } from './common';

/**
 * A recipient as the workflow holds it. `key` is random per recipient slot and goes into the HMAC of the
 * recipient's link token, so a replaced or delegated recipient's old link stops working.
 */
export const ZRecipientSlotSchema = z.strictObject({
  id: z.string().min(1),
  key: z.string().min(16),
  email: z.string(),
  name: z.string(),
  role: z.enum(RECIPIENT_ROLES),
  routingOrder: z.int().min(1),
  onBehalfOf: z.string().optional(),
  /** Required authentication; absent means the link alone (envelopes started before it existed). */
  authentication: z.enum(RECIPIENT_AUTHENTICATIONS).optional(),
  /** Keep the masked national identity number from strong authentication with the signature. */
  recordNationalId: z.boolean().optional(),
  /** Language of this recipient's mails and signing page; absent means English. */
  locale: z.enum(LOCALES).optional(),
});
export type TRecipientSlot = z.infer<typeof ZRecipientSlotSchema>;

export const ZReminderPolicySchema = z.strictObject({
  firstAfterMs: z.int().positive(),
  everyMs: z.int().positive(),
  max: z.int().min(0),
});
export type TReminderPolicy = z.infer<typeof ZReminderPolicySchema>;

export const ZRetentionPolicySchema = z.strictObject({
  /** Time after the envelope ends when its documents are deleted. */
  deleteAfterMs: z.int().positive(),
  /** Time before deletion when the sender is warned. */
  warnBeforeMs: z.int().min(0),
});
export type TRetentionPolicy = z.infer<typeof ZRetentionPolicySchema>;

/** Start input of the envelope workflow. Built and validated by the API; never contains document bytes. */
export const ZEnvelopeWorkflowInputSchema = z.strictObject({
  envelopeId: z.string(),
  subject: z.string(),
  message: z.string().optional(),
  sender: ZPersonSchema.extend({
    id: z.string(),
    timeZone: z.string().optional(),
    /** Language of the sender's mails; absent means English (and envelopes started before it existed). */
    locale: z.enum(LOCALES).optional(),
  }),
  /** Opaque library id for admins' search attribute (no personal data). */
  sourceLibrary: z.string(),
  documents: z.array(ZEnvelopeDocumentSchema).min(1),
  recipients: z.array(ZRecipientSlotSchema).min(1),
  createdAt: ZIsoDateTimeSchema,
  expiresAt: ZIsoDateTimeSchema,
  expiryWarningMs: z.int().min(0),
  reminders: ZReminderPolicySchema.nullable(),
  allowDelegation: z.boolean(),
  retention: ZRetentionPolicySchema.nullable(),
  legalHold: z.boolean(),
  /** continueAsNew once history passes this many events (tests lower it). */
  maxHistoryEvents: z.int().positive().optional(),
});
export type TEnvelopeWorkflowInput = z.infer<typeof ZEnvelopeWorkflowInputSchema>;
