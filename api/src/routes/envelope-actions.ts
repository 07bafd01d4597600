import type { FastifyInstance } from 'fastify';
import {
  parseOrThrow,
  ZAddRecipientRequestSchema,
  ZCancelEnvelopeRequestSchema,
  ZExtendDeadlineRequestSchema,
  ZRemindRecipientsRequestSchema,
  ZReplaceRecipientRequestSchema,
  ZSetLegalHoldRequestSchema,
} from '@signet/shared';
import type { ApiContext } from '../context';
import { addRecipient } from '../use-cases/add-recipient';
import { cancelEnvelope } from '../use-cases/cancel-envelope';
import { extendDeadline } from '../use-cases/extend-deadline';
import { remindRecipients } from '../use-cases/remind-recipients';
import { removeRecipient } from '../use-cases/remove-recipient';
import { replaceRecipient } from '../use-cases/replace-recipient';
import { setLegalHold } from '../use-cases/set-legal-hold';
import { actorOf, bodyOf, envelopeIdParam, recipientIdParam } from './request-parts';

/**
 * Sender actions on one envelope (mounted under `/api/v1`, token-protected). Each answers with the
 * envelope as it is afterwards, except legal hold, which answers `{ envelopeId, legalHold }`.
 */
export function registerEnvelopeActionRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.post('/envelopes/:id/cancel', async (request) => {
    const body = parseOrThrow(ZCancelEnvelopeRequestSchema, bodyOf(request));
    return cancelEnvelope(ctx, { envelopeId: envelopeIdParam(request), actor: actorOf(request), ...body });
  });

  app.post('/envelopes/:id/extend', async (request) => {
    const body = parseOrThrow(ZExtendDeadlineRequestSchema, bodyOf(request));
    return extendDeadline(ctx, { envelopeId: envelopeIdParam(request), actor: actorOf(request), ...body });
  });

  app.post('/envelopes/:id/remind', async (request) => {
    const body = parseOrThrow(ZRemindRecipientsRequestSchema, bodyOf(request));
    return remindRecipients(ctx, { envelopeId: envelopeIdParam(request), actor: actorOf(request), ...body });
  });

  app.post('/envelopes/:id/legal-hold', async (request) => {
    const body = parseOrThrow(ZSetLegalHoldRequestSchema, bodyOf(request));
    return setLegalHold(ctx, { envelopeId: envelopeIdParam(request), actor: actorOf(request), ...body });
  });

  app.post('/envelopes/:id/recipients', async (request) => {
    const body = parseOrThrow(ZAddRecipientRequestSchema, bodyOf(request));
    return addRecipient(ctx, { envelopeId: envelopeIdParam(request), actor: actorOf(request), ...body });
  });

  app.put('/envelopes/:id/recipients/:recipientId', async (request) => {
    const body = parseOrThrow(ZReplaceRecipientRequestSchema, bodyOf(request));
    const target = { envelopeId: envelopeIdParam(request), recipientId: recipientIdParam(request) };
    return replaceRecipient(ctx, { ...target, actor: actorOf(request), ...body });
  });

  app.delete('/envelopes/:id/recipients/:recipientId', async (request) =>
    removeRecipient(ctx, {
      envelopeId: envelopeIdParam(request),
      recipientId: recipientIdParam(request),
      actor: actorOf(request),
    }),
  );
}
