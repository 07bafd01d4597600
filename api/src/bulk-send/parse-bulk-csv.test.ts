import { parseBulkCsv } from './parse-bulk-csv';

const csv = (text: string): Buffer => Buffer.from(text, 'utf8');

describe('parseBulkCsv', () => {
  it('reads a comma-separated file with a header row; columns are matched case-insensitively', () => {
    const { table, problems } = parseBulkCsv(csv('Email,Name,Company\na@example.com,Ann,Acme\n'), 10);
    expect(problems).toEqual([]);
    expect(table).toEqual({
      columns: ['email', 'name', 'company'],
      rows: [{ row: 2, values: { email: 'a@example.com', name: 'Ann', company: 'Acme' } }],
    });
  });

  it('strips a UTF-8 BOM and detects `;` from the header line', () => {
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      csv('email;name;city\r\nb@example.com;Böb, Jr.;Åbo\r\n'),
    ]);
    const { table, problems } = parseBulkCsv(bytes, 10);
    expect(problems).toEqual([]);
    expect(table?.columns).toEqual(['email', 'name', 'city']);
    expect(table?.rows[0]?.values).toEqual({ email: 'b@example.com', name: 'Böb, Jr.', city: 'Åbo' });
  });

  it('keeps quoted fields with delimiters, quotes and newlines, and counts rows as records (header = 1)', () => {
    const text = 'email,note\na@example.com,"line one\nline two, with ""quotes"""\n\nb@example.com,plain\n';
    const { table, problems } = parseBulkCsv(csv(text), 10);
    expect(problems).toEqual([]);
    expect(table?.rows).toEqual([
      { row: 2, values: { email: 'a@example.com', note: 'line one\nline two, with "quotes"' } },
      // The blank record is skipped but still counted, as a spreadsheet would number it.
      { row: 4, values: { email: 'b@example.com', note: 'plain' } },
    ]);
  });

  it('keeps formula-looking values as plain data', () => {
    const text =
      'email,company\na@example.com,=HYPERLINK("http://evil")\nb@example.com,+1-2\nc@example.com,@SUM(A1)\nd@example.com,-3\n';
    const { table } = parseBulkCsv(csv(text), 10);
    expect(table?.rows.map((row) => row.values.company)).toEqual([
      '=HYPERLINK("http://evil")',
      '+1-2',
      '@SUM(A1)',
      '-3',
    ]);
  });

  it('reports every bad row with its number, not only the first', () => {
    const text = 'email,name\na@example.com,Ann\nb@example.com\nc@example.com,Cy,extra\n';
    const { problems } = parseBulkCsv(csv(text), 10);
    expect(problems.map((p) => [p.row, p.code])).toEqual([
      [3, 'CSV_COLUMN_COUNT'],
      [4, 'CSV_COLUMN_COUNT'],
    ]);
  });

  it.each([
    ['no email column', 'name\nAnn\n', [[1, 'CSV_HEADER']]],
    ['a repeated column', 'email,Email\na@example.com,b\n', [[1, 'CSV_HEADER']]],
    ['no data rows', 'email\n', [[1, 'CSV_EMPTY']]],
    ['an empty file', '', [[1, 'CSV_EMPTY']]],
    ['an unterminated quote', 'email\n"a@example.com\n', [[2, 'CSV_MALFORMED']]],
  ])('reports %s', (_label, text, expected) => {
    expect(parseBulkCsv(csv(text), 10).problems.map((p) => [p.row, p.code])).toEqual(expected);
  });

  it('refuses a NUL character (it cannot be stored, and means the file is not text)', () => {
    expect(parseBulkCsv(csv('email\na\u0000@example.com\n'), 10).problems[0]?.code).toBe('CSV_ENCODING');
  });

  it('refuses bytes that are not UTF-8', () => {
    expect(parseBulkCsv(Buffer.from([0x65, 0x6d, 0xff, 0xfe, 0x0a]), 10).problems[0]?.code).toBe('CSV_ENCODING');
  });

  it('refuses more rows than the limit, naming the first row past it', () => {
    const text = `email\n${['a', 'b', 'c'].map((x) => `${x}@example.com`).join('\n')}\n`;
    expect(parseBulkCsv(csv(text), 2).problems).toEqual([expect.objectContaining({ row: 4, code: 'TOO_MANY_ROWS' })]);
  });
});
