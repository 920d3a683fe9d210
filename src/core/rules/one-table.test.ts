import { sheetFromRows } from '../../../test/sheets.ts';
import { ruleTester } from '../../../test/ruleTester.ts';
import { buildSheetView } from '../analysis/view.ts';
import { detectStructure } from '../structure/detect.ts';
import { rule } from './one-table.ts';

ruleTester(rule, {
  valid: [
    ...['population.xlsx', 'ci-index.xlsx', 'industry.xlsx', 'county-income.csv', 'shelters-sjis.csv'].map((fixture) => ({ name: `${fixture} holds one table`, fixture })),
    { name: 'a single hand-made table', rows: [['a', 'b'], ['x', 1]] },
  ],
  invalid: [
    {
      name: 'crushed-stone.xlsx: two tables and the repeated 年 月 column',
      fixture: 'crushed-stone.xlsx',
      errors: [
        { messageId: 'several', at: 'A1:I20' },
        { messageId: 'several', at: 'A22:G29' },
        { messageId: 'duplicateColumn', at: 'I3:I20', paramsLike: { column: 'I', twin: 'A' } },
      ],
    },
    {
      name: 'side-by-side tables are reported',
      view: () => {
        const sheet = sheetFromRows([
          ['地区', '人口', null, '品目', '金額'],
          ['北区', 100, null, '米', 10],
        ]);
        return buildSheetView(sheet, false, detectStructure(sheet));
      },
      errors: [{ messageId: 'several', at: 'A1:B2' }, { messageId: 'several', at: 'D1:E2' }],
    },
  ],
});
