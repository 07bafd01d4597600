import type { PDFDocument, PDFFont, PDFImage, PDFPage } from 'pdf-lib';
import { rgb } from 'pdf-lib';
import type { EvidenceFonts, FontChain } from './fonts';
import { toRuns } from './fonts';

// A4 portrait, in points.
export const PAGE_SIZE: [number, number] = [595.28, 841.89];
const MARGIN = 50;
const FOOTER_SPACE = 24;
const LINE_HEIGHT = 1.35;

export type TextStyle = { size?: number; bold?: boolean; indent?: number; grey?: boolean };

/** Flowing text and images, top to bottom, on new A4 pages as needed. */
export type PageLayout = {
  text(value: string, style?: TextStyle): void;
  gap(points: number): void;
  /** Draws `image` scaled to fit `maxWidth` × `maxHeight`, keeping its aspect ratio. */
  image(image: PDFImage, options: { maxWidth: number; maxHeight: number; indent?: number }): void;
  /** Starts a new page unless `height` points still fit on this one (keeps a block together). */
  keepTogether(height: number): void;
  /** Writes "label · page i of n" at the foot of every page this layout added. */
  finish(footerLabel: string): void;
  readonly pages: PDFPage[];
};

const advanceCaches = new WeakMap<PDFFont, Map<string, number>>();

/** Advance width of one character in `font` at size 1, measured once per font (one fontkit layout each). */
function advanceOf(font: PDFFont, char: string): number {
  let cache = advanceCaches.get(font);
  if (!cache) {
    cache = new Map();
    advanceCaches.set(font, cache);
  }
  let advance = cache.get(char);
  if (advance === undefined) {
    advance = font.widthOfTextAtSize(char, 1);
    cache.set(char, advance);
  }
  return advance;
}

/**
 * Width of `text` at `size` as the sum of its characters' advances. Measuring with fontkit's full OpenType
 * layout for every candidate line was most of the time it took to build the evidence pages; the sum differs
 * only by kerning, a fraction of a point per pair, which the wrap slack below absorbs.
 */
export function measureText(text: string, chain: FontChain, size: number): number {
  return toRuns(text, chain).reduce((width, run) => width + measureRun(run.text, run.font, size), 0);
}

/** Width of text drawn with one font (a run), as the sum of its characters' advances. */
export function measureRun(text: string, font: PDFFont, size: number): number {
  let width = 0;
  for (const char of text) width += advanceOf(font, char);
  return width * size;
}

// Widths are sums of advances (no kerning): keep a few points in hand so a wrapped line never overflows.
const WRAP_SLACK = 4;

/** Splits `text` into lines no wider than `maxWidth`; words wider than a line (hashes, CJK) are cut. */
export function wrapText(text: string, chain: FontChain, size: number, maxWidth: number): string[] {
  const limit = maxWidth - WRAP_SLACK;
  const space = measureText(' ', chain, size);
  const lines: string[] = [];
  for (const paragraph of text.normalize('NFC').split('\n')) {
    let line = '';
    let width = 0;
    for (const word of paragraph.split(' ')) {
      const wordWidth = measureText(word, chain, size);
      const candidateWidth = line ? width + space + wordWidth : wordWidth;
      if (candidateWidth <= limit) {
        line = line ? `${line} ${word}` : word;
        width = candidateWidth;
        continue;
      }
      if (line) lines.push(line);
      if (wordWidth <= limit) {
        line = word;
        width = wordWidth;
        continue;
      }
      // A word longer than a line: cut it where it stops fitting, character by character.
      line = '';
      width = 0;
      for (const char of word) {
        const charWidth = measureText(char, chain, size);
        if (line && width + charWidth > limit) {
          lines.push(line);
          line = '';
          width = 0;
        }
        line += char;
        width += charWidth;
      }
    }
    lines.push(line);
  }
  return lines;
}

export function createPageLayout(doc: PDFDocument, fonts: EvidenceFonts): PageLayout {
  const pages: PDFPage[] = [];
  let page: PDFPage | undefined;
  let y = 0;
  const contentWidth = PAGE_SIZE[0] - 2 * MARGIN;

  function newPage(): PDFPage {
    page = doc.addPage(PAGE_SIZE);
    pages.push(page);
    y = PAGE_SIZE[1] - MARGIN;
    return page;
  }
  function room(height: number): PDFPage {
    if (!page || y - height < MARGIN + FOOTER_SPACE) return newPage();
    return page;
  }
  function drawLine(target: PDFPage, line: string, x: number, baseline: number, chain: FontChain, style: TextStyle) {
    const size = style.size ?? 10;
    let cursor = x;
    for (const run of toRuns(line, chain)) {
      const color = style.grey ? rgb(0.35, 0.35, 0.35) : rgb(0, 0, 0);
      target.drawText(run.text, { x: cursor, y: baseline, size, font: run.font, color });
      cursor += measureRun(run.text, run.font, size);
    }
  }

  return {
    text(value, style = {}) {
      const size = style.size ?? 10;
      const chain = style.bold ? fonts.bold : fonts.regular;
      const indent = style.indent ?? 0;
      for (const line of wrapText(value, chain, size, contentWidth - indent)) {
        const target = room(size * LINE_HEIGHT);
        y -= size * LINE_HEIGHT;
        drawLine(target, line, MARGIN + indent, y, chain, style);
      }
    },
    gap(points) {
      y -= points;
    },
    image(image, options) {
      const scale = Math.min(options.maxWidth / image.width, options.maxHeight / image.height, 1);
      const width = image.width * scale;
      const height = image.height * scale;
      const target = room(height + 4);
      y -= height + 4;
      target.drawImage(image, { x: MARGIN + (options.indent ?? 0), y, width, height });
    },
    keepTogether(height) {
      if (page && y - height < MARGIN + FOOTER_SPACE) newPage();
    },
    finish(footerLabel) {
      pages.forEach((target, index) => {
        const label = `${footerLabel} · page ${index + 1} of ${pages.length}`;
        drawLine(target, label, MARGIN, MARGIN - 6, fonts.regular, { size: 8, grey: true });
      });
    },
    get pages() {
      return pages;
    },
  };
}
