import { describe, expect, it } from 'vitest';
import { isSentence, lineKindOf } from './lineText.ts';

describe('lineKindOf', () => {
  it('reads a source line by its label and a colon, not by a title that opens with the word', () => {
    expect(lineKindOf('Source: U.S. Census Bureau')).toBe('source');
    expect(lineKindOf('SOURCES: Various agencies')).toBe('source');
    expect(lineKindOf('資料　総務省統計局')).toBe('source');
    expect(lineKindOf('出典：神戸市')).toBe('source');
    expect(lineKindOf('Source of payment')).toBe('none');
    expect(lineKindOf('Sources of funds')).toBe('none');
  });

  it('reads `Percent` or `Dollars` as a unit line only on its own, not as the start of a column title', () => {
    expect(lineKindOf('(Percent)')).toBe('unit');
    expect(lineKindOf('Percent.')).toBe('unit');
    expect(lineKindOf('Dollars')).toBe('unit');
    expect(lineKindOf('[In millions of dollars]')).toBe('unit');
    expect(lineKindOf('（単位：千円）')).toBe('unit');
    expect(lineKindOf('Percent change FY07 to FY08')).toBe('none');
    expect(lineKindOf('Percent of units by units in structures--')).toBe('none');
  });
});

describe('isSentence', () => {
  it('is a remark of over 30 characters ending in 。 or ，', () => {
    expect(isSentence(' 平成８・９年の人口は被災地人口実態調査結果に基づいて修正しているが，人口増加数は修正していない。')).toBe(true);
    expect(isSentence('平成11年，平成13年から平成16年及び平成18年から平成21年の人口は国勢調査結果に基づいて，')).toBe(true);
    expect(isSentence('人口は国勢調査結果に基づく。')).toBe(false);
    expect(isSentence('町字別・年齢別世帯数及び人口表（令和６年４月１日現在、住民基本台帳）')).toBe(false);
  });
});
