import { AppError, AppErrorCode } from '@signet/shared';
import type { PDFObject } from 'pdf-lib';
import { PDFDocument, PDFRef } from 'pdf-lib';

/** The kind of cross-reference section a revision ends with; an update must append the same kind. */
export type XrefKind = 'table' | 'stream';

/** What an incremental update needs to know about the revision it extends. pdf-lib is used read-only. */
export type PdfRevision = {
  bytes: Uint8Array;
  doc: PDFDocument;
  /** Offset of the last cross-reference section (the next update's /Prev). */
  startXref: number;
  xrefKind: XrefKind;
  /** The first object number free for new objects. */
  nextObjectNumber: number;
  root: PDFRef;
  info: PDFObject | undefined;
  id: PDFObject | undefined;
};

/**
 * Parses the last revision of `bytes`. Fails with `errorCode` (default SEAL_FAILED) for encrypted or unreadable
 * files; callers that check user documents (evidence pages) pass INVALID_DOCUMENT.
 */
export async function readRevision(
  bytes: Uint8Array,
  errorCode: AppErrorCode = AppErrorCode.SEAL_FAILED,
): Promise<PdfRevision> {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const startXref = lastStartXref(latin1, errorCode);
  const xrefKind: XrefKind = /^\s*xref\b/.test(latin1.slice(startXref, startXref + 32)) ? 'table' : 'stream';
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false });
  } catch (cause) {
    throw new AppError(errorCode, { message: 'the PDF cannot be parsed (or is encrypted)', cause });
  }
  const { Root, Info, ID, Encrypt } = doc.context.trailerInfo;
  if (Encrypt) throw new AppError(errorCode, { message: 'encrypted PDFs cannot be sealed' });
  if (!(Root instanceof PDFRef)) throw new AppError(errorCode, { message: 'the PDF has no catalog' });
  const declaredSize = Number(/\/Size\s+(\d+)/.exec(latin1.slice(startXref))?.[1] ?? 0);
  return {
    bytes,
    doc,
    startXref,
    xrefKind,
    nextObjectNumber: Math.max(declaredSize, doc.context.largestObjectNumber + 1),
    root: Root,
    info: Info,
    id: ID,
  };
}

function lastStartXref(latin1: string, errorCode: AppErrorCode): number {
  const tail = latin1.slice(-4096);
  const match = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail) ?? [...tail.matchAll(/startxref\s+(\d+)/g)].pop();
  const offset = Number(match?.[1] ?? NaN);
  if (!Number.isSafeInteger(offset) || offset <= 0 || offset >= latin1.length) {
    throw new AppError(errorCode, { message: 'the PDF has no usable startxref' });
  }
  return offset;
}
