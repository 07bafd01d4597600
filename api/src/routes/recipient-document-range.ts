import type { FastifyReply } from 'fastify';
import { attachmentDisposition } from './content-disposition';

// Single HTTP byte ranges (RFC 9110 §14) for recipient documents, so pdf.js can load a large PDF in parts.

/** `bytes=a-b`, `bytes=a-` or `bytes=-n` against `size`: the inclusive range, 'unsatisfiable', or undefined (whole). */
export function parseByteRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | 'unsatisfiable' | undefined {
  if (!header) return undefined;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  // Several ranges or another unit: serve the whole document, which RFC 9110 allows.
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}

/** Sends the PDF whole (200) or the asked range (206; 416 when it lies outside), inline or as an attachment. */
export function sendPdf(
  reply: FastifyReply,
  document: { name: string; bytes: Buffer },
  options: { range: string | undefined; inline: boolean },
): FastifyReply {
  const disposition = attachmentDisposition(document.name);
  const size = document.bytes.length;
  void reply
    .header('Content-Type', 'application/pdf')
    .header('Content-Disposition', options.inline ? disposition.replace(/^attachment/, 'inline') : disposition)
    .header('X-Content-Type-Options', 'nosniff')
    .header('Accept-Ranges', 'bytes');
  const range = parseByteRange(options.range, size);
  if (range === 'unsatisfiable') {
    return reply.code(416).header('Content-Range', `bytes */${size}`).send();
  }
  if (!range) return reply.send(document.bytes);
  return reply
    .code(206)
    .header('Content-Range', `bytes ${range.start}-${range.end}/${size}`)
    .send(document.bytes.subarray(range.start, range.end + 1));
}
