import { Readable } from 'node:stream';
import { AppError, AppErrorCode } from '@signet/shared/errors';
import type { Glyph } from 'fontkit';
import { create } from 'fontkit';
import type { PDFDocument } from 'pdf-lib';

/** pdf-lib's fontkit interface (not exported by name). */
type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];

/**
 * The subset interface pdf-lib calls (its own typings of `@pdf-lib/fontkit`), plus `glyphCount` for the CIDSet
 * (fonts.ts): how many glyphs the encoded program holds, composite glyphs' components included.
 */
export type PdfLibSubset = {
  cff: unknown;
  includeGlyph(glyph: Glyph): number;
  encodeStream(): Readable;
  readonly glyphCount: number;
};

/**
 * pdf-lib's font embedding on top of upstream `fontkit` 2 instead of `@pdf-lib/fontkit`, whose subsets are
 * silently corrupt (pdf-lib#1232). pdf-lib needs one thing fontkit 2 renamed: it serialises a subset with
 * `encodeStream()` (events `data`/`end`), where fontkit 2 has `encode()` returning the bytes.
 */
export const upstreamFontkit: Fontkit = {
  create(fontData: Uint8Array) {
    const font = create(Buffer.from(fontData.buffer, fontData.byteOffset, fontData.byteLength));
    if (!('createSubset' in font)) {
      throw new AppError(AppErrorCode.INVALID_CONFIG, {
        message: 'a font collection was given where a font is needed',
      });
    }
    const createSubset = font.createSubset.bind(font);
    const createPdfLibSubset = (): PdfLibSubset => {
      const subset = createSubset();
      return {
        cff: (subset as unknown as { cff?: unknown }).cff,
        // fontkit 2 returns the new glyph id (its typings say boolean).
        includeGlyph: (glyph) => subset.includeGlyph(glyph) as unknown as number,
        encodeStream: () => Readable.from([Buffer.from(subset.encode())]),
        // fontkit's TTFSubset appends each composite glyph's components to `glyphs` while encoding (untyped).
        get glyphCount() {
          return (subset as unknown as { glyphs: unknown[] }).glyphs.length;
        },
      };
    };
    // An own property on the font object we just created shadows the prototype's method.
    Object.defineProperty(font, 'createSubset', { value: createPdfLibSubset });
    return font as unknown as ReturnType<Fontkit['create']>;
  },
};
