import { describe, expect, it } from 'vitest';
import { fixtureView } from '../../../test/fixtureView.ts';
import { sheetFromRows, tableOf, viewOf } from '../../../test/sheets.ts';
import { cellAddress } from '../model.ts';
import { rule } from './omitted-cells.ts';

describe('omitted-cells', () => {
  it('ci-index.xlsx: both year columns hold the year only on the first month', () => {
    const view = fixtureView('ci-index.xlsx');
    const found = rule.detect(view);
    const cells = found.map((v) => cellAddress(v.range.s.r, v.range.s.c));
    // Every data row whose year cell is blank, in both the 和暦 (A) and 西暦 (B) columns; months (C) are all written.
    const expected: string[] = [];
    for (let r = 4; r < view.sheet.rowCount; r++) {
      for (const c of [0, 1]) if (view.sheet.columns[c].values[r] === null) expected.push(cellAddress(r, c));
    }
    expect(expected.length).toBeGreaterThan(20);
    expect(cells.sort()).toEqual(expected.sort());
    expect(found.find((v) => cellAddress(v.range.s.r, v.range.s.c) === 'A6')?.params).toMatchObject({ above: '21' });
    expect(found.find((v) => cellAddress(v.range.s.r, v.range.s.c) === 'B8')?.params).toMatchObject({ above: '2010' });
  });

  it('blank measurements are missing values, not omissions', () => {
    const sheet = sheetFromRows([
      ['地区', '人口'],
      ['北区', 100],
      [null, null],
      ['南区', null],
    ]);
    expect(rule.detect(viewOf(sheet))).toEqual([]);
  });

  it('〃 and 同上 are omissions too', () => {
    const sheet = sheetFromRows([
      ['年', '月', '件数'],
      [2020, 1, 5],
      ['〃', 2, 6],
      ['同上', 3, 7],
    ]);
    const found = rule.detect(viewOf(sheet, [tableOf(sheet, { headerRows: [0, 0], keyColumns: [0, 1] })]));
    expect(found.map((v) => [cellAddress(v.range.s.r, v.range.s.c), v.messageId])).toEqual([
      ['A3', 'ditto'],
      ['A4', 'ditto'],
    ]);
  });

  it.each(['population.xlsx', 'industry.xlsx', 'crushed-stone.xlsx', 'county-income.csv'])('%s has no omitted key cells', (name) => {
    expect(rule.detect(fixtureView(name))).toEqual([]);
  });
});
