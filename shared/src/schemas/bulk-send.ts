import { z } from 'zod';
import { ZIdSchema, ZIsoDateTimeSchema, ZPersonNameSchema } from './common';
import { ZLibraryPathSchema } from './envelope-request';
import { ZTemplateSettingsSchema } from './templates';

/** Workflow type of a bulk send (a wire name: renaming it breaks running bulk sends). */
export const BULK_SEND_WORKFLOW_TYPE = 'bulkSendWorkflow';

/** Workflow id of a bulk send: one per bulk id, so a repeated start cannot run it twice. */
export function bulkSendWorkflowId(bulkId: string): string {
  return `bulk-send-${bulkId}`;
}

/** Envelope id of one row: derived from the bulk id and the row, so a retried batch cannot send a row twice. */
export function bulkRowEnvelopeId(bulkId: string, row: number): string {
  return `${bulkId}-r${row}`;
}

/**
 * The `bulk` JSON part of `POST /api/v1/bulk-sends`. The CSV row fills the one open placeholder of the
 * template (or of the inline `settings`; without either, a single SIGNER); `{{column}}` merge fields in
 * `subject` and `message` take that row's CSV values, as plain text.
 */
export const ZBulkSendRequestSchema = z.strictObject({
  templateId: ZIdSchema.optional(),
  settings: ZTemplateSettingsSchema.optional(),
  sender: z.strictObject({
    email: z.string().trim().max(254),
    name: ZPersonNameSchema.optional(),
    timeZone: z.string().max(64).optional(),
  }),
  /** May contain `{{column}}` merge fields; the template's subject when omitted. */
  subject: z.string().trim().min(1).max(1000).optional(),
  message: z.string().max(5000).optional(),
  /** Library documents; every envelope gets its own copy. */
  documents: z
    .array(z.strictObject({ libraryPath: ZLibraryPathSchema }))
    .min(1)
    .max(20),
});
export type TBulkSendRequest = z.infer<typeof ZBulkSendRequestSchema>;

/** One problem found while validating a bulk send; `row` as in the file (header = 1), 0 for the settings. */
export const ZBulkProblemSchema = z.object({
  row: z.int(),
  field: z.string(),
  code: z.string(),
  message: z.string(),
});
export type TBulkProblem = z.infer<typeof ZBulkProblemSchema>;

export const BULK_ROW_STATUSES = ['PENDING', 'STARTED', 'FAILED'] as const;
export type BulkRowStatus = (typeof BULK_ROW_STATUSES)[number];

/** Start input of `bulkSendWorkflow`. */
export const ZBulkSendWorkflowInputSchema = z.object({
  bulkId: ZIdSchema,
  total: z.int().min(1),
  batchSize: z.int().min(1).max(100),
});
export type TBulkSendWorkflowInput = z.infer<typeof ZBulkSendWorkflowInputSchema>;

/** Body of the worker's `POST /internal/v1/bulk-sends/:id/batches`: rows `from` … `from + count − 1` (0-based). */
export const ZBulkSendBatchRequestSchema = z.strictObject({
  from: z.int().min(0),
  count: z.int().min(1).max(100),
});
export type TBulkSendBatchRequest = z.infer<typeof ZBulkSendBatchRequestSchema>;

export const ZBulkSendBatchResultSchema = z.object({ started: z.int(), failed: z.int() });
export type TBulkSendBatchResult = z.infer<typeof ZBulkSendBatchResultSchema>;

export const ZBulkSendRowSchema = z.object({
  row: z.int(),
  email: z.string(),
  status: z.enum(BULK_ROW_STATUSES),
  envelopeId: z.string().nullable(),
  errorCode: z.string().nullable(),
});

/** `GET /api/v1/bulk-sends/:id`: counts from the database, rows a page at a time. */
export const ZBulkSendViewSchema = z.object({
  id: z.string(),
  owner: z.string(),
  status: z.enum(['RUNNING', 'COMPLETED']),
  total: z.int(),
  started: z.int(),
  failed: z.int(),
  pending: z.int(),
  createdAt: ZIsoDateTimeSchema,
  rows: z.array(ZBulkSendRowSchema),
  /** Offset of the next page of rows; null on the last page. */
  nextOffset: z.int().nullable(),
});
export type TBulkSendView = z.infer<typeof ZBulkSendViewSchema>;

export const ZBulkSendSummarySchema = ZBulkSendViewSchema.omit({ rows: true, nextOffset: true });
export const ZBulkSendListSchema = z.object({ bulkSends: z.array(ZBulkSendSummarySchema) });
export type TBulkSendList = z.infer<typeof ZBulkSendListSchema>;

export const ZBulkSendRowsQuerySchema = z.object({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** Answer of `POST /api/v1/bulk-sends` (202: the envelopes are being started). */
export const ZBulkSendCreatedSchema = z.object({
  id: z.string(),
  total: z.int(),
  links: z.object({ self: z.string() }),
});
export type TBulkSendCreated = z.infer<typeof ZBulkSendCreatedSchema>;
