import { describe, expect, it } from 'vitest';
import { fixtureView } from '../../../test/fixtureView.ts';
import { rangeAddress } from '../model.ts';
import { rule } from './multi-row-header.ts';
import { findingsOf } from './findings.ts';

describe('multi-row-header', () => {
  it('population.xlsx: two title rows (the unit row does not count)', () => {
    const found = findingsOf(rule, fixtureView('population.xlsx'));
    expect(found).toHaveLength(1);
    expect(rangeAddress(found[0].range)).toBe('A3:I5');
    expect(found[0].params).toMatchObject({ count: 2, first: 3, last: 4, example: '17年 総数' });
  });

  it('ci-index.xlsx and crushed-stone.xlsx table (1): two-level headers', () => {
    expect(findingsOf(rule, fixtureView('ci-index.xlsx')).map((v) => rangeAddress(v.range))).toEqual(['A3:I4']);
    expect(findingsOf(rule, fixtureView('crushed-stone.xlsx')).map((v) => rangeAddress(v.range))).toEqual(['A3:I4']);
  });

  it.each(['industry.xlsx', 'county-income.csv', 'shelters-sjis.csv'])('%s has a one-row header', (name) => {
    expect(findingsOf(rule, fixtureView(name))).toEqual([]);
  });
});
