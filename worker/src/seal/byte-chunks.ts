import { createHash } from 'node:crypto';

/**
 * A PDF file as the list of byte chunks it is made of: the input, then one chunk per incremental update. The seal
 * appends updates without copying what came before, and joins the chunks once, for the result. Never empty.
 */
export type ByteChunks = { readonly chunks: readonly Uint8Array[]; readonly length: number };

export function chunksOf(bytes: Uint8Array): ByteChunks {
  return { chunks: [bytes], length: bytes.byteLength };
}

export function withChunk(file: ByteChunks, chunk: Uint8Array): ByteChunks {
  return { chunks: [...file.chunks, chunk], length: file.length + chunk.byteLength };
}

/**
 * The chunk that holds `offset`, and the offset within it. Objects never straddle chunks (each update is written
 * whole), so an object that starts in a chunk can be parsed from that chunk alone.
 */
export function locate(file: ByteChunks, offset: number): { chunk: Uint8Array; at: number } | undefined {
  let start = 0;
  for (const chunk of file.chunks) {
    if (offset < start + chunk.byteLength) return offset >= start ? { chunk, at: offset - start } : undefined;
    start += chunk.byteLength;
  }
  return undefined;
}

export function lastByte(file: ByteChunks): number | undefined {
  const last = file.chunks[file.chunks.length - 1];
  return last?.[last.byteLength - 1];
}

/** The whole file as one buffer: the only full copy the seal makes (none when nothing was appended). */
export function joinChunks(file: ByteChunks): Uint8Array {
  if (file.chunks.length === 1 && file.chunks[0]) return file.chunks[0];
  return Buffer.concat(file.chunks, file.length);
}

/** SHA-256 of the file minus `gap` (an absolute [start, end) range), fed chunk by chunk without a copy. */
export function sha256Without(file: ByteChunks, gap: [number, number]): Buffer {
  const hash = createHash('sha256');
  let start = 0;
  for (const chunk of file.chunks) {
    const end = start + chunk.byteLength;
    const cutFrom = Math.min(Math.max(gap[0] - start, 0), chunk.byteLength);
    const cutTo = Math.min(Math.max(gap[1] - start, 0), chunk.byteLength);
    if (cutFrom > 0) hash.update(chunk.subarray(0, cutFrom));
    if (cutTo < chunk.byteLength) hash.update(chunk.subarray(cutTo));
    start = end;
  }
  return hash.digest();
}

/** Latin-1 text of `length` bytes at `offset` (clipped to its chunk): for keywords and headers, never whole files. */
export function latin1At(file: ByteChunks, offset: number, length: number): string {
  const found = locate(file, offset);
  if (!found) return '';
  const { chunk, at } = found;
  return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1', at, at + length);
}
