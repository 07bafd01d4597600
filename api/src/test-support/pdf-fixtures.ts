import { PDFDocument, PDFName } from 'pdf-lib';

// Real PDFs made with pdf-lib for tests; never used by production code.

/** A valid PDF with `pages` blank pages. */
export async function makePdf(pages = 1): Promise<Buffer> {
  const document = await PDFDocument.create();
  for (let i = 0; i < pages; i += 1) document.addPage();
  return Buffer.from(await document.save());
}

/** A PDF whose trailer names an /Encrypt dictionary, as every encrypted PDF's does. */
export async function makeEncryptedPdf(): Promise<Buffer> {
  const document = await PDFDocument.create();
  document.addPage();
  const encrypt = document.context.obj({ Filter: PDFName.of('Standard'), V: 1, R: 2, P: -4 });
  document.context.trailerInfo.Encrypt = document.context.register(encrypt);
  return Buffer.from(await document.save({ useObjectStreams: false }));
}
