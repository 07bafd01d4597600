import type { PDFFont } from 'pdf-lib';

/**
 * Makes `text` drawable with a standard (WinAnsi-encoded) font: control characters become spaces and
 * characters the font cannot encode become `?`, instead of pdf-lib throwing mid-seal on a name like
 * "Łukasz" or "张伟". Full Unicode needs an embedded font (a later issue); until then the signature page
 * is lossy for such names, while the audit trail keeps them exactly.
 */
export function createTextSanitiser(font: PDFFont): (text: string) => string {
  const encodable = new Set(font.getCharacterSet());
  return (text) => {
    let out = '';
    for (const char of text.normalize('NFC')) {
      const codePoint = char.codePointAt(0) ?? 0;
      if (codePoint < 0x20 || codePoint === 0x7f) out += ' ';
      else out += encodable.has(codePoint) ? char : '?';
    }
    return out;
  };
}
