import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { fixtureBytes } from '../../../test/fixtures.ts';
import { ruleTester } from '../../../test/ruleTester.ts';
import { sheetFromRows, viewOf } from '../../../test/sheets.ts';
import { readWorkbook } from '../io/read.ts';
import { hiddenRule, runsOf } from './hidden.ts';

/** An xlsx written by SheetJS with hidden rows 2, 4–5, hidden column D and a hidden second sheet. */
function generated() {
  const ws = XLSX.utils.aoa_to_sheet([
    ['a', 'b', 'c', 'd'],
    [1, 2, 3, 4],
    [4, 5, { t: 'n', v: 9, f: 'A3+B3' }, 6],
    [7, 8, 9, 10],
    [11, 12, 13, 14],
  ]);
  ws['!rows'] = [{}, { hidden: true }, {}, { hidden: true }, { hidden: true }];
  ws['!cols'] = [{}, {}, {}, { hidden: true }];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'data');
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['x']]), 'secret');
  wb.Workbook = { Sheets: [{ Hidden: 0 }, { Hidden: 1 }] };
  const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', cellStyles: true }));
  return readWorkbook(bytes, 'generated.xlsx').workbook;
}

describe('hidden', () => {
  it('has the agreed meta', () => {
    expect(hiddenRule.meta).toMatchObject({ id: 'hidden', level: 2, severity: 'warning', family: 'structure', guideRef: { other: '内閣官房 公開ルール' } });
    expect(hiddenRule.scope).toBe('sheet');
    expect(Object.keys(hiddenRule.meta.messages)).toEqual(['row', 'rows', 'col', 'cols', 'sheet', 'showOrDrop']);
  });

  it('groups adjacent indexes into runs', () => {
    expect(runsOf([5, 3, 4, 9, 9, 0])).toEqual([
      [0, 0],
      [3, 5],
      [9, 9],
    ]);
    expect(runsOf([])).toEqual([]);
  });
});

ruleTester(hiddenRule, {
  valid: [
    {
      name: 'a sheet with nothing hidden',
      rows: [
        ['a', 'b'],
        [1, 2],
      ],
    },
    ...['population.xlsx', 'industry.xlsx', 'crushed-stone.xlsx'].flatMap((name) =>
      readWorkbook(fixtureBytes(name), name).workbook.sheets.map((sheet) => ({ name: `${name} ${sheet.name}: nothing hidden`, view: () => viewOf(sheet) })),
    ),
  ],
  invalid: [
    {
      name: 'a hidden row and a run of hidden columns, across the sheet',
      rows: [
        ['a', 'b', 'c', 'd'],
        [1, 2, 3, 4],
        [5, 6, 7, 8],
      ],
      sheet: { hiddenRows: [1], hiddenCols: [2, 1] },
      errors: [
        { messageId: 'row', at: 'A2:D2', fixId: 'showOrDrop', params: { from: 2 } },
        { messageId: 'cols', at: 'B1:C3', fixId: 'showOrDrop', params: { from: 'B', to: 'C', count: 2 } },
      ],
    },
    {
      name: 'a hidden sheet, once, over its whole extent',
      view: () => {
        const sheet = sheetFromRows([['a', 'b'], [1, 2], [3, 4]]);
        sheet.hidden = true;
        sheet.name = '作業用';
        return viewOf(sheet);
      },
      errors: [{ messageId: 'sheet', at: 'A1:B3', paramsLike: { sheet: '作業用', range: 'A1:B3' } }],
    },
    {
      name: 'hidden rows and columns read back from a generated xlsx',
      view: () => viewOf(generated().sheets[0]),
      errors: [
        { messageId: 'row', at: 'A2:D2' },
        { messageId: 'rows', at: 'A4:D5', params: { from: 4, to: 5, count: 2 } },
        { messageId: 'col', at: 'D1:D5', params: { from: 'D' } },
      ],
    },
    {
      name: 'a hidden sheet read back from a generated xlsx',
      view: () => viewOf(generated().sheets[1]),
      errors: [{ messageId: 'sheet', params: { sheet: 'secret', range: 'A1:A1' } }],
    },
  ],
});
