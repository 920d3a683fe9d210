import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../io/read.ts';
import type { Sheet } from '../model.ts';
import { sheetFromRows } from '../../../test/sheets.ts';
import { detectStructure } from './detect.ts';
import { isDataSheet, sheetKind } from './sheetKind.ts';

const kind = (sheet: Sheet) => sheetKind(sheet, detectStructure(sheet));

describe('sheetKind on made sheets', () => {
  it('a table with numbers is data; so is a text-only list', () => {
    expect(kind(sheetFromRows([['区', '人口'], ['北区', 100], ['南区', '1,200'], ['西区', 300]]))).toBe('data');
    const shelters = sheetFromRows([
      ['名称', '所在地', '地震', '津波'],
      ['中央小学校', '中央区1-1', '○', '×'],
      ['北中学校', '北区2-2', '○', '○'],
      ['西公園', '西区3-3', '○', '×'],
      ['東体育館', '東区4-4', '×', '○'],
    ]);
    expect(kind(shelters)).toBe('data');
    expect(isDataSheet(shelters, detectStructure(shelters))).toBe(true);
  });

  it('目次 / 利用上の注意 / 凡例 by name, or by the first text on the sheet', () => {
    const toc = [['表番号', '統計表'], ['第Ⅰ表', '人口の自然動態及び社会動態'], ['第Ⅱ表', '区別人口動態の推移']];
    expect(kind(sheetFromRows(toc, { name: '目次' }))).toBe('contents');
    expect(kind(sheetFromRows(toc, { name: ' 目　次 ' }))).toBe('contents');
    // A contents page with page numbers: numbers, but its heading says what it is.
    expect(kind(sheetFromRows([['目　次'], ['表1-1 交通事故発生状況', 1], ['表1-2 月別交通事故発生状況', 2], ['表2-1 月別死者数の推移', 3]], { name: 'Sheet1' }))).toBe('contents');
    expect(kind(sheetFromRows([['【凡例】'], ['x', '秘匿'], ['-', '該当なし'], ['…', '不詳']]))).toBe('notes');
    expect(kind(sheetFromRows([['a'], ['b']], { name: '利用上の注意' }))).toBe('notes');
  });

  it('prose, a list of table titles, stray cells and titles without rows are not data', () => {
    const long = 'この表の数値は住民基本台帳に基づくもので、外国人住民を含みます。';
    expect(kind(sheetFromRows([[long], [long + '2'], [long + '3'], [long + '4']], { name: 'Sheet2' }))).toBe('notes');
    // A notes block a split left on a sheet of its own, with a figure in it.
    expect(kind(sheetFromRows([[long, '各月の率は'], [long + 'a', 1000], [long + 'b', '×1000']]))).toBe('notes');
    expect(kind(sheetFromRows([['第1表', '人口'], ['第2表', '世帯'], ['第3表', '面積'], ['第4表', '事業所']], { name: 'Sheet1' }))).toBe('contents');
    expect(kind(sheetFromRows([['x'], [null, 'y'], [null, null, 'z']], { name: 'Module1' }))).toBe('stray');
    expect(kind(sheetFromRows([['第VIII表月別人口動態の推移'], [], ['月年次', '１月中', '２月中', '３月中', '年間']]))).toBe('stray');
    expect(kind(sheetFromRows([], { name: 'Module8' }))).toBe('empty');
  });
});

const CORPUS = path.resolve(__dirname, '../../../../shared/corpus');
const jinugoki = path.join(CORPUS, 'kobe-opendata/26jinugoki.xls');
const hamamatsu = path.join(CORPUS, 'hamamatsu-population/jinkousu_areaage_r06-04-01_hamamatsushi.xlsx');

describe.skipIf(!fs.existsSync(jinugoki))(`sheetKind on published files (skipped when ${path.relative(process.cwd(), CORPUS)} is absent)`, () => {
  const kinds = (file: string) => {
    const { workbook } = readWorkbook(new Uint8Array(fs.readFileSync(file)), path.basename(file));
    return Object.fromEntries(workbook.sheets.map((s) => [s.name, kind(s)]));
  };

  it('26jinugoki.xls: 目次 is contents, Ⅰ…Ⅷ are data', () => {
    expect(kinds(jinugoki)).toEqual({ 目次: 'contents', Ⅰ: 'data', Ⅱ: 'data', Ⅲ: 'data', Ⅳ: 'data', Ⅴ: 'data', Ⅵ: 'data', Ⅶ: 'data', Ⅷ: 'data' });
  });

  it.skipIf(!fs.existsSync(hamamatsu))('jinkousu_areaage_r06-04-01_hamamatsushi.xlsx: 利用上の注意 and the empty Module sheets are not data', () => {
    expect(kinds(hamamatsu)).toEqual({ 利用上の注意: 'notes', 浜松市: 'data', Module8: 'empty', Module1: 'empty' });
  });
});
