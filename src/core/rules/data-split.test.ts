import { describe, expect } from 'vitest';
import { corpusSheet, itWithCorpus } from '../../../test/corpus.ts';
import { ruleTester } from '../../../test/ruleTester.ts';
import { SheetAnalyzer } from '../analysis/analyse.ts';
import { detectStructure } from '../structure/detect.ts';
import { cellAddress, rangeAddress } from '../model.ts';
import { tableBlanks, rule } from './data-split.ts';
import type { Violation } from './types.ts';

const cut = {
  rows: [
    ['地区', '人口', null, '世帯'],
    ['北区', 10, null, 4],
    [null, null, null, null],
    [null, null, null, null],
    ['南区', 20, null, 8],
    ['西区', 30, null, 9],
  ],
  tables: [{ headerRows: [0, 0] as [number, number], dataRows: [1, 5] as [number, number], keyColumns: [0] }],
};

ruleTester(rule, {
  valid: [
    { name: 'population.xlsx: one block', fixture: 'population.xlsx' },
    {
      name: 'blank rows after the last data row are not inside the data',
      rows: [['地区', '人口'], ['北区', 10], ['南区', 20], [null, null]],
      tables: [{ headerRows: [0, 0], dataRows: [1, 3], columns: [0, 1], keyColumns: [0] }],
    },
    {
      name: 'a column with a title and no values, or covered by a merge, is not blank',
      rows: [['地区', '人口', '備考', '世帯'], ['北区', 10, null, 4], ['南区', 20, null, 8]],
      sheet: { merges: ['B1:C1'] },
      tables: [{ headerRows: [0, 0], dataRows: [1, 2], keyColumns: [0] }],
    },
  ],
  invalid: [
    {
      name: 'a run of blank rows inside the data and a blank column inside the table; the fix deletes both',
      ...cut,
      errors: [
        { messageId: 'rows', at: 'A3:D4', params: { from: 3, to: 4, count: 2 }, fixId: 'remove' },
        { messageId: 'col', at: 'C1:C6', params: { from: 'C' }, fixId: 'remove' },
      ],
      output: {
        rows: [
          ['地区', '人口', '世帯'],
          ['北区', 10, 4],
          ['南区', 20, 8],
          ['西区', 30, 9],
        ],
        clean: true,
      },
    },
    {
      name: 'a column at the edge of the table with no title and no value (a trailing delimiter): reported, and deleted',
      rows: [[null, '地区', '人口', null], [null, '北区', 10, null], [null, '南区', 20, null]],
      tables: [{ headerRows: [0, 0], dataRows: [1, 2], columns: [0, 3], keyColumns: [1] }],
      errors: [
        { messageId: 'edgeCol', at: 'A1:A3', params: { from: 'A' }, fixId: 'remove' },
        { messageId: 'edgeCol', at: 'D1:D3', params: { from: 'D' }, fixId: 'remove' },
      ],
      output: { rows: [['地区', '人口'], ['北区', 10], ['南区', 20]] },
    },
    {
      name: 'a column with no value whose title only repeats the one beside it (a merged title filled across a spacer): reported, and deleted',
      rows: [['市町村', '市町村', '面積'], ['札幌市', null, 270], ['旭川市', null, 3]],
      tables: [{ headerRows: [0, 0], dataRows: [1, 2], columns: [0, 2], keyColumns: [0] }],
      errors: [{ messageId: 'copiedTitle', at: 'B1:B3', params: { from: 'B', title: '市町村' }, fixId: 'remove' }],
      output: { rows: [['市町村', '面積'], ['札幌市', 270], ['旭川市', 3]] },
    },
    {
      name: 'blank rows between the header and the data: reported, and deleted',
      rows: [['地区', '人口'], [null, null], [null, null], ['北区', 10], ['南区', 20]],
      tables: [{ headerRows: [0, 0], dataRows: [3, 4], columns: [0, 1], keyColumns: [0] }],
      errors: [{ messageId: 'rows', at: 'A2:B3', params: { from: 2, to: 3, count: 2 }, fixId: 'remove' }],
      output: { rows: [['地区', '人口'], ['北区', 10], ['南区', 20]] },
    },
    {
      name: 'columns beside the table blank across the sheet (the table ends before them): reported, and deleted',
      rows: [[null, '地区', '人口', null, null], [null, '北区', 10, null, null], [null, '南区', 20, null, null]],
      tables: [{ headerRows: [0, 0], dataRows: [1, 2], columns: [1, 2], keyColumns: [1] }],
      errors: [
        { messageId: 'edgeCol', at: 'A1:A3', params: { from: 'A' }, fixId: 'remove' },
        { messageId: 'edgeCols', at: 'D1:E3', params: { from: 'D', to: 'E', count: 2 }, fixId: 'remove' },
      ],
      output: { rows: [['地区', '人口'], ['北区', 10], ['南区', 20]] },
    },
  ],
});

describe('data-split on a table', () => {
  const at = (v: Violation) => (v.range.s.r === v.range.e.r && v.range.s.c === v.range.e.c ? cellAddress(v.range.s.r, v.range.s.c) : rangeAddress(v.range));

  itWithCorpus('check_2_1.csv (peer linter sample): the blank row 23 and the blank column S', 'open-data-linter/check_2_1.csv', () => {
    const sheet = corpusSheet('open-data-linter/check_2_1.csv');
    const structure = detectStructure(sheet);
    const [t] = structure.tables;
    expect(tableBlanks(sheet, t)).toEqual({ rows: [[22, 22]], cols: [[18, 18]], edges: [], copies: [] });
    const a = new SheetAnalyzer(sheet, false).analyse();
    const found = a.sheetViolations.filter((v) => v.ruleId === 'data-split');
    expect(found.map((v) => [v.messageId, at(v)])).toEqual([
      ['row', 'A23:T23'],
      ['col', 'S3:S42'],
    ]);
  });
});
