import { AppError, AppErrorCode } from '@signet/shared';
import { PDFName, PDFNumber, PDFRef } from 'pdf-lib';
import type { UpdateObject } from './incremental-update';
import { appendIncrementalUpdate } from './incremental-update';
import { existingFieldNames, isArray, isDict, objectBody, pdfLiteral, resolveCopy } from './pdf-objects';
import { readRevision } from './pdf-revision';
import type { PdfRevision } from './pdf-revision';
import { sha256 } from './pki';

const BYTE_RANGE_PLACEHOLDER = '[0 ********** ********** **********]';

export type SignatureRevisionOptions = {
  /** Entries of the signature dictionary besides /ByteRange and /Contents (e.g. /Type /Sig /SubFilter …). */
  dictionaryEntries: string;
  fieldName: string;
  /** Bytes reserved for the DER in /Contents. */
  contentsSize: number;
  /** Produces the DER for /Contents from the SHA-256 of the byte ranges. */
  createContents: (digest: Uint8Array) => Promise<Uint8Array>;
};

/**
 * Appends a signature (or document timestamp) as one incremental update: the signature dictionary, an
 * invisible widget on page 1 that is also the field, the AcroForm with SigFlags 3, then fills /ByteRange
 * and /Contents in place. Lengths never change, so offsets and the earlier revisions stay exact.
 */
export async function appendSignatureRevision(
  bytes: Uint8Array,
  options: SignatureRevisionOptions,
): Promise<Uint8Array> {
  const revision = await readRevision(bytes);
  const signatureNumber = revision.nextObjectNumber;
  const placeholder = `<${'0'.repeat(options.contentsSize * 2)}>`;
  const objects: UpdateObject[] = [
    {
      objectNumber: signatureNumber,
      body: `<< ${options.dictionaryEntries} /ByteRange ${BYTE_RANGE_PLACEHOLDER} /Contents ${placeholder} >>`,
    },
    ...fieldObjects(revision, signatureNumber, uniqueName(revision, options.fieldName)),
  ];
  const updated = appendIncrementalUpdate(revision, objects);
  const signatureStart = Buffer.from(updated).indexOf(`${signatureNumber} 0 obj\n`, bytes.byteLength, 'latin1');
  const contentsStart = Buffer.from(updated).indexOf(placeholder, signatureStart, 'latin1');
  const contentsEnd = contentsStart + placeholder.length;
  const byteRange = [0, contentsStart, contentsEnd, updated.byteLength - contentsEnd];
  writeByteRange(updated, signatureStart, byteRange);
  const digest = sha256(Buffer.concat([updated.subarray(0, contentsStart), updated.subarray(contentsEnd)]));
  const der = await options.createContents(digest);
  if (der.byteLength > options.contentsSize) {
    throw new AppError(AppErrorCode.SEAL_FAILED, {
      message: `signature of ${der.byteLength} bytes exceeds its ${options.contentsSize}-byte placeholder`,
    });
  }
  Buffer.from(updated.buffer, updated.byteOffset).write(Buffer.from(der).toString('hex'), contentsStart + 1, 'latin1');
  return updated;
}

function writeByteRange(updated: Uint8Array, from: number, byteRange: number[]): void {
  const at = Buffer.from(updated).indexOf(BYTE_RANGE_PLACEHOLDER, from, 'latin1');
  const text = `[${byteRange.join(' ')}]`.padEnd(BYTE_RANGE_PLACEHOLDER.length, ' ');
  Buffer.from(updated.buffer, updated.byteOffset).write(text, at, 'latin1');
}

function uniqueName(revision: PdfRevision, wanted: string): string {
  const base = wanted.replace(/[^A-Za-z0-9 _.-]/g, '_') || 'Seal';
  const taken = existingFieldNames(revision.doc);
  let name = base;
  for (let i = 2; taken.has(name); i += 1) name = `${base} ${i}`;
  return name;
}

/** Widget + field, the page's /Annots and the AcroForm /Fields, rewriting only what must change. */
function fieldObjects(revision: PdfRevision, signatureNumber: number, fieldName: string): UpdateObject[] {
  const { doc } = revision;
  const page = doc.getPage(0);
  const widgetNumber = signatureNumber + 1;
  const widget = PDFRef.of(widgetNumber);
  let next = widgetNumber + 1;
  const objects: UpdateObject[] = [
    {
      objectNumber: widgetNumber,
      body:
        `<< /Type /Annot /Subtype /Widget /FT /Sig /T ${pdfLiteral(fieldName)} /V ${signatureNumber} 0 R ` +
        `/Rect [0 0 0 0] /F 132 /P ${page.ref.toString()} >>`,
    },
  ];
  // Page /Annots: rewrite the array object if indirect, else the page with an extended array.
  const annots = resolveCopy(doc, page.node.get(PDFName.of('Annots')), isArray);
  const annotsArray = annots?.value ?? doc.context.obj([]);
  annotsArray.push(widget);
  if (annots?.ref) objects.push(objectBody(annots.ref.objectNumber, annotsArray));
  else {
    const pageCopy = page.node.clone(doc.context);
    pageCopy.set(PDFName.of('Annots'), annotsArray);
    objects.push(objectBody(page.ref.objectNumber, pageCopy));
  }
  // AcroForm: same rule; the catalog is rewritten only when the form is not an indirect object yet.
  const formValue = doc.catalog.get(PDFName.of('AcroForm'));
  const form = resolveCopy(doc, formValue, isDict);
  const formDict = form?.value ?? doc.context.obj({});
  const fields = resolveCopy(doc, formDict.get(PDFName.of('Fields')), isArray);
  const fieldsArray = fields?.value ?? doc.context.obj([]);
  fieldsArray.push(widget);
  if (fields?.ref) objects.push(objectBody(fields.ref.objectNumber, fieldsArray));
  else formDict.set(PDFName.of('Fields'), fieldsArray);
  formDict.set(PDFName.of('SigFlags'), PDFNumber.of(3));
  const formNumber = form?.ref?.objectNumber ?? next++;
  objects.push(objectBody(formNumber, formDict));
  if (!form?.ref) {
    const catalog = doc.catalog.clone(doc.context);
    catalog.set(PDFName.of('AcroForm'), PDFRef.of(formNumber));
    objects.push(objectBody(revision.root.objectNumber, catalog));
  }
  return objects;
}
