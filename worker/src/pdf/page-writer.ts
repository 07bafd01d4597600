import type { PDFDocument, PDFFont, PDFPage } from 'pdf-lib';
import { rgb } from 'pdf-lib';
import { createTextSanitiser } from './win-ansi';

// A4 portrait, in points.
const PAGE_SIZE: [number, number] = [595.28, 841.89];
const MARGIN = 50;
const LINE_HEIGHT = 1.35;

export type TextStyle = { size?: number; bold?: boolean; indent?: number; grey?: boolean };

/** Writes flowing text top to bottom, wrapping long lines and starting new pages as needed. */
export type PageWriter = {
  text(value: string, style?: TextStyle): void;
  gap(points: number): void;
  /** Pages this writer added to the document. */
  readonly pagesAdded: number;
};

/** Splits `text` into lines no wider than `maxWidth`; words wider than a line (hashes, long e-mails) are cut. */
export function wrapText(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  const fits = (candidate: string) => font.widthOfTextAtSize(candidate, size) <= maxWidth;
  for (const word of text.split(' ')) {
    const candidate = line ? `${line} ${word}` : word;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    for (const char of word) {
      if (line && !fits(line + char)) {
        lines.push(line);
        line = '';
      }
      line += char;
    }
  }
  lines.push(line);
  return lines;
}

export function createPageWriter(doc: PDFDocument, fonts: { regular: PDFFont; bold: PDFFont }): PageWriter {
  const sanitise = { regular: createTextSanitiser(fonts.regular), bold: createTextSanitiser(fonts.bold) };
  let page: PDFPage | undefined;
  let y = 0;
  let pagesAdded = 0;

  function ensureRoom(height: number): PDFPage {
    if (!page || y - height < MARGIN) {
      page = doc.addPage(PAGE_SIZE);
      pagesAdded += 1;
      y = PAGE_SIZE[1] - MARGIN;
    }
    return page;
  }

  return {
    text(value, style = {}) {
      const size = style.size ?? 10;
      const weight = style.bold ? 'bold' : 'regular';
      const font = fonts[weight];
      const indent = style.indent ?? 0;
      const width = PAGE_SIZE[0] - 2 * MARGIN - indent;
      for (const line of wrapText(sanitise[weight](value), font, size, width)) {
        const target = ensureRoom(size * LINE_HEIGHT);
        y -= size * LINE_HEIGHT;
        target.drawText(line, {
          x: MARGIN + indent,
          y,
          size,
          font,
          color: style.grey ? rgb(0.35, 0.35, 0.35) : rgb(0, 0, 0),
        });
      }
    },
    gap(points) {
      y -= points;
    },
    get pagesAdded() {
      return pagesAdded;
    },
  };
}
