import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { PDFContext, PDFDocument, PDFFont, PDFRef } from 'pdf-lib';
import { PDFArray, PDFDict, PDFName } from 'pdf-lib';
import type { PdfLibSubset } from './fontkit-adapter';
import { upstreamFontkit } from './fontkit-adapter';

/** A font and its fallbacks, tried in order for each character. */
export type FontChain = { fonts: PDFFont[]; covers: Array<Set<number>> };
export type EvidenceFonts = { regular: FontChain; bold: FontChain };
/** A piece of one line drawn with one font. */
export type TextRun = { text: string; font: PDFFont };

const DEJAVU_DIR = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
// evidence/src or evidence/dist → evidence/assets/fonts
const ASSET_DIR = path.join(__dirname, '..', 'assets', 'fonts');
const REPLACEMENT = '?';

/** What pdf-lib 1.17.1's CustomFontSubsetEmbedder (private `PDFFont.embedder`) exposes that the CIDSet needs. */
type SubsetEmbedder = {
  subset: PdfLibSubset;
  embedIntoContext(context: PDFContext, ref: PDFRef): Promise<PDFRef>;
};

/**
 * Gives the font's descriptor a /CIDSet once pdf-lib writes it (at save): PDF/A-1 (6.3.5-3) requires one for
 * every CIDFont subset, listing exactly the CIDs in the font program, so an evidence page appended to a PDF/A-1
 * original keeps it conforming; PDF/A-2/3 (6.2.11.4.2) accept one only if it is exact. CID = GID
 * (/CIDToGIDMap /Identity) and the program holds GIDs 0..count-1: .notdef, the drawn glyphs and the components
 * of composite glyphs (e.g. "Ä" = "A" + diaeresis), so counting drawn glyphs alone would be wrong. The hook
 * runs after pdf-lib (re)writes the font's dictionaries, when the subset has just been encoded.
 */
function addCidSetOnEmbed(font: PDFFont): void {
  const embedder = (font as unknown as { embedder: SubsetEmbedder }).embedder;
  const embedIntoContext = embedder.embedIntoContext.bind(embedder);
  embedder.embedIntoContext = async (context, ref) => {
    const written = await embedIntoContext(context, ref);
    const type0 = context.lookup(written, PDFDict);
    const cidFont = context.lookup(type0.lookup(PDFName.of('DescendantFonts'), PDFArray).get(0), PDFDict);
    const descriptor = cidFont.lookup(PDFName.of('FontDescriptor'), PDFDict);
    const cids = embedder.subset.glyphCount;
    const bits = new Uint8Array(Math.ceil(cids / 8));
    for (let cid = 0; cid < cids; cid += 1) bits[cid >> 3]! |= 0x80 >> (cid & 7);
    descriptor.set(PDFName.of('CIDSet'), context.register(context.flateStream(bits)));
    return written;
  };
}

const fontFiles = new Map<string, Promise<Buffer>>();

/** Font files are read once per process: a worker seals many documents with the same three fonts. */
function readFontFile(file: string): Promise<Buffer> {
  let bytes = fontFiles.get(file);
  if (!bytes) {
    bytes = readFile(file);
    fontFiles.set(file, bytes);
    bytes.catch(() => fontFiles.delete(file)); // a failed read is retried next time, not cached
  }
  return bytes;
}

/** Whether some printable character of `text` is in neither of the Latin fonts. */
function needsFallback(text: string, covers: Array<Set<number>>): boolean {
  for (const char of text.normalize('NFC')) {
    const codePoint = char.codePointAt(0) ?? 0;
    if (codePoint < 0xa0) continue; // ASCII and C1 controls: DejaVu has them (or they become spaces)
    if (!covers.some((cover) => cover.has(codePoint))) return true;
  }
  return false;
}

/**
 * Embeds DejaVu Sans (Latin, Greek, Cyrillic, …) and, only when `text` (everything the pages will draw) has a
 * character DejaVu lacks, Droid Sans Fallback (CJK), all as subsets made by upstream fontkit, so a document
 * carries only the glyphs it draws. The 3.4 MB CJK font is most of the parse time and memory of the evidence
 * pages, so most envelopes never load it. Fixed subset names keep the output deterministic (pdf-lib otherwise
 * adds a random suffix).
 */
export async function embedEvidenceFonts(doc: PDFDocument, text: string): Promise<EvidenceFonts> {
  doc.registerFontkit(upstreamFontkit);
  const [regularBytes, boldBytes] = await Promise.all([
    readFontFile(path.join(DEJAVU_DIR, 'DejaVuSans.ttf')),
    readFontFile(path.join(DEJAVU_DIR, 'DejaVuSans-Bold.ttf')),
  ]);
  const embed = async (bytes: Uint8Array, name: string) => {
    const font = await doc.embedFont(bytes, { subset: true, customName: name });
    addCidSetOnEmbed(font);
    return font;
  };
  const regular = await embed(regularBytes, 'SIGNEA+DejaVuSans');
  const bold = await embed(boldBytes, 'SIGNEB+DejaVuSans-Bold');
  const chain = (fonts: PDFFont[]): FontChain => ({
    fonts,
    covers: fonts.map((font) => new Set(font.getCharacterSet())),
  });
  const latin = { regular: chain([regular]), bold: chain([bold]) };
  if (!needsFallback(text, [...latin.regular.covers, ...latin.bold.covers])) return latin;
  // One CJK font for both weights: Droid has no bold, and a second 3 MB parse buys nothing.
  const cjk = await embed(
    await readFontFile(path.join(ASSET_DIR, 'DroidSansFallback.ttf')),
    'SIGNEC+DroidSansFallback',
  );
  const cjkCover = new Set(cjk.getCharacterSet());
  return {
    regular: { fonts: [regular, cjk], covers: [latin.regular.covers[0]!, cjkCover] },
    bold: { fonts: [bold, cjk], covers: [latin.bold.covers[0]!, cjkCover] },
  };
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
