import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, AppErrorCode } from '@signet/shared';
import { isAuthorizedBearer } from '../auth/sender-auth';
import type { ApiContext } from '../context';

/** One module of internal routes; each registers its paths (relative to `/internal/v1`) on the given scope. */
export type InternalRoutes = (scope: FastifyInstance, ctx: ApiContext) => void;

/**
 * `/internal/v1/*`: service-to-service routes the worker's activities call (the API owns the database, so
 * activities that read or write it come here). Authenticated by `Authorization: Bearer <SIGNET_INTERNAL_TOKEN>`
 * only, compared in constant time; without a configured token every call is refused. Not in the OpenAPI
 * document: these are not a public contract.
 */
export function registerInternalRoutes(app: FastifyInstance, ctx: ApiContext, modules: InternalRoutes[]): void {
  void app.register(
    // eslint-disable-next-line @typescript-eslint/require-await -- async plugin: a registration error fails app.ready()
    async (scope) => {
      scope.addHook('onRequest', (request: FastifyRequest, _reply, done) => {
        const token = ctx.config.internalToken;
        if (!token || !isAuthorizedBearer(request.headers.authorization, token)) {
          done(new AppError(AppErrorCode.UNAUTHENTICATED, { message: 'internal route: service token required' }));
          return;
        }
        done();
      });
      for (const register of modules) register(scope, ctx);
    },
    { prefix: '/internal/v1' },
  );
}
