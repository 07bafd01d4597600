import { PDFDict } from 'pdf-lib';
import { lastByte, withChunk } from './byte-chunks';
import { unreadable } from './indirect-object';
import { createPdfObjects } from './pdf-objects-reader';
import type { PdfRevision } from './pdf-revision';
import type { XrefEntry } from './xref-entry';

/** One object of an update: its number (generation 0) and its body between `obj` and `endobj`. */
export type UpdateObject = { objectNumber: number; body: Uint8Array | string };

/**
 * Appends `objects` as one incremental update and returns the new revision: the earlier bytes are kept as they are
 * (the update is a new chunk; nothing is copied), so every revision is a byte-exact prefix of the next. The new
 * cross-reference section is the same kind as the revision's last one (table after table, stream after stream:
 * pyHanko refuses hybrids). Object offsets are recorded as written. The update is the new revision's last chunk.
 */
export function appendIncrementalUpdate(revision: PdfRevision, objects: UpdateObject[]): PdfRevision {
  const chunks: Buffer[] = [];
  let length = revision.file.length;
  const push = (chunk: Buffer): void => {
    chunks.push(chunk);
    length += chunk.byteLength;
  };
  const last = lastByte(revision.file);
  if (last !== 0x0a && last !== 0x0d) push(Buffer.from('\n', 'latin1'));
  const offsets = new Map<number, number>();
  for (const object of objects) {
    offsets.set(object.objectNumber, length);
    push(Buffer.from(`${object.objectNumber} 0 obj\n`, 'latin1'));
    push(typeof object.body === 'string' ? Buffer.from(object.body, 'latin1') : Buffer.from(object.body));
    push(Buffer.from('\nendobj\n', 'latin1'));
  }
  let nextNumber = revision.nextObjectNumber;
  for (const object of objects) nextNumber = Math.max(nextNumber, object.objectNumber + 1);
  const xrefAt = length;
  if (revision.xrefKind === 'table') push(xrefTable(revision, offsets, nextNumber, xrefAt));
  else {
    // The xref stream is an object too (numbered `nextNumber`), listed in itself.
    offsets.set(nextNumber, xrefAt);
    push(xrefStream(revision, offsets, nextNumber, xrefAt));
    nextNumber += 1;
  }
  const file = withChunk(revision.file, Buffer.concat(chunks));
  const entries = new Map<number, XrefEntry>(revision.objects.entries);
  for (const [number, offset] of offsets) entries.set(number, { kind: 'offset', offset });
  const objectsAfter = createPdfObjects(file, entries, revision.objects.context);
  const catalog = objectsAfter.lookup(revision.root);
  if (!(catalog instanceof PDFDict)) throw unreadable('the update lost the catalog');
  return { ...revision, file, objects: objectsAfter, catalog, startXref: xrefAt, nextObjectNumber: nextNumber };
}

function trailerEntries(revision: PdfRevision, size: number): string {
  const entries = [`/Size ${size}`, `/Root ${revision.root.toString()}`, `/Prev ${revision.startXref}`];
  if (revision.info) entries.push(`/Info ${revision.info.toString()}`);
  if (revision.id) entries.push(`/ID ${revision.id.toString()}`);
  return entries.join(' ');
}

/** Consecutive object numbers grouped into [first, count] subsections. */
function subsections(numbers: number[]): Array<[number, number[]]> {
  const groups: Array<[number, number[]]> = [];
  for (const n of [...numbers].sort((a, b) => a - b)) {
    const group = groups[groups.length - 1];
    if (group && group[0] + group[1].length === n) group[1].push(n);
    else groups.push([n, [n]]);
  }
  return groups;
}

function xrefTable(revision: PdfRevision, offsets: Map<number, number>, size: number, at: number): Buffer {
  let text = 'xref\n';
  for (const [first, numbers] of subsections([...offsets.keys()])) {
    text += `${first} ${numbers.length}\n`;
    for (const n of numbers) text += `${String(offsets.get(n)).padStart(10, '0')} 00000 n\r\n`;
  }
  text += `trailer\n<< ${trailerEntries(revision, size)} >>\nstartxref\n${at}\n%%EOF\n`;
  return Buffer.from(text, 'latin1');
}

/** An uncompressed cross-reference stream (/W [1 4 2]) numbered `own`, whose entries include itself. */
function xrefStream(revision: PdfRevision, offsets: Map<number, number>, own: number, at: number): Buffer {
  const groups = subsections([...offsets.keys()]);
  const rows = groups.flatMap(([, numbers]) => numbers);
  const data = Buffer.alloc(rows.length * 7);
  rows.forEach((n, i) => {
    data.writeUInt8(1, i * 7);
    data.writeUInt32BE(offsets.get(n) ?? 0, i * 7 + 1);
    data.writeUInt16BE(0, i * 7 + 5);
  });
  const index = groups.map(([first, numbers]) => `${first} ${numbers.length}`).join(' ');
  const dict =
    `<< /Type /XRef ${trailerEntries(revision, own + 1)} /W [1 4 2] /Index [${index}] ` +
    `/Length ${data.byteLength} >>\nstream\n`;
  return Buffer.concat([
    Buffer.from(`${own} 0 obj\n${dict}`, 'latin1'),
    data,
    Buffer.from(`\nendstream\nendobj\nstartxref\n${at}\n%%EOF\n`, 'latin1'),
  ]);
}
