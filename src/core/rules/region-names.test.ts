import { describe, expect, it } from 'vitest';
import { corpusWorkbook, itWithCorpus } from '../../../test/corpus.ts';
import { ruleTester } from '../../../test/ruleTester.ts';
import { SheetAnalyzer } from '../analysis/analyse.ts';
import { cellAddress } from '../model.ts';
import { matchRegion } from '../text/regionNames.ts';
import { rule } from './region-names.ts';

const prefectures = {
  rows: [
    ['都道府県', '人口'],
    ['全国', 100],
    ['北海道', 5],
    ['青森', 1],
    ['東京都', 14],
    ['大阪', 9],
  ],
  tables: [{ headerRows: [0, 0] as [number, number], keyColumns: [0] }],
};

ruleTester(rule, {
  valid: [
    { name: 'county-income.csv: no region column', fixture: 'county-income.csv' },
    {
      name: 'official names with a code column beside them',
      rows: [['コード', '都道府県', '人口'], ['010006', '北海道', 5], ['020001', '青森県', 1], ['130001', '東京都', 14]],
      tables: [{ headerRows: [0, 0], keyColumns: [0, 1], kinds: ['code', 'text', 'number'] }],
    },
    {
      name: 'a text column that is not one of regions',
      rows: [['品目', '数量'], ['たまねぎ', 5], ['青森', 1], ['にんじん', 14], ['だいこん', 3]],
      tables: [{ headerRows: [0, 0], keyColumns: [0] }],
    },
  ],
  invalid: [
    {
      name: 'short prefecture names with their official form, and no code column',
      ...prefectures,
      errors: [
        { messageId: 'noCodePrefecture', at: 'A1', params: { col: 'A', title: '都道府県' }, fixId: 'addCode' },
        { messageId: 'shortName', at: 'A4', params: { text: '青森', official: '青森県' } },
        { messageId: 'shortName', at: 'A6', params: { text: '大阪', official: '大阪府' } },
      ],
      output: {
        rows: [
          ['都道府県', '都道府県コード', '人口'],
          ['全国', null, 100],
          ['北海道', '010006', 5],
          ['青森', '020001', 1],
          ['東京都', '130001', 14],
          ['大阪', '270008', 9],
        ],
      },
    },
    {
      name: 'municipalities: 札幌 is 札幌市; 府中市 takes the prefecture of its row; 5-digit codes and official names on request',
      rows: [
        ['都道府県', '市町村', '人口'],
        ['北海道', '札幌', 5],
        ['東京都', '府中市', 2],
        ['広島県', '府中市', 1],
        ['東京都', '八王子市', 3],
      ],
      tables: [{ headerRows: [0, 0], keyColumns: [0, 1] }],
      errors: [
        { messageId: 'noCodePrefecture', at: 'A1' },
        { messageId: 'noCodeMunicipality', at: 'B1', params: { col: 'B', title: '市町村' } },
        { messageId: 'shortName', at: 'B2', params: { text: '札幌', official: '札幌市' } },
      ],
      output: {
        options: { digits: '5', names: true },
        rows: [
          ['都道府県', '都道府県コード', '市町村', '市区町村コード', '人口'],
          ['北海道', '01000', '札幌市', '01100', 5],
          ['東京都', '13000', '府中市', '13206', 2],
          ['広島県', '34000', '府中市', '34208', 1],
          ['東京都', '13000', '八王子市', '13201', 3],
        ],
      },
    },
  ],
});

describe('region names', () => {
  it('are matched without spaces, short of their suffix, and totals are no names', () => {
    expect(matchRegion('北 海 道')).toMatchObject({ kind: 'official', regions: [{ name: '北海道', code: '010006' }] });
    expect(matchRegion('青森')?.kind).toBe('short');
    expect(matchRegion('青森')).toMatchObject({ regions: expect.arrayContaining([expect.objectContaining({ name: '青森県' }), expect.objectContaining({ name: '青森市' })]) });
    expect(matchRegion('全国')).toEqual({ kind: 'total' });
    expect(matchRegion('たまねぎ')).toBeUndefined();
  });

  itWithCorpus('check_1_12.csv (peer linter sample): the short names of C, F and I, and A without a code column', 'open-data-linter/check_1_12.csv', () => {
    const wb = corpusWorkbook('open-data-linter/check_1_12.csv');
    const a = new SheetAnalyzer(wb.sheets[0], false).analyse();
    const found = a.sheetViolations.filter((v) => v.ruleId === 'region-names');
    expect(found.filter((v) => v.messageId === 'noCodePrefecture').map((v) => cellAddress(v.range.s.r, v.range.s.c))).toEqual(['A1']);
    const short = found.filter((v) => v.messageId === 'shortName');
    const perColumn = (letter: string) => short.filter((v) => cellAddress(v.range.s.r, v.range.s.c).startsWith(letter)).length;
    expect([perColumn('A'), perColumn('C'), perColumn('F'), perColumn('I')]).toEqual([0, 46, 4, 46]);
    expect(short.find((v) => cellAddress(v.range.s.r, v.range.s.c) === 'C3')?.params).toEqual({ text: '青森', official: '青森県' });
  });
});
