import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildFooterPdf, footerText } from '@signet/evidence';
import { concatTransformationMatrix, degrees, PDFDocument, PDFName, StandardFonts } from 'pdf-lib';
import { appendPagesIncrementally } from './append-pages';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'signet-footer-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, bytes: Uint8Array): string => {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
};
const pageText = (file: string, page: number): string =>
  execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });

/** Three pages: upright, rotated 90°, and one that leaves its graphics state scaled (no Q) to tempt the footer. */
async function original(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([595, 842]).drawText('Original page one', { x: 50, y: 780, size: 14, font });
  const turned = doc.addPage([595, 842]);
  turned.setRotation(degrees(90));
  turned.drawText('Original page two', { x: 50, y: 780, size: 14, font });
  const messy = doc.addPage([300, 400]);
  messy.drawText('Original page three', { x: 20, y: 360, size: 12, font });
  messy.pushOperators(concatTransformationMatrix(3, 0, 0, 3, 500, 500)); // never restored: the footer must not care
  return doc.save({ useObjectStreams: false });
}

async function evidence(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]).drawText('Evidence page');
  return doc.save();
}

describe('the footer on every original page', () => {
  it('draws the envelope line on each original page, keeps their text, and leaves the original a byte prefix', async () => {
    const input = await original();
    const footerPdf = await buildFooterPdf(footerText('env-footer-1'));
    const output = await appendPagesIncrementally(input, await evidence(), { footerPdf });
    expect(Buffer.from(output.subarray(0, input.length)).equals(Buffer.from(input))).toBe(true);
    const file = write('footer.pdf', output);
    expect(spawnSync('qpdf', ['--check', file]).status).toBe(0);
    for (const [page, text] of [
      [1, 'Original page one'],
      [2, 'Original page two'],
      [3, 'Original page three'],
    ] as const) {
      const extracted = pageText(file, page).replace(/\s+/g, ' ');
      expect(extracted).toContain(text);
      expect(extracted).toContain('Signed with Signet · envelope env-footer-1');
    }
    expect(pageText(file, 4)).not.toContain('Signed with Signet'); // evidence pages carry their own footer line
    // On the page that leaves its state transformed, the footer still sits at the foot of the 300×400 page.
    const words = execFileSync('pdftotext', ['-f', '3', '-l', '3', '-bbox', file, '-'], { encoding: 'utf8' });
    const signet = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">Signet<\/word>/.exec(words);
    expect(signet).not.toBeNull();
    const [xMin, yMin, xMax, yMax] = signet!.slice(1).map(Number) as [number, number, number, number];
    expect(xMin).toBeGreaterThan(0);
    expect(xMax).toBeLessThan(300);
    expect(yMin).toBeGreaterThan(380);
    expect(yMax).toBeLessThanOrEqual(400);
    const doc = await PDFDocument.load(output);
    expect(doc.getPage(1).getRotation().angle).toBe(90);
    expect(doc.getPage(0).node.Resources()?.lookup(PDFName.of('XObject'))).toBeDefined();
  });

  it('leaves an already signed original untouched (its signatures must not report later page changes)', async () => {
    const input = Buffer.concat([
      Buffer.from(await original()),
      Buffer.from('\n% a signature dictionary would carry /ByteRange [0 0 0 0]\n'),
    ]);
    const footerPdf = await buildFooterPdf(footerText('env-footer-2'));
    const output = await appendPagesIncrementally(input, await evidence(), { footerPdf });
    expect(pageText(write('signed.pdf', output), 1)).not.toContain('Signed with Signet');
  });
});
