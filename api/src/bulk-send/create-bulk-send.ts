import type { TBulkProblem, TBulkSendCreated, TBulkSendRequest } from '@signet/shared';
import { AppError, AppErrorCode } from '@signet/shared';
import { assertValidEmail } from '../assert-valid-email';
import type { Caller } from '../auth/caller';
import type { ApiContext } from '../context';
import type { Queryable } from '../db/database';
import { assertStorableText } from '../templates/assert-storable-text';
import { ownerOf } from '../templates/template-store';
import type { BulkRowPlan } from './build-bulk-rows';
import { buildBulkRows, unknownMergeFields } from './build-bulk-rows';
import { bulkDatabaseOf } from './bulk-send-store';
import { checkBulkDocuments } from './check-bulk-documents';
import { parseBulkCsv } from './parse-bulk-csv';
import { resolveBulkSettings } from './resolve-bulk-settings';
import { startBulkSendWorkflow } from './start-bulk-send-workflow';

export type CreateBulkSendInput = { request: TBulkSendRequest; csv: Buffer };

/** Rows per INSERT statement: well under the 65,535 parameters a statement may have. */
const INSERT_CHUNK = 200;

function invalid(problems: TBulkProblem[]): AppError {
  const sorted = [...problems].sort((a, b) => a.row - b.row);
  return new AppError(AppErrorCode.BULK_INVALID, {
    message: `the bulk send has ${problems.length} problem(s); nothing was sent`,
    details: { rows: sorted },
  });
}

/** Everything checked, nothing written: the settings, the CSV, every row, the documents. BULK_INVALID lists all problems. */
async function planBulkSend(ctx: ApiContext, caller: Caller, input: CreateBulkSendInput): Promise<BulkRowPlan[]> {
  const { request } = input;
  assertStorableText(request);
  assertValidEmail(request.sender.email, 'sender.email');
  const { settings, problems } = await resolveBulkSettings(bulkDatabaseOf(ctx), caller, request);
  const parsed = parseBulkCsv(input.csv, ctx.config.bulk.maxRows);
  problems.push(...parsed.problems, ...(await checkBulkDocuments(ctx, request)));
  if (!settings || !parsed.table) throw invalid(problems);
  const unknown = unknownMergeFields(request, settings, parsed.table);
  problems.push(...unknown);
  if (problems.length > 0) throw invalid(problems);
  const built = buildBulkRows(request, settings, parsed.table, { config: ctx.config, nowMs: ctx.now() });
  if (built.problems.length > 0) throw invalid(built.problems);
  return built.rows;
}

async function insertRows(tx: Queryable, bulkId: string, rows: BulkRowPlan[], now: Date): Promise<void> {
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
    const chunk = rows.slice(start, start + INSERT_CHUNK);
    const params: unknown[] = [bulkId, now];
    const values = chunk.map((row) => {
      params.push(row.position, row.row, row.email, JSON.stringify(row.request));
      const n = params.length;
      return `($1, $${n - 3}, $${n - 2}, $${n - 1}, $${n}, 'PENDING', $2)`;
    });
    await tx.query(
      `INSERT INTO bulk_send_rows (bulk_id, position, row_number, email, request, status, updated_at) VALUES ${values.join(', ')}`,
      params,
    );
  }
}

/**
 * Validates a bulk send completely (BULK_INVALID with every row's problems, nothing created), records it with
 * one PENDING row per CSV row in one transaction, and starts `bulkSendWorkflow`, which starts the envelopes
 * in batches. If the workflow cannot be started, the record is deleted again.
 */
export async function createBulkSend(
  ctx: ApiContext,
  caller: Caller,
  input: CreateBulkSendInput,
): Promise<TBulkSendCreated> {
  const rows = await planBulkSend(ctx, caller, input);
  const db = bulkDatabaseOf(ctx);
  const bulkId = ctx.newId();
  const now = new Date(ctx.now());
  await db.transaction(async (tx) => {
    await tx.query('INSERT INTO bulk_sends (id, owner, settings, total, created_at) VALUES ($1, $2, $3, $4, $5)', [
      bulkId,
      ownerOf(caller),
      JSON.stringify(input.request),
      rows.length,
      now,
    ]);
    await insertRows(tx, bulkId, rows, now);
  });
  try {
    await startBulkSendWorkflow(ctx, { bulkId, total: rows.length, batchSize: BULK_BATCH_SIZE });
  } catch (error) {
    await db.query('DELETE FROM bulk_sends WHERE id = $1', [bulkId]);
    throw error;
  }
  return { id: bulkId, total: rows.length, links: { self: `/api/v1/bulk-sends/${encodeURIComponent(bulkId)}` } };
}

/** Rows per activity call: small enough that one attempt stays well inside its timeout. */
export const BULK_BATCH_SIZE = 10;
