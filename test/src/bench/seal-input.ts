import { randomBytes } from 'node:crypto';
import {
  concatTransformationMatrix,
  drawObject,
  PDFDocument,
  popGraphicsState,
  pushGraphicsState,
  StandardFonts,
} from 'pdf-lib';

// Each page carries an uncompressed RGB noise image of this size (≈ 100 KB, incompressible), so a 100-page input
// is about 10 MB, as in the issue, and the file is as heavy to hash and copy as a scanned document.
const NOISE_WIDTH = 200;
const NOISE_HEIGHT = 170;

/** A classic-xref PDF of `pages` A4 pages, each with a line of text and its own random-noise image. */
export async function makeSealInput(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i += 1) {
    const page = doc.addPage([595, 842]);
    page.drawText(`Benchmark agreement - page ${i} of ${pages}`, { x: 50, y: 780, size: 14, font });
    const image = doc.context.register(
      doc.context.stream(randomBytes(NOISE_WIDTH * NOISE_HEIGHT * 3), {
        Type: 'XObject',
        Subtype: 'Image',
        Width: NOISE_WIDTH,
        Height: NOISE_HEIGHT,
        ColorSpace: 'DeviceRGB',
        BitsPerComponent: 8,
      }),
    );
    const name = page.node.newXObject('Noise', image);
    page.pushOperators(
      pushGraphicsState(),
      concatTransformationMatrix(400, 0, 0, 340, 97, 380),
      drawObject(name),
      popGraphicsState(),
    );
  }
  return doc.save({ useObjectStreams: false });
}
