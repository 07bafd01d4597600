import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import {
  ZAuditTrailJsonSchema,
  ZCreateEnvelopeFromTemplateRequestSchema,
  ZCreateEnvelopeRequestSchema,
  ZCreateEnvelopeResponseSchema,
  ZEnvelopeListSchema,
  ZEnvelopeViewSchema,
  ZListEnvelopesQuerySchema,
} from '@signet/shared';
import { binary, json, senderOperation, ZEnvelopeIdPathSchema } from './operation-parts';

const CREATE_ERRORS = [
  'NO_RECIPIENTS',
  'INVALID_EMAIL',
  'DUPLICATE_RECIPIENT',
  'NO_ACTING_RECIPIENT',
  'DEADLINE_IN_PAST',
  'INVALID_DURATION',
  'DOCUMENT_NOT_FOUND',
  'INVALID_DOCUMENT_PATH',
  'DOCUMENT_TOO_LARGE',
  'NOT_A_PDF',
  'INVALID_DOCUMENT',
  'DOCUMENT_IN_ENVELOPE',
  'ENVELOPE_EXISTS',
  'PAYLOAD_TOO_LARGE',
  'LIBRARY_UNAVAILABLE',
  'ENGINE_UNAVAILABLE',
  'TEMPLATE_NOT_FOUND',
  'TEMPLATE_RECIPIENTS_MISMATCH',
  'DATABASE_UNAVAILABLE',
] as const;

const READ_ERRORS = ['ENVELOPE_NOT_FOUND', 'ENGINE_UNAVAILABLE'] as const;

/** The multipart body of `POST /envelopes/upload`: the envelope JSON as a field, the PDFs as `file` parts. */
const ZEnvelopeUploadSchema = z.object({
  envelope: z.string().meta({
    description:
      'The envelope JSON (CreateEnvelopeRequest, or CreateEnvelopeFromTemplateRequest with `templateId`) as text.',
  }),
  file: z.array(binary('application/pdf')).optional().meta({ description: 'One part per uploaded PDF.' }),
});

const created = { '201': { description: 'Created and sent.', content: json(ZCreateEnvelopeResponseSchema) } };

/** `/api/v1/envelopes…`: create, list, read, audit trail (routes/envelopes.ts). */
export const ENVELOPE_PATHS: ZodOpenApiPathsObject = {
  '/api/v1/envelopes': {
    post: senderOperation({
      operationId: 'createEnvelope',
      tags: ['envelopes'],
      summary: 'Create and send an envelope with documents already in the library.',
      description:
        'With `templateId`, the body is a CreateEnvelopeFromTemplateRequest: the template supplies every setting the ' +
        'body leaves out, and `recipients` fill its open placeholders in order (or by `placeholder` label).',
      requestBody: {
        required: true,
        content: json(z.union([ZCreateEnvelopeRequestSchema, ZCreateEnvelopeFromTemplateRequestSchema])),
      },
      ok: created,
      errors: [...CREATE_ERRORS],
    }),
    get: senderOperation({
      operationId: 'listEnvelopes',
      tags: ['envelopes'],
      summary:
        'List envelopes from the read model: filters, text search (`q`), views, sorts, keyset pages (sender keys: their own).',
      requestParams: { query: ZListEnvelopesQuerySchema },
      ok: { '200': { description: 'One page.', content: json(ZEnvelopeListSchema) } },
      errors: ['ENGINE_UNAVAILABLE'],
    }),
  },
  '/api/v1/envelopes/upload': {
    post: senderOperation({
      operationId: 'uploadEnvelope',
      tags: ['envelopes'],
      summary: 'Create and send an envelope with uploaded PDFs (multipart).',
      requestBody: { required: true, content: { 'multipart/form-data': { schema: ZEnvelopeUploadSchema } } },
      ok: created,
      errors: [...CREATE_ERRORS],
    }),
  },
  '/api/v1/envelopes/{id}': {
    get: senderOperation({
      operationId: 'getEnvelope',
      tags: ['envelopes'],
      summary: 'The envelope: recipients, documents, deadline, audit trail; after the end, retention.',
      requestParams: { path: ZEnvelopeIdPathSchema },
      ok: { '200': { description: 'The envelope.', content: json(ZEnvelopeViewSchema) } },
      errors: [...READ_ERRORS],
    }),
  },
  '/api/v1/envelopes/{id}/audit.json': {
    get: senderOperation({
      operationId: 'getAuditTrailJson',
      tags: ['envelopes'],
      summary: 'The whole audit trail as a signet-audit-trail JSON download.',
      requestParams: { path: ZEnvelopeIdPathSchema },
      ok: { '200': { description: 'The audit trail.', content: json(ZAuditTrailJsonSchema) } },
      errors: [...READ_ERRORS],
    }),
  },
  '/api/v1/envelopes/{id}/audit.pdf': {
    get: senderOperation({
      operationId: 'getAuditTrailPdf',
      tags: ['envelopes'],
      summary: 'The whole audit trail rendered as PDF pages.',
      requestParams: { path: ZEnvelopeIdPathSchema },
      ok: {
        '200': {
          description: 'The audit trail PDF.',
          content: { 'application/pdf': { schema: binary('application/pdf') } },
        },
      },
      errors: [...READ_ERRORS],
    }),
  },
  '/api/v1/envelopes/{id}/documents/{index}/{variant}': {
    get: senderOperation({
      operationId: 'getEnvelopeDocument',
      tags: ['envelopes'],
      summary: 'Download a document: the original, the signed copy (once sealed), or its separate evidence PDF.',
      requestParams: {
        path: ZEnvelopeIdPathSchema.extend({
          index: z
            .string()
            .regex(/^\d{1,3}$/)
            .meta({ description: 'The document, 0-based.' }),
          variant: z.enum(['original', 'signed', 'evidence']),
        }),
      },
      ok: {
        '200': { description: 'The PDF.', content: { 'application/pdf': { schema: binary('application/pdf') } } },
      },
      errors: [...READ_ERRORS, 'DOCUMENT_NOT_FOUND', 'SIGNED_COPY_NOT_READY'],
    }),
  },
};
