import { describe, expect, it } from 'vitest';
import { corpusWorkbook, itWithCorpus } from '../../../test/corpus.ts';
import { ruleTester } from '../../../test/ruleTester.ts';
import { SheetAnalyzer } from '../analysis/analyse.ts';
import { cellAddress } from '../model.ts';
import { rule, splitValues } from './multi-value.ts';

ruleTester(rule, {
  valid: [
    ...['population.xlsx', 'county-income.csv', 'shelters-sjis.csv'].map((fixture) => ({ name: `${fixture}: one value per cell`, fixture })),
    {
      name: 'one number with a space as thousands separator, a footnote mark, a bracketed title',
      rows: [['地区', '人口'], ['北区', '16 769'], ['南区', '1,234 1)'], ['西区', '1 234 567']],
      tables: [{ headerRows: [0, 0], keyColumns: [0] }],
    },
  ],
  invalid: [
    {
      name: 'a bracketed second figure, figures side by side, a list of figures with their years',
      rows: [
        ['項目', '値'],
        ['仕入額', '50468(45332)'],
        ['出荷額', '50468　　　（45332）'],
        ['出荷額2', '50468 45332 11111'],
        ['出荷額3', '373(平成27年度)、434(平成28年度)'],
      ],
      tables: [{ headerRows: [0, 0], keyColumns: [0] }],
      errors: [
        { messageId: 'bracketed', at: 'B2', params: { text: '50468(45332)', first: '50468', second: '45332' }, fixId: 'split' },
        { messageId: 'bracketed', at: 'B3', paramsLike: { first: '50468', second: '45332' } },
        { messageId: 'spaced', at: 'B4', params: { text: '50468 45332 11111', count: 3, values: '50468 / 45332 / 11111' } },
        { messageId: 'list', at: 'B5', params: { text: '373(平成27年度)、434(平成28年度)', count: 2, values: '373(平成27年度) / 434(平成28年度)' } },
      ],
      output: {
        // The first value stays; each further one goes to a column added right of it.
        rows: [
          ['項目', '値', '値（2）', '値（3）'],
          ['仕入額', 50468, 45332, null],
          ['出荷額', 50468, 45332, null],
          ['出荷額2', 50468, 45332, 11111],
          ['出荷額3', '373(平成27年度)', '434(平成28年度)', null],
        ],
      },
    },
    {
      name: 'a column of bracketed figures gets one column titled after it; other cells and columns stay',
      rows: [
        ['地区', '人口', '世帯'],
        ['北区', '50,468(45,332)', 10],
        ['南区', '1200', 20],
      ],
      tables: [{ headerRows: [0, 0], keyColumns: [0] }],
      errors: [{ messageId: 'bracketed', at: 'B2', params: { text: '50,468(45,332)', first: '50,468', second: '45,332' } }],
      output: {
        rows: [
          ['地区', '人口', '人口（括弧内）', '世帯'],
          ['北区', 50468, 45332, 10],
          ['南区', '1200', null, 20],
        ],
      },
    },
  ],
});

describe('splitValues', () => {
  it('tells one value from several', () => {
    expect(splitValues('1(10)')).toEqual({ kind: 'bracketed', values: ['1', '10'] });
    expect(splitValues('373（平成27年度）,434（平成28年度）')?.values).toEqual(['373(平成27年度)', '434(平成28年度)']);
    expect(splitValues('16 769')).toBeUndefined();
    expect(splitValues('1,234')).toBeUndefined();
    expect(splitValues('人口(人)')).toBeUndefined();
  });

  itWithCorpus('check_1_2.csv (peer linter sample): every cell with several values', 'open-data-linter/check_1_2.csv', () => {
    const wb = corpusWorkbook('open-data-linter/check_1_2.csv');
    const a = new SheetAnalyzer(wb.sheets[0], false).analyse();
    const found = a.cellViolations.filter((v) => v.ruleId === 'multi-value').map((v) => `${cellAddress(v.range.s.r, v.range.s.c)} ${v.messageId}`);
    expect(found.sort()).toEqual(['B2 list', 'B3 list', 'B4 list', 'D2 bracketed', 'D3 bracketed', 'D4 spaced', 'D5 spaced', 'D6 bracketed']);
  });
});
