import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { parseOrThrow } from '@signet/shared';
import type { ApiContext } from '../context';
import { finishRecipientSignIn } from '../recipient-auth/finish-recipient-sign-in';
import { recipientAuthDepsOf } from '../recipient-auth/recipient-auth-deps';
import { RECIPIENT_OIDC_CALLBACK_PATH } from '../recipient-auth/start-recipient-sign-in';

const ZCallbackQuerySchema = z.object({
  code: z.string().max(4096).optional(),
  state: z.string().max(256).optional(),
  error: z.string().max(256).optional(),
});

/**
 * Where recipients' identity providers send them back (`/api/v1/recipient-oidc/callback`): a 302 to the
 * signing page with `#session=…` or `#auth_error=<CODE>` (decision 0014).
 */
export function registerRecipientOidcCallback(app: FastifyInstance, ctx: ApiContext): void {
  app.get(RECIPIENT_OIDC_CALLBACK_PATH, async (request, reply) => {
    const query = parseOrThrow(ZCallbackQuerySchema, request.query);
    const location = await finishRecipientSignIn(ctx, recipientAuthDepsOf(ctx), query);
    return reply.header('Cache-Control', 'no-store').header('Referrer-Policy', 'no-referrer').redirect(location, 302);
  });
}
