import type { TBulkSendList } from '@signet/shared';
import type { Caller } from '../auth/caller';
import { isAdmin } from '../auth/caller';
import type { ApiContext } from '../context';
import { ownerOf } from '../templates/template-store';
import type { BulkSendRow } from './bulk-send-store';
import { bulkDatabaseOf, countRows, summaryOf } from './bulk-send-store';

/** The caller's bulk sends, newest first (admins: everyone's), at most 100. */
export async function listBulkSends(ctx: ApiContext, caller: Caller): Promise<TBulkSendList> {
  const db = bulkDatabaseOf(ctx);
  const columns = 'id, owner, settings, total, created_at';
  const rows = isAdmin(caller)
    ? await db.query<BulkSendRow>(`SELECT ${columns} FROM bulk_sends ORDER BY created_at DESC, id LIMIT 100`)
    : await db.query<BulkSendRow>(
        `SELECT ${columns} FROM bulk_sends WHERE owner = $1 ORDER BY created_at DESC, id LIMIT 100`,
        [ownerOf(caller)],
      );
  const counts = await countRows(
    db,
    rows.map((row) => row.id),
  );
  return { bulkSends: rows.map((row) => summaryOf(row, counts.get(row.id))) };
}
