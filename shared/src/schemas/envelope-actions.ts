import { z } from 'zod';
import { AUTH_METHODS, RECIPIENT_AUTHENTICATIONS, RECIPIENT_ROLES, SIGNATURE_KINDS } from '../domain/vocabulary';
import { LOCALES } from '../i18n/locale';
import { ZIsoDateTimeSchema, ZPersonNameSchema, ZReasonSchema } from './common';

/**
 * Who the identity provider says the recipient is (MICROSOFT or STRONG sign-in), as recorded with the action.
 * A national identity number is never kept in clear: only masked (for people) and as a SHA-256 of
 * `<envelopeId>:<number>` (for someone who holds the number to check it), and only when the sender asked.
 */
export const ZVerifiedIdentitySchema = z.strictObject({
  /** The issuer URL of the identity provider. */
  issuer: z.string().max(500),
  /** The name the identity provider gave, if any. */
  name: z.string().max(200).optional(),
  email: z.string().max(254).optional(),
  nationalIdMasked: z.string().max(64).optional(),
  nationalIdSha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});
export type TVerifiedIdentity = z.infer<typeof ZVerifiedIdentitySchema>;

/** Proof that the caller is this recipient: the id and key from a verified link token. */
export const ZRecipientCredentialSchema = z.strictObject({
  recipientId: z.string(),
  recipientKey: z.string(),
  authMethod: z.enum(AUTH_METHODS),
  /** Set by the API from the recipient's sign-in session (MICROSOFT, STRONG), with every action. */
  identity: ZVerifiedIdentitySchema.optional(),
});
export type TRecipientCredential = z.infer<typeof ZRecipientCredentialSchema>;

/** The sender (or admin) taking a sender action. */
export const ZSenderActorSchema = z.strictObject({
  email: z.string(),
  name: z.string(),
  authMethod: z.enum(AUTH_METHODS),
});
export type TSenderActor = z.infer<typeof ZSenderActorSchema>;

export const ZSignInputSchema = ZRecipientCredentialSchema.extend({
  /** Typed signature text shown on the signature page. */
  signatureText: z.string().trim().max(200).optional(),
  onBehalfOf: z.string().trim().max(200).optional(),
  /** How the signature was given; TYPED when absent. */
  signatureKind: z.enum(SIGNATURE_KINDS).optional(),
  /** The drawn or uploaded signature: a base64 PNG (the API checks size and format before it gets here). */
  signatureImagePng: z.string().max(70_000).optional(),
});
export type TSignInput = z.infer<typeof ZSignInputSchema>;

export const ZApproveInputSchema = ZRecipientCredentialSchema;
export type TApproveInput = z.infer<typeof ZApproveInputSchema>;

export const ZDeclineInputSchema = ZRecipientCredentialSchema.extend({ reason: ZReasonSchema });
export type TDeclineInput = z.infer<typeof ZDeclineInputSchema>;

/** A new recipient slot made by the API (it mints id and key) for delegate, replace and add. */
export const ZNewRecipientSchema = z.strictObject({
  id: z.string(),
  key: z.string().min(16),
  email: z.string(),
  name: ZPersonNameSchema,
});
export type TNewRecipient = z.infer<typeof ZNewRecipientSchema>;

export const ZDelegateInputSchema = ZRecipientCredentialSchema.extend({
  to: ZNewRecipientSchema,
  reason: ZReasonSchema.optional(),
});
export type TDelegateInput = z.infer<typeof ZDelegateInputSchema>;

export const ZViewedInputSchema = ZRecipientCredentialSchema;
export type TViewedInput = z.infer<typeof ZViewedInputSchema>;

export const ZCancelInputSchema = z.strictObject({ actor: ZSenderActorSchema, reason: ZReasonSchema });
export type TCancelInput = z.infer<typeof ZCancelInputSchema>;

export const ZExtendInputSchema = z.strictObject({ actor: ZSenderActorSchema, expiresAt: ZIsoDateTimeSchema });
export type TExtendInput = z.infer<typeof ZExtendInputSchema>;

export const ZRemindInputSchema = z.strictObject({
  actor: ZSenderActorSchema,
  /** Only these pending recipients; all pending ones when omitted. */
  recipientIds: z.array(z.string()).optional(),
});
export type TRemindInput = z.infer<typeof ZRemindInputSchema>;

export const ZReplaceRecipientInputSchema = z.strictObject({
  actor: ZSenderActorSchema,
  recipientId: z.string(),
  replacement: ZNewRecipientSchema,
});
export type TReplaceRecipientInput = z.infer<typeof ZReplaceRecipientInputSchema>;

export const ZAddRecipientInputSchema = z.strictObject({
  actor: ZSenderActorSchema,
  recipient: ZNewRecipientSchema.extend({
    role: z.enum(RECIPIENT_ROLES),
    routingOrder: z.int().min(1).max(1000),
    onBehalfOf: z.string().optional(),
    authentication: z.enum(RECIPIENT_AUTHENTICATIONS).optional(),
    recordNationalId: z.boolean().optional(),
    locale: z.enum(LOCALES).optional(),
  }),
});
export type TAddRecipientInput = z.infer<typeof ZAddRecipientInputSchema>;

export const ZRemoveRecipientInputSchema = z.strictObject({ actor: ZSenderActorSchema, recipientId: z.string() });
export type TRemoveRecipientInput = z.infer<typeof ZRemoveRecipientInputSchema>;

export const ZSetLegalHoldInputSchema = z.strictObject({
  actor: ZSenderActorSchema,
  hold: z.boolean(),
  reason: ZReasonSchema.optional(),
});
export type TSetLegalHoldInput = z.infer<typeof ZSetLegalHoldInputSchema>;
