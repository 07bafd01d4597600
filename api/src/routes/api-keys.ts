import type { FastifyInstance } from 'fastify';
import { AppError, AppErrorCode, parseOrThrow } from '@signet/shared';
import { ZCreateApiKeyRequestSchema } from '../api-keys/api-key-schemas';
import type { ApiKeyDeps } from '../api-keys/api-key-store';
import { createApiKey } from '../api-keys/create-api-key';
import { listApiKeys } from '../api-keys/list-api-keys';
import { revokeApiKey } from '../api-keys/revoke-api-key';
import type { ApiContext } from '../context';

function keyDeps(ctx: ApiContext): ApiKeyDeps {
  if (!ctx.database) {
    throw new AppError(AppErrorCode.DATABASE_UNAVAILABLE, { message: 'this API was started without a database' });
  }
  return { db: ctx.database, now: ctx.now, newId: ctx.newId };
}

/**
 * Admin routes for API keys (mounted under `/api/v1`; admin role and `admin` scope, see route-policy.ts).
 * The new key's secret is in the create answer only, which no cache may keep.
 */
export function registerApiKeyRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.post('/api-keys', async (request, reply) => {
    const body = parseOrThrow(ZCreateApiKeyRequestSchema, request.body ?? {});
    const created = await createApiKey(keyDeps(ctx), body);
    return reply.status(201).header('cache-control', 'no-store').send(created);
  });

  app.get('/api-keys', async () => listApiKeys(keyDeps(ctx)));

  app.delete('/api-keys/:id', async (request) => revokeApiKey(keyDeps(ctx), (request.params as { id: string }).id));
}
