import type { PDFContext, PDFObject } from 'pdf-lib';
import { PDFName, PDFNumber, PDFObjectParser, PDFRawStream, PDFRef } from 'pdf-lib';
import type { ByteChunks } from './byte-chunks';
import { headerNumberAt, parseIndirectObjectAt, unreadable } from './indirect-object';
import { decodeStreamData } from './stream-data';
import type { XrefEntry } from './xref-entry';

/** Read access to the objects of one revision, parsed on first use (an update reads a handful of them). */
export type PdfObjects = {
  readonly entries: ReadonlyMap<number, XrefEntry>;
  /** The context the parsed objects belong to (pdf-lib objects need one); never used to write. */
  readonly context: PDFContext;
  /** What a reference points to; undefined when the object is free or missing. */
  lookup(ref: PDFRef): PDFObject | undefined;
  /** `value` itself, or what it points to when it is a reference. */
  resolve(value: PDFObject | undefined): PDFObject | undefined;
};

type ObjectStream = { data: Uint8Array; first: number; pairs: number[] };

export function createPdfObjects(
  file: ByteChunks,
  entries: ReadonlyMap<number, XrefEntry>,
  context: PDFContext,
): PdfObjects {
  const cache = new Map<number, PDFObject | undefined>();
  const streams = new Map<number, ObjectStream>();

  const objectStream = (number: number): ObjectStream => {
    const known = streams.get(number);
    if (known) return known;
    const entry = entries.get(number);
    if (entry?.kind !== 'offset') throw unreadable(`object stream ${number} is not at an offset`);
    const stream = parseIndirectObjectAt(file, entry.offset, context, number);
    const count = stream instanceof PDFRawStream ? stream.dict.get(PDFName.of('N')) : undefined;
    const first = stream instanceof PDFRawStream ? stream.dict.get(PDFName.of('First')) : undefined;
    if (!(stream instanceof PDFRawStream) || !(count instanceof PDFNumber) || !(first instanceof PDFNumber)) {
      throw unreadable(`object ${number} is not an object stream`);
    }
    const data = decodeStreamData(stream);
    const pairs = Buffer.from(data.buffer, data.byteOffset, data.byteLength)
      .toString('latin1', 0, first.asNumber())
      .trim()
      .split(/\s+/)
      .map(Number);
    if (pairs.length < count.asNumber() * 2 || pairs.some((n) => !Number.isSafeInteger(n))) {
      throw unreadable(`object stream ${number} has a bad header`);
    }
    const parsed = { data, first: first.asNumber(), pairs };
    streams.set(number, parsed);
    return parsed;
  };

  const load = (number: number): PDFObject | undefined => {
    const entry = entries.get(number);
    if (!entry || entry.kind === 'free') return undefined;
    if (entry.kind === 'parsed') return entry.value;
    if (entry.kind === 'offset') return parseIndirectObjectAt(file, entry.offset, context, number);
    const stream = objectStream(entry.stream);
    if (stream.pairs[entry.index * 2] !== number) throw unreadable(`object ${number} is not in its object stream`);
    const at = stream.first + (stream.pairs[entry.index * 2 + 1] ?? 0);
    return PDFObjectParser.forBytes(stream.data.subarray(at), context).parseObject();
  };

  const lookup = (ref: PDFRef): PDFObject | undefined => {
    if (!cache.has(ref.objectNumber)) cache.set(ref.objectNumber, load(ref.objectNumber));
    return cache.get(ref.objectNumber);
  };
  return { entries, context, lookup, resolve: (value) => (value instanceof PDFRef ? lookup(value) : value) };
}

/**
 * Checks, without parsing bodies, that every object the cross-reference data places at an offset starts there with
 * its own `N G obj` header, and that every object stream it names has a readable header. Files written with wrong
 * offsets (common after text-mode transfers) fail here, and are then parsed whole instead.
 */
export function checkPdfObjects(file: ByteChunks, objects: PdfObjects): void {
  // One member per object stream: parsing it decodes the stream and checks the stream's header.
  const memberOfStream = new Map<number, number>();
  for (const [number, entry] of objects.entries) {
    if (entry.kind === 'offset' && headerNumberAt(file, entry.offset) !== number) {
      throw unreadable(`object ${number} is not at its offset`);
    }
    if (entry.kind === 'compressed' && !memberOfStream.has(entry.stream)) memberOfStream.set(entry.stream, number);
  }
  for (const member of memberOfStream.values()) objects.lookup(PDFRef.of(member));
}
