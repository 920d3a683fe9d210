import { describe, expect, it } from 'vitest';
import { fixtureBytes } from '../../../test/fixtures.ts';
import { sheetFromRows, tableOf, viewOf } from '../../../test/sheets.ts';
import { readWorkbook } from '../io/read.ts';
import { cellAddress, getValue } from '../model.ts';
import type { ColumnKind } from '../structure/types.ts';
import { numberAsTextRule as rule, numberTextAt } from './number-as-text.ts';
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

describe('number-as-text rule', () => {
  const sheet = sheetFromRows([
    ['地域', 'コード', '人数', '金額', '年', '備考'],
    ['全国', '0911', '１，２００人', '1,234千円', '2019', '2019年'],
    ['北', '0001', -5, '△37,655', '2020', '0911'],
    ['南', '650', '343.4', { value: '(1,234)', format: '#,##0;(#,##0)' }, '7-9', 'abc'],
    ['1,234', '078-123-4567', '12.5%', '(1,234)', 'H30.3.31', '850人'],
  ]);
  const view = viewOf(sheet, [
    tableOf(sheet, { headerRows: [0, 0], keyColumns: [0], kinds: ['text', 'code', 'number', 'number', 'period', 'text'] }),
  ]);

  it('meta follows the spec, and every violation renders its message in ja and en', () => {
    expect(rule.meta).toMatchObject({ id: 'number-as-text', level: 1, family: 'value', guideRef: { guide: '手順2 カンマ除去', soumu: '1-3' } });
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
  it('reports text numbers in the data region with the number and the unit', () => {
    const found = detectAll(view);
    expect(found.map((v) => [at(v), v.messageId, v.params])).toEqual([
      ['C2', 'numberUnit', { text: '１，２００人', value: '1200', unit: '人' }],
      ['D2', 'numberScaled', { text: '1,234千円', value: '1234', unit: '円', scale: 1000 }],
      ['D3', 'number', { text: '△37,655', value: '-37655' }],
      ['C4', 'number', { text: '343.4', value: '343.4' }],
      ['D4', 'number', { text: '(1,234)', value: '-1234' }],
      ['C5', 'numberUnit', { text: '12.5%', value: '12.5', unit: '%' }],
      ['F5', 'numberUnit', { text: '850人', value: '850', unit: '人' }],
    ]);
    expect(found[0]).toMatchObject({ ruleId: 'number-as-text', sheetId: 's1', fixId: 'convert', range: { s: { r: 1, c: 2 }, e: { r: 1, c: 2 } } });
  });

  it('the Japanese message reads as the spec shows', () => {
    const [v] = rule.detectCell(view, 1, 2)!;
    const template = rule.meta.messages[v.messageId].ja;
    const text = template.replace(/\{(\w+)\}/g, (_, k: string) => String(v.params![k]));
    expect(text).toBe('「１，２００人」は数値 1200(単位: 人)として扱えます。');
  });

  it('leaves typed numbers, codes, key columns, periods, years and non-numbers alone', () => {
    expect(rule.detectCell(view, 2, 2)).toBeUndefined(); // typed -5
    expect(rule.detectCell(view, 1, 1)).toBeUndefined(); // 0911 in a code column
    expect(rule.detectCell(view, 3, 1)).toBeUndefined(); // 650 in a code column
    expect(rule.detectCell(view, 4, 0)).toBeUndefined(); // 1,234 in the key column
    expect(rule.detectCell(view, 1, 4)).toBeUndefined(); // 2019 in a period column
    expect(rule.detectCell(view, 1, 5)).toBeUndefined(); // 2019年 is a period label
    expect(rule.detectCell(view, 2, 5)).toBeUndefined(); // 0911 in a text column: leading zero
    expect(rule.detectCell(view, 4, 3)).toBeUndefined(); // (1,234) without a parenthesised format
    expect(rule.detectCell(view, 0, 2)).toBeUndefined(); // header
  });

  it('numberTextAt gives the fix the same parse', () => {
    expect(numberTextAt(view, 1, 2)).toMatchObject({ value: 1200, unit: { unit: '人' }, fullwidth: true, grouped: true });
    expect(numberTextAt(view, 1, 1)).toBeUndefined();
  });

  it('population.xlsx: 1,894.2 (埼玉 density, H17) and 12,064␣ (東京 2000, B19), not a)343.4', () => {
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
    expect(found.map((v) => [at(v), v.params?.value])).toEqual([
      ['H17', '1894.2'],
      ['B19', '12064'],
    ]);
  });

  it('shelters-sjis.csv: １，２００人, 850人, 約300人 and ６０人 in 収容人数; No. and addresses untouched', () => {
    const s = sheetOf('shelters-sjis.csv');
    const t = tableOf(s, { headerRows: [0, 0], keyColumns: [0], kinds: ['code', 'text', 'text', 'number', 'date', 'text'] });
    const found = detectAll(viewOf(s, [t]));
    expect(found.map((v) => [at(v), v.messageId, v.params?.value, v.params?.unit])).toEqual([
      ['D2', 'numberUnit', '1200', '人'],
      ['D3', 'numberUnit', '850', '人'],
      ['D4', 'numberUnit', '300', '人'],
      ['D6', 'numberUnit', '60', '人'],
    ]);
    expect(numberTextAt(viewOf(s, [t]), 3, 3)?.approx).toBe('約');
  });

  it('county-income.csv: "2,069,212" and $92,162,773, every count and income of the 21 rows', () => {
    const s = sheetOf('county-income.csv');
    const t = tableOf(s, { headerRows: [0, 0], keyColumns: [0, 1, 2, 3], kinds: ['code', 'code', 'text', 'text', ...numbers(3)] });
    const found = detectAll(viewOf(s, [t]));
    expect(found).toHaveLength(21 * 3);
    expect(found.every((v) => v.range.s.c >= 4)).toBe(true);
    expect(found[0]).toMatchObject({ messageId: 'number', params: { text: '2,069,212', value: '2069212' } });
    expect(found[2]).toMatchObject({ messageId: 'numberUnit', params: { text: '$92,162,773', value: '92162773', unit: '$' } });
  });

  it('2017okugaihinanjo.csv: codes 0001… and postal codes 658-0027 are not numbers', () => {
    const s = sheetOf('real/2017okugaihinanjo.csv');
    const t = tableOf(s, { headerRows: [0, 1], keyColumns: [0], kinds: ['code', 'text', 'text', 'text', 'text', 'number', 'number', 'text', 'text', 'text', 'text', 'text'] });
    expect(detectAll(viewOf(s, [t]))).toEqual([]);
  });

  it('26jinugoki.xls: the △ negatives are numbers with a format, never text', () => {
    const { workbook } = readWorkbook(fixtureBytes('real/26jinugoki.xls'), '26jinugoki.xls');
    let triangles = 0;
    for (const s of workbook.sheets) {
      const found = detectAll(viewOf(s));
      expect(found.filter((v) => String(v.params?.text).includes('△'))).toEqual([]);
      for (const col of s.columns) for (const v of col.values) if (typeof v === 'string' && /△\s*\d/.test(v)) triangles++;
    }
    expect(triangles).toBe(0);
  });
});
