import { AppError, AppErrorCode } from '@signet/shared';
import type { PDFObject } from 'pdf-lib';
import { PDFDocument, PDFName, PDFNumber, PDFRef } from 'pdf-lib';
import { appendIncrementalUpdate } from '../seal/incremental-update';
import type { UpdateObject } from '../seal/incremental-update';
import { isArray, resolveCopy } from '../seal/pdf-objects';
import { readRevision } from '../seal/pdf-revision';

function invalid(message: string, cause?: unknown): AppError {
  return new AppError(AppErrorCode.INVALID_DOCUMENT, { message, cause });
}

/** The exact bytes of a pdf-lib object (streams included) as the body of an update object. */
function bodyOf(objectNumber: number, value: PDFObject): UpdateObject {
  const bytes = new Uint8Array(value.sizeInBytes());
  value.copyBytesInto(bytes, 0);
  return { objectNumber, body: bytes };
}

/**
 * Appends every page of `evidencePdfBytes` after the last page of `originalBytes` as ONE incremental update
 * (the seal module's writer): the original stays a byte-exact prefix, so signatures already in it stay
 * intact, and the new cross-reference section is the same kind as the original's last one.
 *
 * The update holds the copied pages and everything they use (fonts, images, content streams) as new
 * objects, and a new revision of the root page tree node (its /Kids and /Count; or of /Kids alone when
 * that is an indirect array, plus the node for /Count). No other existing object is rewritten.
 * Encrypted, unparsable or page-less originals fail with INVALID_DOCUMENT.
 */
export async function appendPagesIncrementally(
  originalBytes: Uint8Array,
  evidencePdfBytes: Uint8Array,
): Promise<Uint8Array> {
  const revision = await readRevision(originalBytes, AppErrorCode.INVALID_DOCUMENT);
  const { doc } = revision;
  const pagesRef = doc.catalog.get(PDFName.of('Pages'));
  if (!(pagesRef instanceof PDFRef) || pagesRef.generationNumber !== 0) {
    throw invalid('the PDF page tree is not an indirect object of generation 0');
  }
  if (doc.getPageCount() === 0) throw invalid('the PDF has no pages');
  let evidence: PDFDocument;
  try {
    evidence = await PDFDocument.load(evidencePdfBytes, { updateMetadata: false });
  } catch (cause) {
    throw invalid('the evidence pages cannot be parsed', cause);
  }

  // New objects take numbers from the original's /Size on: free entries below it are never reused.
  const firstNew = revision.nextObjectNumber;
  doc.context.largestObjectNumber = Math.max(doc.context.largestObjectNumber, firstNew - 1);
  const copied = await doc.copyPages(evidence, evidence.getPageIndices());
  for (const page of copied) {
    // Pin what a page would otherwise inherit from the original's tree (rotation, crop box).
    page.node.set(PDFName.of('Parent'), pagesRef);
    page.node.set(PDFName.of('Rotate'), PDFNumber.of(0));
    const mediaBox = page.node.get(PDFName.of('MediaBox'));
    if (mediaBox) page.node.set(PDFName.of('CropBox'), mediaBox);
  }

  const objects: UpdateObject[] = doc.context
    .enumerateIndirectObjects()
    .filter(([ref]) => ref.objectNumber >= firstNew)
    .map(([ref, value]) => bodyOf(ref.objectNumber, value));

  const root = doc.catalog.Pages().clone(doc.context);
  const kids = resolveCopy(doc, root.get(PDFName.of('Kids')), isArray);
  if (!kids || (kids.ref && kids.ref.generationNumber !== 0)) throw invalid('the PDF page tree has no usable /Kids');
  for (const page of copied) kids.value.push(page.ref);
  if (kids.ref) objects.push(bodyOf(kids.ref.objectNumber, kids.value));
  else root.set(PDFName.of('Kids'), kids.value);
  const count = doc.context.lookupMaybe(root.get(PDFName.of('Count')), PDFNumber)?.asNumber() ?? doc.getPageCount();
  root.set(PDFName.of('Count'), PDFNumber.of(count + copied.length));
  objects.push(bodyOf(pagesRef.objectNumber, root));
  return appendIncrementalUpdate(revision, objects);
}
