// An era written on a header row of its own over era-less years: `平成` / `22年` / `(2010)`.
import { expect, it } from 'vitest';
import { applyChanges } from '../changes.ts';
import { getValue } from '../model.ts';
import { sheetFromRows, tableOf, viewOf } from '../../../test/sheets.ts';
import { findingsOf } from './findings.ts';
import { fixWareki, rule } from './wareki.ts';

it('the year takes the era above it; the era cell and the 西暦 printed under it are emptied', () => {
  const sheet = sheetFromRows([
    ['状態', '平成', '平成', '令和'],
    [null, '22年', '30年', '元年'],
    [null, '(2010)', '(2018)', '(2019)'],
    ['歩行中', 1, 2, 3],
  ]);
  const view = viewOf(sheet, [tableOf(sheet, { headerRows: [0, 2], keyColumns: [0], kinds: ['text', 'number', 'number', 'number'] })]);
  const found = findingsOf(rule, view);
  expect(found.map((v) => [v.range.s.r, v.range.s.c, v.messageId])).toEqual([
    [1, 1, 'impliedEra'],
    [1, 2, 'impliedEra'],
    [1, 3, 'impliedEra'],
  ]);
  const wb = { source: { fileName: 'x.xlsx', format: 'xlsx' as const, byteLength: 0 }, date1904: false, sheets: [sheet] };
  applyChanges(wb, fixWareki(view));
  expect([0, 1, 2].map((r) => [1, 2, 3].map((c) => getValue(sheet, r, c)))).toEqual([
    [null, null, null],
    ['2010年', '2018年', '2019年'],
    [null, null, null],
  ]);
});

it('a 西暦 under the year that does not agree stays', () => {
  const sheet = sheetFromRows([['状態', '平成'], [null, '22年'], [null, '(2011)'], ['歩行中', 1]]);
  const view = viewOf(sheet, [tableOf(sheet, { headerRows: [0, 2], keyColumns: [0], kinds: ['text', 'number'] })]);
  const wb = { source: { fileName: 'x.xlsx', format: 'xlsx' as const, byteLength: 0 }, date1904: false, sheets: [sheet] };
  applyChanges(wb, fixWareki(view));
  expect([0, 1, 2].map((r) => getValue(sheet, r, 1))).toEqual([null, '2010年', '(2011)']);
});
