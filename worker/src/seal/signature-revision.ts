import { AppError, AppErrorCode } from '@signet/shared/errors';
import { PDFContext, PDFName, PDFNumber, PDFRef } from 'pdf-lib';
import { sha256Without } from './byte-chunks';
import type { UpdateObject } from './incremental-update';
import { appendIncrementalUpdate } from './incremental-update';
import { firstPage } from './page-tree';
import { existingFieldNames, isArray, isDict, objectBody, pdfLiteral, resolveCopy } from './pdf-objects';
import type { PdfRevision } from './pdf-revision';

const BYTE_RANGE_PLACEHOLDER = '[0 ********** ********** **********]';

export type SignatureRevisionOptions = {
  /** Entries of the signature dictionary besides /ByteRange and /Contents (e.g. /Type /Sig /SubFilter …). */
  dictionaryEntries: string;
  fieldName: string;
  /** Bytes reserved for the DER in /Contents. */
  contentsSize: number;
  /** Produces the DER for /Contents from the SHA-256 of the byte ranges. */
  createContents: (digest: Uint8Array) => Promise<Uint8Array>;
  /**
   * Give the invisible widget an empty appearance stream (PDF/A-1, 6.9). Not for document timestamps: pyHanko's
   * change analysis accepts a timestamp revision that adds a field, not one that also adds a form XObject.
   */
  emptyAppearance?: boolean;
};

/**
 * Appends a signature (or document timestamp) as one incremental update: the signature dictionary, an
 * invisible widget on page 1 that is also the field, the AcroForm with SigFlags 3, then fills /ByteRange
 * and /Contents in place. Lengths never change, so offsets and the earlier revisions stay exact. Only the
 * update's own chunk is written to; the byte ranges are hashed chunk by chunk, without a copy of the file.
 */
export async function appendSignatureRevision(
  revision: PdfRevision,
  options: SignatureRevisionOptions,
): Promise<PdfRevision> {
  const signatureNumber = revision.nextObjectNumber;
  const placeholder = `<${'0'.repeat(options.contentsSize * 2)}>`;
  const objects: UpdateObject[] = [
    {
      objectNumber: signatureNumber,
      body: `<< ${options.dictionaryEntries} /ByteRange ${BYTE_RANGE_PLACEHOLDER} /Contents ${placeholder} >>`,
    },
    ...fieldObjects(
      revision,
      signatureNumber,
      uniqueName(revision, options.fieldName),
      options.emptyAppearance ?? false,
    ),
  ];
  const updated = appendIncrementalUpdate(revision, objects);
  const update = updated.file.chunks[updated.file.chunks.length - 1];
  if (!update) throw new AppError(AppErrorCode.SEAL_FAILED, { message: 'the update was not written' });
  const view = Buffer.from(update.buffer, update.byteOffset, update.byteLength);
  const updateStart = revision.file.length;
  const signatureAt = view.indexOf(`${signatureNumber} 0 obj\n`, 0, 'latin1');
  const contentsAt = view.indexOf(placeholder, signatureAt, 'latin1');
  const contentsStart = updateStart + contentsAt;
  const contentsEnd = contentsStart + placeholder.length;
  const byteRange = [0, contentsStart, contentsEnd, updated.file.length - contentsEnd];
  writeByteRange(view, signatureAt, byteRange);
  const digest = sha256Without(updated.file, [contentsStart, contentsEnd]);
  const der = await options.createContents(digest);
  if (der.byteLength > options.contentsSize) {
    throw new AppError(AppErrorCode.SEAL_FAILED, {
      message: `signature of ${der.byteLength} bytes exceeds its ${options.contentsSize}-byte placeholder`,
    });
  }
  view.write(Buffer.from(der).toString('hex'), contentsAt + 1, 'latin1');
  return updated;
}

function writeByteRange(update: Buffer, from: number, byteRange: number[]): void {
  const at = update.indexOf(BYTE_RANGE_PLACEHOLDER, from, 'latin1');
  const text = `[${byteRange.join(' ')}]`.padEnd(BYTE_RANGE_PLACEHOLDER.length, ' ');
  update.write(text, at, 'latin1');
}

function uniqueName(revision: PdfRevision, wanted: string): string {
  const base = wanted.replace(/[^A-Za-z0-9 _.-]/g, '_') || 'Seal';
  const taken = existingFieldNames(revision);
  let name = base;
  for (let i = 2; taken.has(name); i += 1) name = `${base} ${i}`;
  return name;
}

/** Widget + field, the page's /Annots and the AcroForm /Fields, rewriting only what must change. */
function fieldObjects(
  revision: PdfRevision,
  signatureNumber: number,
  fieldName: string,
  emptyAppearance: boolean,
): UpdateObject[] {
  const { objects: read, catalog } = revision;
  const page = firstPage(revision);
  if (!page) throw new AppError(AppErrorCode.SEAL_FAILED, { message: 'the PDF has no page for the signature' });
  // New and rewritten objects are built in a scratch context; the revision's parsed objects stay as read.
  const context = PDFContext.create();
  const widget = PDFRef.of(signatureNumber + 1);
  let next = signatureNumber + 2;
  const appearance = emptyAppearance ? next++ : undefined;
  // Invisible: zero-size, Print + Locked (132).
  const objects: UpdateObject[] = [
    {
      objectNumber: widget.objectNumber,
      body:
        `<< /Type /Annot /Subtype /Widget /FT /Sig /T ${pdfLiteral(fieldName)} /V ${signatureNumber} 0 R ` +
        `/Rect [0 0 0 0] /F 132 /P ${page.ref.toString()}` +
        `${appearance ? ` /AP << /N ${appearance} 0 R >>` : ''} >>`,
    },
  ];
  if (appearance) {
    objects.push({
      objectNumber: appearance,
      body: '<< /Type /XObject /Subtype /Form /BBox [0 0 0 0] /Resources << >> /Length 0 >>\nstream\n\nendstream',
    });
  }
  // Page /Annots: rewrite the array object if indirect, else the page with an extended array.
  const annots = resolveCopy(read, context, page.node.get(PDFName.of('Annots')), isArray);
  const annotsArray = annots?.value ?? context.obj([]);
  annotsArray.push(widget);
  if (annots?.ref) objects.push(objectBody(annots.ref.objectNumber, annotsArray));
  else {
    const pageCopy = page.node.clone(context);
    pageCopy.set(PDFName.of('Annots'), annotsArray);
    objects.push(objectBody(page.ref.objectNumber, pageCopy));
  }
  // AcroForm: same rule; the catalog is rewritten only when the form is not an indirect object yet.
  const form = resolveCopy(read, context, catalog.get(PDFName.of('AcroForm')), isDict);
  const formDict = form?.value ?? context.obj({});
  const fields = resolveCopy(read, context, formDict.get(PDFName.of('Fields')), isArray);
  const fieldsArray = fields?.value ?? context.obj([]);
  fieldsArray.push(widget);
  if (fields?.ref) objects.push(objectBody(fields.ref.objectNumber, fieldsArray));
  else formDict.set(PDFName.of('Fields'), fieldsArray);
  formDict.set(PDFName.of('SigFlags'), PDFNumber.of(3));
  const formNumber = form?.ref?.objectNumber ?? next++;
  objects.push(objectBody(formNumber, formDict));
  if (!form?.ref) {
    const catalogCopy = catalog.clone(context);
    catalogCopy.set(PDFName.of('AcroForm'), PDFRef.of(formNumber));
    objects.push(objectBody(revision.root.objectNumber, catalogCopy));
  }
  return objects;
}
