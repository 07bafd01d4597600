import type { FastifyInstance } from 'fastify';
import { parseOrThrow, ZOtpSendRequestSchema, ZOtpVerifyRequestSchema } from '@signet/shared';
import type { ApiContext } from '../context';
import { loadRecipientAccess } from '../recipient-auth/recipient-access';
import { recipientAuthDepsOf } from '../recipient-auth/recipient-auth-deps';
import { sendRecipientOtp } from '../recipient-auth/send-recipient-otp';
import { startRecipientSignIn } from '../recipient-auth/start-recipient-sign-in';
import { verifyRecipientOtp } from '../recipient-auth/verify-recipient-otp';
import { linkTokenParam } from './recipient-link-param';
import { bodyOf, tokenParam } from './request-parts';

/**
 * How a recipient proves themselves (under `/api/v1/recipient`, decision 0014): a mailed one-time code, or
 * a redirect to Microsoft or the strong-authentication provider. Each ends in a session for X-Signet-Session.
 */
export function registerRecipientAuthRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.post('/:token/otp', async (request) => {
    const token = linkTokenParam(ctx, request);
    parseOrThrow(ZOtpSendRequestSchema, bodyOf(request));
    const access = await loadRecipientAccess(ctx, token);
    return sendRecipientOtp(recipientAuthDepsOf(ctx), access);
  });

  app.post('/:token/otp/verify', async (request) => {
    const token = linkTokenParam(ctx, request);
    const { code } = parseOrThrow(ZOtpVerifyRequestSchema, bodyOf(request));
    const access = await loadRecipientAccess(ctx, token);
    return verifyRecipientOtp(recipientAuthDepsOf(ctx), access, code);
  });

  app.get('/:token/oidc/start', async (request, reply) => {
    const access = await loadRecipientAccess(ctx, tokenParam(request));
    return reply.redirect(await startRecipientSignIn(recipientAuthDepsOf(ctx), access), 302);
  });
}
