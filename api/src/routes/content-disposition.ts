/**
 * `Content-Disposition: attachment` for a document name chosen by a sender: an ASCII-only `filename`
 * (no quotes, slashes or control characters, so the header cannot be broken or point elsewhere) plus the
 * exact name as RFC 5987 `filename*` for clients that understand it. Always ends in `.pdf`.
 */
export function attachmentDisposition(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const stem =
    base
      .replace(/\.pdf$/i, '')
      // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
      .replace(/[\u0000-\u001f\u007f]/g, '')
      .replace(/^[.\s]+/, '') || 'document';
  const ascii = stem.replace(/[^A-Za-z0-9._ -]/g, '_').slice(0, 100);
  const utf8 = encodeURIComponent(`${stem}.pdf`).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}.pdf"; filename*=UTF-8''${utf8}`;
}
