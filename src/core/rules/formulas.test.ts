import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { fixtureSheet } from '../../../test/ruleHarness.ts';
import { ruleTester } from '../../../test/ruleTester.ts';
import { sheetFromRows, viewOf } from '../../../test/sheets.ts';
import { readWorkbook } from '../io/read.ts';
import type { Sheet } from '../model.ts';
import { formulasRule } from './formulas.ts';

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

  it('messages render in both languages', () => {
    const { messages } = formulasRule.meta;
    expect(messages.formula.ja.replace('{formula}', 'A3+B3').replace('{value}', '9')).toBe('セルに数式「=A3+B3」が入っています。計算結果「9」を値として残します。');
    expect(messages.keepValue.en).toBeTruthy();
  });
});

/** A sheet without a single formula: no column has a `formulas` array. */
function noFormulas() {
  const sheet = sheetFromRows([
    ['a', 'b'],
    [1, 2],
  ]);
  expect(sheet.columns[0].formulas).toBeUndefined();
  return viewOf(sheet);
}

ruleTester(formulasRule, {
  valid: [
    { name: 'a column without formulas, and a column that does not exist', view: noFormulas, cells: ['A2', 'J2'] },
    { name: 'a sheet without formulas', view: noFormulas },
    ...['population.xlsx', 'industry.xlsx', 'crushed-stone.xlsx'].map((name) => ({ name: `${name} holds no formulas`, view: () => viewOf(fixtureSheet(name)) })),
  ],
  invalid: [
    {
      name: 'a formula cell, with its formula and computed value; not the cell below it',
      rows: [
        ['a', 'b', 'c'],
        [1, 2, { value: 3, formula: 'A2+B2' }],
        [4, 5, 9],
      ],
      errors: [{ messageId: 'formula', at: 'C2', fixId: 'keepValue', params: { formula: 'A2+B2', value: '3' } }],
    },
    {
      name: 'errors, booleans and empty results',
      rows: [[{ value: { error: '#DIV/0!' }, formula: 'A1/0' }, { value: true, formula: 'B2>0' }, { value: '', formula: 'IF(1,"","x")' }]],
      tables: [],
      errors: [
        { messageId: 'formula', at: 'A1', params: { formula: 'A1/0', value: '#DIV/0!' } },
        { messageId: 'formula', at: 'B1', params: { formula: 'B2>0', value: 'TRUE' } },
        { messageId: 'formulaEmpty', at: 'C1', paramsLike: { value: '' } },
      ],
    },
    {
      name: 'formulas read back from a generated xlsx',
      view: () => viewOf(generated()),
      errors: [
        { messageId: 'formula', at: 'C3', params: { formula: 'A3+B3', value: '9' } },
        { messageId: 'formula', at: 'A4', params: { formula: 'SUM(A2:A3)', value: '5' } },
        { messageId: 'formula', at: 'C4', params: { formula: '"小"&"計"', value: '小計' } },
      ],
    },
  ],
});
