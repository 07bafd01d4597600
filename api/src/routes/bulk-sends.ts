import type { FastifyInstance } from 'fastify';
import { parseOrThrow, ZBulkSendRequestSchema, ZBulkSendRowsQuerySchema } from '@signet/shared';
import { assertCreatesAsCaller } from '../auth/authorise-request';
import { callerOf } from '../auth/caller';
import { createBulkSend } from '../bulk-send/create-bulk-send';
import { exportBulkSendRows } from '../bulk-send/export-bulk-send-rows';
import { getBulkSend } from '../bulk-send/get-bulk-send';
import { listBulkSends } from '../bulk-send/list-bulk-sends';
import { readBulkUpload } from '../bulk-send/read-bulk-upload';
import type { ApiContext } from '../context';

/**
 * Sender routes for bulk sends (mounted under `/api/v1`). Create answers 202: the rows are validated and
 * recorded, and a workflow starts their envelopes; progress is read from `GET /bulk-sends/:id`.
 */
export function registerBulkSendRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.post('/bulk-sends', async (request, reply) => {
    const upload = await readBulkUpload(request);
    const bulk = parseOrThrow(ZBulkSendRequestSchema, upload.bulk);
    // Senders send only in their own name, checked before anything else is read or written.
    assertCreatesAsCaller(request, bulk.sender.email);
    return reply.status(202).send(await createBulkSend(ctx, callerOf(request), { request: bulk, csv: upload.csv }));
  });

  app.get('/bulk-sends', async (request) => listBulkSends(ctx, callerOf(request)));

  app.get('/bulk-sends/:id', async (request) =>
    getBulkSend(
      ctx,
      callerOf(request),
      (request.params as { id: string }).id,
      parseOrThrow(ZBulkSendRowsQuerySchema, request.query ?? {}),
    ),
  );

  app.get('/bulk-sends/:id/rows.csv', async (request, reply) => {
    const id = (request.params as { id: string }).id;
    const csv = await exportBulkSendRows(ctx, callerOf(request), id);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="bulk-send-${id}.csv"`)
      .send(csv);
  });
}
