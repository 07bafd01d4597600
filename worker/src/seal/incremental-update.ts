import type { PdfRevision } from './pdf-revision';

/** One object of an update: its number (generation 0) and its body between `obj` and `endobj`. */
export type UpdateObject = { objectNumber: number; body: Uint8Array | string };

/**
 * Appends `objects` as one incremental update: the input stays a byte-exact prefix of the result, and the
 * new cross-reference section is the same kind as the revision's last one (table after table, stream after
 * stream: pyHanko refuses hybrids). Object offsets are recorded as written.
 */
export function appendIncrementalUpdate(revision: PdfRevision, objects: UpdateObject[]): Uint8Array {
  const chunks: Buffer[] = [Buffer.from(revision.bytes.buffer, revision.bytes.byteOffset, revision.bytes.byteLength)];
  let length = revision.bytes.byteLength;
  const push = (chunk: Buffer): void => {
    chunks.push(chunk);
    length += chunk.byteLength;
  };
  const last = revision.bytes[revision.bytes.byteLength - 1];
  if (last !== 0x0a && last !== 0x0d) push(Buffer.from('\n', 'latin1'));
  const offsets = new Map<number, number>();
  for (const object of objects) {
    offsets.set(object.objectNumber, length);
    push(Buffer.from(`${object.objectNumber} 0 obj\n`, 'latin1'));
    push(typeof object.body === 'string' ? Buffer.from(object.body, 'latin1') : Buffer.from(object.body));
    push(Buffer.from('\nendobj\n', 'latin1'));
  }
  const nextNumber = Math.max(revision.nextObjectNumber, ...objects.map((o) => o.objectNumber + 1));
  if (revision.xrefKind === 'table') push(xrefTable(revision, offsets, nextNumber, length));
  else push(xrefStream(revision, offsets, nextNumber, length));
  return Buffer.concat(chunks, length);
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

/** An uncompressed cross-reference stream (/W [1 4 2]) that also lists itself. */
function xrefStream(revision: PdfRevision, offsets: Map<number, number>, size: number, at: number): Buffer {
  const own = size;
  const all = new Map(offsets).set(own, at);
  const groups = subsections([...all.keys()]);
  const rows = groups.flatMap(([, numbers]) => numbers);
  const data = Buffer.alloc(rows.length * 7);
  rows.forEach((n, i) => {
    data.writeUInt8(1, i * 7);
    data.writeUInt32BE(all.get(n) ?? 0, i * 7 + 1);
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
