import { AppError, AppErrorCode } from '@signet/shared/errors';
import type { PDFDocument, PDFImage } from 'pdf-lib';

/** Limits for a drawn signature: a signature pad's canvas is far below these. */
export const MAX_SIGNATURE_PNG_BYTES = 512 * 1024;
export const MAX_SIGNATURE_PNG_SIDE = 4000;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * Embeds a user's drawn signature. Size and dimensions are checked from the header before anything is
 * decompressed (no decompression bombs). pdf-lib decodes the PNG and writes its pixels (and alpha as /SMask)
 * as new image streams, so the user's file is re-encoded: none of its chunks (text, EXIF, ICC) reach the PDF.
 */
export async function embedSignaturePng(doc: PDFDocument, png: Uint8Array): Promise<PDFImage> {
  if (png.byteLength > MAX_SIGNATURE_PNG_BYTES) {
    throw new AppError(AppErrorCode.PAYLOAD_TOO_LARGE, {
      message: `a drawn signature may be at most ${MAX_SIGNATURE_PNG_BYTES} bytes (got ${png.byteLength})`,
    });
  }
  const bytes = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  if (
    bytes.byteLength < 24 ||
    !bytes.subarray(0, 8).equals(PNG_SIGNATURE) ||
    bytes.toString('latin1', 12, 16) !== 'IHDR'
  ) {
    throw new AppError(AppErrorCode.VALIDATION_FAILED, { message: 'a drawn signature must be a PNG image' });
  }
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  if (width === 0 || height === 0 || width > MAX_SIGNATURE_PNG_SIDE || height > MAX_SIGNATURE_PNG_SIDE) {
    throw new AppError(AppErrorCode.PAYLOAD_TOO_LARGE, {
      message: `a drawn signature may be at most ${MAX_SIGNATURE_PNG_SIDE} px on a side (got ${width}×${height})`,
    });
  }
  try {
    return await doc.embedPng(bytes);
  } catch (cause) {
    throw new AppError(AppErrorCode.VALIDATION_FAILED, { message: 'the drawn signature PNG cannot be decoded', cause });
  }
}
