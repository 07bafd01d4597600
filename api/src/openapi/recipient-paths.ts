import type { ZodType } from 'zod';
import { z } from 'zod';
import type { ZodOpenApiOperationObject, ZodOpenApiPathsObject } from 'zod-openapi';
import type { AppErrorCode } from '@signet/shared';
import {
  ZApproveRequestSchema,
  ZDeclineRequestSchema,
  ZDelegateRequestSchema,
  ZRecipientEnvelopeViewSchema,
  ZSignRequestSchema,
} from '@signet/shared';
import { binary, json, publicOperation } from './operation-parts';

// Recipient routes (routes/recipient.ts) and the interim signing page (routes/sign-page.ts): authenticated by
// the link token in the path alone, so they carry no bearer.

const ZTokenPathSchema = z.object({
  token: z.string().min(1).max(2048).meta({ description: 'The link token from the invitation e-mail.' }),
});

const LINK_ERRORS: AppErrorCode[] = ['INVALID_TOKEN', 'UNKNOWN_RECIPIENT', 'ENVELOPE_NOT_FOUND', 'ENGINE_UNAVAILABLE'];
const ACT_ERRORS: AppErrorCode[] = [
  ...LINK_ERRORS,
  'NOT_YOUR_TURN',
  'ALREADY_ACTED',
  'WRONG_ROLE',
  'ENVELOPE_COMPLETED',
  'ENVELOPE_DECLINED',
  'ENVELOPE_CANCELLED',
  'ENVELOPE_EXPIRED',
];

const viewAnswer = {
  '200': { description: 'What this recipient sees now.', content: json(ZRecipientEnvelopeViewSchema) },
};

function act(
  operationId: string,
  summary: string,
  body: ZodType,
  errors: AppErrorCode[] = [],
): ZodOpenApiOperationObject {
  return publicOperation({
    operationId,
    tags: ['recipient'],
    summary,
    requestParams: { path: ZTokenPathSchema },
    requestBody: { required: false, content: json(body) },
    ok: viewAnswer,
    errors: [...ACT_ERRORS, ...errors],
  });
}

export const RECIPIENT_PATHS: ZodOpenApiPathsObject = {
  '/api/v1/recipient/{token}': {
    get: publicOperation({
      operationId: 'viewAsRecipient',
      tags: ['recipient'],
      summary: "The envelope as this link's recipient may see it; the first view is recorded.",
      requestParams: { path: ZTokenPathSchema },
      ok: viewAnswer,
      errors: LINK_ERRORS,
    }),
  },
  '/api/v1/recipient/{token}/documents/{index}': {
    get: publicOperation({
      operationId: 'getRecipientDocument',
      tags: ['recipient'],
      summary: 'One original document, as an attachment.',
      requestParams: {
        path: ZTokenPathSchema.extend({
          index: z.string().meta({ description: "The document's position in the envelope, from 0." }),
        }),
      },
      ok: { '200': { description: 'The PDF.', content: { 'application/pdf': { schema: binary('application/pdf') } } } },
      errors: [...LINK_ERRORS, 'DOCUMENT_NOT_FOUND', 'LIBRARY_UNAVAILABLE'],
    }),
  },
  '/api/v1/recipient/{token}/sign': {
    post: act('signAsRecipient', 'Sign (signers).', ZSignRequestSchema),
  },
  '/api/v1/recipient/{token}/approve': {
    post: act('approveAsRecipient', 'Approve (approvers).', ZApproveRequestSchema),
  },
  '/api/v1/recipient/{token}/decline': {
    post: act('declineAsRecipient', 'Decline, with a reason.', ZDeclineRequestSchema, ['REASON_REQUIRED']),
  },
  '/api/v1/recipient/{token}/delegate': {
    post: act(
      'delegateAsRecipient',
      'Hand this turn to someone else (when the envelope allows it).',
      ZDelegateRequestSchema,
      ['DELEGATION_NOT_ALLOWED', 'INVALID_EMAIL', 'DUPLICATE_RECIPIENT'],
    ),
  },
  '/sign/{token}': {
    get: {
      operationId: 'signPage',
      tags: ['recipient'],
      summary: 'The interim signing page (HTML; a clear page, with the error status, when the link cannot be used).',
      security: [],
      requestParams: { path: ZTokenPathSchema },
      responses: {
        '200': { description: 'The page.', content: { 'text/html': { schema: z.string() } } },
        default: {
          description: 'A page explaining why the link cannot be used.',
          content: { 'text/html': { schema: z.string() } },
        },
      },
    },
  },
};
