import { describe, expect, it } from 'vitest';
import { fixtureView } from '../../../test/fixtureView.ts';
import { sheetFromRows, viewOf } from '../../../test/sheets.ts';
import { rule } from './caption-notes.ts';
import { findingsOf } from './findings.ts';

describe('caption-notes', () => {
  it('population.xlsx: the caption row, three notes and the 資料 row', () => {
    const found = findingsOf(rule, fixtureView('population.xlsx'));
    expect(found.map((v) => [v.range.s.r + 1, v.messageId])).toEqual([
      [1, 'caption'],
      [55, 'note'],
      [56, 'note'],
      [57, 'note'],
      [58, 'source'],
    ]);
    expect(found[0].params?.text).toBe('2-2 都道府県別人口と人口増加率');
    expect(found[4].fixId).toBe('toSource');
  });

  it('industry.xlsx: three caption rows', () => {
    expect(findingsOf(rule, fixtureView('industry.xlsx')).map((v) => v.range.s.r + 1)).toEqual([1, 2, 3]);
  });

  it('crushed-stone.xlsx: captions of both tables, the unit note riding along', () => {
    const found = findingsOf(rule, fixtureView('crushed-stone.xlsx'));
    expect(found.map((v) => v.range.s.r + 1)).toEqual([1, 2, 22]);
    expect(found[1].params?.text).toContain('(単位:千ト)');
  });

  it('a table with no caption and no notes passes', () => {
    expect(findingsOf(rule, fixtureView('county-income.csv'))).toEqual([]);
    expect(findingsOf(rule, viewOf(sheetFromRows([['a', 'b'], ['x', 1]])))).toEqual([]);
  });
});
