import { CsvError, parse } from 'csv-parse/sync';
import type { TBulkProblem } from '@signet/shared';

/** One data row: its number as a spreadsheet shows it (header = 1) and its values by lower-cased column. */
export type CsvRow = { row: number; values: Record<string, string> };
export type CsvTable = { columns: string[]; rows: CsvRow[] };
export type ParsedCsv = { table: CsvTable | undefined; problems: TBulkProblem[] };

function problem(row: number, code: string, message: string, field = 'recipients'): TBulkProblem {
  return { row, field, code, message };
}

/** `;` when the header line has more semicolons than commas (spreadsheets in many European locales), else `,`. */
function delimiterOf(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  const count = (char: string): number => header.split(char).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

function decodeUtf8(bytes: Buffer): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

function readRecords(text: string): { records: string[][]; problem?: TBulkProblem } {
  try {
    const records: string[][] = parse(text, {
      delimiter: delimiterOf(text),
      bom: true,
      relax_column_count: true,
      // A quote inside an unquoted value (`=HYPERLINK("x")`) is part of the value, as spreadsheets read it.
      relax_quotes: true,
      skip_empty_lines: false,
      trim: true,
    });
    return { records };
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const lines = (error as CsvError & { lines?: number }).lines ?? 0;
    return { records: [], problem: problem(lines, 'CSV_MALFORMED', `not valid CSV: ${error.message}`) };
  }
}

function headerProblems(columns: string[]): TBulkProblem[] {
  const problems: TBulkProblem[] = [];
  const seen = new Set<string>();
  columns.forEach((column, index) => {
    if (column === '') problems.push(problem(1, 'CSV_HEADER', `column ${index + 1} has no name`));
    else if (seen.has(column)) problems.push(problem(1, 'CSV_HEADER', `column "${column}" appears twice`));
    seen.add(column);
  });
  if (!seen.has('email')) problems.push(problem(1, 'CSV_HEADER', 'the header has no "email" column', 'email'));
  return problems;
}

/**
 * Reads the recipients CSV of a bulk send: UTF-8 with or without BOM, `,` or `;` (from the header line),
 * quoted fields may hold delimiters, quotes and newlines. Values are kept as text, exactly: `=1+2` stays
 * the string `=1+2`. Blank lines are skipped but still counted, so row numbers match a spreadsheet.
 * Every problem found is returned (row numbers as in the file), never only the first.
 */
export function parseBulkCsv(bytes: Buffer, maxRows: number): ParsedCsv {
  const text = decodeUtf8(bytes);
  if (text === undefined) return { table: undefined, problems: [problem(0, 'CSV_ENCODING', 'the CSV is not UTF-8')] };
  // PostgreSQL cannot store U+0000 in text; it is never meaningful in a CSV of people.
  if (text.includes('\u0000')) {
    return { table: undefined, problems: [problem(0, 'CSV_ENCODING', 'the CSV contains a NUL character')] };
  }
  const { records, problem: malformed } = readRecords(text);
  if (malformed) return { table: undefined, problems: [malformed] };
  const [header, ...data] = records;
  if (!header) return { table: undefined, problems: [problem(1, 'CSV_EMPTY', 'the CSV is empty')] };
  const columns = header.map((column) => column.toLowerCase());
  const problems = headerProblems(columns);
  const rows: CsvRow[] = [];
  data.forEach((record, index) => {
    const row = index + 2;
    if (record.every((value) => value === '')) return;
    if (record.length !== columns.length) {
      problems.push(problem(row, 'CSV_COLUMN_COUNT', `${record.length} values for ${columns.length} columns`));
      return;
    }
    rows.push({ row, values: Object.fromEntries(columns.map((column, i) => [column, record[i] ?? ''])) });
  });
  if (rows.length === 0 && problems.length === 0) problems.push(problem(1, 'CSV_EMPTY', 'the CSV has no data rows'));
  if (rows.length > maxRows) {
    problems.push(problem(rows[maxRows]?.row ?? 0, 'TOO_MANY_ROWS', `at most ${maxRows} rows per bulk send`));
  }
  return { table: { columns, rows }, problems };
}
