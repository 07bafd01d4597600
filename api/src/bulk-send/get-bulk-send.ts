import type { TBulkSendView } from '@signet/shared';
import type { Caller } from '../auth/caller';
import type { ApiContext } from '../context';
import type { BulkRowRecord as RowRecord } from './bulk-send-store';
import { bulkDatabaseOf, countRows, findBulkSend, summaryOf } from './bulk-send-store';

/** A bulk send's progress from the database (owner or admin), with one page of its rows in file order. */
export async function getBulkSend(
  ctx: ApiContext,
  caller: Caller,
  id: string,
  page: { offset: number; limit: number },
): Promise<TBulkSendView> {
  const db = bulkDatabaseOf(ctx);
  const bulk = await findBulkSend(db, id, caller);
  const counts = await countRows(db, [id]);
  const records = await db.query<RowRecord>(
    `SELECT row_number, email, status, envelope_id, error_code FROM bulk_send_rows
     WHERE bulk_id = $1 ORDER BY position LIMIT $2 OFFSET $3`,
    [id, page.limit, page.offset],
  );
  const next = page.offset + records.length;
  return {
    ...summaryOf(bulk, counts.get(id)),
    rows: records.map((record) => ({
      row: record.row_number,
      email: record.email,
      status: record.status,
      envelopeId: record.envelope_id,
      errorCode: record.error_code,
    })),
    nextOffset: next < bulk.total ? next : null,
  };
}
