import type { PDFDocument, PDFObject } from 'pdf-lib';
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFRef, PDFString } from 'pdf-lib';
import type { UpdateObject } from './incremental-update';

/** A dictionary or array to rewrite: either the indirect object that holds it, or a new one inline. */
type Resolved<T> = { value: T; ref: PDFRef | undefined };

/** Resolves `value` (a reference or a direct object) to a copy that can be changed and written back. */
export function resolveCopy<T extends PDFDict | PDFArray>(
  doc: PDFDocument,
  value: PDFObject | undefined,
  is: (object: PDFObject | undefined) => object is T,
): Resolved<T> | undefined {
  const ref = value instanceof PDFRef ? value : undefined;
  const direct = ref ? doc.context.lookup(ref) : value;
  if (!is(direct)) return undefined;
  return { value: direct.clone(doc.context) as T, ref };
}

export const isArray = (object: PDFObject | undefined): object is PDFArray => object instanceof PDFArray;
export const isDict = (object: PDFObject | undefined): object is PDFDict => object instanceof PDFDict;

/** Serialises a pdf-lib object as the body of an update object. */
export function objectBody(objectNumber: number, value: PDFObject): UpdateObject {
  return { objectNumber, body: value.toString() };
}

/** A stream object with raw (unfiltered) data, e.g. a DER certificate for the DSS. */
export function streamBody(objectNumber: number, data: Uint8Array): UpdateObject {
  return {
    objectNumber,
    body: Buffer.concat([
      Buffer.from(`<< /Length ${data.byteLength} >>\nstream\n`, 'latin1'),
      Buffer.from(data),
      Buffer.from('\nendstream', 'latin1'),
    ]),
  };
}

/** Escapes a PDF literal string (field names are restricted to printable ASCII before this). */
export function pdfLiteral(text: string): string {
  return `(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

/** The top-level field names of the AcroForm, to keep a new field's name unique. */
export function existingFieldNames(doc: PDFDocument): Set<string> {
  const names = new Set<string>();
  const form = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  const fields = form?.lookupMaybe(PDFName.of('Fields'), PDFArray);
  for (let i = 0; i < (fields?.size() ?? 0); i += 1) {
    const field = fields?.lookupMaybe(i, PDFDict);
    const name = field?.get(PDFName.of('T'));
    if (name instanceof PDFString || name instanceof PDFHexString) names.add(name.decodeText());
  }
  return names;
}
