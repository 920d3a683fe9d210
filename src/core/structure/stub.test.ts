import { describe, expect, it } from 'vitest';
import { sheetFromRows, tableOf } from '../../../test/sheets.ts';
import { corpusBytes, corpusTitle, hasCorpusFile } from '../../../test/corpus.ts';
import { readWorkbook } from '../io/read.ts';
import { detectStructure } from './detect.ts';
import { isSubItemLabel, isTotalLabel, verticalLabels, wrappedLabels } from './stub.ts';

const STATES = ['自動車乗車中', '歩行中', '計'];

describe('vertical labels', () => {
  it('one character per cell down a group that ends at the total of the next column', () => {
    const rows: (string | number | null)[][] = [['年齢層', '状態', '2019年', '2020年']];
    const bands = [
      ['9', '歳', '以'],
      ['10', '｜', '19歳'],
    ];
    for (const band of bands) for (let i = 0; i < 3; i++) rows.push([band[i], STATES[i], i + 1, i + 2]);
    const sheet = sheetFromRows(rows);
    const t = tableOf(sheet, { headerRows: [0, 0], keyColumns: [0, 1], kinds: ['text', 'text', 'number', 'number'] });
    expect(verticalLabels(sheet, t).map((v) => [v.start, v.end, v.label])).toEqual([
      [1, 3, '9歳以'],
      [4, 6, '10～19歳'],
    ]);
  });

  it('a count written under the name is set apart (中/央/地/区/17/町)', () => {
    const col = ['中', null, '央', '地', '区', '17', '町', null];
    const rows: (string | number | null)[][] = [['地区', '町名', '世帯数']];
    col.forEach((v, i) => rows.push([v, i === col.length - 1 ? '小計' : `町${i}`, 10 + i]));
    const sheet = sheetFromRows(rows);
    const t = tableOf(sheet, { headerRows: [0, 0], keyColumns: [0, 1], kinds: ['text', 'text', 'number'] });
    const [v] = verticalLabels(sheet, t);
    expect(v).toMatchObject({ label: '中央地区', note: '17町', start: 1, end: 8 });
  });

  it('short whole labels on every row are not fragments', () => {
    const sheet = sheetFromRows([['区', '人口'], ['東灘', 1], ['東灘', 2], ['灘', 3], ['中央', 4], ['北', 5]]);
    const t = tableOf(sheet, { headerRows: [0, 0], keyColumns: [0], kinds: ['text', 'number'] });
    expect(verticalLabels(sheet, t)).toEqual([]);
    const codes = sheetFromRows([['コード', '人口'], [1, 1], [3, 2], [5, 3], [7, 4]]);
    expect(verticalLabels(codes, tableOf(codes, { headerRows: [0, 0], keyColumns: [0], kinds: ['code', 'number'] }))).toEqual([]);
  });
});

describe('wrapped labels', () => {
  it('a label-only row under a row with values, before a blank row, continues its label', () => {
    const sheet = sheetFromRows([['項目', '2013年度'], ['４．生産・輸入品に課される税', 480968], ['　（控除）補助金', null], [null, null], ['５．民間最終消費支出', 3595756]]);
    const t = tableOf(sheet, { headerRows: [0, 0], keyColumns: [0], kinds: ['text', 'number'] });
    expect(wrappedLabels(sheet, t)).toEqual([{ r: 2, into: 1, c: 0, text: '　（控除）補助金' }]);
  });

  it('a section row followed by its members is not a wrapped label', () => {
    const sheet = sheetFromRows([['項目', '値'], ['総数', 10], ['男', null], ['15歳未満', 3]]);
    const t = tableOf(sheet, { headerRows: [0, 0], keyColumns: [0], kinds: ['text', 'number'] });
    expect(wrappedLabels(sheet, t)).toEqual([]);
  });
});

it('totals and sub-items', () => {
  for (const s of ['計', '  小　　計', '合　計', '総数', '本年累計', 'Total']) expect(isTotalLabel(s), s).toBe(true);
  for (const s of ['計画', '自動車乗車中', '北区']) expect(isTotalLabel(s), s).toBe(false);
  expect(isSubItemLabel('うち死亡事故件数（確定値）')).toBe(true);
  expect(isSubItemLabel('（うち市外から）')).toBe(true);
  expect(isSubItemLabel('内訳')).toBe(true);
  expect(isSubItemLabel('死者数')).toBe(false);
});

describe('published files', () => {
  const sheetOf = (rel: string, name?: string) => {
    const { workbook } = readWorkbook(corpusBytes(rel), rel.split('/').pop()!);
    return name ? workbook.sheets.find((s) => s.name === name)! : workbook.sheets[0];
  };

  const npa = 'npa-traffic/2020_05_a.xlsx';
  it.skipIf(!hasCorpusFile(npa))(corpusTitle(npa, 'age bands written down column A, one per group of seven rows'), () => {
    const sheet = sheetOf(npa);
    const [t] = detectStructure(sheet).tables;
    const labels = verticalLabels(sheet, t);
    expect(labels.slice(0, 3).map((v) => v.label)).toEqual(['9歳以下', '10～19歳', '20～29歳']);
    expect(labels.every((v) => v.end - v.start === 6)).toBe(true);
  });

  const hamamatsu = 'hamamatsu-population/setaisu-jinkousu_area_h28-11.xlsx';
  it.skipIf(!hasCorpusFile(hamamatsu))(corpusTitle(hamamatsu, 'district names one character per cell, a group per 小計'), () => {
    const sheet = sheetOf(hamamatsu, '中区');
    const t = detectStructure(sheet).tables.find((x) => verticalLabels(sheet, x).length > 0)!;
    expect(verticalLabels(sheet, t).slice(0, 4).map((v) => [v.label, v.note])).toEqual([
      ['中央地区', '17町'],
      ['西地区', '10町'],
      ['城北地区', '20町'],
      ['北地区', '4町'],
    ]);
  });

  const kk = 'kobe-opendata/25kk_sankouhyou.xls';
  it.skipIf(!hasCorpusFile(kk))(corpusTitle(kk, 'item labels wrapped onto a second row'), () => {
    const sheet = sheetOf(kk, '1基本勘定');
    const [t] = detectStructure(sheet).tables;
    expect(wrappedLabels(sheet, t).map((w) => w.text.trim())).toEqual(['（控除）補助金', '（市場価格表示）', '統 計 上 の 不突合', '（市場価格表示）']);
  });
});
