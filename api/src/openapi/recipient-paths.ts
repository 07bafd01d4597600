import type { ZodType } from 'zod';
import { z } from 'zod';
import type { ZodOpenApiOperationObject, ZodOpenApiPathsObject } from 'zod-openapi';
import type { AppErrorCode } from '@signet/shared';
import {
  ZApproveRequestSchema,
  ZDeclineRequestSchema,
  ZDelegateRequestSchema,
  ZOtpSendRequestSchema,
  ZOtpSentSchema,
  ZOtpVerifyRequestSchema,
  ZRecipientEnvelopeViewSchema,
  ZRecipientSessionSchema,
  ZSignRequestSchema,
} from '@signet/shared';
import { binary, json, publicOperation } from './operation-parts';

// Recipient routes (routes/recipient.ts) and the interim signing page (routes/sign-page.ts): authenticated by
// the link token in the path alone, so they carry no bearer.

const ZTokenPathSchema = z.object({
  token: z.string().min(1).max(2048).meta({ description: 'The link token from the invitation e-mail.' }),
});

/** A session from a one-time code or a sign-in, when the sender asked for more than the link (decision 0014). */
const ZSessionHeaderSchema = z.object({
  'x-signet-session': z
    .string()
    .max(128)
    .optional()
    .meta({
      description:
        'The recipient session (from /otp/verify or the sign-in callback). Required when the recipient must ' +
        'authenticate beyond the link; a 401 AUTHENTICATION_REQUIRED names the method (details.method).',
    }),
});

const LINK_ERRORS: AppErrorCode[] = [
  'INVALID_TOKEN',
  'UNKNOWN_RECIPIENT',
  'ENVELOPE_NOT_FOUND',
  'ENGINE_UNAVAILABLE',
  'AUTHENTICATION_REQUIRED',
];
/** Answers of the routes that prove a recipient and open a session. */
const SIGN_IN_ERRORS: AppErrorCode[] = [
  'INVALID_TOKEN',
  'UNKNOWN_RECIPIENT',
  'ENVELOPE_NOT_FOUND',
  'ENGINE_UNAVAILABLE',
  'ALREADY_ACTED',
  'ENVELOPE_COMPLETED',
  'ENVELOPE_DECLINED',
  'ENVELOPE_CANCELLED',
  'ENVELOPE_EXPIRED',
  'DATABASE_UNAVAILABLE',
];
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
    requestParams: { path: ZTokenPathSchema, header: ZSessionHeaderSchema },
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
      requestParams: { path: ZTokenPathSchema, header: ZSessionHeaderSchema },
      ok: viewAnswer,
      errors: LINK_ERRORS,
    }),
  },
  '/api/v1/recipient/{token}/documents/{index}': {
    get: publicOperation({
      operationId: 'getRecipientDocument',
      tags: ['recipient'],
      summary: 'One original document (attachment, or inline with ?disposition=inline); single byte ranges (Range).',
      requestParams: {
        path: ZTokenPathSchema.extend({
          index: z.string().meta({ description: "The document's position in the envelope, from 0." }),
        }),
        query: z.object({ disposition: z.enum(['inline', 'attachment']).optional() }),
        header: ZSessionHeaderSchema.extend({
          range: z.string().max(100).optional().meta({ description: 'One byte range, e.g. `bytes=0-65535`.' }),
        }),
      },
      ok: {
        '200': { description: 'The PDF.', content: { 'application/pdf': { schema: binary('application/pdf') } } },
        '206': {
          description: 'The asked byte range (Content-Range).',
          content: { 'application/pdf': { schema: binary('application/pdf') } },
        },
        '416': { description: 'The range lies outside the document (Content-Range: bytes */size).' },
      },
      errors: [...LINK_ERRORS, 'DOCUMENT_NOT_FOUND', 'LIBRARY_UNAVAILABLE'],
    }),
  },
  '/api/v1/recipient/{token}/sign': {
    post: act(
      'signAsRecipient',
      'Sign (signers): consent, and a typed, drawn or uploaded signature.',
      ZSignRequestSchema,
      ['CONSENT_REQUIRED', 'INVALID_SIGNATURE_IMAGE'],
    ),
  },
  '/api/v1/recipient/{token}/otp': {
    post: publicOperation({
      operationId: 'sendRecipientOtp',
      tags: ['recipient'],
      summary: 'Mail a six-digit one-time code to the invited address (EMAIL_OTP recipients).',
      requestParams: { path: ZTokenPathSchema },
      requestBody: { required: false, content: json(ZOtpSendRequestSchema) },
      ok: { '200': { description: 'Sent.', content: json(ZOtpSentSchema) } },
      errors: [...SIGN_IN_ERRORS, 'OTP_LOCKED', 'OTP_RATE_LIMITED'],
    }),
  },
  '/api/v1/recipient/{token}/otp/verify': {
    post: publicOperation({
      operationId: 'verifyRecipientOtp',
      tags: ['recipient'],
      summary: 'Check the code; the answer is a session for the X-Signet-Session header.',
      requestParams: { path: ZTokenPathSchema },
      requestBody: { required: true, content: json(ZOtpVerifyRequestSchema) },
      ok: { '200': { description: 'A recipient session.', content: json(ZRecipientSessionSchema) } },
      errors: [...SIGN_IN_ERRORS, 'OTP_INVALID', 'OTP_EXPIRED', 'OTP_LOCKED'],
    }),
  },
  '/api/v1/recipient/{token}/oidc/start': {
    get: publicOperation({
      operationId: 'startRecipientSignIn',
      tags: ['recipient'],
      summary: 'Redirect to Microsoft or the strong-authentication provider (MICROSOFT and STRONG recipients).',
      requestParams: { path: ZTokenPathSchema },
      ok: { '302': { description: "To the identity provider's authorization endpoint (PKCE S256, state, nonce)." } },
      errors: [...SIGN_IN_ERRORS, 'AUTHENTICATION_UNAVAILABLE', 'IDENTITY_PROVIDER_UNAVAILABLE'],
    }),
  },
  '/api/v1/recipient-oidc/callback': {
    get: publicOperation({
      operationId: 'finishRecipientSignIn',
      tags: ['recipient'],
      summary:
        'Where the identity provider returns: 302 to /sign/<token>#session=<session>, or #auth_error=<CODE> ' +
        '(IDENTITY_MISMATCH, AUTHENTICATION_FAILED, …).',
      requestParams: {
        query: z.object({ code: z.string().optional(), state: z.string().optional(), error: z.string().optional() }),
      },
      ok: { '302': { description: 'To the signing page, with the session or the error in the URL fragment.' } },
      errors: ['AUTHENTICATION_FAILED', 'DATABASE_UNAVAILABLE'],
    }),
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
