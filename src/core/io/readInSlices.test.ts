// Big sheets are read a slice of rows at a time (sheetXml.ts + readSpreadsheet.ts): the
// result must be exactly what one pass gives, and the first rows must come out first.
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import type { Progress } from './progress.ts';
import { type WorkbookPreview, readSpreadsheet } from './readSpreadsheet.ts';

const ROWS = 40_000;

/** Hidden notes sheet first, then a big table with merges, formats, formulas, hidden rows and shared strings. */
function bigWorkbook(bookSST: boolean): Uint8Array {
  const notes = XLSX.utils.aoa_to_sheet([['注記'], ['非表示のシート']]);
  const aoa: (string | number)[][] = [['表1 町丁別人口'], [], ['地区', '人口', '世帯', '面積', '備考']];
  for (let i = 0; i < ROWS; i++) aoa.push([`地区${i % 97}`, 1000 + ((i * 7919) % 50000), 300 + (i % 1000), Math.round(((i * 13) % 997) * 1.37 * 100) / 100, i % 11 === 0 ? `注${i}` : '']);
  aoa.push([], ['資料：総務省']);
  const table = XLSX.utils.aoa_to_sheet(aoa);
  table['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: 4 } }, { s: { r: 20_000, c: 4 }, e: { r: 20_003, c: 4 } }];
  for (let r = 3; r < ROWS + 3; r += 1000) table[XLSX.utils.encode_cell({ r, c: 1 })].z = '#,##0';
  table[XLSX.utils.encode_cell({ r: 30_000, c: 2 })] = { t: 'n', v: 42, f: 'B30001*2' };
  table['!rows'] = [];
  table['!rows'][7] = { hidden: true };
  table['!rows'][35_000] = { hidden: true };
  table['!cols'] = [{ wch: 12 }, { hidden: true }];
  const tail = XLSX.utils.aoa_to_sheet([['最後'], [1]]);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, notes, '注記');
  XLSX.utils.book_append_sheet(wb, table, '表');
  XLSX.utils.book_append_sheet(wb, tail, '付表');
  wb.Workbook = { Sheets: [{ Hidden: 1 }, { Hidden: 0 }, { Hidden: 0 }] };
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', bookSST, cellStyles: true }));
}

const source = { fileName: 'big.xlsx', format: 'xlsx' as const, byteLength: 0 };

describe('reading a big sheet in slices', () => {
  for (const bookSST of [false, true]) {
    it(`gives the same workbook as one pass, and the first rows first (${bookSST ? 'shared strings' : 'inline strings'})`, () => {
      const bytes = bigWorkbook(bookSST);
      const whole = readSpreadsheet(bytes, source, { slices: false });
      const previews: WorkbookPreview[] = [];
      const progress: Progress[] = [];
      const sliced = readSpreadsheet(bytes, source, { onPreview: (p) => previews.push(p), onProgress: (p) => progress.push(p) });
      expect(JSON.stringify(sliced)).toBe(JSON.stringify(whole));
      expect(whole.sheets[1].hiddenRows).toEqual([7, 35_000]);
      expect(whole.sheets[1].merges).toHaveLength(2);

      expect(previews).toHaveLength(1);
      const [preview] = previews;
      expect(preview.sheetId).toBe('s2');
      expect(preview.workbook.sheets.map((s) => [s.name, s.rowCount, s.hidden ?? false])).toEqual([
        ['注記', 0, true],
        ['表', 201, false], // 200 <row> elements; the blank second row has none
        ['付表', 0, false],
      ]);
      expect(preview.declaredRows).toBe(ROWS + 5);
      const first = preview.workbook.sheets[1];
      expect(first.columns[1].values.slice(0, 10)).toEqual(whole.sheets[1].columns[1].values.slice(0, 10));
      expect(first.merges).toEqual([{ s: { r: 0, c: 0 }, e: { r: 0, c: 4 } }]);
      expect(first.hiddenRows).toEqual([7]);

      // Progress: several parse steps counted in bytes, never going back, ending at 1.
      const overall = progress.map((p) => p.overall).filter((o): o is number => o !== undefined);
      expect(overall.every((o, i) => i === 0 || o >= overall[i - 1])).toBe(true);
      expect(overall.at(-1)).toBe(1);
      expect(progress.filter((p) => p.phase === 'parse' && p.total).length).toBeGreaterThan(2);
      // A 60,000-cell workbook read twice: a busy two-core machine needs more than the default 5 s.
    }, 60_000);
  }

  it('a small workbook is read in one pass, with no preview', () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['a', 1]]), 'S');
    const previews: WorkbookPreview[] = [];
    const read = readSpreadsheet(new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' })), source, { onPreview: (p) => previews.push(p) });
    expect(read.sheets[0].rowCount).toBe(1);
    expect(previews).toEqual([]);
  });
});
