import { AppError, AppErrorCode } from '@signet/shared/errors';
import type { PDFObject } from 'pdf-lib';
import { ParseSpeeds, PDFContext, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRef } from 'pdf-lib';
import type { ByteChunks } from './byte-chunks';
import { chunksOf, latin1At } from './byte-chunks';
import type { PdfObjects } from './pdf-objects-reader';
import { checkPdfObjects, createPdfObjects } from './pdf-objects-reader';
import type { XrefEntry, XrefKind } from './xref-entry';
import { readXrefChain } from './xref-sections';

export type { XrefKind } from './xref-entry';

/** What an incremental update needs to know about the revision it extends. */
export type PdfRevision = {
  file: ByteChunks;
  objects: PdfObjects;
  /** Offset of the last cross-reference section (the next update's /Prev). */
  startXref: number;
  xrefKind: XrefKind;
  /** The first object number free for new objects. */
  nextObjectNumber: number;
  root: PDFRef;
  catalog: PDFDict;
  info: PDFObject | undefined;
  id: PDFObject | undefined;
};

type Trailer = { root?: PDFObject; info?: PDFObject; id?: PDFObject; encrypt?: PDFObject; size?: number };

/**
 * Reads the last revision of `bytes` through its cross-reference data, parsing only the objects an update asks for
 * (the file is neither copied nor parsed whole). When that data is unusable the whole file is parsed with pdf-lib
 * instead. Fails with `errorCode` (default SEAL_FAILED) for encrypted or unreadable files; callers that check user
 * documents (evidence pages) pass INVALID_DOCUMENT.
 */
export async function readRevision(
  bytes: Uint8Array,
  errorCode: AppErrorCode = AppErrorCode.SEAL_FAILED,
): Promise<PdfRevision> {
  const file = chunksOf(bytes);
  const startXref = lastStartXref(bytes, errorCode);
  const xrefKind: XrefKind = /^\s*xref\b/.test(latin1At(file, startXref, 32)) ? 'table' : 'stream';
  const read = readThroughXref(file, startXref) ?? (await parseWhole(bytes, startXref, errorCode));
  const { root, info, id, encrypt, size } = read.trailer;
  if (encrypt) throw new AppError(errorCode, { message: 'encrypted PDFs cannot be sealed' });
  const catalog = root instanceof PDFRef ? read.objects.lookup(root) : undefined;
  if (!(root instanceof PDFRef) || !(catalog instanceof PDFDict)) {
    throw new AppError(errorCode, { message: 'the PDF has no catalog' });
  }
  let largest = 0;
  for (const number of read.objects.entries.keys()) largest = Math.max(largest, number);
  return {
    file,
    objects: read.objects,
    startXref,
    xrefKind,
    nextObjectNumber: Math.max(Number.isSafeInteger(size) ? (size ?? 0) : 0, largest + 1),
    root,
    catalog,
    info,
    id,
  };
}

function readThroughXref(file: ByteChunks, startXref: number): { objects: PdfObjects; trailer: Trailer } | undefined {
  try {
    const context = PDFContext.create();
    const chain = readXrefChain(file, startXref, context);
    const objects = createPdfObjects(file, chain.entries, context);
    checkPdfObjects(file, objects);
    const get = (key: string) => chain.trailer.get(PDFName.of(key));
    const size = get('Size');
    return {
      objects,
      trailer: {
        root: get('Root'),
        info: get('Info'),
        id: get('ID'),
        encrypt: get('Encrypt'),
        size: size instanceof PDFNumber ? size.asNumber() : undefined,
      },
    };
  } catch {
    return undefined;
  }
}

/** The fallback: pdf-lib parses every object in file order (slow and memory-hungry, but tolerant of bad offsets). */
async function parseWhole(
  bytes: Uint8Array,
  startXref: number,
  errorCode: AppErrorCode,
): Promise<{ objects: PdfObjects; trailer: Trailer }> {
  let doc: PDFDocument;
  try {
    // Fastest: no setTimeout yield every 100 objects (each one costs at least a millisecond).
    doc = await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  } catch (cause) {
    throw new AppError(errorCode, { message: 'the PDF cannot be parsed (or is encrypted)', cause });
  }
  const entries = new Map<number, XrefEntry>();
  for (const [ref, value] of doc.context.enumerateIndirectObjects()) {
    entries.set(ref.objectNumber, { kind: 'parsed', value });
  }
  const { Root, Info, ID, Encrypt } = doc.context.trailerInfo;
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sizeAt = view.indexOf('/Size', startXref, 'latin1');
  const size =
    sizeAt < 0 ? undefined : Number(/^\/Size\s+(\d+)/.exec(view.toString('latin1', sizeAt, sizeAt + 32))?.[1]);
  return {
    objects: createPdfObjects(chunksOf(bytes), entries, doc.context),
    trailer: { root: Root, info: Info, id: ID, encrypt: Encrypt, size },
  };
}

function lastStartXref(bytes: Uint8Array, errorCode: AppErrorCode): number {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tail = view.toString('latin1', Math.max(0, bytes.byteLength - 4096));
  const match = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail) ?? [...tail.matchAll(/startxref\s+(\d+)/g)].pop();
  const offset = Number(match?.[1] ?? NaN);
  if (!Number.isSafeInteger(offset) || offset <= 0 || offset >= bytes.byteLength) {
    throw new AppError(errorCode, { message: 'the PDF has no usable startxref' });
  }
  return offset;
}
