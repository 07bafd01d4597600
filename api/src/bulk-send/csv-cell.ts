/** First characters a spreadsheet treats as the start of a formula (tab and CR too, per OWASP's CSV injection advice). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell for a file people open in a spreadsheet: a value that starts like a formula is prefixed with
 * `'` so it is shown as text and never evaluated (CSV injection), and every cell is quoted, so delimiters,
 * quotes and line breaks stay inside it.
 */
export function csvCell(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** Lines of cells joined as CSV (CRLF, as RFC 4180 and spreadsheets expect), with a BOM so Excel reads UTF-8. */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  return `\uFEFF${rows.map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
