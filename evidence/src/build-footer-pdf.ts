import { PDFDocument, rgb } from 'pdf-lib';
import { embedEvidenceFonts, toRuns } from './fonts';
import { measureRun, measureText } from './page-layout';

/** Points: the footer's type size and the page it is drawn on (exactly the text's box). */
const FOOTER_SIZE = 6.5;
const FOOTER_HEIGHT = 9;

/** The line stamped at the foot of every original page: the envelope and where to check the seal. */
export function footerText(envelopeId: string): string {
  return `Signed with Signet · envelope ${envelopeId} · the seal covers every page: check it in a PDF viewer's signature panel`;
}

/**
 * A one-page PDF whose page is exactly the footer line (grey DejaVu Sans, embedded subset with its /CIDSet, so a
 * PDF/A original stays conforming). The worker turns the page into a form XObject and draws it at the foot of
 * each original page in the same incremental update as the evidence pages.
 */
export async function buildFooterPdf(text: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const fonts = await embedEvidenceFonts(doc, text);
  const width = Math.ceil(measureText(text, fonts.regular, FOOTER_SIZE)) + 2;
  const page = doc.addPage([width, FOOTER_HEIGHT]);
  let x = 1;
  for (const run of toRuns(text, fonts.regular)) {
    page.drawText(run.text, { x, y: 2.5, size: FOOTER_SIZE, font: run.font, color: rgb(0.4, 0.4, 0.4) });
    x += measureRun(run.text, run.font, FOOTER_SIZE);
  }
  return doc.save({ useObjectStreams: false, objectsPerTick: Infinity });
}
