import type { PDFContext, PDFObject } from 'pdf-lib';
import { PDFArray, PDFDict, PDFName, PDFNumber, PDFObjectParser, PDFRawStream } from 'pdf-lib';
import type { ByteChunks } from './byte-chunks';
import { latin1At, locate } from './byte-chunks';
import { parseIndirectObjectAt, unreadable } from './indirect-object';
import { decodeStreamData } from './stream-data';
import type { XrefEntry, XrefKind } from './xref-entry';

/** The merged cross-reference data of every revision, newest entry per object, and the newest trailer. */
export type XrefChain = { entries: Map<number, XrefEntry>; trailer: PDFDict; kind: XrefKind };

type Section = { entries: Array<[number, XrefEntry]>; trailer: PDFDict; kind: XrefKind };

/**
 * Follows the cross-reference sections from `startXref` through every /Prev (and a hybrid file's /XRefStm), reading
 * only the sections themselves. Throws on anything malformed; the caller then parses the whole file instead.
 */
export function readXrefChain(file: ByteChunks, startXref: number, context: PDFContext): XrefChain {
  const entries = new Map<number, XrefEntry>();
  const addOlder = (section: Section): void => {
    for (const [number, entry] of section.entries) if (!entries.has(number)) entries.set(number, entry);
  };
  const seen = new Set<number>();
  let newest: Section | undefined;
  for (let offset: number | undefined = startXref; offset !== undefined;) {
    if (seen.has(offset)) throw unreadable('the /Prev chain loops');
    seen.add(offset);
    const section = readSection(file, offset, context);
    newest ??= section;
    addOlder(section);
    // Hybrid files: a table's entries win over its /XRefStm's, which win over older sections.
    const hybrid = numberIn(section.trailer, 'XRefStm');
    if (section.kind === 'table' && hybrid !== undefined) addOlder(readSection(file, hybrid, context));
    offset = numberIn(section.trailer, 'Prev');
  }
  if (!newest) throw unreadable('no cross-reference section');
  return { entries, trailer: newest.trailer, kind: newest.kind };
}

function numberIn(dict: PDFDict, key: string): number | undefined {
  const value = dict.get(PDFName.of(key));
  return value instanceof PDFNumber ? value.asNumber() : undefined;
}

function readSection(file: ByteChunks, offset: number, context: PDFContext): Section {
  return /^\s*xref\b/.test(latin1At(file, offset, 16))
    ? readTable(file, offset, context)
    : readStream(file, offset, context);
}

function readTable(file: ByteChunks, offset: number, context: PDFContext): Section {
  const found = locate(file, offset);
  if (!found) throw unreadable('startxref points outside the file');
  const chunk = Buffer.from(found.chunk.buffer, found.chunk.byteOffset, found.chunk.byteLength);
  const trailerAt = chunk.indexOf('trailer', found.at, 'latin1');
  if (trailerAt < 0) throw unreadable('an xref table without trailer');
  const tokens = chunk.toString('latin1', found.at, trailerAt).trim().split(/\s+/).slice(1);
  const entries: Array<[number, XrefEntry]> = [];
  for (let i = 0; i < tokens.length;) {
    const first = Number(tokens[i]);
    const count = Number(tokens[i + 1]);
    if (!Number.isSafeInteger(first) || !Number.isSafeInteger(count) || count < 0) throw unreadable('bad xref table');
    i += 2;
    for (let n = 0; n < count; n += 1, i += 3) {
      const type = tokens[i + 2];
      if (type === 'n') entries.push([first + n, { kind: 'offset', offset: Number(tokens[i]) }]);
      else if (type === 'f') entries.push([first + n, { kind: 'free' }]);
      else throw unreadable('bad xref table entry');
    }
  }
  const trailer = PDFObjectParser.forBytes(chunk.subarray(trailerAt + 'trailer'.length), context).parseObject();
  if (!(trailer instanceof PDFDict)) throw unreadable('the trailer is not a dictionary');
  return { entries, trailer, kind: 'table' };
}

function readStream(file: ByteChunks, offset: number, context: PDFContext): Section {
  const stream = parseIndirectObjectAt(file, offset, context);
  if (!(stream instanceof PDFRawStream) || stream.dict.get(PDFName.of('Type')) !== PDFName.of('XRef')) {
    throw unreadable('startxref points at neither an xref table nor an xref stream');
  }
  const widths = numbers(stream.dict.get(PDFName.of('W')));
  const size = numberIn(stream.dict, 'Size') ?? 0;
  const index = numbers(stream.dict.get(PDFName.of('Index')) ?? PDFArray.withContext(context));
  if (index.length === 0) index.push(0, size);
  const [typeWidth = 0, fieldWidth = 0, thirdWidth = 0] = widths;
  const data = decodeStreamData(stream);
  const entries: Array<[number, XrefEntry]> = [];
  let at = 0;
  const field = (width: number): number => {
    let value = 0;
    for (let i = 0; i < width; i += 1) value = value * 256 + (data[at++] ?? 0);
    return value;
  };
  for (let s = 0; s + 1 < index.length; s += 2) {
    const first = index[s] ?? 0;
    for (let n = 0; n < (index[s + 1] ?? 0); n += 1) {
      if (at + typeWidth + fieldWidth + thirdWidth > data.byteLength) throw unreadable('xref stream too short');
      const type = typeWidth === 0 ? 1 : field(typeWidth);
      const second = field(fieldWidth);
      const third = field(thirdWidth);
      if (type === 0) entries.push([first + n, { kind: 'free' }]);
      else if (type === 1) entries.push([first + n, { kind: 'offset', offset: second }]);
      else if (type === 2) entries.push([first + n, { kind: 'compressed', stream: second, index: third }]);
    }
  }
  return { entries, trailer: stream.dict, kind: 'stream' };
}

function numbers(value: PDFObject | undefined): number[] {
  if (!(value instanceof PDFArray)) throw unreadable('an xref stream array is missing');
  return value.asArray().map((item) => {
    if (!(item instanceof PDFNumber)) throw unreadable('an xref stream array holds a non-number');
    return item.asNumber();
  });
}
