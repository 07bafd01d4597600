// A PDF/A-2b (or -1b, -3b) input made at test time: pdf-lib draws the pages (Helvetica, not embedded, no metadata: not
// PDF/A), then Debian's ghostscript rewrites them as PDF/A (fonts embedded, XMP with pdfaid, sRGB OutputIntent). Nothing binary
// is committed, and the input comes from a producer that is not pdf-lib, like a real upload would.
import { execFile } from 'node:child_process';
import { access, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { PDFDocument, StandardFonts } from 'pdf-lib';

const run = promisify(execFile);

/** ghostscript's own sRGB profile (Debian libgs-common); scripts/install-validators.sh checks it is there. */
export const SRGB_ICC = '/usr/share/color/icc/ghostscript/srgb.icc';

/**
 * The pdfmark prefix ghostscript's PDFA_def.ps sample describes, with the profile path and /N 3 filled in: without an
 * OutputIntent, gs 10.0 writes DeviceRGB that veraPDF rejects (6.2.4.3-2).
 */
function outputIntentPostScript(iccPath: string): string {
  const literal = iccPath.replace(/[\\()]/g, (c) => `\\${c}`);
  return [
    '%!',
    '[ /_objdef {icc_PDFA} /type /stream /OBJ pdfmark',
    '[ {icc_PDFA} << /N 3 >> /PUT pdfmark',
    `[ {icc_PDFA} (${literal}) (r) file /PUT pdfmark`,
    '[ /_objdef {OutputIntent_PDFA} /type /dict /OBJ pdfmark',
    '[ {OutputIntent_PDFA} << /Type /OutputIntent /S /GTS_PDFA1 /DestOutputProfile {icc_PDFA}' +
      ' /OutputConditionIdentifier (sRGB) >> /PUT pdfmark',
    '[ {Catalog} << /OutputIntents [ {OutputIntent_PDFA} ] >> /PUT pdfmark',
    '',
  ].join('\n');
}

/** A plain pdf-lib document: `pages` A4 pages with a line of Helvetica each. */
export async function makePlainPdf(pages: number, title = 'Service agreement'): Promise<Buffer> {
  // updateMetadata: false keeps pdf-lib's Producer/dates out of the Info dictionary gs would otherwise warn about.
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i += 1) {
    doc.addPage([595, 842]).drawText(`${title} - page ${i}`, { x: 50, y: 780, size: 14, font });
  }
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

/**
 * Writes `pages` pages as PDF/A-`part`b to `output` with ghostscript (`gs -dPDFA=<part> -dPDFACompatibilityPolicy=1
 * -sColorConversionStrategy=RGB -sDEVICE=pdfwrite`) and returns the bytes. Throws when gs or the ICC profile is missing.
 */
export async function makePdfA(dir: string, output: string, part: 1 | 2 | 3, pages = 2): Promise<Buffer> {
  try {
    await access(SRGB_ICC);
  } catch {
    throw new Error(`${SRGB_ICC} is missing: run \`bash scripts/install-validators.sh\``);
  }
  const plain = path.join(dir, `pdfa${part}-source.pdf`);
  const prefix = path.join(dir, `pdfa${part}-output-intent.ps`);
  await writeFile(plain, await makePlainPdf(pages));
  await writeFile(prefix, outputIntentPostScript(SRGB_ICC));
  const args = [
    ...['-q', '-dBATCH', '-dNOPAUSE', '-dSAFER', `--permit-file-read=${SRGB_ICC}`],
    ...[`-dPDFA=${part}`, '-dPDFACompatibilityPolicy=1', '-sColorConversionStrategy=RGB', '-sDEVICE=pdfwrite'],
    `-sOutputFile=${output}`,
    prefix,
    plain,
  ];
  try {
    await run('gs', args);
  } catch (error) {
    const { code, stderr } = error as { code?: string | number; stderr?: string };
    if (code === 'ENOENT')
      throw new Error('gs (ghostscript) is not installed: run `bash scripts/install-validators.sh`');
    throw new Error(`gs failed to write PDF/A-${part}b: ${stderr ?? String(error)}`);
  }
  return readFile(output);
}
