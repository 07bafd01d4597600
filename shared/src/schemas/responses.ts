import { z } from 'zod';
import { APP_ERROR_CODES } from '../errors/app-error';
import { ENVELOPE_STATUSES } from '../domain/vocabulary';
import { ZAuditEventSchema } from './envelope-state';

// REST answers whose types are declared elsewhere (errors, library, verify, audit download). The OpenAPI
// document is generated from these; api/src/openapi/type-checks.ts proves at compile time that each one
// still matches the type the code returns, so the document cannot drift from the code.

/** Every error answer: `{ error: { code, message, details? } }` with a code from the catalogue. */
export const ZErrorBodySchema = z.strictObject({
  error: z.strictObject({
    code: z.enum(APP_ERROR_CODES),
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});

/** Answer of `POST /api/v1/envelopes/:id/legal-hold`. */
export const ZLegalHoldResponseSchema = z.strictObject({ envelopeId: z.string(), legalHold: z.boolean() });
export type TLegalHoldResponse = z.infer<typeof ZLegalHoldResponseSchema>;

/** `GET /api/v1/envelopes/:id/audit.json`: format `signet-audit-trail`, version 1 (`auditTrailJson`). */
export const ZAuditTrailJsonSchema = z.strictObject({
  format: z.literal('signet-audit-trail'),
  version: z.literal(1),
  envelopeId: z.string().optional(),
  subject: z.string().optional(),
  originalSha256: z.string().optional(),
  // auditEventJson writes exactly the fields of an audit event, so the event schema is the trail's item schema.
  events: z.array(ZAuditEventSchema),
});
export type TAuditTrailJson = z.infer<typeof ZAuditTrailJsonSchema>;

/** The status the library shows beside a document that is (or was) in an envelope (`DocumentStatusRecord`). */
export const ZDocumentStatusRecordSchema = z.strictObject({
  envelopeId: z.string(),
  status: z.enum(ENVELOPE_STATUSES),
  finalising: z.boolean(),
  progress: z.strictObject({ done: z.int(), required: z.int() }),
  expiresAt: z.string(),
  nextReminderAt: z.string().optional(),
  legalHold: z.boolean(),
  signedCopyPath: z.string().optional(),
  deletedAt: z.string().optional(),
  revision: z.int(),
  updatedAt: z.string(),
});

/** Answer of `GET /api/v1/library` (`LibraryEntry[]`). */
export const ZLibraryListSchema = z.strictObject({
  items: z.array(
    z.strictObject({
      path: z.string(),
      name: z.string(),
      size: z.int(),
      modifiedAt: z.string(),
      status: ZDocumentStatusRecordSchema.optional(),
    }),
  ),
});
export type TLibraryList = z.infer<typeof ZLibraryListSchema>;

/** One signature or document timestamp in a verify report (`SignatureReport`). */
export const ZSignatureReportSchema = z.strictObject({
  kind: z.enum(['signature', 'document-timestamp']),
  fieldName: z.string().optional(),
  subFilter: z.string().optional(),
  signerSubject: z.string().optional(),
  valid: z.boolean(),
  problem: z.string().optional(),
  claimedTime: z.string().optional(),
  timestamp: z.string().optional(),
  level: z.enum(['B-B', 'B-T', 'B-LT', 'B-LTA', 'none']),
  trusted: z.boolean().optional(),
  modifiedAfter: z.enum(['none', 'ltv-only', 'other']),
  byteRange: z.tuple([z.int(), z.int(), z.int(), z.int()]),
});

/** Answer of `POST /api/v1/verify` (`VerifyReport`). */
export const ZVerifyReportSchema = z.strictObject({
  revisions: z.int(),
  signatures: z.array(ZSignatureReportSchema),
  recipients: z
    .array(
      z.strictObject({
        name: z.string().optional(),
        email: z.string().optional(),
        role: z.string().optional(),
        status: z.string().optional(),
      }),
    )
    .optional(),
});
export type TVerifyReport = z.infer<typeof ZVerifyReportSchema>;
