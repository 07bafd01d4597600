import type { FastifyRequest } from 'fastify';
import { AppError, AppErrorCode } from '@signet/shared';
import { multipartParts, readFilePart } from '../routes/read-upload';

/** The parts of `POST /api/v1/bulk-sends`: the `bulk` JSON field and the `recipients` CSV file. */
export type BulkUpload = { bulk: unknown; csv: Buffer };

/** A recipients CSV larger than this is refused before it is parsed (1,000 rows are ~100 kB). */
export const MAX_CSV_BYTES = 5 * 1024 * 1024;

function invalid(message: string): AppError {
  return new AppError(AppErrorCode.VALIDATION_FAILED, { message });
}

/** Reads the multipart body into memory; nothing is stored. */
export async function readBulkUpload(request: FastifyRequest): Promise<BulkUpload> {
  let bulkJson: string | undefined;
  let csv: Buffer | undefined;
  for await (const part of multipartParts(request)) {
    if (part.type === 'file') {
      if (part.fieldname !== 'recipients' || csv !== undefined) {
        throw invalid(`unexpected file part "${part.fieldname}"; send one "recipients" CSV file`);
      }
      csv = await readFilePart(part, part.filename || 'recipients.csv', MAX_CSV_BYTES);
      if (csv.length > MAX_CSV_BYTES) {
        throw new AppError(AppErrorCode.PAYLOAD_TOO_LARGE, {
          message: `the CSV is larger than ${MAX_CSV_BYTES} bytes`,
        });
      }
    } else if (part.fieldname === 'bulk') {
      if (part.valueTruncated)
        throw new AppError(AppErrorCode.PAYLOAD_TOO_LARGE, { message: 'the bulk field is too large' });
      bulkJson = String(part.value);
    } else {
      throw invalid(`unexpected field "${part.fieldname}"; expected "bulk" and "recipients" parts`);
    }
  }
  if (bulkJson === undefined) throw invalid('bulk: the "bulk" field with the settings JSON is missing');
  if (csv === undefined) throw invalid('recipients: the "recipients" CSV file is missing');
  try {
    return { bulk: JSON.parse(bulkJson) as unknown, csv };
  } catch {
    throw invalid('bulk: not valid JSON');
  }
}
