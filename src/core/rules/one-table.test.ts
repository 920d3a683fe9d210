import { describe, expect, it } from 'vitest';
import { fixtureView } from '../../../test/fixtureView.ts';
import { sheetFromRows, viewOf } from '../../../test/sheets.ts';
import { detectStructure } from '../structure/detect.ts';
import { buildSheetView } from '../analysis/view.ts';
import { rangeAddress } from '../model.ts';
import { rule } from './one-table.ts';
import { findingsOf } from './findings.ts';

describe('one-table', () => {
  it('crushed-stone.xlsx: two tables and the repeated 年 月 column', () => {
    const found = findingsOf(rule, fixtureView('crushed-stone.xlsx'));
    expect(found.filter((v) => v.messageId === 'several').map((v) => rangeAddress(v.range))).toEqual(['A1:I20', 'A22:G29']);
    const dup = found.filter((v) => v.messageId === 'duplicateColumn');
    expect(dup).toHaveLength(1);
    expect(rangeAddress(dup[0].range)).toBe('I3:I20');
    expect(dup[0].params).toMatchObject({ column: 'I', twin: 'A' });
  });

  it.each(['population.xlsx', 'ci-index.xlsx', 'industry.xlsx', 'county-income.csv', 'shelters-sjis.csv'])('%s holds one table', (name) => {
    expect(findingsOf(rule, fixtureView(name))).toEqual([]);
  });

  it('side-by-side tables are reported', () => {
    const sheet = sheetFromRows([
      ['地区', '人口', null, '品目', '金額'],
      ['北区', 100, null, '米', 10],
    ]);
    const view = buildSheetView(sheet, false, detectStructure(sheet));
    expect(findingsOf(rule, view).map((v) => rangeAddress(v.range))).toEqual(['A1:B2', 'D1:E2']);
  });

  it('a single hand-made table passes', () => {
    expect(findingsOf(rule, viewOf(sheetFromRows([['a', 'b'], ['x', 1]])))).toEqual([]);
  });
});
