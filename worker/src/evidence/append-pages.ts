import { AppError, AppErrorCode } from '@signet/shared/errors';
import type { PDFObject } from 'pdf-lib';
import { ParseSpeeds, PDFContext, PDFDocument, PDFName, PDFNumber, PDFObjectCopier, PDFRef } from 'pdf-lib';
import { joinChunks } from '../seal/byte-chunks';
import { appendIncrementalUpdate } from '../seal/incremental-update';
import type { UpdateObject } from '../seal/incremental-update';
import { firstPage } from '../seal/page-tree';
import { isArray, isDict, resolveCopy } from '../seal/pdf-objects';
import { readRevision } from '../seal/pdf-revision';
import { stampFooter } from './stamp-footer';
import type { PdfRevision } from '../seal/pdf-revision';

function invalid(message: string, cause?: unknown): AppError {
  return new AppError(AppErrorCode.INVALID_DOCUMENT, { message, cause });
}

/** The exact bytes of a pdf-lib object (streams included) as the body of an update object. */
function bodyOf(objectNumber: number, value: PDFObject): UpdateObject {
  const bytes = new Uint8Array(value.sizeInBytes());
  value.copyBytesInto(bytes, 0);
  return { objectNumber, body: bytes };
}

async function loadEvidence(evidencePdfBytes: Uint8Array): Promise<PDFDocument> {
  try {
    return await PDFDocument.load(evidencePdfBytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  } catch (cause) {
    throw invalid('the evidence pages cannot be parsed', cause);
  }
}

/**
 * Appends every page of `evidencePdfBytes` after the last page of `originalBytes` as ONE incremental update
 * (the seal module's writer): the original stays a byte-exact prefix, so signatures already in it stay
 * intact, and the new cross-reference section is the same kind as the original's last one.
 *
 * The update holds the copied pages and everything they use (fonts, images, content streams) as new
 * objects, and a new revision of the root page tree node (its /Kids and /Count; or of /Kids alone when
 * that is an indirect array, plus the node for /Count). No other existing object is rewritten, and the original
 * is read through its cross-reference data: only the catalog and the root page tree node are parsed.
 * Encrypted, unparsable or page-less originals fail with INVALID_DOCUMENT.
 */
export async function appendPagesIncrementally(
  originalBytes: Uint8Array,
  evidencePdfBytes: Uint8Array,
  options: AppendPagesOptions = {},
): Promise<Uint8Array> {
  const revision = await readRevision(originalBytes, AppErrorCode.INVALID_DOCUMENT);
  return joinChunks((await appendPagesToRevision(revision, evidencePdfBytes, options)).file);
}

export type AppendPagesOptions = {
  /**
   * A one-page PDF (`buildFooterPdf`) stamped at the foot of every original page in the same update. Ignored when
   * the original is already signed: changing its pages would make its signatures report later modifications.
   */
  footerPdf?: Uint8Array;
};

/** Whether the file holds a signature or a document timestamp (any /ByteRange in any revision). */
export function hasSignatures(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes('/ByteRange');
}

function isSigned(revision: PdfRevision): boolean {
  return revision.file.chunks.some(hasSignatures);
}

/** {@link appendPagesIncrementally} on a revision in memory; returns the new revision (its bytes as chunks). */
export async function appendPagesToRevision(
  revision: PdfRevision,
  evidencePdfBytes: Uint8Array,
  options: AppendPagesOptions = {},
): Promise<PdfRevision> {
  const { objects: read, catalog } = revision;
  const pagesRef = catalog.get(PDFName.of('Pages'));
  if (!(pagesRef instanceof PDFRef) || pagesRef.generationNumber !== 0) {
    throw invalid('the PDF page tree is not an indirect object of generation 0');
  }
  if (!firstPage(revision)) throw invalid('the PDF has no pages');
  const evidence = await loadEvidence(evidencePdfBytes);

  // The copies go into a scratch context whose numbering starts at the original's /Size: free entries below it
  // are never reused, and every object in the context is new.
  const context = PDFContext.create();
  context.largestObjectNumber = revision.nextObjectNumber - 1;
  const copier = PDFObjectCopier.for(evidence.context, context);
  const copied = evidence.getPages().map((page) => {
    const node = copier.copy(page.node);
    // Pin what a page would otherwise inherit from the original's tree (rotation, crop box).
    node.set(PDFName.of('Parent'), pagesRef);
    node.set(PDFName.of('Rotate'), PDFNumber.of(0));
    const mediaBox = node.get(PDFName.of('MediaBox'));
    if (mediaBox) node.set(PDFName.of('CropBox'), mediaBox);
    return context.register(node);
  });
  // Before the enumeration below: the footer's form XObject and content streams are new objects of the context.
  const stampedPages =
    options.footerPdf && !isSigned(revision) ? await stampFooter(revision, context, options.footerPdf) : [];
  const objects: UpdateObject[] = context
    .enumerateIndirectObjects()
    .map(([ref, value]) => bodyOf(ref.objectNumber, value));
  objects.push(...stampedPages);

  const root = resolveCopy(read, context, pagesRef, isDict)?.value;
  const kids = root && resolveCopy(read, context, root.get(PDFName.of('Kids')), isArray);
  if (!root || !kids || (kids.ref && kids.ref.generationNumber !== 0)) {
    throw invalid('the PDF page tree has no usable /Kids');
  }
  for (const ref of copied) kids.value.push(ref);
  if (kids.ref) objects.push(bodyOf(kids.ref.objectNumber, kids.value));
  else root.set(PDFName.of('Kids'), kids.value);
  const count = read.resolve(root.get(PDFName.of('Count')));
  if (!(count instanceof PDFNumber)) throw invalid('the PDF page tree has no /Count');
  root.set(PDFName.of('Count'), PDFNumber.of(count.asNumber() + copied.length));
  objects.push(bodyOf(pagesRef.objectNumber, root));
  return appendIncrementalUpdate(revision, objects);
}
