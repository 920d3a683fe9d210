// Every rule on every guide fixture, through the whole engine (read → structure →
// rules). The expected findings are written from the fixtures README and the guide's
// before/after tables; the comments say where each number comes from.
import { describe, expect, it } from 'vitest';
import { fixtureBytes } from '../../../test/fixtures.ts';
import { readWorkbook } from '../io/read.ts';
import { cellAddress, getValue, rangeAddress } from '../model.ts';
import type { RuleId, Violation } from '../rules/types.ts';
import { SheetAnalyzer, type SheetAnalysis } from './analyse.ts';

function firstSheet(name: string) {
  return readWorkbook(fixtureBytes(name), name).workbook.sheets[0];
}

function analyse(name: string): SheetAnalysis {
  return new SheetAnalyzer(firstSheet(name), false).analyse();
}

function counts(a: SheetAnalysis): Partial<Record<RuleId, number>> {
  const out: Partial<Record<RuleId, number>> = {};
  for (const r of a.rules) if (r.count > 0) out[r.ruleId] = r.count;
  return out;
}

function where(a: SheetAnalysis, ruleId: RuleId): string[] {
  return [...a.cellViolations, ...a.sheetViolations]
    .filter((v: Violation) => v.ruleId === ruleId)
    .map((v) => (v.range.s.r === v.range.e.r && v.range.s.c === v.range.e.c ? cellAddress(v.range.s.r, v.range.s.c) : rangeAddress(v.range)));
}

const total = (a: SheetAnalysis) => a.rules.reduce((n, r) => n + r.count, 0);

describe('population.xlsx (guide example 1)', () => {
  const a = analyse('population.xlsx');

  it('finds every problem the README lists, per rule', () => {
    expect(counts(a)).toEqual({
      'caption-notes': 5, // caption row 1; notes 55–57; 資料 row 58
      'merged-cells': 9, // A1:I1 and the 8 header merges
      'multi-row-header': 1, // title rows 3–4 (row 5 is the unit row)
      wareki: 5, // 平成12年, 17年, 22年 and the two (平成…～…年) ranges
      'labels-in-values': 3, // a)343.4, and the 1) 2) marks in titles
      'number-as-text': 2, // 1,894.2 and 12,064␣
      units: 8, // six unit-row cells, (人/km²) in a title, 人口性比 has none (advisory)
      'layout-spaces': 52, // 47 spaced names, 5 titles with line breaks (12,064␣ is number-as-text's)
      'region-names': 47, // 46 names short of 県・府・都 (青 森 for 青森県), and no code column
    });
    expect(total(a)).toBe(85 + 47);
  });

  it('points at the exact cells', () => {
    expect(where(a, 'number-as-text')).toEqual(['H17', 'B19']);
    expect(where(a, 'labels-in-values').sort()).toEqual(['D4', 'H3', 'H6']);
    expect(where(a, 'wareki')).toEqual(['B3', 'C3', 'E3', 'F3', 'I3']);
    expect(where(a, 'caption-notes')).toEqual(['A1:I1', 'A55:I55', 'A56:I56', 'A57:I57', 'A58:I58']);
    expect(where(a, 'units').sort()).toEqual(['B5', 'C5', 'D5', 'E5', 'F5', 'G3', 'H3', 'I5']);
    const sheet = firstSheet('population.xlsx');
    const spacedNames: string[] = [];
    for (let r = 5; r <= 52; r++) if (/[\s\u3000]/.test(String(getValue(sheet, r, 0)))) spacedNames.push(cellAddress(r, 0));
    expect(spacedNames).toHaveLength(47);
    expect(where(a, 'layout-spaces').sort()).toEqual([...spacedNames, 'D4', 'E3', 'G3', 'H3', 'I3'].sort());
  });

  it('scores 11 of 20 rules: units fails on its unit text, the 人口性比 advisory alone would not', () => {
    expect(a.rules.find((r) => r.ruleId === 'units')).toMatchObject({ count: 8, failing: 7 });
    expect(a.score).toMatchObject({ passed: 11, applicable: 20 });
  });
});

describe('crushed-stone.xlsx (guide example 3)', () => {
  const a = analyse('crushed-stone.xlsx');

  it('two tables, the repeated 年 月 column, periods in 和暦, ... kept as a symbol', () => {
    expect(counts(a)).toEqual({
      'one-table': 3, // table (1) A1:I20, table (2) A22:G29, column I repeats A
      'caption-notes': 3, // 2. 推 移, (1) …, (2) …
      'merged-cells': 7,
      'multi-row-header': 1, // table (1) only
      wareki: 38, // 16 period labels in A, the same 16 in I, 6 in table (2)
      units: 2, // (単位:千ト) of each table
      'special-symbols': 18, // ... in 総事業所数 and 抽出事業所数 on the 9 monthly rows
      'device-chars': 6, // ①…④ in the titles
      'layout-spaces': 16, // 年 月, 道 路 用, 砕 砂, 平成 22 年 …
    });
    expect(where(a, 'one-table')).toEqual(['A1:I20', 'A22:G29', 'I3:I20']);
    expect(where(a, 'units')).toEqual(['H2', 'G22']);
    expect(where(a, 'special-symbols').every((c) => /^[BC](1[0-9]|20)$/.test(c))).toBe(true);
  });
});

describe('ci-index.xlsx (guide example 4)', () => {
  const a = analyse('ci-index.xlsx');

  it('years written once per year in both year columns, H17 in a title', () => {
    expect(counts(a)).toEqual({
      'omitted-cells': 8, // 22 blank year cells in each of A (和暦) and B (西暦), in 4 runs each
      'merged-cells': 5,
      'caption-notes': 1,
      'multi-row-header': 1,
      wareki: 1, // CI指数 (H17=100); the 和暦 column is allowed next to 西暦
      'layout-spaces': 11, // the line breaks of the bilingual titles
      units: 6, // index columns state no unit: advisories only
    });
    expect(a.rules.find((r) => r.ruleId === 'units')?.failing).toBe(0);
    expect(where(a, 'wareki')).toEqual(['D3']);
    expect(where(a, 'omitted-cells').filter((c) => c.startsWith('A'))).toEqual(['A6', 'A8:A18', 'A20:A26', 'A28:A30']);
  });
});

describe('industry.xlsx (guide example 2)', () => {
  const a = analyse('industry.xlsx');

  it('three merged caption rows and units inside titles; the code–name space is not layout', () => {
    expect(counts(a)).toEqual({
      'caption-notes': 3,
      'merged-cells': 3,
      units: 6, // (人), four (百万円), and 事業所数 (a count: advisory)
      'layout-spaces': 5, // line breaks in the five titles with units
      wareki: 1, // 平成22年 / 平成24(2012)年 in the first caption
    });
    expect(where(a, 'units').sort()).toEqual(['B4', 'C4', 'D4', 'E4', 'F4', 'G4']);
    expect(a.rules.find((r) => r.ruleId === 'units')?.failing).toBe(5);
  });
});

describe('county-income.csv (guide example 5)', () => {
  const a = analyse('county-income.csv');

  it('quoted numbers with thousands separators, nothing else', () => {
    expect(counts(a)).toEqual({
      'number-as-text': 63, // columns E, F and G on all 21 data rows
      units: 2, // counts of returns and exemptions: advisories
    });
    expect(a.score.byLevel[1].passed).toBe(a.score.byLevel[1].applicable - 1);
  });
});

describe('shelters-sjis.csv', () => {
  const a = analyse('shelters-sjis.csv');

  it('capacities as text, mixed era dates, －, ※ marks and full-width digits', () => {
    expect(counts(a)).toEqual({
      'number-as-text': 4, // １，２００人, 850人, 約300人, ６０人 (120 is already a number)
      wareki: 6, // every 指定日
      'labels-in-values': 2, // 約 (approximate) and ※1
      'special-symbols': 1, // －
      'device-chars': 9, // full-width No. 1–6 and three full-width addresses
    });
    expect(where(a, 'wareki')).toEqual(['E2', 'E3', 'E4', 'E5', 'E6', 'E7']);
    expect(where(a, 'special-symbols')).toEqual(['D7']);
  });
});
