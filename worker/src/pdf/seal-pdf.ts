import { createHash } from 'node:crypto';
import { AppError, AppErrorCode } from '@signet/shared';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { SignaturePageContent } from './build-signature-page';
import { buildSignaturePage } from './build-signature-page';

export type SealPdfInput = Omit<SignaturePageContent, 'originalSha256'> & { original: Uint8Array };
export type SealedPdf = { bytes: Uint8Array; originalSha256: string; sealedSha256: string; pagesAdded: number };

/** Lower-case hex SHA-256. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function loadOriginal(original: Uint8Array): Promise<PDFDocument> {
  let doc: PDFDocument;
  try {
    // Encryption is checked below rather than by pdf-lib's throw, whose error class does not survive
    // `instanceof`. updateMetadata: false keeps producer and dates as the author left them (and the output stable).
    doc = await PDFDocument.load(original, { ignoreEncryption: true, updateMetadata: false });
  } catch (error) {
    throw new AppError(AppErrorCode.INVALID_DOCUMENT, {
      message: 'the document cannot be parsed as a PDF',
      cause: error,
    });
  }
  if (doc.isEncrypted) {
    throw new AppError(AppErrorCode.INVALID_DOCUMENT, { message: 'the document is encrypted and cannot be sealed' });
  }
  if (doc.getPageCount() === 0) {
    throw new AppError(AppErrorCode.INVALID_DOCUMENT, { message: 'the document has no pages' });
  }
  return doc;
}

/**
 * Seals a PDF: appends the signature page and returns the new bytes with the hashes of both versions.
 * Pure apart from CPU: the same input gives the same bytes, so a retried seal stages an identical copy.
 * Encrypted or unparsable input fails with INVALID_DOCUMENT (permanent).
 */
export async function sealPdf(input: SealPdfInput): Promise<SealedPdf> {
  const originalSha256 = sha256Hex(input.original);
  const doc = await loadOriginal(input.original);
  const fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
  };
  const { original: _original, ...content } = input;
  const pagesAdded = buildSignaturePage(doc, fonts, { ...content, originalSha256 });
  doc.setModificationDate(new Date(input.completedAt));
  let bytes: Uint8Array;
  try {
    bytes = await doc.save();
  } catch (error) {
    throw new AppError(AppErrorCode.INVALID_DOCUMENT, {
      message: 'the document could not be rewritten with its signature page',
      cause: error,
    });
  }
  return { bytes, originalSha256, sealedSha256: sha256Hex(bytes), pagesAdded };
}
