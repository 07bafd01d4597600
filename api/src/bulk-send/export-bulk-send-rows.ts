import type { Caller } from '../auth/caller';
import type { ApiContext } from '../context';
import type { BulkRowRecord as RowRecord } from './bulk-send-store';
import { bulkDatabaseOf, findBulkSend } from './bulk-send-store';
import { toCsv } from './csv-cell';

/**
 * A bulk send's rows as a CSV report (owner or admin): row number in the uploaded file, e-mail, status, envelope
 * id, error code. Values that look like formulas are neutralised by `csvCell`.
 */
export async function exportBulkSendRows(ctx: ApiContext, caller: Caller, id: string): Promise<string> {
  const db = bulkDatabaseOf(ctx);
  await findBulkSend(db, id, caller);
  const records = await db.query<RowRecord>(
    'SELECT row_number, email, status, envelope_id, error_code FROM bulk_send_rows WHERE bulk_id = $1 ORDER BY position',
    [id],
  );
  return toCsv([
    ['row', 'email', 'status', 'envelopeId', 'errorCode'],
    ...records.map((r) => [r.row_number, r.email, r.status, r.envelope_id, r.error_code]),
  ]);
}
