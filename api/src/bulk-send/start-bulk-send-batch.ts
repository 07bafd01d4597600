import type { BulkRowStatus, TBulkSendBatchRequest, TBulkSendBatchResult } from '@signet/shared';
import {
  AppError,
  AppErrorCode,
  bulkRowEnvelopeId,
  ERROR_CATALOGUE,
  parseOrThrow,
  ZBulkSendRequestSchema,
  ZCreateEnvelopeRequestSchema,
} from '@signet/shared';
import type { ApiContext } from '../context';
import type { UploadedFile } from '../documents/check-documents';
import { createEnvelope } from '../use-cases/create-envelope';
import { bulkDatabaseOf, findBulkSend } from './bulk-send-store';

type RowRecord = { position: number; row_number: number; request: unknown; status: BulkRowStatus };
type SourceDocument = { name: string; bytes: Buffer };

function jsonOf(value: unknown): unknown {
  return typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
}

async function readSources(ctx: ApiContext, paths: string[]): Promise<SourceDocument[]> {
  const sources: SourceDocument[] = [];
  for (const path of paths) {
    const described = await ctx.library.describe(path);
    sources.push({ name: described.name, bytes: await ctx.library.read(path) });
  }
  return sources;
}

/**
 * Starts one row's envelope with its own copy of each document (a library document can be in one pending
 * envelope only), under an id derived from the bulk id and row: a retried batch meets ENVELOPE_EXISTS for
 * rows it already started, which counts as started. Permanent errors fail the row; transient ones
 * (retryable codes, unknown faults) are thrown so the activity retries the batch.
 */
async function startRow(
  ctx: ApiContext,
  bulkId: string,
  record: RowRecord,
  sources: SourceDocument[],
): Promise<{ status: BulkRowStatus; envelopeId: string; errorCode: string | null }> {
  const envelopeId = bulkRowEnvelopeId(bulkId, record.row_number);
  const uploads: UploadedFile[] = sources.map((source) => ({
    fileName: `${record.row_number}-${source.name}`,
    bytes: source.bytes,
  }));
  try {
    const request = parseOrThrow(ZCreateEnvelopeRequestSchema, { ...(jsonOf(record.request) as object), envelopeId });
    await createEnvelope(ctx, { request, uploads });
    return { status: 'STARTED', envelopeId, errorCode: null };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === AppErrorCode.ENVELOPE_EXISTS) return { status: 'STARTED', envelopeId, errorCode: null };
    if (ERROR_CATALOGUE[error.code].retryable) throw error;
    ctx.logger.warn('bulk send row failed', { bulkId, row: record.row_number, code: error.code });
    return { status: 'FAILED', envelopeId, errorCode: error.code };
  }
}

/**
 * The worker's batch call: starts the PENDING rows at positions `from` … `from + count − 1` and answers how
 * many rows of that range are now STARTED and FAILED (so a retried batch reports the same totals).
 */
export async function startBulkSendBatch(
  ctx: ApiContext,
  bulkId: string,
  batch: TBulkSendBatchRequest,
): Promise<TBulkSendBatchResult> {
  const db = bulkDatabaseOf(ctx);
  const bulk = await findBulkSend(db, bulkId);
  const records = await db.query<RowRecord>(
    `SELECT position, row_number, request, status FROM bulk_send_rows
     WHERE bulk_id = $1 AND position >= $2 AND position < $3 ORDER BY position`,
    [bulkId, batch.from, batch.from + batch.count],
  );
  const pending = records.filter((record) => record.status === 'PENDING');
  const result: TBulkSendBatchResult = { started: 0, failed: 0 };
  let sources: SourceDocument[] | undefined;
  let sourceError: AppError | undefined;
  if (pending.length > 0) {
    const settings = ZBulkSendRequestSchema.parse(jsonOf(bulk.settings));
    try {
      sources = await readSources(
        ctx,
        settings.documents.map((document) => document.libraryPath),
      );
    } catch (error) {
      // A document removed since validation fails the rows for good; anything else is retried.
      if (!(error instanceof AppError) || ERROR_CATALOGUE[error.code].retryable) throw error;
      sourceError = error;
    }
  }
  for (const record of records) {
    let status = record.status;
    if (status === 'PENDING') {
      const outcome = sources
        ? await startRow(ctx, bulkId, record, sources)
        : { status: 'FAILED' as const, envelopeId: null, errorCode: sourceError?.code ?? AppErrorCode.INTERNAL };
      status = outcome.status;
      await db.query(
        `UPDATE bulk_send_rows SET status = $3, envelope_id = $4, error_code = $5, updated_at = $6
         WHERE bulk_id = $1 AND position = $2`,
        [bulkId, record.position, outcome.status, outcome.envelopeId, outcome.errorCode, new Date(ctx.now())],
      );
    }
    if (status === 'STARTED') result.started += 1;
    if (status === 'FAILED') result.failed += 1;
  }
  return result;
}
