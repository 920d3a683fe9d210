import { ruleTester } from '../../../test/ruleTester.ts';
import { rule } from './multi-row-header.ts';

ruleTester(rule, {
  valid: ['industry.xlsx', 'county-income.csv', 'shelters-sjis.csv'].map((fixture) => ({ name: `${fixture} has a one-row header`, fixture })),
  invalid: [
    {
      name: 'a column with values and no title is asked for (advice over the row labels, a warning over values); an empty column is not',
      rows: [
        [null, '人口', null, null],
        ['北区', 100, 5, null],
        ['南区', 200, 6, null],
      ],
      tables: [{ headerRows: [0, 0], dataRows: [1, 2], keyColumns: [0], kinds: ['text', 'number', 'number', 'empty'] }],
      errors: [
        { messageId: 'emptyTitle', at: 'A1', params: { col: 'A' }, severity: 'info' },
        { messageId: 'emptyTitle', at: 'C1', params: { col: 'C' }, severity: 'warning' },
      ],
    },
    {
      name: 'a one-row header whose row-label title is written once over three label columns: the blank ones are named after it, numbered',
      rows: [
        ['第1当事者', null, null, '件数'],
        ['自動車', '自家用', '乗用', 1],
        ['自動車', '自家用', '貨物', 2],
      ],
      tables: [{ headerRows: [0, 0], dataRows: [1, 2], keyColumns: [0, 1, 2], kinds: ['text', 'text', 'text', 'number'] }],
      errors: [
        { messageId: 'spannedTitle', at: 'B1', params: { col: 'B', title: '第1当事者', filled: '第1当事者（2）' }, fixId: 'nameSpanned' },
        { messageId: 'spannedTitle', at: 'C1', params: { col: 'C', title: '第1当事者', filled: '第1当事者（3）' }, fixId: 'nameSpanned' },
      ],
      output: { rows: [['第1当事者', '第1当事者（2）', '第1当事者（3）', '件数'], ['自動車', '自家用', '乗用', 1], ['自動車', '自家用', '貨物', 2]], clean: true },
    },
    {
      name: 'population.xlsx: two title rows (the unit row does not count)',
      fixture: 'population.xlsx',
      errors: [{ messageId: 'rows', at: 'A3:I5', paramsLike: { count: 2, first: 3, last: 4, example: '17年 総数' } }],
    },
    { name: 'ci-index.xlsx: a two-level header', fixture: 'ci-index.xlsx', errors: [{ messageId: 'rows', at: 'A3:I4' }] },
    { name: 'crushed-stone.xlsx table (1): a two-level header', fixture: 'crushed-stone.xlsx', errors: [{ messageId: 'rows', at: 'A3:I4' }] },
    {
      name: 'no header over labels and numbers fails; over numbers alone it is advice',
      rows: [
        ['東京', 1, 2],
        ['大阪', 3, 4],
      ],
      tables: [{ headerRows: [0, -1], dataRows: [0, 1] }],
      errors: [{ messageId: 'none', at: 'A1:C1', severity: null }],
    },
    {
      name: 'a grid of numbers alone (`1, 2, 3, 4`) without a header: advice',
      rows: [
        [1, 2, 3],
        [4, 5, 6],
      ],
      tables: [{ headerRows: [0, -1], dataRows: [0, 1] }],
      errors: [{ messageId: 'noneNumbers', at: 'A1:C1', severity: 'info', fixId: 'addHeader' }],
    },
  ],
});
