import type { BulkRowStatus, TBulkSendView } from '@signet/shared';
import { AppError, AppErrorCode, ZIdSchema } from '@signet/shared';
import type { Caller } from '../auth/caller';
import { isAdmin } from '../auth/caller';
import type { ApiContext } from '../context';
import type { Database, Queryable } from '../db/database';
import { ownerOf } from '../templates/template-store';

export type BulkSendRow = { id: string; owner: string; settings: unknown; total: number; created_at: Date };

/** One row of a bulk send as its outcome is read back (progress pages, the CSV export). */
export type BulkRowRecord = {
  row_number: number;
  email: string;
  status: BulkRowStatus;
  envelope_id: string | null;
  error_code: string | null;
};

export type BulkSendCounts = { started: number; failed: number; pending: number };

/** Bulk sends live in the API's database; without one the routes answer DATABASE_UNAVAILABLE. */
export function bulkDatabaseOf(ctx: Pick<ApiContext, 'database'>): Database {
  if (!ctx.database) {
    throw new AppError(AppErrorCode.DATABASE_UNAVAILABLE, { message: 'this API was started without a database' });
  }
  return ctx.database;
}

/** The bulk send row, or BULK_SEND_NOT_FOUND (also when `caller` is given and is neither its owner nor an admin). */
export async function findBulkSend(db: Queryable, id: string, caller?: Caller): Promise<BulkSendRow> {
  if (!ZIdSchema.safeParse(id).success) throw new AppError(AppErrorCode.BULK_SEND_NOT_FOUND);
  const [row] = await db.query<BulkSendRow>(
    'SELECT id, owner, settings, total, created_at FROM bulk_sends WHERE id = $1',
    [id],
  );
  if (!row || (caller && !isAdmin(caller) && row.owner !== ownerOf(caller))) {
    throw new AppError(AppErrorCode.BULK_SEND_NOT_FOUND, { message: `no bulk send ${id}` });
  }
  return row;
}

/** How many rows of bulk sends `ids` are in each state. */
export async function countRows(db: Queryable, ids: string[]): Promise<Map<string, BulkSendCounts>> {
  const counts = new Map<string, BulkSendCounts>(ids.map((id) => [id, { started: 0, failed: 0, pending: 0 }]));
  if (ids.length === 0) return counts;
  const rows = await db.query<{ bulk_id: string; status: BulkRowStatus; n: number | string }>(
    'SELECT bulk_id, status, count(*) AS n FROM bulk_send_rows WHERE bulk_id = ANY($1) GROUP BY bulk_id, status',
    [ids],
  );
  for (const row of rows) {
    const entry = counts.get(row.bulk_id);
    if (!entry) continue;
    const key = row.status === 'STARTED' ? 'started' : row.status === 'FAILED' ? 'failed' : 'pending';
    entry[key] = Number(row.n);
  }
  return counts;
}

/** The summary part of a bulk send view: COMPLETED once no row is PENDING. */
export function summaryOf(
  row: BulkSendRow,
  counts: BulkSendCounts | undefined,
): Omit<TBulkSendView, 'rows' | 'nextOffset'> {
  const { started, failed, pending } = counts ?? { started: 0, failed: 0, pending: row.total };
  return {
    id: row.id,
    owner: row.owner,
    status: pending === 0 ? 'COMPLETED' : 'RUNNING',
    total: row.total,
    started,
    failed,
    pending,
    createdAt: new Date(row.created_at).toISOString(),
  };
}
