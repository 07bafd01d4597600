import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  parseOrThrow,
  ZApproveRequestSchema,
  ZDeclineRequestSchema,
  ZDelegateRequestSchema,
  ZSignRequestSchema,
} from '@signet/shared';
import type { ApiContext } from '../context';
import { sessionHeaderOf } from '../recipient-auth/authenticate-recipient';
import { checkSignRequest } from '../recipient-auth/check-sign-request';
import { actAsRecipient } from '../use-cases/act-as-recipient';
import { getRecipientDocument } from '../use-cases/get-recipient-document';
import { viewAsRecipient } from '../use-cases/view-as-recipient';
import { registerRecipientAuthRoutes } from './recipient-auth';
import { sendPdf } from './recipient-document-range';
import { linkTokenParam } from './recipient-link-param';
import { bodyOf, documentIndexParam, tokenParam } from './request-parts';

function sessionOf(request: FastifyRequest): string | undefined {
  return sessionHeaderOf(request.headers);
}

/**
 * Recipient routes (mounted under `/api/v1/recipient`), authenticated by the link token, plus the
 * `X-Signet-Session` header when the sender asked for more than the link (decision 0014). Answers are never
 * cached and never leak the token-bearing URL through a Referer.
 */
export function registerRecipientRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.addHook('onSend', async (_request, reply) => {
    void reply.header('Cache-Control', 'no-store').header('Referrer-Policy', 'no-referrer');
  });

  app.get('/:token', async (request) => viewAsRecipient(ctx, tokenParam(request), sessionOf(request)));

  app.get('/:token/documents/:index', async (request, reply) => {
    const document = await getRecipientDocument(
      ctx,
      tokenParam(request),
      sessionOf(request),
      documentIndexParam(request),
    );
    const { disposition } = request.query as { disposition?: unknown };
    return sendPdf(reply, document, { range: request.headers.range, inline: disposition === 'inline' });
  });

  app.post('/:token/sign', async (request) => {
    const token = linkTokenParam(ctx, request);
    const body = parseOrThrow(ZSignRequestSchema, bodyOf(request));
    checkSignRequest(body);
    const { consent: _consent, ...signature } = body;
    return actAsRecipient(ctx, token, sessionOf(request), { kind: 'sign', ...signature });
  });

  app.post('/:token/approve', async (request) => {
    const token = linkTokenParam(ctx, request);
    parseOrThrow(ZApproveRequestSchema, bodyOf(request));
    return actAsRecipient(ctx, token, sessionOf(request), { kind: 'approve' });
  });

  app.post('/:token/decline', async (request) => {
    const token = linkTokenParam(ctx, request);
    const body = parseOrThrow(ZDeclineRequestSchema, bodyOf(request));
    return actAsRecipient(ctx, token, sessionOf(request), { kind: 'decline', ...body });
  });

  app.post('/:token/delegate', async (request) => {
    const token = linkTokenParam(ctx, request);
    const body = parseOrThrow(ZDelegateRequestSchema, bodyOf(request));
    return actAsRecipient(ctx, token, sessionOf(request), { kind: 'delegate', ...body });
  });

  registerRecipientAuthRoutes(app, ctx);
}
