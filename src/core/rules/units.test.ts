import { corpusWorkbook, itWithCorpus } from '../../../test/corpus.ts';
import { SheetAnalyzer } from '../analysis/analyse.ts';
import { describe, expect, it } from 'vitest';
import { fixtureBytes } from '../../../test/fixtures.ts';
import { sheetFromRows, tableOf, viewOf } from '../../../test/sheets.ts';
import { buildSheetView } from '../analysis/view.ts';
import { type Change } from '../changes.ts';
import { readWorkbook } from '../io/read.ts';
import { type CellValue, type Sheet, cellAddress, getValue, newSheet, rangeAddress, setCell } from '../model.ts';
import { detectStructure } from '../structure/detect.ts';
import type { ColumnKind } from '../structure/types.ts';
import type { FixOptions, SheetView, Violation } from './types.ts';
import { tableUnits, unitsRule } from './units.ts';
import { applyFixChecked } from '../../../test/ruleHarness.ts';
import { type ExpectedFinding, findingsOfCase, ruleTester } from '../../../test/ruleTester.ts';
import { LINEAR, countingView, growth } from '../../../test/workCount.ts';

function sheetOf(name: string): Sheet {
  return readWorkbook(fixtureBytes(name), name).workbook.sheets[0];
}

function render(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_: string, k: string) => String(params[k] ?? `{${k}}`));
}

const N: ColumnKind = 'number';
const T: ColumnKind = 'text';

describe('units: meta', () => {
  it('has the agreed identity', () => {
    expect(unitsRule.meta).toMatchObject({ id: 'units', level: 1, severity: 'error', family: 'value', guideRef: { guide: '手順8-9 単位記載', soumu: '1-9' } });
    expect(unitsRule.scope).toBe('sheet');
  });

  it('words the message as the guide example does', () => {
    const v = { text: '(1,000人)', unit: '人', scale: 1000 };
    expect(render(unitsRule.meta.messages.unitRowScaled.ja, v)).toBe('「(1,000人)」は単位 人・記数単位 1000 です。単位行・記数単位行に移します。');
    expect(render(unitsRule.meta.messages.unitRow.ja, { text: '(%)', unit: '%' })).toBe('「(%)」は単位 % です。単位行に移します。');
  });

  it('ignores text, key and empty columns: the rule does not apply to such a table', () => {
    const sheet = sheetFromRows([
      ['コード', '名称', '備考'],
      [101, 'a', 'x'],
    ]);
    expect(unitsRule.applies!(viewOf(sheet, [tableOf(sheet, { headerRows: [0, 0], keyColumns: [0], kinds: [N, T, 'empty'] })]))).toBe(false);
  });
});

type UnitsMessage = keyof typeof unitsRule.meta.messages;
const at = (cell: string, messageId: UnitsMessage, more: Omit<ExpectedFinding<typeof unitsRule.meta.messages>, 'messageId' | 'at'> = {}) => ({ messageId, at: cell, ...more });

/** population.xlsx with its table given by hand (caption, three header rows of which the last is units, notes). */
function populationTable(notes: boolean) {
  const sheet = sheetOf('population.xlsx');
  const t = tableOf(sheet, {
    captionRows: [0],
    headerRows: [2, 4],
    unitRows: [4],
    dataRows: [5, 52],
    ...(notes ? { noteRows: [54, 55, 56, 57] } : {}),
    kinds: [T, N, N, N, N, N, N, N, N],
  });
  return viewOf(sheet, [t]);
}

ruleTester(unitsRule, {
  valid: [
    {
      name: 'text, key and empty columns, and tables with nothing to say',
      rows: [
        ['コード', '名称', '備考'],
        [101, 'a', 'x'],
      ],
      tables: [{ headerRows: [0, 0], keyColumns: [0], kinds: [N, T, 'empty'] }],
    },
  ],
  invalid: [
    {
      name: 'each cell of a unit row inside the header, with unit and scale',
      rows: [
        ['地域', '人口', '増減率', '世帯数'],
        [null, '(1,000人)', '(%)', '(千世帯)'],
        ['A市', 100, 1.5, 40],
        ['B市', 200, -0.5, 80],
      ],
      tables: [{ headerRows: [0, 1], unitRows: [1], kinds: [T, N, N, N] }],
      readingOrder: true,
      errors: [
        at('B2', 'unitRowScaled', { fixId: 'move', paramsLike: { text: '(1,000人)', unit: '人', scale: 1000 } }),
        at('C2', 'unitRow', { params: { text: '(%)', unit: '%' } }),
        at('D2', 'unitRowScaled', { paramsLike: { unit: '世帯', scale: 1000 } }),
      ],
    },
    {
      name: 'the same unit after every label of a label column (e-Stat 表章項目: 人口【千人】) is the unit of the numbers',
      rows: [
        ['表章項目', '地域', '2015年', '2016年'],
        ['人口【千人】', '全国', 127095, 126933],
        ['人口【千人】', '北海道', 5382, 5352],
        ['人口【千人】', '青森県', 1308, 1293],
      ],
      tables: [{ headerRows: [0, 0], keyColumns: [0, 1], kinds: [T, T, N, N] }],
      errors: [at('A2', 'labelScaled', { fixId: 'move', paramsLike: { text: '【千人】', unit: '人', scale: 1000, col: 'A' } })],
      output: {
        rows: [
          ['表章項目', '地域', '2015年', '2016年'],
          ['人口', '全国', 127095, 126933],
          ['人口', '北海道', 5382, 5352],
          ['人口', '青森県', 1308, 1293],
        ],
        check: (view) => expect(view.sheet.meta?.columns.slice(2).map((c) => c?.baseval)).toEqual([1000, 1000]),
      },
    },
    {
      name: 'labels with units of their own rows (人口【千人】, 割合【%】) give no unit for the columns',
      rows: [
        ['表章項目', '2015年', '2016年'],
        ['人口【千人】', 127095, 126933],
        ['割合【%】', 1.5, 1.4],
      ],
      tables: [{ headerRows: [0, 0], keyColumns: [0], kinds: [T, N, N]}],
      // Only the columns' own missing units: no unit is taken from the labels.
      errors: [at('B1', 'missing'), at('C1', 'missing')],
    },
    {
      name: 'bare units in a unit row (千円, %)',
      rows: [
        ['項目', '金額', '割合'],
        [null, '千円', '%'],
        ['a', 1, 2],
      ],
      tables: [{ headerRows: [0, 0], unitRows: [1], dataRows: [2, 2], kinds: [T, N, N] }],
      readingOrder: true,
      errors: [at('B2', 'unitRowScaled'), at('C2', 'unitRow')],
    },
    {
      name: 'units inside titles, the title kept without them',
      rows: [
        ['産業', '従業者数\n(人)', '出荷額\n(百万円)', '人口密度\n(人/km²)　2)', '指数 (H17=100)'],
        ['a', 1, 2, 3, 4],
      ],
      tables: [{ headerRows: [0, 0], kinds: [T, N, N, N, N] }],
      readingOrder: true,
      errors: [
        at('B1', 'title', { paramsLike: { text: '(人)', unit: '人', title: '従業者数' } }),
        at('C1', 'titleScaled', { paramsLike: { text: '(百万円)', unit: '円', scale: 1_000_000, title: '出荷額' } }),
        at('D1', 'title', { paramsLike: { text: '(人/km²)', unit: '人/km2', title: '人口密度　2)' } }),
        at('E1', 'missingRatio', { params: { col: 'E', title: '指数 (H17=100)' }, fixId: null }),
      ],
    },
    {
      name: 'a header cell holding only a unit is a unit cell even without a unit row',
      rows: [
        ['区分', '人口'],
        [null, '(千人)'],
        ['a', 1],
      ],
      tables: [{ headerRows: [0, 1], kinds: [T, N] }],
      errors: [at('B2', 'unitRowScaled')],
    },
    {
      name: 'a caption unit note states the unit of every numeric column',
      rows: [
        ['表1 歳出', null, '（単位：千円）'],
        ['款', '予算額', '決算額'],
        ['総務費', 100, 90],
      ],
      tables: [{ captionRows: [0], headerRows: [1, 1], kinds: [T, N, N] }],
      errors: [at('C1', 'tableScaled', { params: { text: '（単位：千円）', unit: '円', scale: 1000 } })],
    },
    {
      name: 'a 単位： note in a note row counts; other note text does not',
      rows: [['款', '決算額'], ['総務費', 90], ['単位：千円'], ['1) 基本単位区（人口密度が1km²当たり約4,000人以上）']],
      tables: [{ headerRows: [0, 0], dataRows: [1, 1], noteRows: [2, 3], kinds: [T, N] }],
      errors: [at('A3', 'tableScaled')],
    },
    {
      name: 'a unit in a merged parent title covers its child columns',
      rows: [
        ['地域', '出荷額（千円）', null],
        [null, '国内', '海外'],
        ['a', 1, 2],
      ],
      sheet: { merges: ['B1:C1', 'A1:A2'] },
      tables: [{ headerRows: [0, 1], kinds: [T, N, N] }],
      errors: [at('B1', 'titleScaled')],
    },
    {
      name: 'numeric columns with no unit anywhere, at their lowest header cell; 収容人数 states its unit in its values (number-as-text moves it)',
      rows: [
        ['地域', '人口', '性比', '収容人数'],
        [null, '(人)', null, null],
        ['a', 1, 95.1, '850人'],
        ['b', 2, 96.3, '約300人'],
      ],
      sheet: { merges: ['C1:C2'] },
      tables: [{ headerRows: [0, 1], unitRows: [1], kinds: [T, N, N, N] }],
      readingOrder: true,
      errors: [at('C1', 'missingRatio', { params: { col: 'C', title: '性比' } }), at('B2', 'unitRow')],
    },
    {
      name: 'a missing unit worded by what the title says: generic, count, ratio; identifiers and English scales skipped',
      rows: [
        ['地域', '金額', '世帯数', '消費者物価指数 (2020=100)', 'No.', 'Adjusted Gross Income (In Thousands)', 'Number of Returns'],
        ['a', 1, 2, 101.2, 1, 5, 6],
      ],
      tables: [{ headerRows: [0, 0], kinds: [T, N, N, N, N, N, N] }],
      readingOrder: true,
      errors: [at('B1', 'missing', { params: { col: 'B', title: '金額' } }), at('C1', 'missingCount'), at('D1', 'missingRatio'), at('G1', 'missingCount')],
    },
    {
      name: 'the ratio hint from a merged parent title',
      rows: [
        ['年', 'CI指数 (H17=100)', null],
        [null, '先行', '一致'],
        [2010, 101.1, 102.2],
      ],
      sheet: { merges: ['B1:C1', 'A1:A2'] },
      tables: [{ headerRows: [0, 1], kinds: ['period', N, N] }],
      readingOrder: true,
      errors: [at('B2', 'missingRatio'), at('C2', 'missingRatio')],
    },
    {
      name: 'notes in brackets are not units',
      rows: [['（各月1日現在）'], ['区分', '人口増減率\n(平成12～17年)', '人口性比\n(女性100に\n対する男性)'], [null, '(%)', null], ['a', 1, 2]],
      tables: [{ captionRows: [0], headerRows: [1, 2], unitRows: [2], kinds: [T, N, N] }],
      readingOrder: true,
      errors: [at('C2', 'missingRatio'), at('B3', 'unitRow')],
    },
    {
      name: 'population.xlsx: six unit-row cells, the density title, and 人口性比 without a unit',
      view: () => {
        const view = populationTable(true);
        expect(unitsRule.applies!(view)).toBe(true);
        return view;
      },
      readingOrder: true,
      // The guide's Baseval / Unit rows: 1000 on the population columns, % on the rates, /km2 on density.
      errors: [
        // G3 人口性比 (女性100に対する男性): the guide's Level 2 table leaves its unit blank
        at('G3', 'missingRatio', { params: { col: 'G', title: '人口性比 (女性100に 対する男性)' } }),
        at('H3', 'title', { params: { text: '(人/km²)', unit: '人/km2', title: '人口密度　2)' } }), // 人口密度\n(人/km²)　2)
        ...['B5', 'C5', 'D5'].map((c) => at(c, 'unitRowScaled', { params: { text: '(1,000人)', unit: '人', scale: 1000 } })),
        at('E5', 'unitRow', { params: { text: '(%)', unit: '%' } }),
        at('F5', 'unitRowScaled', { params: { text: '(1,000人)', unit: '人', scale: 1000 } }),
        at('I5', 'unitRow', { params: { text: '(%)', unit: '%' } }),
      ],
    },
    {
      name: 'population.xlsx without its note rows: the same',
      view: () => populationTable(false),
      errors: 8,
    },
    {
      name: 'industry.xlsx: five titles with units, 事業所数 without one',
      view: () => {
        const sheet = sheetOf('industry.xlsx');
        return viewOf(sheet, [tableOf(sheet, { captionRows: [0, 1, 2], headerRows: [3, 3], dataRows: [4, 36], kinds: [T, N, N, N, N, N, N] })]);
      },
      readingOrder: true,
      errors: [
        at('B4', 'missingCount'), // 事業所数: a count, whose unit the guide leaves blank
        at('C4', 'title', { params: { text: '(人)', unit: '人', title: '従業者数' } }), // 従業者数\n(人)
        at('D4', 'titleScaled', { params: { text: '(百万円)', unit: '円', scale: 1_000_000, title: '現金給与\n総額' } }), // 現金給与\n総額\n(百万円)
        at('E4', 'titleScaled'), // 原材料\n使用額等\n(百万円)
        at('F4', 'titleScaled'), // 製造品\n出荷額等\n(百万円)
        at('G4', 'titleScaled', { paramsLike: { title: '付加価値額\n(従業者29人\n以下は粗付\n加価値額)' } }), // 付加価値額…(百万円)
      ],
    },
    {
      name: 'crushed-stone.xlsx: (単位:千ト) in each caption, and no column left without a unit',
      view: () => {
        const sheet = sheetOf('crushed-stone.xlsx');
        const P: ColumnKind = 'period';
        const t1 = tableOf(sheet, { captionRows: [0, 1], headerRows: [2, 3], dataRows: [4, 19], columns: [0, 8], keyColumns: [0, 8], kinds: [P, N, N, N, N, N, N, N, P] }, 't1');
        const t2 = tableOf(sheet, { captionRows: [21], headerRows: [22, 22], dataRows: [23, 28], columns: [0, 6], kinds: [P, N, N, N, N, N, N] }, 't2');
        return viewOf(sheet, [t1, t2]);
      },
      readingOrder: true,
      errors: ['H2', 'G22'].map((c) => at(c, 'tableScaled', { params: { text: '(単位:千ト)', unit: 't', scale: 1000 } })),
    },
  ],
});

describe('tableUnits: the unit and scale of each column, for the fix and the Level 2 export', () => {
  const summary = (u: ReturnType<typeof tableUnits>) =>
    Object.fromEntries([...u.columns].sort((a, b) => a[0] - b[0]).map(([c, x]) => [c, x.units.map((s) => [s.unit, s.scale ?? null, x.from.kind])]));

  it('population.xlsx: Baseval 1000 on the population columns, % on the rates, 人/km2 on density', () => {
    const sheet = sheetOf('population.xlsx');
    const t = tableOf(sheet, { captionRows: [0], headerRows: [2, 4], unitRows: [4], dataRows: [5, 52], kinds: [T, N, N, N, N, N, N, N, N] });
    const u = tableUnits(viewOf(sheet, [t]), t);
    expect(summary(u)).toEqual({
      1: [['人', 1000, 'unitRow']],
      2: [['人', 1000, 'unitRow']],
      3: [['人', 1000, 'unitRow']],
      4: [['%', null, 'unitRow']],
      5: [['人', 1000, 'unitRow']],
      7: [['人/km2', null, 'title']],
      8: [['%', null, 'unitRow']],
    });
    expect(u.missing).toEqual([{ c: 6, title: '人口性比 (女性100に 対する男性)', unitless: 'ratio' }]);
    expect(u.columns.get(7)!.from.expr).toMatchObject({ title: '人口密度　2)', footnote: '2)' });
  });

  it('crushed-stone.xlsx: 千ト gives t ×1000 to every numeric column of each table', () => {
    const sheet = sheetOf('crushed-stone.xlsx');
    const P: ColumnKind = 'period';
    const t2 = tableOf(sheet, { captionRows: [21], headerRows: [22, 22], dataRows: [23, 28], columns: [0, 6], kinds: [P, N, N, N, N, N, N] }, 't2');
    const u = tableUnits(viewOf(sheet, [t2]), t2);
    expect([...u.columns.keys()].sort()).toEqual([1, 2, 3, 4, 5, 6]);
    for (const x of u.columns.values()) expect(x.units.map((s) => [s.unit, s.scale, x.from.r, x.from.c])).toEqual([['t', 1000, 21, 6]]);
    expect(u.missing).toEqual([]);
  });

  it("a column's own unit wins over the table-wide note", () => {
    const sheet = sheetFromRows([
      ['歳出', null, '（単位：千円）'],
      ['款', '決算額', '構成比\n(%)'],
      ['総務費', 100, 12.5],
    ]);
    const t = tableOf(sheet, { captionRows: [0], headerRows: [1, 1], kinds: [T, N, N] });
    const u = tableUnits(viewOf(sheet, [t]), t);
    expect(summary(u)).toEqual({ 1: [['円', 1000, 'table']], 2: [['%', null, 'title']] });
    expect(u.findings.map((f) => [f.r, f.c, f.kind, f.columns])).toEqual([
      [0, 2, 'table', [1]],
      [1, 2, 'title', [2]],
    ]);
  });
});

// --- fix ---------------------------------------------------------------------------------

const applyFix = (view: SheetView, options: FixOptions = {}): Change[] => applyFixChecked(unitsRule, view, options);

/** The violations a fix could still act on. */
const fixable = (vs: Violation[]) => vs.filter((v) => v.fixId !== undefined);

/** The rows of a sheet as plain values. */
function grid(sheet: Sheet): CellValue[][] {
  const out: CellValue[][] = [];
  for (let r = 0; r < sheet.rowCount; r++) out.push(sheet.columns.map((_, c) => getValue(sheet, r, c)));
  return out;
}

const fixtureSheetView = (name: string): SheetView => {
  const sheet = sheetOf(name);
  return buildSheetView(sheet, false, detectStructure(sheet));
};
const redetect = (sheet: Sheet): SheetView => buildSheetView(sheet, false, detectStructure(sheet));

describe('units fix: unit rows', () => {
  it('moves a unit row inside the header to the metadata and deletes it; merges crossing it get one row shorter', () => {
    const sheet = sheetFromRows(
      [
        ['地域', '人口', null, '増減率', '世帯数', '性比'],
        [null, '総数', '男', null, null, null],
        [null, '(1,000人)', '(1,000人)', '(%)', '(千世帯)', null],
        ['A市', 100, 50, 1.5, 40, 95.1],
        ['B市', 200, 99, -0.5, 80, 96.2],
      ],
      { merges: ['A1:A3', 'B1:C1', 'D1:D3', 'E1:E2', 'F1:F3'] },
    );
    const view = viewOf(sheet, [tableOf(sheet, { headerRows: [0, 2], unitRows: [2], kinds: [T, N, N, N, N, N] })]);
    const changes = applyFix(view);
    expect(changes.map((c) => c.kind)).toEqual(['meta', 'merge', 'merge', 'merge', 'rows', 'merge', 'merge', 'merge']);
    expect(grid(sheet)).toEqual([
      ['地域', '人口', null, '増減率', '世帯数', '性比'],
      [null, '総数', '男', null, null, null],
      ['A市', 100, 50, 1.5, 40, 95.1],
      ['B市', 200, 99, -0.5, 80, 96.2],
    ]);
    // A1:A3 and D1:D3 keep their title over the two header rows left; E1:E2 does not cross
    // row 3 and stays; F1:F3 as well is shortened.
    expect(sheet.merges.map((m) => [m.s.r, m.s.c, m.e.r, m.e.c]).sort()).toEqual([
      [0, 0, 1, 0],
      [0, 1, 0, 2],
      [0, 3, 1, 3],
      [0, 4, 1, 4],
      [0, 5, 1, 5],
    ]);
    expect(sheet.meta).toEqual({ notes: [], columns: [undefined, { baseval: 1000 }, { baseval: 1000 }, { unit: '%' }, { baseval: 1000 }] });
    // Re-detected on the fixed sheet: nothing left to move, and the counts are not "missing".
    const again = viewOf(sheet, [tableOf(sheet, { headerRows: [0, 1], kinds: [T, N, N, N, N, N] })]);
    expect(findingsOfCase(unitsRule, again).map((v) => [v.range.s.c, v.messageId])).toEqual([[5, 'missingRatio']]);
    expect(unitsRule.fix!(again, {})).toEqual([]);
  });

  it('removes a merge lying inside the unit row with the row', () => {
    const sheet = sheetFromRows(
      [
        ['地域', '男', '女'],
        [null, '(人)', null],
        ['A市', 1, 2],
      ],
      { merges: ['B2:C2'] },
    );
    const view = viewOf(sheet, [tableOf(sheet, { headerRows: [0, 1], unitRows: [1], kinds: [T, N, N] })]);
    const changes = applyFix(view);
    expect(changes.map((c) => c.kind)).toEqual(['merge', 'rows']);
    expect(sheet.merges).toEqual([]);
    expect(grid(sheet)).toEqual([
      ['地域', '男', '女'],
      ['A市', 1, 2],
    ]);
    expect(sheet.meta).toBeUndefined(); // 人 is a counter without scale: nothing to record (guide: Unit blank)
  });

  it('keeps a unit row that holds anything besides units, taking out only the units', () => {
    const sheet = sheetFromRows([
      ['地域', '人口', '面積'],
      ['単位', '(千人)', 'km²'],
      ['A市', 1, 2],
    ]);
    const view = viewOf(sheet, [tableOf(sheet, { headerRows: [0, 1], unitRows: [1], kinds: [T, N, N] })]);
    applyFix(view);
    expect(grid(sheet)).toEqual([
      ['地域', '人口', '面積'],
      ['単位', null, null],
      ['A市', 1, 2],
    ]);
    expect(sheet.meta?.columns).toEqual([undefined, { baseval: 1000 }, { unit: 'km2' }]);
  });

  it('empties a header cell that holds nothing but a unit when there is no unit row', () => {
    const sheet = sheetFromRows([
      ['地域', '人口', '面積'],
      [null, '(千人)', '総面積(km²)'],
      ['A市', 1, 2],
    ]);
    const view = viewOf(sheet, [tableOf(sheet, { headerRows: [0, 1], kinds: [T, N, N] })]);
    applyFix(view);
    expect(grid(sheet)).toEqual([
      ['地域', '人口', '面積'],
      [null, null, '総面積'],
      ['A市', 1, 2],
    ]);
    expect(sheet.meta?.columns).toEqual([undefined, { baseval: 1000 }, { unit: 'km2' }]);
  });

  it('never deletes a row that carries cells of another table beside it', () => {
    const sheet = sheetFromRows([
      ['地域', '人口', null, '区分', '件数'],
      [null, '(千人)', null, 'x', 'y'],
      ['A市', 1, null, 'p', 3],
    ]);
    const view = viewOf(sheet, [tableOf(sheet, { headerRows: [0, 1], unitRows: [1], columns: [0, 1], kinds: [T, N] })]);
    applyFix(view);
    expect(sheet.rowCount).toBe(3);
    expect(grid(sheet)[1]).toEqual([null, null, null, 'x', 'y']);
  });
});

describe('units fix: titles and table-wide notes', () => {
  it('takes the unit out of the title, keeping the rest and the footnote mark', () => {
    const sheet = sheetFromRows([
      ['地域', '人口密度\n(人/km²)　2)', '従業者数\n(人)', '現金給与\n総額\n(百万円)', '付加価値額\n(従業者29人\n以下は粗付\n加価値額)\n(百万円)'],
      ['A市', 1, 2, 3, 4],
    ]);
    const view = viewOf(sheet, [tableOf(sheet, { headerRows: [0, 0], kinds: [T, N, N, N, N] })]);
    const changes = applyFix(view);
    expect(changes.map((c) => c.kind)).toEqual(['cell', 'cell', 'cell', 'cell', 'meta']);
    expect(grid(sheet)[0]).toEqual(['地域', '人口密度　2)', '従業者数', '現金給与\n総額', '付加価値額\n(従業者29人\n以下は粗付\n加価値額)']);
    expect(sheet.meta?.columns).toEqual([undefined, { unit: '/km2' }, undefined, { unit: '円', baseval: 1e6 }, { unit: '円', baseval: 1e6 }]);
    expect(fixable(findingsOfCase(unitsRule, viewOf(sheet, [tableOf(sheet, { headerRows: [0, 0], kinds: [T, N, N, N, N] })])))).toEqual([]);
  });

  it("option counterUnits 'unit' writes the counter in the Unit row", () => {
    const sheet = sheetFromRows([
      ['地域', '人口\n(1,000人)', '人口密度\n(人/km²)', '従業者数\n(人)'],
      ['A市', 1, 2, 3],
    ]);
    const view = viewOf(sheet, [tableOf(sheet, { headerRows: [0, 0], kinds: [T, N, N, N] })]);
    applyFix(view, { counterUnits: 'unit' });
    expect(sheet.meta?.columns).toEqual([undefined, { unit: '人', baseval: 1000 }, { unit: '人/km2' }, { unit: '人' }]);
  });

  it('a caption note gives every numeric column without its own unit its unit and scale, and leaves the caption', () => {
    const sheet = sheetFromRows([
      ['歳出決算 (単位：千円)', null, null, null],
      ['款', '決算額', '予算額', '構成比\n(%)'],
      ['総務費', 100, 120, 12.5],
    ]);
    const t = tableOf(sheet, { captionRows: [0], headerRows: [1, 1], kinds: [T, N, N, N] });
    applyFix(viewOf(sheet, [t]));
    expect(grid(sheet)[0]).toEqual(['歳出決算', null, null, null]);
    expect(grid(sheet)[1]).toEqual(['款', '決算額', '予算額', '構成比']);
    expect(sheet.meta?.columns).toEqual([undefined, { unit: '円', baseval: 1000 }, { unit: '円', baseval: 1000 }, { unit: '%' }]);
    expect(findingsOfCase(unitsRule, viewOf(sheet, [t]))).toEqual([]);
  });

  it('a caption cell holding only the note becomes empty', () => {
    const sheet = sheetFromRows([
      ['砕石の出荷', null, '(単位:千ト)'],
      ['年 月', '出荷合計', '在庫'],
      ['2010年', 1, 2],
    ]);
    const t = tableOf(sheet, { captionRows: [0], headerRows: [1, 1], kinds: ['period', N, N] });
    const changes = applyFix(viewOf(sheet, [t]));
    expect(changes[0]).toMatchObject({ kind: 'cell', r: 0, c: 2, before: { value: '(単位:千ト)' }, after: { value: null } });
    expect(sheet.meta?.columns).toEqual([undefined, { unit: 't', baseval: 1000 }, { unit: 't', baseval: 1000 }]);
  });

  it('merges into the existing metadata and never overwrites it: a contradicting unit stays where it is', () => {
    const sheet = sheetFromRows([
      ['（単位：千円）', null, null],
      ['区分', '金額', '重量\n(t)'],
      ['A', 1, 2],
    ]);
    sheet.meta = { caption: '表', notes: [{ text: '注' }], columns: [undefined, { datatype: 'xsd:integer' }, { unit: 'kg' }] };
    const t = tableOf(sheet, { captionRows: [0], headerRows: [1, 1], kinds: [T, N, N] });
    const changes = applyFix(viewOf(sheet, [t]));
    expect(changes.filter((c) => c.kind === 'meta')).toHaveLength(1);
    expect(sheet.meta).toEqual({
      caption: '表',
      notes: [{ text: '注' }],
      columns: [undefined, { datatype: 'xsd:integer', unit: '円', baseval: 1000 }, { unit: 'kg' }],
    });
    expect(grid(sheet)[1]).toEqual(['区分', '金額', '重量\n(t)']); // kept: the metadata says kg
    expect(fixable(findingsOfCase(unitsRule, viewOf(sheet, [t]))).map((v) => [v.range.s.r, v.range.s.c])).toEqual([[1, 2]]);
  });

  it('leaves a note with several units (which column has which is not written)', () => {
    const sheet = sheetFromRows([
      ['（単位：人，‰）', null, null],
      ['区', '出生数', '出生率'],
      ['A区', 1, 2],
    ]);
    const t = tableOf(sheet, { captionRows: [0], headerRows: [1, 1], kinds: [T, N, N] });
    expect(unitsRule.fix!(viewOf(sheet, [t]), {})).toEqual([]);
  });

  it('does nothing when there is nothing to move', () => {
    const sheet = sheetFromRows([
      ['地域', '人口性比'],
      ['A市', 95.1],
    ]);
    expect(unitsRule.fix!(viewOf(sheet, [tableOf(sheet, { headerRows: [0, 0], kinds: [T, N] })]), {})).toEqual([]);
  });

  it('offers its option with the guide as the default', () => {
    expect(unitsRule.fixOptions?.counterUnits.default).toBe('blank');
    expect(unitsRule.fixOptions?.counterUnits.choices?.map((c) => c.value)).toEqual(['blank', 'unit']);
  });
});

describe('units fix: guide fixtures', () => {
  it('population.xlsx: Baseval 1000 on B, C, D, F; % on E and I; /km2 on H; the unit row gone', () => {
    const view = fixtureSheetView('population.xlsx');
    const { sheet } = view;
    expect(getValue(sheet, 4, 1)).toBe('(1,000人)');
    applyFix(view);
    expect(sheet.meta?.columns).toEqual([
      undefined,
      { baseval: 1000 },
      { baseval: 1000 },
      { baseval: 1000 },
      { unit: '%' },
      { baseval: 1000 },
      undefined,
      { unit: '/km2' },
      { unit: '%' },
    ]);
    expect(sheet.rowCount).toBe(57);
    expect(grid(sheet)[2]).toEqual([
      '都道府県',
      '平成12年',
      '17年',
      null,
      '人口増減率\n(平成12～17年)',
      '22年',
      '人口性比\n(女性100に\n対する男性)',
      '人口密度　2)',
      '人口増減率\n(平成17～22年)',
    ]);
    expect(grid(sheet)[4].slice(0, 3)).toEqual(['全 国', 126926, 127768]); // data right under the header
    expect(sheet.merges.map((m) => rangeAddress(m)).sort()).toEqual(['A1:I1', 'A3:A4', 'B3:B4', 'C3:D3', 'E3:E4', 'F3:F4', 'G3:G4', 'H3:H4', 'I3:I4']);
    const again = redetect(sheet);
    expect(again.structure.tables[0].unitRows).toEqual([]);
    expect(findingsOfCase(unitsRule, again).map((v) => [cellAddress(v.range.s.r, v.range.s.c), v.messageId])).toEqual([['G3', 'missingRatio']]);
  });

  it('industry.xlsx: titles without units; 円 ×1000000 (and 人 on request)', () => {
    const view = fixtureSheetView('industry.xlsx');
    const { sheet } = view;
    applyFix(view);
    expect(grid(sheet)[3]).toEqual(['産業分類', '事業所数', '従業者数', '現金給与\n総額', '原材料\n使用額等', '製造品\n出荷額等', '付加価値額\n(従業者29人\n以下は粗付\n加価値額)']);
    const yen = { unit: '円', baseval: 1_000_000 };
    expect(sheet.meta?.columns).toEqual([undefined, undefined, undefined, yen, yen, yen, yen]);
    expect(fixable(findingsOfCase(unitsRule, redetect(sheet)))).toEqual([]);
    expect(findingsOfCase(unitsRule, redetect(sheet)).every((v) => v.severity === 'info')).toBe(true); // 事業所数, 従業者数: counts

    const again = fixtureSheetView('industry.xlsx');
    applyFix(again, { counterUnits: 'unit' });
    expect(again.sheet.meta?.columns).toEqual([undefined, undefined, { unit: '人' }, yen, yen, yen, yen]);
  });

  it('crushed-stone.xlsx: t ×1000 on the numeric columns of both tables, the caption notes gone', () => {
    const view = fixtureSheetView('crushed-stone.xlsx');
    const { sheet } = view;
    expect(view.structure.tables).toHaveLength(2);
    const changes = applyFix(view);
    expect(changes.filter((c) => c.kind === 'cell').map((c) => c.kind === 'cell' && [cellAddress(c.r, c.c), c.after.value])).toEqual([
      ['H2', null],
      ['G22', null],
    ]);
    const t = { unit: 't', baseval: 1000 };
    expect(sheet.meta?.columns).toEqual([undefined, t, t, t, t, t, t, t]);
    expect(findingsOfCase(unitsRule, redetect(sheet))).toEqual([]);
  });
});

describe('units fix: performance', () => {
  it('fixes a sheet with a unit row and a caption note with work linear in its rows', () => {
    const work = (rows: number) => {
      const sheet = newSheet('big', 'big', rows, 6);
      setCell(sheet, 0, 0, { value: '統計表 (単位：千円)' });
      const titles = ['地域', '金額A', '金額B', '人口', '率', '面積\n(km²)'];
      titles.forEach((v, c) => setCell(sheet, 1, c, { value: v }));
      ['', '', '', '(千人)', '(%)', ''].forEach((v, c) => v && setCell(sheet, 2, c, { value: v }));
      for (let r = 3; r < rows; r++) {
        setCell(sheet, r, 0, { value: `地域${r}` });
        for (let c = 1; c < 6; c++) setCell(sheet, r, c, { value: r * c });
      }
      const t = tableOf(sheet, { captionRows: [0], headerRows: [1, 2], unitRows: [2], kinds: [T, N, N, N, N, N] });
      const { view, steps } = countingView(viewOf(sheet, [t]));
      expect(unitsRule.fix!(view, {}).map((c) => c.kind)).toEqual(['cell', 'cell', 'meta', 'rows']);
      return steps();
    };
    expect(growth(work, 5000)).toBeLessThan(LINEAR);
  });
});

describe('units: a header of dates', () => {
  itWithCorpus('date.xlsx (peer linter sample): the missing-unit advisory names the column by the date it shows, not its serial', 'open-data-linter/date.xlsx', () => {
    const wb = corpusWorkbook('open-data-linter/date.xlsx');
    const a = new SheetAnalyzer(wb.sheets[0], wb.date1904).analyse();
    const all = [...a.cellViolations, ...a.sheetViolations].filter((v) => v.ruleId === 'units');
    expect(all.map((v) => v.params?.title)).toContain('2021-10-05');
    expect(all.map((v) => String(v.params?.title))).not.toContain('44474');
  });
});
