// The first rows of a big CSV come from its head alone, before the whole file is decoded.
import { describe, expect, it } from 'vitest';
import { getValue } from '../model.ts';
import { encodeCsv } from './encodeText.ts';
import { type WorkbookPreview, readWorkbook } from './read.ts';
import { parseCsvHead } from './readCsv.ts';

function csv(rows: number): string {
  const lines = ['地区名,人口,備考'];
  // A quoted field with a line break every 50 rows: the head may be cut inside one.
  for (let i = 0; i < rows; i++) lines.push(`地区${i},${1000 + i},${i % 50 === 0 ? '"注記\n二行目"' : '①'}`);
  return lines.join('\r\n') + '\r\n';
}

describe('preview of a big CSV', () => {
  it('Shift_JIS: the first 200 rows, detected as Shift_JIS, equal to the whole read', () => {
    const bytes = encodeCsv(csv(40_000), 'shift_jis');
    const previews: WorkbookPreview[] = [];
    const { workbook } = readWorkbook(bytes, 'big.csv', {}, undefined, (p) => previews.push(p));
    expect(previews).toHaveLength(1);
    const [p] = previews;
    expect(p.workbook.source.encoding).toBe('shift_jis');
    const shown = p.workbook.sheets[0];
    expect(shown.rowCount).toBe(200);
    const whole = workbook.sheets[0];
    for (let r = 0; r < 200; r++) for (let c = 0; c < 3; c++) expect(getValue(shown, r, c)).toEqual(getValue(whole, r, c));
    expect(getValue(shown, 1, 2)).toBe('注記\n二行目');
  });

  it('a small file gets no head preview (its whole read is as quick)', () => {
    const previews: WorkbookPreview[] = [];
    readWorkbook(new TextEncoder().encode(csv(100)), 'small.csv', {}, undefined, (p) => previews.push(p));
    expect(previews.length).toBeLessThanOrEqual(1); // at most the parser's own, after its first chunk
  });

  it('parseCsvHead drops a row cut by the end of the head, and keeps a final complete one', () => {
    expect(parseCsvHead('a,b\r\n1,"x\r\ny', undefined, 10)).toEqual([['a', 'b']]);
    expect(parseCsvHead('a,b\r\n1,2\r\n', undefined, 10)).toEqual([['a', 'b'], ['1', '2']]);
    expect(parseCsvHead('a\tb\n1\t2\n3\t4\n5\t6', undefined, 2)).toEqual([['a', 'b'], ['1', '2']]);
  });
});
