import { expect } from 'vitest';
import { ruleTester } from '../../../test/ruleTester.ts';
import { getValue } from '../model.ts';
import type { ColumnKind } from '../structure/types.ts';
import { rule } from './stub-labels.ts';

const STATES = ['自動車乗車中', '歩行中', '計'];

/** Age bands written down column A, one character per cell, a band per group of three rows. */
function ageBands(): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [['年齢層', '状態', '2019年', '2020年']];
  for (const band of [
    ['9', '歳', '以'],
    ['10', '｜', '19歳'],
  ]) {
    for (let i = 0; i < 3; i++) rows.push([band[i], STATES[i], i + 1, i + 2]);
  }
  return rows;
}

const text = (n: number): ColumnKind[] => new Array<ColumnKind>(n).fill('text');

ruleTester(rule, {
  valid: [
    {
      name: 'short whole labels on every row are not fragments',
      rows: [['区', '人口'], ['東灘', 1], ['東灘', 2], ['灘', 3], ['中央', 4], ['北', 5]],
      tables: [{ headerRows: [0, 0], keyColumns: [0], kinds: ['text', 'number'] }],
    },
    {
      name: 'an era column whose years are written whole is no spread year',
      rows: [['元号', '年', '件数'], ['昭和', '23年', 1], ['昭和', '24年', 2], ['平成', '元年', 3]],
      tables: [{ headerRows: [0, 0], keyColumns: [0, 1], kinds: ['text', 'text', 'number'] }],
    },
    {
      name: 'parents written once over their children are no phrase',
      rows: [['地域', '区', '人口'], ['東京都', '千代田区', 1], [null, '中央区', 2], ['大阪府', '北区', 3], [null, '中央区', 4]],
      tables: [{ headerRows: [0, 0], keyColumns: [0, 1], kinds: ['text', 'text', 'number'] }],
    },
    {
      name: 'one name row alone, totals and sub-items are no sections',
      rows: [['項目', '値'], ['合計', null], ['A', 1], ['うち市外', null], ['B', 2], ['その他', null], ['C', 3]],
      tables: [{ headerRows: [0, 0], dataRows: [1, 6], keyColumns: [0], kinds: ['text', 'number'] }],
    },
    {
      name: 'a section row followed by its members is not a wrapped label',
      rows: [['項目', '値'], ['総数', 10], ['男', null], ['15歳未満', 3]],
      tables: [{ headerRows: [0, 0], keyColumns: [0], kinds: ['text', 'number'] }],
    },
  ],
  invalid: [
    {
      name: 'a label written vertically, one character per cell down its group',
      rows: ageBands(),
      tables: [{ headerRows: [0, 0], keyColumns: [0, 1], kinds: [...text(2), 'number', 'number'] }],
      errors: [
        { messageId: 'vertical', at: 'A2:A4', fixId: 'spell', params: { range: 'A2:A4', parts: '9・歳・以', label: '9歳以' } },
        { messageId: 'vertical', at: 'A5:A7', params: { range: 'A5:A7', parts: '10・｜・19歳', label: '10～19歳' } },
      ],
      output: {
        check: (view) => expect([1, 2, 3, 4, 5, 6].map((r) => getValue(view.sheet, r, 0))).toEqual(['9歳以', '9歳以', '9歳以', '10～19歳', '10～19歳', '10～19歳']),
        clean: true,
      },
    },
    {
      name: 'a label-only row under a row with values, before a blank row, continues its label',
      rows: [['項目', '2013年度'], ['４．生産・輸入品に課される税', 480968], ['　（控除）補助金', null], [null, null], ['５．民間最終消費支出', 3595756]],
      tables: [{ headerRows: [0, 0], keyColumns: [0], kinds: ['text', 'number'] }],
      errors: [{ messageId: 'wrapped', at: 'A3:B3', fixId: 'join', params: { row: 3, text: '（控除）補助金', above: '４．生産・輸入品に課される税' } }],
      output: {
        rows: [['項目', '2013年度'], ['４．生産・輸入品に課される税（控除）補助金', 480968], [null, null], ['５．民間最終消費支出', 3595756]],
      },
    },
    {
      name: 'a phrase written down a label column, a few words per cell, labels the rows under it up to a lone section row',
      rows: [
        [null, null, '高齢者'],
        ['人口10万', '信号無視', 0.15],
        ['人当たり', '通行区分', 0.1],
        ['死者数', '横断違反', 0.32],
        [null, '飛び出し', 0.02],
        [null, '違反なし', 1.05],
        ['（再掲）', null, null],
        ['人口10万人当', '違反あり', 1.4],
        ['たり死者数', '違反なし', 1.05],
      ],
      tables: [{ headerRows: [0, 0], keyColumns: [0, 1], kinds: ['text', 'text', 'number'] }],
      errors: [
        { messageId: 'vertical', at: 'A2:A6', params: { range: 'A2:A6', parts: '人口10万・人当たり・死者数', label: '人口10万人当たり死者数' } },
        { messageId: 'vertical', at: 'A8:A9', params: { range: 'A8:A9', parts: '人口10万人当・たり死者数', label: '人口10万人当たり死者数' } },
      ],
      output: {
        check: (view) => expect([1, 2, 3, 4, 5, 6, 7, 8].map((r) => getValue(view.sheet, r, 0))).toEqual([...Array(5).fill('人口10万人当たり死者数'), '（再掲）', '人口10万人当たり死者数', '人口10万人当たり死者数']),
      },
    },
    {
      name: 'a year written over three cells: the era where it starts, the number on every row, 年 once',
      rows: [
        [null, null, null, '件数'],
        ['昭和', 63, '年', 10],
        [null, 64, null, 11],
        ['平成', '元', '年', 12],
        [null, 2, null, 13],
      ],
      tables: [{ headerRows: [0, 0], keyColumns: [0, 1, 2], kinds: ['text', 'number', 'text', 'number'] }],
      errors: [{ messageId: 'period', at: 'A2:C5', fixId: 'joinPeriod', params: { range: 'A2:C5', example: '昭和63年' } }],
      output: {
        rows: [[null, '件数'], ['昭和63年', 10], ['昭和64年', 11], ['平成元年', 12], ['平成2年', 13]],
      },
    },
    {
      name: 'data in groups under a name row each (section rows): the names become a column at the left, the name rows go',
      rows: [['年次', '人口', '世帯'], ['東灘区', null, null], [null, null, null], [2004, 10, 5], [2005, 11, 6], ['灘区', null, null], [2004, 20, 7], [2005, 21, 8]],
      tables: [{ headerRows: [0, 0], dataRows: [1, 7], keyColumns: [0], kinds: ['period', 'number', 'number'] }],
      errors: [
        { messageId: 'section', at: 'A2:C2', fixId: 'sectionColumn', params: { row: 2, text: '東灘区' } },
        { messageId: 'section', at: 'A6:C6', fixId: 'sectionColumn', params: { row: 6, text: '灘区' } },
      ],
      output: {
        rows: [
          [null, '年次', '人口', '世帯'],
          [null, null, null, null],
          ['東灘区', 2004, 10, 5],
          ['東灘区', 2005, 11, 6],
          ['灘区', 2004, 20, 7],
          ['灘区', 2005, 21, 8],
        ],
      },
    },
    {
      name: 'a section name merged across its row (the merge goes with the row)',
      rows: [['年次', '人口', '世帯'], [null, '東区', null], [2004, 10, 5], [null, '西区', null], [2004, 20, 7]],
      sheet: { merges: ['B2:C2', 'B4:C4'] },
      tables: [{ headerRows: [0, 0], dataRows: [1, 4], keyColumns: [0], kinds: ['period', 'number', 'number'] }],
      errors: [
        { messageId: 'section', at: 'A2:C2', fixId: 'sectionColumn', params: { row: 2, text: '東区' } },
        { messageId: 'section', at: 'A4:C4', fixId: 'sectionColumn', params: { row: 4, text: '西区' } },
      ],
      output: { rows: [[null, '年次', '人口', '世帯'], ['東区', 2004, 10, 5], ['西区', 2004, 20, 7]] },
    },
  ],
});
