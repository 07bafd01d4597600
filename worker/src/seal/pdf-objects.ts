import type { PDFContext, PDFObject } from 'pdf-lib';
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFRef, PDFString } from 'pdf-lib';
import type { UpdateObject } from './incremental-update';
import type { PdfObjects } from './pdf-objects-reader';
import type { PdfRevision } from './pdf-revision';

/** A dictionary or array to rewrite: either the indirect object that holds it, or a new one inline. */
type Resolved<T> = { value: T; ref: PDFRef | undefined };

/**
 * Resolves `value` (a reference or a direct object) to a copy in `context` (the update's scratch context) that can
 * be changed and written back; the revision's own parsed objects are never changed.
 */
export function resolveCopy<T extends PDFDict | PDFArray>(
  objects: PdfObjects,
  context: PDFContext,
  value: PDFObject | undefined,
  is: (object: PDFObject | undefined) => object is T,
): Resolved<T> | undefined {
  const ref = value instanceof PDFRef ? value : undefined;
  const direct = objects.resolve(value);
  if (!is(direct)) return undefined;
  return { value: direct.clone(context) as T, ref };
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
      data,
      Buffer.from('\nendstream', 'latin1'),
    ]),
  };
}

/** Escapes a PDF literal string (field names are restricted to printable ASCII before this). */
export function pdfLiteral(text: string): string {
  return `(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

/** The top-level field names of the AcroForm, to keep a new field's name unique. */
export function existingFieldNames(revision: PdfRevision): Set<string> {
  const { objects } = revision;
  const names = new Set<string>();
  const form = objects.resolve(revision.catalog.get(PDFName.of('AcroForm')));
  const fields = form instanceof PDFDict ? objects.resolve(form.get(PDFName.of('Fields'))) : undefined;
  if (!(fields instanceof PDFArray)) return names;
  for (const item of fields.asArray()) {
    const field = objects.resolve(item);
    const name = field instanceof PDFDict ? objects.resolve(field.get(PDFName.of('T'))) : undefined;
    if (name instanceof PDFString || name instanceof PDFHexString) names.add(name.decodeText());
  }
  return names;
}
