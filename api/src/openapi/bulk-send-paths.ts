import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import {
  ZBulkSendCreatedSchema,
  ZBulkSendListSchema,
  ZBulkSendRowsQuerySchema,
  ZBulkSendViewSchema,
  ZIdSchema,
} from '@signet/shared';
import { binary, json, senderOperation } from './operation-parts';

const ZBulkSendIdPathSchema = z.object({ id: ZIdSchema.meta({ description: 'The bulk send id.' }) });

/** The multipart body of `POST /bulk-sends`: the settings JSON as a field and the recipients CSV as a file. */
const ZBulkSendUploadSchema = z.object({
  bulk: z.string().meta({
    description:
      'JSON: { templateId? | settings?, sender, subject?, message?, documents: [{ libraryPath }] }; subject and message may use {{column}} merge fields.',
  }),
  recipients: binary('text/csv').meta({
    description:
      'CSV, UTF-8 (BOM optional), `,` or `;`; header row with `email` and optional `name`, `locale`, `onBehalfOf`, merge-field columns.',
  }),
});

/** `/api/v1/bulk-sends…` (routes/bulk-sends.ts): one envelope per CSV row, validated up front. */
export const BULK_SEND_PATHS: ZodOpenApiPathsObject = {
  '/api/v1/bulk-sends': {
    post: senderOperation({
      operationId: 'createBulkSend',
      tags: ['bulk sends'],
      summary:
        'Validate a CSV of recipients (BULK_INVALID lists every problem as details.rows; nothing is created) and start one envelope per row.',
      requestBody: { required: true, content: { 'multipart/form-data': { schema: ZBulkSendUploadSchema } } },
      ok: {
        '202': { description: 'Recorded; the envelopes are being started.', content: json(ZBulkSendCreatedSchema) },
      },
      errors: [
        'BULK_INVALID',
        'TEMPLATE_NOT_FOUND',
        'INVALID_EMAIL',
        'PAYLOAD_TOO_LARGE',
        'DATABASE_UNAVAILABLE',
        'ENGINE_UNAVAILABLE',
      ],
    }),
    get: senderOperation({
      operationId: 'listBulkSends',
      tags: ['bulk sends'],
      summary: "The caller's bulk sends with their progress, newest first (admins: everyone's).",
      ok: { '200': { description: 'The bulk sends.', content: json(ZBulkSendListSchema) } },
      errors: ['DATABASE_UNAVAILABLE'],
    }),
  },
  '/api/v1/bulk-sends/{id}': {
    get: senderOperation({
      operationId: 'getBulkSend',
      tags: ['bulk sends'],
      summary: 'Progress (started, failed, pending) and one page of rows with their envelope ids or error codes.',
      requestParams: { path: ZBulkSendIdPathSchema, query: ZBulkSendRowsQuerySchema },
      ok: { '200': { description: 'The bulk send.', content: json(ZBulkSendViewSchema) } },
      errors: ['BULK_SEND_NOT_FOUND', 'DATABASE_UNAVAILABLE'],
    }),
  },
  '/api/v1/bulk-sends/{id}/rows.csv': {
    get: senderOperation({
      operationId: 'exportBulkSendRows',
      tags: ['bulk sends'],
      summary:
        "Every row's outcome as CSV (row, email, status, envelopeId, errorCode); formula-like values are prefixed with '.",
      requestParams: { path: ZBulkSendIdPathSchema },
      ok: { '200': { description: 'The report.', content: { 'text/csv': { schema: z.string() } } } },
      errors: ['BULK_SEND_NOT_FOUND', 'DATABASE_UNAVAILABLE'],
    }),
  },
};
