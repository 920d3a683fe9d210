// The guide's before/after tables are the ground truth: after 「すべて修正」 the data of
// each fixture must equal the cleaned table the guide (or the fixtures README) gives.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixtureBytes } from '../../../test/fixtures.ts';
import { applyChanges } from '../changes.ts';
import { readWorkbook } from '../io/read.ts';
import { type Workbook, getValue } from '../model.ts';
import { planFixAll } from './runFixes.ts';

function cleaned(name: string): Workbook {
  const { workbook } = readWorkbook(fixtureBytes(name), name);
  applyChanges(workbook, planFixAll(workbook));
  return workbook;
}

const guideTable = fs
  .readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '../../../test/fixtures/population-level1.tsv'), 'utf8')
  .trim()
  .split('\n')
  .map((line) => line.split('\t'));

describe('population.xlsx after すべて修正 equals the guide\'s Level 1 table', () => {
  const wb = cleaned('population.xlsx');
  const sheet = wb.sheets[0];

  it('one title row and 48 data rows of 9 columns', () => {
    expect(sheet.rowCount).toBe(49);
    expect(sheet.columns).toHaveLength(9);
  });

  it('every data cell, cell for cell (48 × 9)', () => {
    const expected = guideTable.slice(2); // title row and unit row of the guide come first
    expect(expected).toHaveLength(48);
    for (let i = 0; i < 48; i++) {
      const r = i + 1;
      expect(getValue(sheet, r, 0), `row ${r + 1} name`).toBe(expected[i][0]);
      for (let c = 1; c < 9; c++) {
        const want = Number(expected[i][c]);
        const got = getValue(sheet, r, c);
        expect(typeof got, `${expected[i][0]} column ${c + 1}`).toBe('number');
        expect(got, `${expected[i][0]} column ${c + 1}`).toBeCloseTo(want, 10);
      }
    }
  });
});

describe('shelters-sjis.csv after すべて修正 (fixtures README)', () => {
  const sheet = cleaned('shelters-sjis.csv').sheets[0];
  const column = (c: number) => Array.from({ length: sheet.rowCount - 1 }, (_, i) => getValue(sheet, i + 1, c));

  it('capacities as integers, － kept as a special symbol, 約 kept as a note', () => {
    expect(column(3)).toEqual([1200, 850, 300, 120, 60, '－']);
    expect(sheet.columns[3].notes?.[3]).toContain('約');
  });

  it('dates in 西暦', () => {
    expect(column(4)).toEqual(['2019-04-01', '2018-03-31', '2019-05-01', '2020-10-01', '2023-04-01', '1988-07-01']);
  });

  it('addresses unchanged apart from full-width digits', () => {
    expect(column(2)).toEqual(['中央町1-2-3', '北町4-5', '本町1-1', '南町2丁目3番地', '東町5-6-7', '西町8-9']);
  });
});

describe('crushed-stone.xlsx after すべて修正 (fixtures README)', () => {
  const wb = cleaned('crushed-stone.xlsx');

  it('two tables; periods in 西暦 with months placed in their year; ... kept; unit t ×1000', () => {
    expect(wb.sheets).toHaveLength(2);
    const [t1, t2] = wb.sheets;
    const a = (s: (typeof wb.sheets)[number]) => Array.from({ length: s.rowCount }, (_, r) => getValue(s, r, 0));
    expect(a(t1)).toEqual([
      '年月', '2010年', '2011年', '2010年度', '2011年度', '2011年7-9月', '2011年7月', '2011年8月', '2011年9月',
      '2011年10-12月', '2011年10月', '2011年11月', '2011年12月', '2012年1-3月', '2012年1月', '2012年2月', '2012年3月',
    ]);
    expect(a(t2)).toEqual(['年月', '2010年', '2011年', '2011年7-9月', '2011年7月', '2011年8月', '2011年9月']);
    expect(getValue(t1, 6, 1)).toBe('...'); // not surveyed: kept, not 0
    expect(t1.meta?.columns[1]).toEqual({ unit: 't', baseval: 1000 });
    expect(t1.columns).toHaveLength(8); // the repeated 年 月 column is gone
  });
});
