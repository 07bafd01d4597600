import { PDFDocument, StandardFonts } from 'pdf-lib';

/** A small, valid PDF with `pages` pages of text. */
export async function makePdf(pages = 1, title = 'Service agreement'): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) {
    doc.addPage([595, 842]).drawText(`${title} — page ${i}`.replace('—', '-'), { x: 50, y: 780, size: 14, font });
  }
  return Buffer.from(await doc.save());
}
