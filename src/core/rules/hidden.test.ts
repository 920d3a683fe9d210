import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { fixtureBytes } from '../../../test/fixtures.ts';
import { sheetFromRows, viewOf } from '../../../test/sheets.ts';
import { readWorkbook } from '../io/read.ts';
import { hiddenRule, runsOf } from './hidden.ts';
import { findingsOf } from './findings.ts';
import { messagesOf } from '../../../test/ruleHarness.ts';

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
    for (const id of ['row', 'rows', 'col', 'cols', 'sheet', 'showOrDrop']) {
      expect(messagesOf(hiddenRule)[id].ja).toBeTruthy();
      expect(messagesOf(hiddenRule)[id].en).toBeTruthy();
    }
  });

  it('groups adjacent indexes into runs', () => {
    expect(runsOf([5, 3, 4, 9, 9, 0])).toEqual([
      [0, 0],
      [3, 5],
      [9, 9],
    ]);
    expect(runsOf([])).toEqual([]);
  });

  it('reports nothing on a sheet with nothing hidden', () => {
    const sheet = sheetFromRows([
      ['a', 'b'],
      [1, 2],
    ]);
    expect(findingsOf(hiddenRule, viewOf(sheet))).toEqual([]);
  });

  it('reports a hidden row and a run of hidden columns across the sheet', () => {
    const sheet = sheetFromRows(
      [
        ['a', 'b', 'c', 'd'],
        [1, 2, 3, 4],
        [5, 6, 7, 8],
      ],
      { hiddenRows: [1], hiddenCols: [2, 1] },
    );
    const vs = findingsOf(hiddenRule, viewOf(sheet));
    expect(vs).toEqual([
      { ruleId: 'hidden', sheetId: 's1', range: { s: { r: 1, c: 0 }, e: { r: 1, c: 3 } }, messageId: 'row', fixId: 'showOrDrop', params: { from: 2 } },
      {
        ruleId: 'hidden',
        sheetId: 's1',
        range: { s: { r: 0, c: 1 }, e: { r: 2, c: 2 } },
        messageId: 'cols',
        fixId: 'showOrDrop',
        params: { from: 'B', to: 'C', count: 2 },
      },
    ]);
  });

  it('reports a hidden sheet once, over its whole extent', () => {
    const sheet = sheetFromRows([['a', 'b'], [1, 2], [3, 4]]);
    sheet.hidden = true;
    sheet.name = '作業用';
    const vs = findingsOf(hiddenRule, viewOf(sheet));
    expect(vs).toHaveLength(1);
    expect(vs[0]).toMatchObject({ messageId: 'sheet', range: { s: { r: 0, c: 0 }, e: { r: 2, c: 1 } }, params: { sheet: '作業用', range: 'A1:B3' } });
  });

  it('reads hidden rows, columns and sheets back from a generated xlsx', () => {
    const wb = generated();
    const [data, secret] = wb.sheets;
    const vs = findingsOf(hiddenRule, viewOf(data));
    expect(vs.map((v) => [v.messageId, v.range])).toEqual([
      ['row', { s: { r: 1, c: 0 }, e: { r: 1, c: 3 } }],
      ['rows', { s: { r: 3, c: 0 }, e: { r: 4, c: 3 } }],
      ['col', { s: { r: 0, c: 3 }, e: { r: 4, c: 3 } }],
    ]);
    expect(vs[1].params).toEqual({ from: 4, to: 5, count: 2 });
    expect(vs[2].params).toEqual({ from: 'D' });
    const hs = findingsOf(hiddenRule, viewOf(secret));
    expect(hs.map((v) => [v.messageId, v.params])).toEqual([['sheet', { sheet: 'secret', range: 'A1:A1' }]]);
  });

  it('the guide fixtures have nothing hidden', () => {
    for (const name of ['population.xlsx', 'industry.xlsx', 'crushed-stone.xlsx']) {
      for (const sheet of readWorkbook(fixtureBytes(name), name).workbook.sheets) {
        expect(findingsOf(hiddenRule, viewOf(sheet))).toEqual([]);
      }
    }
  });
});
