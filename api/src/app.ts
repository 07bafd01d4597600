import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import Fastify from 'fastify';
import { createSenderAuth, createSenderBodyCheck } from './auth/sender-auth';
import type { ApiDeps } from './context';
import { createApiContext } from './context';
import { MAX_DOCUMENTS } from './documents/check-documents';
import { installErrorHandler } from './errors/error-handler';
import { INTERNAL_ROUTE_MODULES } from './internal/internal-route-modules';
import { registerInternalRoutes } from './internal/register-internal-routes';
import { registerApiKeyRoutes } from './routes/api-keys';
import { registerAppPages } from './routes/app-pages';
import { registerBulkSendRoutes } from './routes/bulk-sends';
import { registerDocsRoutes } from './routes/docs';
import { registerEnvelopeActionRoutes } from './routes/envelope-actions';
import { registerEnvelopeDocumentRoutes } from './routes/envelope-documents';
import { registerEnvelopeRoutes } from './routes/envelopes';
import { registerLibraryRoutes } from './routes/library';
import { registerRecipientRoutes } from './routes/recipient';
import { registerRecipientOidcCallback } from './routes/recipient-oidc-callback';
import { registerSignPage } from './routes/sign-page';
import { registerStaticAssets } from './routes/static-assets';
import { registerTemplateRoutes } from './routes/templates';
import { registerVerifyRoutes } from './routes/verify';
import { registerWebhookRoutes } from './webhooks/webhook-routes';

/** JSON bodies are small (the envelope JSON); documents travel as multipart files. */
const JSON_BODY_LIMIT = 1024 * 1024;
/** Link tokens are path parameters of ~150 characters (fastify's default limit is 100); verify caps them at 2048. */
const MAX_PARAM_LENGTH = 2048;

/**
 * Builds the HTTP API without listening, so tests can `inject` requests. Throws INVALID_CONFIG when
 * `config.linkSecret` or `config.api.token` is missing.
 *
 * - `/api/v1/envelopes*`, `/api/v1/library*`, `/api/v1/verify`, `/api/v1/api-keys*`: sender routes,
 *   `Authorization: Bearer <SIGNET_API_TOKEN, an API key or an Entra ID access token>`, authorised per route
 *   (`auth/route-policy.ts`).
 * - `/api/v1/recipient/:token*`: recipient routes, authenticated by the link token (plus `X-Signet-Session` when
 *   the sender asked for a code or a sign-in); `/api/v1/recipient-oidc/callback`: recipients' sign-in returns.
 * - `/sign/:token`: the signing page's shell; `/assets/:name`: its browser bundles.  `/healthz`: liveness.
 * - `/api/docs` (HTML) and `/api/docs/openapi.json`: the OpenAPI 3.1 document, public.
 * - `/internal/v1/*`: the worker's service-to-service routes (`Bearer <SIGNET_INTERNAL_TOKEN>`).
 * - `/app`, `/app/*`: the sender web UI; `/app/login`, `/app/auth/callback`, `/app/session`, `/app/logout`: its
 *   OpenID Connect sign-in and cookie session, also accepted on sender routes (CSRF-checked; decision 0017).
 */
export function buildApp(deps: ApiDeps): FastifyInstance {
  const ctx = createApiContext(deps);
  const app = Fastify({
    logger: false,
    bodyLimit: JSON_BODY_LIMIT,
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
  });
  installErrorHandler(app, ctx.logger);

  void app.register(multipart, {
    limits: {
      fileSize: ctx.config.maxUploadBytes,
      // One more than allowed, so the extra file gets the clear "at most N documents" answer.
      files: MAX_DOCUMENTS + 1,
      fields: 4,
      fieldSize: JSON_BODY_LIMIT,
      parts: MAX_DOCUMENTS + 5,
    },
  });

  app.get('/healthz', () => ({ status: 'ok' }));

  void app.register(
    // eslint-disable-next-line @typescript-eslint/require-await -- async plugin: a registration error then fails app.ready() instead of escaping avvio
    async (senderScope) => {
      senderScope.addHook('onRequest', createSenderAuth(ctx));
      senderScope.addHook('preHandler', createSenderBodyCheck());
      registerEnvelopeRoutes(senderScope, ctx);
      registerEnvelopeActionRoutes(senderScope, ctx);
      registerEnvelopeDocumentRoutes(senderScope, ctx);
      registerLibraryRoutes(senderScope, ctx);
      registerVerifyRoutes(senderScope, ctx);
      registerApiKeyRoutes(senderScope, ctx);
      registerTemplateRoutes(senderScope, ctx);
      registerBulkSendRoutes(senderScope, ctx);
      registerWebhookRoutes(senderScope, ctx);
    },
    { prefix: '/api/v1' },
  );
  // eslint-disable-next-line @typescript-eslint/require-await -- async plugin, as above
  void app.register(async (recipientScope) => registerRecipientRoutes(recipientScope, ctx), {
    prefix: '/api/v1/recipient',
  });
  registerRecipientOidcCallback(app, ctx);
  registerSignPage(app, ctx);
  registerAppPages(app, ctx);
  registerStaticAssets(app);
  registerDocsRoutes(app);
  registerInternalRoutes(app, ctx, INTERNAL_ROUTE_MODULES);
  return app;
}
