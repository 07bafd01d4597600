import { createHash } from 'node:crypto';
import { ParseSpeeds, PDFDocument } from 'pdf-lib';
import { AppError, AppErrorCode } from '@signet/shared';

/** What the API learns about an accepted PDF. */
export type PdfFacts = { sha256: string; pageCount: number; size: number };

/** Limits a document must stay within (defaults: 50 MB, 1,000 pages; see SignetConfig). */
export type DocumentLimits = { maxBytes: number; maxPages: number };

export type InspectPdfOptions = DocumentLimits & { name: string };

// PDF 1.7 §7.5.2 lets the header start anywhere in the first 1024 bytes; readers accept that, so do we.
const HEADER = Buffer.from('%PDF-');
const HEADER_WINDOW = 1024;

/**
 * Decides by content, whatever the file is called, whether `bytes` is a PDF Signet can seal later:
 * DOCUMENT_TOO_LARGE over the limit, INVALID_DOCUMENT when empty, NOT_A_PDF without a `%PDF-` header,
 * INVALID_DOCUMENT when pdf-lib cannot parse it, it is encrypted (sealing would fail) or it has no pages,
 * DOCUMENT_TOO_LARGE over the page limit.
 */
export async function inspectPdf(bytes: Buffer, options: InspectPdfOptions): Promise<PdfFacts> {
  const { name, maxBytes, maxPages } = options;
  if (bytes.length > maxBytes) {
    throw new AppError(AppErrorCode.DOCUMENT_TOO_LARGE, {
      message: `${name} is ${bytes.length} bytes; the limit is ${maxBytes}`,
      details: { document: name, size: bytes.length, limit: maxBytes },
    });
  }
  if (bytes.length === 0) throw invalid(name, 'is empty');
  if (bytes.subarray(0, HEADER_WINDOW).indexOf(HEADER) === -1) {
    throw new AppError(AppErrorCode.NOT_A_PDF, { message: `${name} is not a PDF`, details: { document: name } });
  }
  let document: PDFDocument;
  let pageCount: number;
  try {
    // Encryption is checked explicitly below: pdf-lib's EncryptedPDFError is ES5-compiled and fails instanceof.
    document = await PDFDocument.load(bytes, {
      parseSpeed: ParseSpeeds.Fastest,
      updateMetadata: false,
      ignoreEncryption: true,
    });
    pageCount = document.getPageCount();
  } catch (error) {
    throw invalid(name, 'cannot be read as a PDF', error);
  }
  if (document.isEncrypted) throw invalid(name, 'is encrypted');
  if (pageCount === 0) throw invalid(name, 'has no pages');
  if (pageCount > maxPages) {
    throw new AppError(AppErrorCode.DOCUMENT_TOO_LARGE, {
      message: `${name} has ${pageCount} pages; the limit is ${maxPages}`,
      details: { document: name, pages: pageCount, limit: maxPages },
    });
  }
  return { sha256: createHash('sha256').update(bytes).digest('hex'), pageCount, size: bytes.length };
}

function invalid(name: string, problem: string, cause?: unknown): AppError {
  return new AppError(AppErrorCode.INVALID_DOCUMENT, {
    message: `${name} ${problem}`,
    details: { document: name },
    cause,
  });
}
