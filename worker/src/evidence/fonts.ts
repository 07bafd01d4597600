import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { PDFDocument, PDFFont } from 'pdf-lib';
import { upstreamFontkit } from './fontkit-adapter';

/** A font and its fallbacks, tried in order for each character. */
export type FontChain = { fonts: PDFFont[]; covers: Array<Set<number>> };
export type EvidenceFonts = { regular: FontChain; bold: FontChain };
/** A piece of one line drawn with one font. */
export type TextRun = { text: string; font: PDFFont };

const DEJAVU_DIR = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
// worker/src/evidence or worker/dist/evidence → worker/assets/fonts
const ASSET_DIR = path.join(__dirname, '..', '..', 'assets', 'fonts');
const REPLACEMENT = '?';

/**
 * Embeds DejaVu Sans (Latin, Greek, Cyrillic, …) and, for what it lacks, Droid Sans Fallback (CJK), both as
 * subsets made by upstream fontkit, so a document carries only the glyphs it draws. Fixed subset names keep
 * the output deterministic (pdf-lib otherwise adds a random suffix).
 */
export async function embedEvidenceFonts(doc: PDFDocument): Promise<EvidenceFonts> {
  doc.registerFontkit(upstreamFontkit);
  const [regularBytes, boldBytes, cjkBytes] = await Promise.all([
    readFile(path.join(DEJAVU_DIR, 'DejaVuSans.ttf')),
    readFile(path.join(DEJAVU_DIR, 'DejaVuSans-Bold.ttf')),
    readFile(path.join(ASSET_DIR, 'DroidSansFallback.ttf')),
  ]);
  const embed = (bytes: Uint8Array, name: string) => doc.embedFont(bytes, { subset: true, customName: name });
  const regular = await embed(regularBytes, 'SIGNEA+DejaVuSans');
  const bold = await embed(boldBytes, 'SIGNEB+DejaVuSans-Bold');
  // One CJK font for both weights: Droid has no bold, and a second 3 MB parse buys nothing.
  const cjk = await embed(cjkBytes, 'SIGNEC+DroidSansFallback');
  const chain = (fonts: PDFFont[]): FontChain => ({
    fonts,
    covers: fonts.map((font) => new Set(font.getCharacterSet())),
  });
  return { regular: chain([regular, cjk]), bold: chain([bold, cjk]) };
}

/**
 * Splits `text` into runs of characters drawn with the first font of the chain that has a glyph for them.
 * NFC first (a decomposed "Ä" becomes one glyph); control characters become spaces; a character no font
 * covers becomes "?" in the primary font (the exact text stays in the audit JSON).
 */
export function toRuns(text: string, chain: FontChain): TextRun[] {
  const runs: TextRun[] = [];
  const primary = chain.fonts[0];
  if (!primary) return runs;
  for (const char of text.normalize('NFC')) {
    const codePoint = char.codePointAt(0) ?? 0;
    let drawn = char;
    let index = -1;
    if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0)) drawn = ' ';
    else index = chain.covers.findIndex((cover) => cover.has(codePoint));
    if (drawn !== ' ' && index < 0) drawn = REPLACEMENT;
    const font = chain.fonts[Math.max(index, 0)] ?? primary;
    const last = runs[runs.length - 1];
    if (last && last.font === font) last.text += drawn;
    else runs.push({ text: drawn, font });
  }
  return runs;
}

export function widthOfRuns(runs: TextRun[], size: number): number {
  return runs.reduce((sum, run) => sum + run.font.widthOfTextAtSize(run.text, size), 0);
}
