import { parse } from 'csv-parse/sync';
import { csvCell, toCsv } from './csv-cell';

describe('CSV export cells', () => {
  it.each([
    ['=1+2', `"'=1+2"`],
    ['+tag@example.com', `"'+tag@example.com"`],
    ['-3', `"'-3"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\tx', `"'\tx"`],
    ['plain', '"plain"'],
    ['say "hi"; then, go', '"say ""hi""; then, go"'],
  ])('writes %j as %s (formulas neutralised, quotes doubled)', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('writes numbers and nulls, and a file a CSV parser reads back cell for cell', () => {
    const text = toCsv([
      ['row', 'note'],
      [2, 'line one\nline two'],
      [3, null],
    ]);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(parse(text, { bom: true })).toEqual([
      ['row', 'note'],
      ['2', 'line one\nline two'],
      ['3', ''],
    ]);
  });
});
