import type { FastifyInstance } from 'fastify';
import { parseOrThrow, ZBulkSendBatchRequestSchema } from '@signet/shared';
import type { ApiContext } from '../context';
import { startBulkSendBatch } from './start-bulk-send-batch';

/** `/internal/v1/bulk-sends/:id/batches`: the worker's `startBulkSendBatch` activity (service token only). */
export function registerInternalBulkSendRoutes(scope: FastifyInstance, ctx: ApiContext): void {
  scope.post('/bulk-sends/:id/batches', async (request) => {
    const batch = parseOrThrow(ZBulkSendBatchRequestSchema, request.body ?? {});
    return startBulkSendBatch(ctx, (request.params as { id: string }).id, batch);
  });
}
