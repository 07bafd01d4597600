import type { PDFDocument, PDFPage } from 'pdf-lib';
import { PDFArray, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import type { PDFRawStream } from 'pdf-lib';
import { EVIDENCE_JSON_NAME } from './evidence-json';

/**
 * Embeds `json` as a file attached to `page` (a FileAttachment annotation with a paperclip icon at the top
 * right): the attachment travels with the page when it is appended to the original, so no existing object
 * of the original (its catalog's name tree) has to change. Viewers list it under attachments; `verifyPdf`
 * reads the recipients from it. Not for PDF/A-1/2 originals: those forbid non-PDF/A embedded files.
 */
export function attachEvidenceJson(doc: PDFDocument, page: PDFPage, json: string, modified: Date): void {
  const { context } = doc;
  const bytes = new TextEncoder().encode(json);
  const file = context.flateStream(bytes, {
    Type: 'EmbeddedFile',
    Subtype: 'application/json',
    Params: { Size: bytes.length, ModDate: PDFString.fromDate(modified) },
  });
  const fileRef = context.register(file);
  const spec = context.register(
    context.obj({
      Type: 'Filespec',
      F: PDFString.of(EVIDENCE_JSON_NAME),
      UF: PDFHexString.fromText(EVIDENCE_JSON_NAME),
      EF: { F: fileRef, UF: fileRef },
      Desc: PDFHexString.fromText('Signet evidence: recipients and audit trail (JSON)'),
      AFRelationship: PDFName.of('Supplement'),
    }),
  );
  const { width, height } = page.getSize();
  const annotation = context.register(
    context.obj({
      Type: 'Annot',
      Subtype: 'FileAttachment',
      Rect: [width - 44, height - 44, width - 28, height - 24],
      FS: spec,
      Contents: PDFHexString.fromText('Signet evidence (JSON): recipients and audit trail'),
      Name: 'Paperclip',
      F: 4, // Print: shown and printed, never hidden
      // PDF/A (6.3.3): every annotation draws itself; viewers that prefer their own icon still may.
      AP: { N: context.register(paperclipAppearance(doc)) },
      // PDF/A-3 (6.8): an embedded file is associated with the part of the document it belongs to.
      AF: [spec],
    }),
  );
  const pageFiles = page.node.lookupMaybe(PDFName.of('AF'), PDFArray);
  if (pageFiles) pageFiles.push(spec);
  else page.node.set(PDFName.of('AF'), context.obj([spec]));
  page.node.addAnnot(annotation);
}

/** A 16×20 grey paperclip-ish glyph (two nested rounded strokes) as the annotation's normal appearance. */
function paperclipAppearance(doc: PDFDocument): PDFRawStream {
  const drawing = [
    '0.35 0.35 0.35 RG 1.2 w 1 J 1 j',
    '5 4 m 5 15 l 5 18 11 18 11 15 c 11 6 l 11 3 7 3 7 6 c 7 14 l S',
  ].join('\n');
  return doc.context.stream(drawing, { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 16, 20], Resources: {} });
}
