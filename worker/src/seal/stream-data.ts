import { inflateSync } from 'node:zlib';
import { AppError, AppErrorCode } from '@signet/shared/errors';
import type { PDFObject, PDFRawStream } from 'pdf-lib';
import { PDFArray, PDFDict, PDFName, PDFNumber } from 'pdf-lib';

function unsupported(message: string): AppError {
  return new AppError(AppErrorCode.SEAL_FAILED, { message });
}

/**
 * The decoded data of a cross-reference or object stream: no filter, or FlateDecode with an optional PNG predictor
 * (what every writer uses for these two stream kinds). pdf-lib's own decoder ignores predictors, which almost every
 * xref stream has. Anything else fails, and the caller falls back to parsing the whole file with pdf-lib.
 */
export function decodeStreamData(stream: PDFRawStream): Uint8Array {
  const filter = single(stream.dict.get(PDFName.of('Filter')));
  const params = single(stream.dict.get(PDFName.of('DecodeParms')));
  if (filter === undefined) return stream.contents;
  if (filter !== PDFName.of('FlateDecode')) throw unsupported(`unsupported filter ${filter.toString()}`);
  const inflated = inflateSync(stream.contents);
  if (!(params instanceof PDFDict)) return inflated;
  const number = (key: string, fallback: number): number => {
    const value = params.get(PDFName.of(key));
    return value instanceof PDFNumber ? value.asNumber() : fallback;
  };
  const predictor = number('Predictor', 1);
  if (predictor === 1) return inflated;
  if (predictor < 10) throw unsupported(`unsupported predictor ${predictor}`);
  const bitsPerPixel = number('Colors', 1) * number('BitsPerComponent', 8);
  return undoPngPredictor(inflated, Math.ceil((number('Columns', 1) * bitsPerPixel) / 8), Math.ceil(bitsPerPixel / 8));
}

function single(value: PDFObject | undefined): PDFObject | undefined {
  if (!(value instanceof PDFArray)) return value;
  if (value.size() > 1) throw unsupported('more than one filter');
  return value.get(0);
}

/** PNG filters (RFC 2083 §6), one filter-type byte before each row of `rowBytes`. */
function undoPngPredictor(data: Uint8Array, rowBytes: number, pixelBytes: number): Uint8Array {
  const rows = Math.floor(data.byteLength / (rowBytes + 1));
  const out = new Uint8Array(rows * rowBytes);
  for (let row = 0; row < rows; row += 1) {
    const type = data[row * (rowBytes + 1)];
    const from = row * (rowBytes + 1) + 1;
    const at = row * rowBytes;
    for (let i = 0; i < rowBytes; i += 1) {
      const raw = data[from + i] ?? 0;
      const left = i >= pixelBytes ? (out[at + i - pixelBytes] ?? 0) : 0;
      const up = row > 0 ? (out[at + i - rowBytes] ?? 0) : 0;
      const upLeft = row > 0 && i >= pixelBytes ? (out[at + i - rowBytes - pixelBytes] ?? 0) : 0;
      let predicted: number;
      if (type === 0) predicted = 0;
      else if (type === 1) predicted = left;
      else if (type === 2) predicted = up;
      else if (type === 3) predicted = (left + up) >> 1;
      else if (type === 4) predicted = paeth(left, up, upLeft);
      else throw unsupported(`unknown PNG filter type ${String(type)}`);
      out[at + i] = (raw + predicted) & 0xff;
    }
  }
  return out;
}

function paeth(left: number, up: number, upLeft: number): number {
  const p = left + up - upLeft;
  const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
  if (pa <= pb && pa <= pc) return left;
  return pb <= pc ? up : upLeft;
}
