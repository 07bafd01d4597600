import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { ZLibraryListSchema, ZVerifyReportSchema } from '@signet/shared';
import { ZCreateApiKeyRequestSchema } from '../api-keys/api-key-schemas';
import { ZApiKeyListSchema, ZApiKeyViewSchema, ZCreatedApiKeySchema } from './api-key-schemas';
import { binary, json, publicOperation, senderOperation } from './operation-parts';

/** The multipart body of `POST /verify`: one PDF, optionally PEM roots to check trust against. */
const ZVerifyUploadSchema = z.object({
  file: binary('application/pdf').meta({ description: 'The PDF to verify.' }),
  trustedRoots: z.array(z.string()).optional().meta({ description: 'PEM certificates, one per field.' }),
});

/** Library, verify, API keys (admin) and liveness (routes/library.ts, verify.ts, api-keys.ts; app.ts). */
export const ADMIN_PATHS: ZodOpenApiPathsObject = {
  '/api/v1/library': {
    get: senderOperation({
      operationId: 'listLibraryDocuments',
      tags: ['library'],
      summary: "The library's documents, each with the status of the envelope it is (or was) in.",
      ok: { '200': { description: 'The documents.', content: json(ZLibraryListSchema) } },
      errors: ['LIBRARY_UNAVAILABLE'],
    }),
  },
  '/api/v1/verify': {
    post: senderOperation({
      operationId: 'verifyDocument',
      tags: ['verify'],
      summary: 'Report every signature and document timestamp of one PDF.',
      requestBody: { required: true, content: { 'multipart/form-data': { schema: ZVerifyUploadSchema } } },
      ok: { '200': { description: 'The report.', content: json(ZVerifyReportSchema) } },
      errors: ['NOT_A_PDF', 'INVALID_DOCUMENT', 'DOCUMENT_TOO_LARGE', 'PAYLOAD_TOO_LARGE'],
    }),
  },
  '/api/v1/api-keys': {
    post: senderOperation({
      operationId: 'createApiKey',
      tags: ['api keys'],
      summary: 'Mint an API key (admin). The answer holds the key; it is never shown again.',
      requestBody: { required: true, content: json(ZCreateApiKeyRequestSchema) },
      ok: { '201': { description: 'The new key, with its token.', content: json(ZCreatedApiKeySchema) } },
      errors: ['INVALID_EMAIL', 'DATABASE_UNAVAILABLE'],
    }),
    get: senderOperation({
      operationId: 'listApiKeys',
      tags: ['api keys'],
      summary: 'Every API key, newest first (admin).',
      ok: { '200': { description: 'The keys.', content: json(ZApiKeyListSchema) } },
      errors: ['DATABASE_UNAVAILABLE'],
    }),
  },
  '/api/v1/api-keys/{id}': {
    delete: senderOperation({
      operationId: 'revokeApiKey',
      tags: ['api keys'],
      summary: 'Revoke an API key (admin).',
      requestParams: { path: z.object({ id: z.string().min(1).max(64) }) },
      ok: { '200': { description: 'The revoked key.', content: json(ZApiKeyViewSchema) } },
      errors: ['API_KEY_NOT_FOUND', 'DATABASE_UNAVAILABLE'],
    }),
  },
  '/healthz': {
    get: publicOperation({
      operationId: 'healthz',
      tags: ['health'],
      summary: 'Liveness.',
      ok: { '200': { description: 'Up.', content: json(z.strictObject({ status: z.literal('ok') })) } },
    }),
  },
};
