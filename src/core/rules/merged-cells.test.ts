import { ruleTester } from '../../../test/ruleTester.ts';
import { rule } from './merged-cells.ts';

ruleTester(rule, {
  valid: [{ name: 'county-income.csv: no merges', fixture: 'county-income.csv' }],
  invalid: [
    {
      name: 'population.xlsx: 9 merges — the caption and 8 in the header',
      fixture: 'population.xlsx',
      errors: [
        { messageId: 'other', at: 'A1:I1', fixId: 'unmerge' },
        { messageId: 'header', at: 'A3:A5', fixId: 'fillAcross' },
        { messageId: 'header', at: 'B3:B4', fixId: 'fillAcross' },
        { messageId: 'header', at: 'C3:D3', fixId: 'fillAcross' },
        { messageId: 'header', at: 'E3:E4', fixId: 'fillAcross' },
        { messageId: 'header', at: 'F3:F4', fixId: 'fillAcross' },
        { messageId: 'header', at: 'G3:G5', fixId: 'fillAcross' },
        { messageId: 'header', at: 'H3:H5', fixId: 'fillAcross' },
        { messageId: 'header', at: 'I3:I4', fixId: 'fillAcross' },
      ],
    },
    {
      name: 'a data merge (款 over three 項) is filled down',
      rows: [
        ['款', '項', '金額'],
        ['総務費', '総務管理費', 100],
        [null, '徴税費', 20],
        [null, '戸籍住民基本台帳費', 30],
      ],
      sheet: { merges: ['A2:A4'] },
      tables: [{ headerRows: [0, 0], keyColumns: [0, 1] }],
      errors: [{ messageId: 'data', at: 'A2:A4', fixId: 'fillDown', params: { range: 'A2:A4', text: '総務費' } }],
    },
    {
      name: 'a group name merged across its own row (a section row) is only unmerged, not copied across',
      rows: [
        ['年', '1月', '2月', '3月'],
        [null, '人口増減数', null, null],
        ['1995年', 1, 2, 3],
        [null, '自然増減数', null, null],
        ['1995年', 4, 5, 6],
      ],
      sheet: { merges: ['B2:D2', 'B4:D4'] },
      tables: [{ headerRows: [0, 0], dataRows: [1, 4], keyColumns: [0] }],
      errors: [
        { messageId: 'other', at: 'B2:D2', fixId: 'unmerge' },
        { messageId: 'other', at: 'B4:D4', fixId: 'unmerge' },
      ],
      output: { rows: [['年', '1月', '2月', '3月'], [null, '人口増減数', null, null], ['1995年', 1, 2, 3], [null, '自然増減数', null, null], ['1995年', 4, 5, 6]] },
    },
    {
      name: 'a label merged down over two rows with its values on the lower one labels that row only',
      rows: [
        ['年', '1月', '2月'],
        ['震災前平均', null, null],
        [null, 520.8, 39.4],
        ['1995年', 1, 2],
      ],
      sheet: { merges: ['A2:A3'] },
      tables: [{ headerRows: [0, 0], dataRows: [1, 3], keyColumns: [0] }],
      errors: [{ messageId: 'data', at: 'A2:A3', fixId: 'fillDown' }],
      output: { rows: [['年', '1月', '2月'], [null, null, null], ['震災前平均', 520.8, 39.4], ['1995年', 1, 2]] },
    },
  ],
});
