import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { fixtureBytes } from '../../../test/fixtures.ts';
import { sheetFromRows, viewOf } from '../../../test/sheets.ts';
import { readWorkbook } from '../io/read.ts';
import { type Sheet, colCount, getValue, isEmptyValue } from '../model.ts';
import { formulasRule } from './formulas.ts';
import type { SheetView, Violation } from './types.ts';
import { cellFindings } from './findings.ts';

/** What the engine does: detectCell on every non-empty cell. */
function scan(view: SheetView): Violation[] {
  const out: Violation[] = [];
  const { sheet } = view;
  for (let c = 0; c < colCount(sheet); c++) {
    for (let r = 0; r < sheet.rowCount; r++) {
      if (isEmptyValue(getValue(sheet, r, c))) continue;
      out.push(...(cellFindings(formulasRule, view, r, c)));
    }
  }
  return out;
}

function generated(): Sheet {
  const ws = XLSX.utils.aoa_to_sheet([
    ['a', 'b', 'sum'],
    [1, 2, 3],
    [4, 5, { t: 'n', v: 9, f: 'A3+B3' }],
    [{ t: 'n', v: 5, f: 'SUM(A2:A3)' }, 7, { t: 's', v: '小計', f: '"小"&"計"' }],
  ]);
  ws['!rows'] = [{}, { hidden: true }];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'data');
  const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', cellStyles: true }));
  return readWorkbook(bytes, 'generated.xlsx').workbook.sheets[0];
}

describe('formulas', () => {
  it('has the agreed meta', () => {
    expect(formulasRule.meta).toMatchObject({ id: 'formulas', level: 2, severity: 'warning', family: 'source', guideRef: { soumu: '1-7' } });
    expect(formulasRule.scope).toBe('cell');
  });

  it('returns undefined at once for a column without formulas', () => {
    const sheet = sheetFromRows([
      ['a', 'b'],
      [1, 2],
    ]);
    expect(sheet.columns[0].formulas).toBeUndefined();
    const view = viewOf(sheet);
    expect(cellFindings(formulasRule, view, 1, 0)).toEqual([]);
    expect(cellFindings(formulasRule, view, 1, 9)).toEqual([]); // no such column
    expect(scan(view)).toEqual([]);
  });

  it('reports a formula cell with its formula and computed value', () => {
    const sheet = sheetFromRows([
      ['a', 'b', 'c'],
      [1, 2, { value: 3, formula: 'A2+B2' }],
      [4, 5, 9],
    ]);
    const view = viewOf(sheet);
    expect(cellFindings(formulasRule, view, 2, 2)).toEqual([]); // same column, no formula in this row
    expect(scan(view)).toEqual([
      {
        ruleId: 'formulas',
        sheetId: 's1',
        range: { s: { r: 1, c: 2 }, e: { r: 1, c: 2 } },
        messageId: 'formula',
        fixId: 'keepValue',
        params: { formula: 'A2+B2', value: '3' },
      },
    ]);
  });

  it('shows errors, booleans and empty results', () => {
    const sheet = sheetFromRows([
      [{ value: { error: '#DIV/0!' }, formula: 'A1/0' }, { value: true, formula: 'B2>0' }, { value: '', formula: 'IF(1,"","x")' }],
    ]);
    const view = viewOf(sheet, []);
    expect(cellFindings(formulasRule, view, 0, 0)[0].params).toEqual({ formula: 'A1/0', value: '#DIV/0!' });
    expect(cellFindings(formulasRule, view, 0, 1)[0].params).toEqual({ formula: 'B2>0', value: 'TRUE' });
    expect(cellFindings(formulasRule, view, 0, 2)[0]).toMatchObject({ messageId: 'formulaEmpty', params: { value: '' } });
  });

  it('reads formulas back from a generated xlsx', () => {
    const sheet = generated();
    const vs = scan(viewOf(sheet));
    expect(vs.map((v) => [v.range.s.r, v.range.s.c, v.params])).toEqual([
      [3, 0, { formula: 'SUM(A2:A3)', value: '5' }],
      [2, 2, { formula: 'A3+B3', value: '9' }],
      [3, 2, { formula: '"小"&"計"', value: '小計' }],
    ]);
  });

  it('the guide fixtures hold no formulas', () => {
    for (const name of ['population.xlsx', 'industry.xlsx', 'crushed-stone.xlsx']) {
      const sheet = readWorkbook(fixtureBytes(name), name).workbook.sheets[0];
      expect(scan(viewOf(sheet))).toEqual([]);
    }
  });

  it('messages render in both languages', () => {
    const { messages } = formulasRule.meta;
    expect(messages.formula.ja.replace('{formula}', 'A3+B3').replace('{value}', '9')).toBe('セルに数式「=A3+B3」が入っています。計算結果「9」を値として残します。');
    expect(messages.keepValue.en).toBeTruthy();
  });
});
