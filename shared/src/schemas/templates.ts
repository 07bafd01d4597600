import { z } from 'zod';
import {
  RECIPIENT_AUTHENTICATIONS,
  RECIPIENT_ROLES,
  RecipientAuthentication,
  RecipientRole,
} from '../domain/vocabulary';
import { LOCALES } from '../i18n/locale';
import { ZIdSchema, ZIsoDateTimeSchema, ZPersonNameSchema } from './common';
import { ZLibraryPathSchema, ZRemindersRequestSchema } from './envelope-request';

/**
 * One recipient slot of a template. Without `email` it is a placeholder the sender fills per envelope
 * (e.g. "Customer"); with `email` it is a fixed co-signer who is on every envelope made from the template.
 */
export const ZTemplateRecipientSchema = z.strictObject({
  /** Name of the slot, unique within the template, e.g. `Customer`. Envelopes may fill slots by this label. */
  label: z.string().trim().min(1).max(100),
  role: z.enum(RECIPIENT_ROLES).default(RecipientRole.SIGNER),
  routingOrder: z.int().min(1).max(1000).optional(),
  authentication: z.enum(RECIPIENT_AUTHENTICATIONS).default(RecipientAuthentication.LINK),
  recordNationalId: z.boolean().default(false),
  locale: z.enum(LOCALES).optional(),
  /** A fixed co-signer's address: this slot needs no filling. */
  email: z.string().trim().max(254).optional(),
  name: ZPersonNameSchema.optional(),
  onBehalfOf: z.string().trim().min(1).max(200).optional(),
});
export type TTemplateRecipient = z.infer<typeof ZTemplateRecipientSchema>;

/** The invitation settings a template saves; every field is a default an envelope request may override. */
export const ZTemplateSettingsSchema = z.strictObject({
  recipients: z.array(ZTemplateRecipientSchema).min(1).max(100),
  routing: z.enum(['SEQUENTIAL', 'PARALLEL']).default('SEQUENTIAL'),
  subject: z.string().trim().min(1).max(200).optional(),
  message: z.string().max(5000).optional(),
  /** Duration from the envelope's creation, e.g. `14d`. */
  expiresIn: z.string().max(32).optional(),
  expiryWarning: z.string().max(32).optional(),
  reminders: z.union([ZRemindersRequestSchema, z.literal(false)]).optional(),
  allowDelegation: z.boolean().optional(),
  locale: z.enum(LOCALES).optional(),
});
export type TTemplateSettings = z.infer<typeof ZTemplateSettingsSchema>;
export type TTemplateSettingsInput = z.input<typeof ZTemplateSettingsSchema>;

/** Body of `POST /api/v1/templates` and `PUT /api/v1/templates/:id` (PUT replaces the whole template). */
export const ZTemplateRequestSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(2000).optional(),
  settings: ZTemplateSettingsSchema,
});
export type TTemplateRequest = z.infer<typeof ZTemplateRequestSchema>;
export type TTemplateRequestInput = z.input<typeof ZTemplateRequestSchema>;

/** A saved template as the API answers it. */
export const ZTemplateSchema = z.object({
  id: z.string(),
  /** The sender (e-mail) who owns it; only they and admins see it. */
  owner: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  settings: ZTemplateSettingsSchema,
  createdAt: ZIsoDateTimeSchema,
  updatedAt: ZIsoDateTimeSchema,
});
export type TTemplate = z.infer<typeof ZTemplateSchema>;

export const ZTemplateListSchema = z.object({ templates: z.array(ZTemplateSchema) });
export type TTemplateList = z.infer<typeof ZTemplateListSchema>;

/** One person for a template's placeholder: by `placeholder` label, or else the open placeholders in order. */
export const ZTemplateRecipientFillSchema = z.strictObject({
  placeholder: z.string().trim().min(1).max(100).optional(),
  email: z.string().trim().max(254),
  name: ZPersonNameSchema.optional(),
  onBehalfOf: z.string().trim().min(1).max(200).optional(),
  locale: z.enum(LOCALES).optional(),
  role: z.enum(RECIPIENT_ROLES).optional(),
  routingOrder: z.int().min(1).max(1000).optional(),
  authentication: z.enum(RECIPIENT_AUTHENTICATIONS).optional(),
  recordNationalId: z.boolean().optional(),
});
export type TTemplateRecipientFill = z.infer<typeof ZTemplateRecipientFillSchema>;

/**
 * Body of `POST /api/v1/envelopes` (and the upload's `envelope` part) with a `templateId`: the template
 * supplies every setting the request leaves out; fields given here win.
 */
export const ZCreateEnvelopeFromTemplateRequestSchema = z.strictObject({
  templateId: ZIdSchema,
  envelopeId: ZIdSchema.optional(),
  subject: z.string().trim().min(1).max(200).optional(),
  message: z.string().max(5000).optional(),
  sender: z.strictObject({
    email: z.string().trim().max(254),
    name: ZPersonNameSchema.optional(),
    timeZone: z.string().max(64).optional(),
  }),
  documents: z
    .array(z.strictObject({ libraryPath: ZLibraryPathSchema }))
    .max(20)
    .default([]),
  recipients: z.array(ZTemplateRecipientFillSchema).max(100).default([]),
  routing: z.enum(['SEQUENTIAL', 'PARALLEL']).optional(),
  expiresAt: ZIsoDateTimeSchema.optional(),
  expiresIn: z.string().optional(),
  expiryWarning: z.string().optional(),
  reminders: z.union([ZRemindersRequestSchema, z.literal(false)]).optional(),
  allowDelegation: z.boolean().optional(),
  legalHold: z.boolean().optional(),
  locale: z.enum(LOCALES).optional(),
});
export type TCreateEnvelopeFromTemplateRequest = z.infer<typeof ZCreateEnvelopeFromTemplateRequestSchema>;
