const MARKER = Buffer.from('pdfaid:part');

/**
 * The PDF/A part (1, 2, 3 or 4) the file's XMP metadata declares, or undefined. PDF/A requires the metadata
 * stream to be readable without decoding filters in practice (validators and producers write it plain), so a
 * byte search finds it without parsing; the element (`<pdfaid:part>2<`) and attribute (`pdfaid:part="2"`)
 * forms are both accepted. A false positive only costs the JSON attachment, never the seal.
 */
export function declaredPdfaPart(bytes: Uint8Array): number | undefined {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = buffer.indexOf(MARKER); at !== -1; at = buffer.indexOf(MARKER, at + MARKER.length)) {
    const tail = buffer.subarray(at + MARKER.length, at + MARKER.length + 16).toString('latin1');
    const part = /^\s*(?:>|=\s*["'])\s*([1-4])\b/.exec(tail)?.[1];
    if (part) return Number(part);
  }
  return undefined;
}
