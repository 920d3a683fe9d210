import { describe, expect } from 'vitest';
import { corpusWorkbook, itWithCorpus } from '../../../test/corpus.ts';
import { ruleTester } from '../../../test/ruleTester.ts';
import { SheetAnalyzer } from '../analysis/analyse.ts';
import { applyChanges } from '../changes.ts';
import { planFixAll } from '../fix/runFixes.ts';
import { inferColumn } from '../io/datatype.ts';
import { getValue } from '../model.ts';
import { rule } from './dates.ts';

ruleTester(rule, {
  valid: [
    ...['population.xlsx', 'county-income.csv', 'shelters-sjis.csv'].map((fixture) => ({ name: `${fixture}: no 西暦 date in another form`, fixture })),
    {
      name: 'dates already YYYY-MM-DD, a date in a title, a year and month, a date inside a sentence',
      rows: [
        ['2019年4月1日', '件数'],
        ['2019-04-01', 1],
        ['2019/4', 2],
        ['2019年4月1日開設', 3],
      ],
      tables: [{ headerRows: [0, 0], keyColumns: [0] }],
    },
  ],
  invalid: [
    {
      name: 'slashes, dots, 年月日 and full-width digits become YYYY-MM-DD; a day that does not exist is only reported',
      rows: [
        ['日付', '件数'],
        ['1955/1/1', 1],
        ['2019.4.1', 2],
        ['2019年4月1日', 3],
        ['２０２０／２／２９', 4],
        ['2019/2/29', 5],
      ],
      tables: [{ headerRows: [0, 0], keyColumns: [0] }],
      errors: [
        { messageId: 'nonIso', at: 'A2', params: { text: '1955/1/1', iso: '1955-01-01' }, fixId: 'toIso' },
        { messageId: 'nonIso', at: 'A3', params: { text: '2019.4.1', iso: '2019-04-01' } },
        { messageId: 'nonIso', at: 'A4', params: { text: '2019年4月1日', iso: '2019-04-01' } },
        { messageId: 'nonIso', at: 'A5', params: { text: '２０２０／２／２９', iso: '2020-02-29' } },
        { messageId: 'noSuchDay', at: 'A6', params: { text: '2019/2/29', year: 2019, month: 2, day: 29 }, fixId: null },
      ],
      output: {
        rows: [
          ['日付', '件数'],
          ['1955-01-01', 1],
          ['2019-04-01', 2],
          ['2019-04-01', 3],
          ['2020-02-29', 4],
          ['2019/2/29', 5],
        ],
      },
    },
  ],
});

describe('dates on a published file', () => {
  itWithCorpus('syukujitsu.csv: every holiday (1955/1/1 …) is written YYYY-MM-DD by 「すべて修正」, and the column is xsd:date', 'jp-csv-sjis/syukujitsu.csv', () => {
    const wb = corpusWorkbook('jp-csv-sjis/syukujitsu.csv');
    const sheet = wb.sheets[0];
    const before = new SheetAnalyzer(sheet, false).analyse().cellViolations.filter((v) => v.ruleId === 'dates');
    expect(before.length).toBe(sheet.rowCount - 1);
    applyChanges(wb, planFixAll(wb, undefined, {}, []));
    const dates: string[] = [];
    for (let r = 1; r < sheet.rowCount; r++) dates.push(String(getValue(sheet, r, 0)));
    expect(dates[0]).toBe('1955-01-01');
    expect(dates.every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))).toBe(true);
    expect(inferColumn(dates).datatype).toBe('xsd:date');
    expect(new SheetAnalyzer(sheet, false).analyse().cellViolations.filter((v) => v.ruleId === 'dates')).toEqual([]);
  });
});
