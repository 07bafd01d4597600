import { crc32 } from 'node:zlib';
import { AppError, AppErrorCode, MAX_SIGNATURE_IMAGE_BYTES } from '@signet/shared';

/** Largest signature image in pixels: wider than any signature line, small enough to stay cheap to embed. */
export const MAX_SIGNATURE_WIDTH = 2000;
export const MAX_SIGNATURE_HEIGHT = 1000;

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

function invalid(message: string): AppError {
  return new AppError(AppErrorCode.INVALID_SIGNATURE_IMAGE, { message, details: { field: 'signatureImagePng' } });
}

/**
 * Checks a drawn or uploaded signature before it reaches the workflow (which keeps it in its state and the
 * sealer embeds it): strict base64, at most MAX_SIGNATURE_IMAGE_BYTES decoded, the PNG signature, an IHDR
 * chunk first with a correct CRC and 1–2000 × 1–1000 pixels, and an IEND chunk last.
 * INVALID_SIGNATURE_IMAGE otherwise. Returns the width and height.
 */
export function checkSignatureImage(base64: string): { width: number; height: number } {
  if (!BASE64.test(base64) || base64.length % 4 !== 0) throw invalid('the signature image is not base64');
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length > MAX_SIGNATURE_IMAGE_BYTES) {
    throw invalid(`the signature image is larger than ${MAX_SIGNATURE_IMAGE_BYTES} bytes`);
  }
  if (bytes.length < 8 + 25 + 12 || !bytes.subarray(0, 8).equals(PNG_MAGIC)) {
    throw invalid('the signature image is not a PNG');
  }
  const ihdrLength = bytes.readUInt32BE(8);
  if (ihdrLength !== 13 || bytes.toString('latin1', 12, 16) !== 'IHDR') throw invalid('the PNG has no IHDR header');
  if (crc32(bytes.subarray(12, 29)) !== bytes.readUInt32BE(29)) throw invalid('the PNG header is corrupt');
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  if (width < 1 || height < 1 || width > MAX_SIGNATURE_WIDTH || height > MAX_SIGNATURE_HEIGHT) {
    throw invalid(`the signature image must be at most ${MAX_SIGNATURE_WIDTH}×${MAX_SIGNATURE_HEIGHT} pixels`);
  }
  if (bytes.toString('latin1', bytes.length - 8, bytes.length - 4) !== 'IEND') throw invalid('the PNG is truncated');
  return { width, height };
}
