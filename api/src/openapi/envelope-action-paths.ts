import type { ZodType } from 'zod';
import { z } from 'zod';
import type { ZodObjectInput, ZodOpenApiOperationObject, ZodOpenApiPathsObject } from 'zod-openapi';
import type { AppErrorCode } from '@signet/shared';
import {
  ZAddRecipientRequestSchema,
  ZCancelEnvelopeRequestSchema,
  ZEnvelopeViewSchema,
  ZExtendDeadlineRequestSchema,
  ZLegalHoldResponseSchema,
  ZRemindRecipientsRequestSchema,
  ZReplaceRecipientRequestSchema,
  ZSetLegalHoldRequestSchema,
} from '@signet/shared';
import { json, senderOperation, ZActorHeadersSchema, ZEnvelopeIdPathSchema } from './operation-parts';

/** Any update to a running envelope: the workflow's refusals, or it has ended. */
const UPDATE_ERRORS: AppErrorCode[] = [
  'INVALID_EMAIL',
  'ENVELOPE_NOT_FOUND',
  'ENVELOPE_COMPLETED',
  'ENVELOPE_DECLINED',
  'ENVELOPE_CANCELLED',
  'ENVELOPE_EXPIRED',
  'ENGINE_UNAVAILABLE',
];

const ZRecipientPathSchema = ZEnvelopeIdPathSchema.extend({
  recipientId: z.string().min(1).max(64).meta({ description: "The recipient's id in the envelope." }),
});

type ActionSpec = {
  operationId: string;
  summary: string;
  /** The body schema; `required` false when every field is optional (an empty POST is fine). */
  body?: { schema: ZodType; required: boolean };
  path?: ZodObjectInput;
  errors?: AppErrorCode[];
  answer?: ZodType;
};

function action(spec: ActionSpec): ZodOpenApiOperationObject {
  return senderOperation({
    operationId: spec.operationId,
    tags: ['envelope actions'],
    summary: spec.summary,
    requestParams: { path: spec.path ?? ZEnvelopeIdPathSchema, header: ZActorHeadersSchema },
    ...(spec.body ? { requestBody: { required: spec.body.required, content: json(spec.body.schema) } } : {}),
    ok: { '200': { description: 'The envelope afterwards.', content: json(spec.answer ?? ZEnvelopeViewSchema) } },
    errors: [...UPDATE_ERRORS, ...(spec.errors ?? [])],
  });
}

/** `/api/v1/envelopes/{id}/…` sender actions (routes/envelope-actions.ts). */
export const ENVELOPE_ACTION_PATHS: ZodOpenApiPathsObject = {
  '/api/v1/envelopes/{id}/cancel': {
    post: action({
      operationId: 'cancelEnvelope',
      summary: 'Cancel the envelope (a reason is required).',
      body: { schema: ZCancelEnvelopeRequestSchema, required: false },
      errors: ['REASON_REQUIRED'],
    }),
  },
  '/api/v1/envelopes/{id}/extend': {
    post: action({
      operationId: 'extendDeadline',
      summary: 'Move the deadline later: a new instant, or a duration added to the current deadline.',
      body: { schema: ZExtendDeadlineRequestSchema, required: true },
      errors: ['DEADLINE_NOT_LATER', 'DEADLINE_IN_PAST', 'INVALID_DURATION'],
    }),
  },
  '/api/v1/envelopes/{id}/remind': {
    post: action({
      operationId: 'remindRecipients',
      summary: 'Remind these pending recipients now, or all pending ones.',
      body: { schema: ZRemindRecipientsRequestSchema, required: false },
      errors: ['UNKNOWN_RECIPIENT'],
    }),
  },
  '/api/v1/envelopes/{id}/legal-hold': {
    post: action({
      operationId: 'setLegalHold',
      summary: 'Set or release a legal hold (on the retention workflow once the envelope has ended).',
      body: { schema: ZSetLegalHoldRequestSchema, required: true },
      answer: ZLegalHoldResponseSchema,
    }),
  },
  '/api/v1/envelopes/{id}/recipients': {
    post: action({
      operationId: 'addRecipient',
      summary: 'Add a recipient to the current or a later routing group.',
      body: { schema: ZAddRecipientRequestSchema, required: true },
      errors: ['DUPLICATE_RECIPIENT', 'ROUTING_ORDER_PASSED'],
    }),
  },
  '/api/v1/envelopes/{id}/recipients/{recipientId}': {
    put: action({
      operationId: 'replaceRecipient',
      summary: 'Give a recipient who has not acted a new person (the old link stops working).',
      path: ZRecipientPathSchema,
      body: { schema: ZReplaceRecipientRequestSchema, required: true },
      errors: ['UNKNOWN_RECIPIENT', 'ALREADY_ACTED', 'DUPLICATE_RECIPIENT'],
    }),
    delete: action({
      operationId: 'removeRecipient',
      summary: 'Remove a recipient who has not acted.',
      path: ZRecipientPathSchema,
      errors: ['UNKNOWN_RECIPIENT', 'ALREADY_ACTED', 'LAST_ACTING_RECIPIENT'],
    }),
  },
};
