import { describe, expect, it } from 'vitest';
import { fixtureBytes } from '../../../test/fixtures.ts';
import { sheetFromRows, tableOf, viewOf } from '../../../test/sheets.ts';
import { readWorkbook } from '../io/read.ts';
import { cellAddress, getValue } from '../model.ts';
import type { ColumnKind } from '../structure/types.ts';
import { labelsAt, labelsInValuesRule as rule } from './labels-in-values.ts';
import type { SheetView, Violation } from './types.ts';

function detectAll(view: SheetView): Violation[] {
  const out: Violation[] = [];
  for (let r = 0; r < view.sheet.rowCount; r++) {
    for (let c = 0; c < view.sheet.columns.length; c++) {
      const v = getValue(view.sheet, r, c);
      if (v === null || v === '') continue;
      out.push(...(rule.detectCell(view, r, c) ?? []));
    }
  }
  return out;
}

const at = (v: Violation) => cellAddress(v.range.s.r, v.range.s.c);

function sheetOf(name: string, index = 0) {
  return readWorkbook(fixtureBytes(name), name.replace(/^.*\//, '')).workbook.sheets[index];
}

const numbers = (n: number): ColumnKind[] => new Array<ColumnKind>(n).fill('number');

describe('labels-in-values rule', () => {
  const sheet = sheetFromRows([
    ['表題 1)'], // caption: left to caption-notes
    ['地域', '人口集中\n地区　1)', '密度', '備考'],
    ['全国 a)', 'a)343.4', 343.4, '2階のみ使用可 ※1'],
    ['北海道', '1,234 1)', '1,234r', '※耐震改修済'],
    ['青森', 'x 2)', '約300人', '(平成12～17年)'],
    ['岩手', '343.4', '2019年', 'New York'],
    ['a) 注記'], // note
  ]);
  const view = viewOf(sheet, [
    tableOf(sheet, { captionRows: [0], headerRows: [1, 1], dataRows: [2, 5], noteRows: [6], keyColumns: [0], kinds: ['text', 'number', 'number', 'text'] }),
  ]);

  it('meta follows the spec, and every violation renders its message in ja and en', () => {
    expect(rule.meta).toMatchObject({ id: 'labels-in-values', level: 1, family: 'value', guideRef: { guide: '手順4 ラベル・脚注除去', soumu: '1-2' } });
    expect(rule.meta.title.ja).not.toBe('');
    expect(rule.meta.description.ja).not.toBe('');
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const m of Object.values(rule.meta.messages)) expect(placeholders(m.en)).toEqual(placeholders(m.ja));
    const found = detectAll(view);
    expect(found.length).toBeGreaterThan(0);
    for (const v of found) {
      const message = rule.meta.messages[v.messageId];
      expect(message, v.messageId).toBeDefined();
      expect(rule.meta.messages[v.fixId!]).toBeDefined();
      for (const key of placeholders(message.ja)) expect(v.params, `${v.messageId}: ${key}`).toHaveProperty(key);
    }
  });
  it('reports marks on values, titles and row labels, naming the mark and the value', () => {
    expect(detectAll(view).map((v) => [at(v), v.messageId, v.params])).toEqual([
      ['B2', 'titleMark', { text: '人口集中\n地区　1)', mark: '1)', rest: '人口集中\n地区' }],
      ['A3', 'titleMark', { text: '全国 a)', mark: 'a)', rest: '全国' }],
      ['B3', 'valueMark', { text: 'a)343.4', mark: 'a)', value: '343.4' }],
      ['D3', 'textMark', { text: '2階のみ使用可 ※1', mark: '※1', rest: '2階のみ使用可' }],
      ['B4', 'valueMark', { text: '1,234 1)', mark: '1)', value: '1234' }],
      ['C4', 'valueRevised', { text: '1,234r', mark: 'r', value: '1234' }],
      ['B5', 'valueMark', { text: 'x 2)', mark: '2)', value: 'x' }],
      ['C5', 'approx', { text: '約300人', mark: '約', value: '300' }],
    ]);
    const [v] = rule.detectCell(view, 2, 1)!;
    expect(v).toMatchObject({ ruleId: 'labels-in-values', sheetId: 's1', fixId: 'moveToNote', range: { s: { r: 2, c: 1 }, e: { r: 2, c: 1 } } });
  });

  it('a plain typed or text number, a note text, a bracketed title and Latin text are not labels', () => {
    expect(rule.detectCell(view, 2, 2)).toBeUndefined(); // typed 343.4
    expect(rule.detectCell(view, 5, 1)).toBeUndefined(); // '343.4' (number-as-text's)
    expect(rule.detectCell(view, 3, 3)).toBeUndefined(); // ※耐震改修済
    expect(rule.detectCell(view, 4, 3)).toBeUndefined(); // (平成12～17年)
    expect(rule.detectCell(view, 5, 2)).toBeUndefined(); // 2019年
    expect(rule.detectCell(view, 5, 3)).toBeUndefined(); // New York
    expect(rule.detectCell(view, 0, 0)).toBeUndefined(); // caption
    expect(rule.detectCell(view, 6, 0)).toBeUndefined(); // note row
  });

  it('labelsAt gives the fix the parse it reports', () => {
    expect(labelsAt(view, 2, 1)).toMatchObject({ kind: 'value', marked: { rest: '343.4', number: { value: 343.4 }, marks: [{ id: 'a', position: 'prefix' }] } });
    expect(labelsAt(view, 4, 2)).toMatchObject({ kind: 'approx', number: { value: 300, approx: '約', unit: { unit: '人' } } });
  });

  it('population.xlsx: a)343.4 at H6, and the marks 2) on H3 and 1) on D4', () => {
    const s = sheetOf('population.xlsx');
    const t = tableOf(s, {
      captionRows: [0],
      headerRows: [2, 4],
      unitRows: [4],
      dataRows: [5, 52],
      noteRows: [54, 55, 56, 57],
      keyColumns: [0],
      kinds: ['text', ...numbers(8)],
    });
    const found = detectAll(viewOf(s, [t]));
    expect(found.map((v) => [at(v), v.messageId, v.params?.mark])).toEqual([
      ['H3', 'titleMark', '2)'],
      ['D4', 'titleMark', '1)'],
      ['H6', 'valueMark', 'a)'],
    ]);
    expect(found[0].params?.rest).toBe('人口密度\n(人/km²)');
    expect(found[1].params?.rest).toBe('人口集中\n地区');
    expect(found[2].params?.value).toBe('343.4');
  });

  it('shelters-sjis.csv: 約300人 and the ※1 after a remark', () => {
    const s = sheetOf('shelters-sjis.csv');
    const t = tableOf(s, { headerRows: [0, 0], keyColumns: [0], kinds: ['code', 'text', 'text', 'number', 'date', 'text'] });
    expect(detectAll(viewOf(s, [t])).map((v) => [at(v), v.messageId, v.params?.mark])).toEqual([
      ['D4', 'approx', '約'],
      ['F5', 'textMark', '※1'],
    ]);
  });

  it('nb01h0013_cp932.csv: the ① glued to 1300東京都', () => {
    const s = sheetOf('real/nb01h0013_cp932.csv');
    const t = tableOf(s, { captionRows: [0, 1], headerRows: [2, 3], dataRows: [4, 35], keyColumns: [0], kinds: ['text', ...numbers(18)] });
    expect(detectAll(viewOf(s, [t])).map((v) => [at(v), v.params?.mark, v.params?.rest])).toEqual([['A5', '①', '1300東京都']]);
  });

  it('crushed-stone.xlsx: list numbers (①道 路 用) and 砕石合計(①～④) are not footnote marks', () => {
    const s = sheetOf('crushed-stone.xlsx');
    const t1 = tableOf(s, { captionRows: [0, 1], headerRows: [2, 3], dataRows: [4, 19], columns: [0, 8], keyColumns: [0, 8], kinds: ['period', ...numbers(7), 'period'] });
    expect(detectAll(viewOf(s, [t1]))).toEqual([]);
  });

  it('26jinugoki.xls sheet Ⅰ: the a)…e) marks on the header titles', () => {
    const s = sheetOf('real/26jinugoki.xls', 1);
    const t = tableOf(s, { captionRows: [0, 2], headerRows: [3, 6], dataRows: [8, 8], columns: [0, 18], keyColumns: [0, 18] });
    const found = detectAll(viewOf(s, [t]));
    expect(found.map((v) => [at(v), v.params?.mark, v.params?.rest])).toEqual([
      ['O4', 'd)', '人口動態率'],
      ['R4', 'e)', '人口'],
      ['I6', 'a)', '市内他区\nから転入'],
      ['J6', 'b)', 'その他'],
      ['M6', 'a)', '市内他区\nへ転出'],
      ['N6', 'c)', 'その他'],
    ]);
  });
});
