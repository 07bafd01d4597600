import type { FastifyInstance, FastifyReply } from 'fastify';
import { AppErrorCode } from '@signet/shared';
import type { ApiContext } from '../context';
import { toAppError } from '../errors/error-handler';
import { renderLinkProblemPage, renderSignPage } from '../pages/sign-page';
import { viewAsRecipient } from '../use-cases/view-as-recipient';
import { tokenParam } from './request-parts';

/** No script, no external anything; styles inline only. The URL holds a token, so no Referer and no caching. */
const PAGE_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

function sendPage(reply: FastifyReply, status: number, html: string): FastifyReply {
  return reply.status(status).headers(PAGE_HEADERS).send(html);
}

/** `GET /sign/:token`: the recipient's page, or a clear page when the link cannot be used. */
export function registerSignPage(app: FastifyInstance, ctx: ApiContext): void {
  app.get('/sign/:token', async (request, reply) => {
    const token = tokenParam(request);
    try {
      return sendPage(reply, 200, renderSignPage(await viewAsRecipient(ctx, token), token));
    } catch (thrown) {
      const error = toAppError(thrown);
      if (error.code === AppErrorCode.INTERNAL) {
        ctx.logger.error('sign page failed', {
          error: thrown instanceof Error ? (thrown.stack ?? thrown.message) : String(thrown),
        });
      }
      return sendPage(reply, error.statusCode, renderLinkProblemPage(error));
    }
  });
}
