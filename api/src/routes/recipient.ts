import type { FastifyInstance } from 'fastify';
import {
  parseOrThrow,
  ZApproveRequestSchema,
  ZDeclineRequestSchema,
  ZDelegateRequestSchema,
  ZSignRequestSchema,
} from '@signet/shared';
import type { ApiContext } from '../context';
import { actAsRecipient } from '../use-cases/act-as-recipient';
import { getRecipientDocument } from '../use-cases/get-recipient-document';
import { viewAsRecipient } from '../use-cases/view-as-recipient';
import { attachmentDisposition } from './content-disposition';
import { bodyOf, documentIndexParam, tokenParam } from './request-parts';

/**
 * Recipient routes (mounted under `/api/v1/recipient`), authenticated by the link token alone. Answers are
 * never cached and never leak the token-bearing URL through a Referer.
 */
export function registerRecipientRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.addHook('onSend', async (_request, reply) => {
    void reply.header('Cache-Control', 'no-store').header('Referrer-Policy', 'no-referrer');
  });

  app.get('/:token', async (request) => viewAsRecipient(ctx, tokenParam(request)));

  app.get('/:token/documents/:index', async (request, reply) => {
    const document = await getRecipientDocument(ctx, tokenParam(request), documentIndexParam(request));
    return reply
      .header('Content-Type', 'application/pdf')
      .header('Content-Disposition', attachmentDisposition(document.name))
      .header('X-Content-Type-Options', 'nosniff')
      .send(document.bytes);
  });

  app.post('/:token/sign', async (request) => {
    const body = parseOrThrow(ZSignRequestSchema, bodyOf(request));
    return actAsRecipient(ctx, tokenParam(request), { kind: 'sign', ...body });
  });

  app.post('/:token/approve', async (request) => {
    parseOrThrow(ZApproveRequestSchema, bodyOf(request));
    return actAsRecipient(ctx, tokenParam(request), { kind: 'approve' });
  });

  app.post('/:token/decline', async (request) => {
    const body = parseOrThrow(ZDeclineRequestSchema, bodyOf(request));
    return actAsRecipient(ctx, tokenParam(request), { kind: 'decline', ...body });
  });

  app.post('/:token/delegate', async (request) => {
    const body = parseOrThrow(ZDelegateRequestSchema, bodyOf(request));
    return actAsRecipient(ctx, tokenParam(request), { kind: 'delegate', ...body });
  });
}
