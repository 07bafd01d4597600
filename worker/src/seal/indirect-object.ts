import { AppError, AppErrorCode } from '@signet/shared/errors';
import type { PDFContext, PDFObject } from 'pdf-lib';
import { PDFObjectParser } from 'pdf-lib';
import type { ByteChunks } from './byte-chunks';
import { latin1At, locate } from './byte-chunks';

const HEADER = /^\s*(\d+)\s+(\d+)\s+obj\b/;

export function unreadable(message: string): AppError {
  return new AppError(AppErrorCode.SEAL_FAILED, { message });
}

/** The object number that the `N G obj` header at `offset` declares, or undefined when there is no header. */
export function headerNumberAt(file: ByteChunks, offset: number): number | undefined {
  const header = HEADER.exec(latin1At(file, offset, 48));
  return header ? Number(header[1]) : undefined;
}

/**
 * Parses the indirect object whose header is at `offset`, checking that it is object `expected` when given. Only the
 * object's own bytes are read; pdf-lib copies the data of a stream (only xref and object streams are read this way).
 */
export function parseIndirectObjectAt(
  file: ByteChunks,
  offset: number,
  context: PDFContext,
  expected?: number,
): PDFObject {
  const header = HEADER.exec(latin1At(file, offset, 48));
  const found = locate(file, offset);
  if (!header || !found || (expected !== undefined && Number(header[1]) !== expected)) {
    throw unreadable(`no object ${expected ?? ''} at offset ${offset}`);
  }
  return PDFObjectParser.forBytes(found.chunk.subarray(found.at + header[0].length), context).parseObject();
}
