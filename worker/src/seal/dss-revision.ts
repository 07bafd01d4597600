import { PDFArray, PDFContext, PDFDict, PDFName, PDFRef } from 'pdf-lib';
import type { UpdateObject } from './incremental-update';
import { appendIncrementalUpdate } from './incremental-update';
import { objectBody, streamBody } from './pdf-objects';
import type { PdfRevision } from './pdf-revision';
import { sha256 } from './pki';

/** DER validation material for the Document Security Store. */
export type ValidationData = { certificates: Uint8Array[]; ocspResponses: Uint8Array[]; crls: Uint8Array[] };

/**
 * Appends the DSS (PAdES B-LT) as one incremental update: a stream per certificate, OCSP response and
 * CRL, and the catalog's /DSS. Entries of an existing DSS are kept. Duplicates (same SHA-256) are written once.
 */
export function appendDssRevision(revision: PdfRevision, data: ValidationData): PdfRevision {
  const { objects: read, catalog } = revision;
  const context = PDFContext.create();
  const existing = read.resolve(catalog.get(PDFName.of('DSS')));
  let next = revision.nextObjectNumber;
  const objects: UpdateObject[] = [];
  const dss = context.obj({});
  const add = (key: string, items: Uint8Array[]): void => {
    const kept = existing instanceof PDFDict ? read.resolve(existing.get(PDFName.of(key))) : undefined;
    const refs = (kept instanceof PDFArray ? kept.asArray() : []).filter((r): r is PDFRef => r instanceof PDFRef);
    const seen = new Set<string>();
    for (const item of items) {
      const hash = sha256(item).toString('hex');
      if (seen.has(hash)) continue;
      seen.add(hash);
      objects.push(streamBody(next, item));
      refs.push(PDFRef.of(next++));
    }
    if (refs.length > 0) dss.set(PDFName.of(key), context.obj(refs));
  };
  add('Certs', data.certificates);
  add('OCSPs', data.ocspResponses);
  add('CRLs', data.crls);
  const dssNumber = next++;
  objects.push(objectBody(dssNumber, dss));
  const catalogCopy = catalog.clone(context);
  catalogCopy.set(PDFName.of('DSS'), PDFRef.of(dssNumber));
  objects.push(objectBody(revision.root.objectNumber, catalogCopy));
  return appendIncrementalUpdate(revision, objects);
}
