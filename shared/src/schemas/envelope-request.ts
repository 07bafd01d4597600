import { z } from 'zod';
import {
  RECIPIENT_AUTHENTICATIONS,
  RECIPIENT_ROLES,
  RecipientAuthentication,
  RecipientRole,
} from '../domain/vocabulary';
import { LOCALES } from '../i18n/locale';
import { ZIdSchema, ZIsoDateTimeSchema, ZPersonNameSchema } from './common';

/** Relative path of a document inside a document library, e.g. `contracts/nda.pdf`. */
export const ZLibraryPathSchema = z.string().min(1).max(1024);

export const ZRecipientRequestSchema = z.strictObject({
  email: z.string().trim().max(254),
  name: ZPersonNameSchema.optional(),
  role: z.enum(RECIPIENT_ROLES).default(RecipientRole.SIGNER),
  /** Equal numbers sign in parallel; groups go in ascending order. Omitted: see `routing`. */
  routingOrder: z.int().min(1).max(1000).optional(),
  /** Organisation the recipient signs on behalf of. */
  onBehalfOf: z.string().trim().min(1).max(200).optional(),
  /** What the recipient must prove before seeing the documents: the link alone, a mailed code, Microsoft or strong sign-in. */
  authentication: z.enum(RECIPIENT_AUTHENTICATIONS).default(RecipientAuthentication.LINK),
  /** Store the (masked) national identity number from strong authentication next to the signature. STRONG only. */
  recordNationalId: z.boolean().default(false),
  /** Language of this recipient's mails and signing page; the envelope's `locale` when omitted. */
  locale: z.enum(LOCALES).optional(),
});
export type TRecipientRequest = z.infer<typeof ZRecipientRequestSchema>;
/** A recipient as a client writes it (defaults not yet applied). */
export type TRecipientRequestInput = z.input<typeof ZRecipientRequestSchema>;

export const ZRemindersRequestSchema = z.strictObject({
  /** Duration after a recipient's invitation before the first reminder, e.g. `3d`. */
  firstAfter: z.string(),
  /** Duration between later reminders, e.g. `2d`. */
  every: z.string(),
  /** Most automatic reminders one recipient receives. */
  max: z.int().min(0).max(50),
});

/** Body of `POST /api/v1/envelopes` (documents already in the library) and the JSON part of an upload. */
export const ZCreateEnvelopeRequestSchema = z.strictObject({
  /** Optional client-chosen id: makes a retried create idempotent. */
  envelopeId: ZIdSchema.optional(),
  subject: z.string().trim().min(1).max(200),
  message: z.string().max(5000).optional(),
  sender: z.strictObject({
    email: z.string().trim().max(254),
    name: ZPersonNameSchema.optional(),
    /** IANA zone for human-facing times, e.g. `Europe/Helsinki`. */
    timeZone: z.string().max(64).optional(),
    /** Language of the mails the sender gets about this envelope (English when omitted). */
    locale: z.enum(LOCALES).optional(),
  }),
  documents: z
    .array(z.strictObject({ libraryPath: ZLibraryPathSchema }))
    .max(20)
    .default([]),
  recipients: z.array(ZRecipientRequestSchema).max(100),
  /** Applies to recipients without `routingOrder`: one after another, or all at once. */
  routing: z.enum(['SEQUENTIAL', 'PARALLEL']).default('SEQUENTIAL'),
  expiresAt: ZIsoDateTimeSchema.optional(),
  /** Alternative to `expiresAt`: a duration from now, e.g. `14d`. */
  expiresIn: z.string().optional(),
  /** How long before the deadline pending recipients and the sender are warned. */
  expiryWarning: z.string().optional(),
  reminders: z.union([ZRemindersRequestSchema, z.literal(false)]).optional(),
  allowDelegation: z.boolean().default(true),
  legalHold: z.boolean().default(false),
  /** Default language of the recipients' mails and signing pages (English when omitted). */
  locale: z.enum(LOCALES).optional(),
});
export type TCreateEnvelopeRequest = z.infer<typeof ZCreateEnvelopeRequestSchema>;
export type TCreateEnvelopeRequestInput = z.input<typeof ZCreateEnvelopeRequestSchema>;
