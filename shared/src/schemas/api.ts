import { z } from 'zod';
import {
  ENVELOPE_STATUSES,
  RECIPIENT_AUTHENTICATIONS,
  RECIPIENT_ROLES,
  RecipientAuthentication,
  RecipientRole,
  SIGNATURE_KINDS,
  SignatureKind,
} from '../domain/vocabulary';
import { LOCALES } from '../i18n/locale';
import { ZIsoDateTimeSchema, ZPersonNameSchema, ZReasonSchema } from './common';

// REST API bodies, query strings and answers other than envelope creation (envelope-request.ts).
// The api parses with these; the cli and SPFx build requests and read answers with their types.

const ZEmailFieldSchema = z.string().trim().max(254);

/** Text the database stores or compares: PostgreSQL text cannot hold NUL (it would be a 500, not a 400). */
const hasNoNul = (text: string): boolean => !text.includes('\u0000');

/** List views: `expiring-soon` (pending, deadline within the warning window), `needs-attention` (see ZEnvelopeSummarySchema). */
export const ENVELOPE_LIST_VIEWS = ['expiring-soon', 'needs-attention'] as const;
/** List orders; each pages by keyset (the sort value, then the id). */
export const ENVELOPE_LIST_SORTS = ['updated-desc', 'created-desc', 'expires-asc'] as const;

/** `GET /api/v1/envelopes` query string. */
export const ZListEnvelopesQuerySchema = z.strictObject({
  status: z.enum(ENVELOPE_STATUSES).optional(),
  /** Only envelopes sent by this address. */
  senderEmail: ZEmailFieldSchema.refine(hasNoNul, 'must not contain NUL').optional(),
  /** Only envelopes whose deadline is before this instant. */
  expiringBefore: ZIsoDateTimeSchema.optional(),
  /** Text search (case-insensitive, substring): subject, recipients' names and e-mails, document names. */
  q: z.string().trim().min(1).max(200).refine(hasNoNul, 'must not contain NUL').optional(),
  view: z.enum(ENVELOPE_LIST_VIEWS).optional(),
  sort: z.enum(ENVELOPE_LIST_SORTS).default('updated-desc'),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
  /** Opaque token from the previous page's answer. */
  nextPageToken: z.string().max(4096).optional(),
});
export type TListEnvelopesQuery = z.infer<typeof ZListEnvelopesQuerySchema>;

/**
 * One row of `GET /api/v1/envelopes`. With the API's database the row comes from the read model and has every
 * field; without one (search attributes only) subject, sender, recipients and flags are absent.
 */
export const ZEnvelopeSummarySchema = z.strictObject({
  envelopeId: z.string(),
  status: z.enum(ENVELOPE_STATUSES),
  expiresAt: ZIsoDateTimeSchema.optional(),
  nextReminderAt: ZIsoDateTimeSchema.optional(),
  progress: z.strictObject({ done: z.int(), required: z.int() }),
  startedAt: ZIsoDateTimeSchema.optional(),
  subject: z.string().optional(),
  sender: z.strictObject({ email: z.string(), name: z.string() }).optional(),
  updatedAt: ZIsoDateTimeSchema.optional(),
  endedAt: ZIsoDateTimeSchema.optional(),
  recipients: z
    .array(
      z.strictObject({ id: z.string(), name: z.string(), email: z.string(), role: z.string(), status: z.string() }),
    )
    .optional(),
  documentNames: z.array(z.string()).optional(),
  signedCopy: z.boolean().optional(),
  /** Declined, expired, a failed webhook delivery, or pending with the deadline inside the warning window. */
  needsAttention: z.boolean().optional(),
});
export type TEnvelopeSummary = z.infer<typeof ZEnvelopeSummarySchema>;

/** Answer of `GET /api/v1/envelopes`. */
export const ZEnvelopeListSchema = z.strictObject({
  items: z.array(ZEnvelopeSummarySchema),
  /** Present when there is another page: pass it back as `nextPageToken`. */
  nextPageToken: z.string().optional(),
});
export type TEnvelopeList = z.infer<typeof ZEnvelopeListSchema>;

/** Answer of `POST /api/v1/envelopes` and `POST /api/v1/envelopes/upload` (201). */
export const ZCreateEnvelopeResponseSchema = z.strictObject({
  envelopeId: z.string(),
  status: z.enum(ENVELOPE_STATUSES),
  links: z.strictObject({
    self: z.string(),
    cancel: z.string(),
    extend: z.string(),
    remind: z.string(),
    recipients: z.string(),
  }),
});
export type TCreateEnvelopeResponse = z.infer<typeof ZCreateEnvelopeResponseSchema>;

/** `POST …/cancel`. The reason is required (REASON_REQUIRED); optional here so that code, not a schema error, answers. */
export const ZCancelEnvelopeRequestSchema = z.strictObject({ reason: ZReasonSchema.optional() });
export type TCancelEnvelopeRequest = z.infer<typeof ZCancelEnvelopeRequestSchema>;

/** `POST …/extend`: a new deadline, or a duration added to the current one (`7d`). */
export const ZExtendDeadlineRequestSchema = z.union([
  z.strictObject({ expiresAt: ZIsoDateTimeSchema }),
  z.strictObject({ extendBy: z.string().max(32) }),
]);
export type TExtendDeadlineRequest = z.infer<typeof ZExtendDeadlineRequestSchema>;

/** `POST …/remind`: these pending recipients, or all pending ones. */
export const ZRemindRecipientsRequestSchema = z.strictObject({
  recipientIds: z.array(z.string().min(1).max(64)).max(100).optional(),
});
export type TRemindRecipientsRequest = z.infer<typeof ZRemindRecipientsRequestSchema>;

/** `POST …/legal-hold`. */
export const ZSetLegalHoldRequestSchema = z.strictObject({ hold: z.boolean(), reason: ZReasonSchema.optional() });
export type TSetLegalHoldRequest = z.infer<typeof ZSetLegalHoldRequestSchema>;

/** `POST …/recipients`. */
export const ZAddRecipientRequestSchema = z.strictObject({
  email: ZEmailFieldSchema,
  name: ZPersonNameSchema.optional(),
  role: z.enum(RECIPIENT_ROLES).default(RecipientRole.SIGNER),
  routingOrder: z.int().min(1).max(1000),
  onBehalfOf: z.string().trim().min(1).max(200).optional(),
  authentication: z.enum(RECIPIENT_AUTHENTICATIONS).default(RecipientAuthentication.LINK),
  recordNationalId: z.boolean().default(false),
  locale: z.enum(LOCALES).optional(),
});
export type TAddRecipientRequest = z.infer<typeof ZAddRecipientRequestSchema>;

/** `PUT …/recipients/:recipientId`. */
export const ZReplaceRecipientRequestSchema = z.strictObject({
  email: ZEmailFieldSchema,
  name: ZPersonNameSchema.optional(),
});
export type TReplaceRecipientRequest = z.infer<typeof ZReplaceRecipientRequestSchema>;

/** `POST /api/v1/recipient/:token/sign`. */
export const ZSignRequestSchema = z.strictObject({
  /** The typed signature (TYPED), or the signer's name written under a drawn/uploaded one. */
  signatureText: z.string().trim().max(200).optional(),
  /** Sign on behalf of this organisation (when the sender named none, the signer may). */
  onBehalfOf: z.string().trim().max(200).optional(),
  signatureKind: z.enum(SIGNATURE_KINDS).default(SignatureKind.TYPED),
  /** DRAWN/UPLOADED: a base64 PNG (at most MAX_SIGNATURE_IMAGE_BYTES decoded), INVALID_SIGNATURE_IMAGE otherwise. */
  signatureImagePng: z.string().max(70_000).optional(),
  /** The consent box: signing fails with CONSENT_REQUIRED unless true. */
  consent: z.boolean().default(false),
});
export type TSignRequest = z.infer<typeof ZSignRequestSchema>;

/** `POST /api/v1/recipient/:token/approve` (no fields). */
export const ZApproveRequestSchema = z.strictObject({});

/** `POST /api/v1/recipient/:token/decline`. The reason is required (REASON_REQUIRED). */
export const ZDeclineRequestSchema = z.strictObject({ reason: ZReasonSchema.optional() });
export type TDeclineRequest = z.infer<typeof ZDeclineRequestSchema>;

/** `POST /api/v1/recipient/:token/delegate`. The API mints the delegate's id and link key. */
export const ZDelegateRequestSchema = z.strictObject({
  email: ZEmailFieldSchema,
  name: ZPersonNameSchema,
  reason: ZReasonSchema.optional(),
});
export type TDelegateRequest = z.infer<typeof ZDelegateRequestSchema>;
