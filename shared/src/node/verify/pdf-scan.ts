// Byte-level scan of a PDF's signatures and revisions. Signature dictionaries are written uncompressed (their
// /Contents must be patched in place), so their entries are found in the raw bytes without a full PDF parser.

/** A signature dictionary as found in the file. */
export type RawSignature = {
  /** Object number of the dictionary. */
  objectNumber: number;
  /** The dictionary's text (latin1) with the /Contents hex left out. */
  dictionary: string;
  byteRange: [number, number, number, number];
  /** Decoded /Contents (the gap of the byte range), trailing zero padding included. */
  contents: Buffer;
};

const BYTE_RANGE = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;
const OBJECT_HEADER = /(\d+)\s+\d+\s+obj\b/g;

/** The end offset of every revision: just after each `%%EOF` and its end-of-line. */
export function findRevisionEnds(bytes: Buffer): number[] {
  const ends: number[] = [];
  for (let at = bytes.indexOf('%%EOF'); at !== -1; at = bytes.indexOf('%%EOF', at + 5)) {
    let end = at + 5;
    if (bytes[end] === 0x0d) end += 1;
    if (bytes[end] === 0x0a) end += 1;
    ends.push(end);
  }
  return ends;
}

/** Every /ByteRange with its enclosing object, in file order. Ranges that do not fit the file are skipped. */
export function findSignatures(bytes: Buffer): RawSignature[] {
  const text = bytes.toString('latin1');
  const found: RawSignature[] = [];
  for (const match of text.matchAll(BYTE_RANGE)) {
    const byteRange = match.slice(1, 5).map(Number) as [number, number, number, number];
    const [start, firstLength, secondStart, secondLength] = byteRange;
    if (start !== 0 || secondStart <= firstLength || secondStart + secondLength > bytes.length) continue;
    // /ByteRange may come before or after /Contents: search for the object header before both.
    const header = lastObjectHeader(text, Math.min(match.index, firstLength));
    if (!header) continue;
    const end = text.indexOf('endobj', Math.max(match.index, secondStart));
    const gap = text.slice(firstLength, secondStart);
    if (!gap.startsWith('<') || !gap.endsWith('>')) continue;
    found.push({
      objectNumber: header.objectNumber,
      dictionary: text.slice(header.offset, firstLength) + text.slice(secondStart, end === -1 ? undefined : end),
      byteRange,
      contents: Buffer.from(gap.slice(1, -1).replace(/\s+/g, ''), 'hex'),
    });
  }
  return found;
}

function lastObjectHeader(text: string, before: number): { objectNumber: number; offset: number } | undefined {
  const window = text.slice(Math.max(0, before - 4096), before);
  let last: RegExpMatchArray | undefined;
  for (const match of window.matchAll(OBJECT_HEADER)) last = match;
  if (!last?.[1] || last.index === undefined) return undefined;
  return { objectNumber: Number(last[1]), offset: before - window.length + last.index };
}

/** A name entry (`/SubFilter /ETSI.CAdES.detached` → `ETSI.CAdES.detached`). */
export function nameEntry(dictionary: string, key: string): string | undefined {
  return new RegExp(`/${key}\\s*/([^\\s/<>\\[\\]()]+)`).exec(dictionary)?.[1];
}

/** A literal string entry, with the common escapes undone. */
export function stringEntry(dictionary: string, key: string): string | undefined {
  const raw = new RegExp(`/${key}\\s*\\(((?:\\\\.|[^\\\\)])*)\\)`).exec(dictionary)?.[1];
  return raw?.replace(/\\([()\\])/g, '$1');
}

/** The /T of the (last) field whose /V points at `objectNumber`. */
export function findFieldName(bytes: Buffer, objectNumber: number): string | undefined {
  const text = bytes.toString('latin1');
  const pattern = new RegExp(`/V\\s+${objectNumber}\\s+0\\s+R\\b`, 'g');
  let name: string | undefined;
  for (const match of text.matchAll(pattern)) {
    const header = lastObjectHeader(text, match.index);
    const end = text.indexOf('endobj', match.index);
    if (!header || end === -1) continue;
    name = stringEntry(text.slice(header.offset, end), 'T') ?? name;
  }
  return name;
}

/** PDF date (`D:20300101120000Z`, `D:20300101120000+02'00'`) as ISO 8601, or undefined. */
export function parsePdfDate(value: string | undefined): string | undefined {
  const m = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/.exec(value ?? '');
  if (!m) return undefined;
  const zone = !m[7] || m[7] === 'Z' ? 'Z' : `${m[7].slice(0, 3)}:${m[7].replace(/'/g, '').slice(3, 5)}`;
  const iso = `${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}T${m[4] ?? '00'}:${m[5] ?? '00'}:${m[6] ?? '00'}${zone}`;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
