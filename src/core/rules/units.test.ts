import { describe, expect, it } from 'vitest';
import { fixtureBytes } from '../../../test/fixtures.ts';
import { sheetFromRows, tableOf, viewOf } from '../../../test/sheets.ts';
import { readWorkbook } from '../io/read.ts';
import type { Sheet } from '../model.ts';
import type { ColumnKind } from '../structure/types.ts';
import type { Violation } from './types.ts';
import { tableUnits, unitsRule } from './units.ts';

function sheetOf(name: string): Sheet {
  return readWorkbook(fixtureBytes(name), name).workbook.sheets[0];
}

/** [r, c, messageId] of each violation, in reading order. */
function cells(vs: Violation[]): [number, number, string][] {
  return vs
    .map((v): [number, number, string] => [v.range.s.r, v.range.s.c, v.messageId])
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

function render(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
}

const N: ColumnKind = 'number';
const T: ColumnKind = 'text';

describe('units: meta', () => {
  it('has the agreed identity and every message in both languages', () => {
    const { meta } = unitsRule;
    expect(meta).toMatchObject({ id: 'units', level: 1, severity: 'error', family: 'value', guideRef: { guide: '手順8-9 単位記載', soumu: '1-9' } });
    expect(unitsRule.scope).toBe('sheet');
    for (const m of Object.values(meta.messages)) {
      expect(m.ja).not.toBe('');
      expect(m.en).not.toBe('');
    }
  });

  it('words the message as the guide example does', () => {
    const v = { text: '(1,000人)', unit: '人', scale: 1000 };
    expect(render(unitsRule.meta.messages.unitRowScaled.ja, v)).toBe('「(1,000人)」は単位 人・記数単位 1000 です。単位行・記数単位行に移します。');
    expect(render(unitsRule.meta.messages.unitRow.ja, { text: '(%)', unit: '%' })).toBe('「(%)」は単位 % です。単位行に移します。');
  });
});

describe('units: hand-written tables', () => {
  it('reports each cell of a unit row inside the header, with unit and scale', () => {
    const sheet = sheetFromRows([
      ['地域', '人口', '増減率', '世帯数'],
      [null, '(1,000人)', '(%)', '(千世帯)'],
      ['A市', 100, 1.5, 40],
      ['B市', 200, -0.5, 80],
    ]);
    const view = viewOf(sheet, [tableOf(sheet, { headerRows: [0, 1], unitRows: [1], kinds: [T, N, N, N] })]);
    const vs = unitsRule.detect(view);
    expect(cells(vs)).toEqual([
      [1, 1, 'unitRowScaled'],
      [1, 2, 'unitRow'],
      [1, 3, 'unitRowScaled'],
    ]);
    expect(vs[0]).toMatchObject({ ruleId: 'units', sheetId: 's1', fixId: 'move', params: { text: '(1,000人)', unit: '人', scale: 1000 } });
    expect(vs[1].params).toEqual({ text: '(%)', unit: '%' });
    expect(vs[2].params).toMatchObject({ unit: '世帯', scale: 1000 });
  });

  it('reads bare units in a unit row (千円, %)', () => {
    const sheet = sheetFromRows([
      ['項目', '金額', '割合'],
      [null, '千円', '%'],
      ['a', 1, 2],
    ]);
    const view = viewOf(sheet, [tableOf(sheet, { headerRows: [0, 0], unitRows: [1], dataRows: [2, 2], kinds: [T, N, N] })]);
    expect(cells(unitsRule.detect(view))).toEqual([
      [1, 1, 'unitRowScaled'],
      [1, 2, 'unitRow'],
    ]);
  });

  it('reports units inside titles and keeps the title without them', () => {
    const sheet = sheetFromRows([
      ['産業', '従業者数\n(人)', '出荷額\n(百万円)', '人口密度\n(人/km²)　2)', '指数 (H17=100)'],
      ['a', 1, 2, 3, 4],
    ]);
    const view = viewOf(sheet, [tableOf(sheet, { headerRows: [0, 0], kinds: [T, N, N, N, N] })]);
    const vs = unitsRule.detect(view);
    expect(cells(vs)).toEqual([
      [0, 1, 'title'],
      [0, 2, 'titleScaled'],
      [0, 3, 'title'],
      [0, 4, 'missingRatio'],
    ]);
    expect(vs[0].params).toMatchObject({ text: '(人)', unit: '人', title: '従業者数' });
    expect(vs[1].params).toMatchObject({ text: '(百万円)', unit: '円', scale: 1_000_000, title: '出荷額' });
    expect(vs[2].params).toMatchObject({ text: '(人/km²)', unit: '人/km2', title: '人口密度　2)' });
    expect(vs[3].params).toEqual({ col: 'E', title: '指数 (H17=100)' });
    expect(vs[3].fixId).toBeUndefined();
  });

  it('a header cell holding only a unit is a unit cell even without a unit row', () => {
    const sheet = sheetFromRows([
      ['区分', '人口'],
      [null, '(千人)'],
      ['a', 1],
    ]);
    const view = viewOf(sheet, [tableOf(sheet, { headerRows: [0, 1], kinds: [T, N] })]);
    expect(cells(unitsRule.detect(view))).toEqual([[1, 1, 'unitRowScaled']]);
  });

  it('a caption unit note states the unit of every numeric column', () => {
    const sheet = sheetFromRows([
      ['表1 歳出', null, '（単位：千円）'],
      ['款', '予算額', '決算額'],
      ['総務費', 100, 90],
    ]);
    const view = viewOf(sheet, [tableOf(sheet, { captionRows: [0], headerRows: [1, 1], kinds: [T, N, N] })]);
    const vs = unitsRule.detect(view);
    expect(cells(vs)).toEqual([[0, 2, 'tableScaled']]);
    expect(vs[0].params).toEqual({ text: '（単位：千円）', unit: '円', scale: 1000 });
  });

  it('a 単位： note in a note row counts; other note text does not', () => {
    const sheet = sheetFromRows([
      ['款', '決算額'],
      ['総務費', 90],
      ['単位：千円'],
      ['1) 基本単位区（人口密度が1km²当たり約4,000人以上）'],
    ]);
    const view = viewOf(sheet, [tableOf(sheet, { headerRows: [0, 0], dataRows: [1, 1], noteRows: [2, 3], kinds: [T, N] })]);
    expect(cells(unitsRule.detect(view))).toEqual([[2, 0, 'tableScaled']]);
  });

  it('a unit in a merged parent title covers its child columns', () => {
    const sheet = sheetFromRows(
      [
        ['地域', '出荷額（千円）', null],
        [null, '国内', '海外'],
        ['a', 1, 2],
      ],
      { merges: ['B1:C1', 'A1:A2'] },
    );
    const view = viewOf(sheet, [tableOf(sheet, { headerRows: [0, 1], kinds: [T, N, N] })]);
    expect(cells(unitsRule.detect(view))).toEqual([[0, 1, 'titleScaled']]);
  });

  it('reports numeric columns with no unit anywhere, at their lowest header cell', () => {
    const sheet = sheetFromRows(
      [
        ['地域', '人口', '性比', '収容人数'],
        [null, '(人)', null, null],
        ['a', 1, 95.1, '850人'],
        ['b', 2, 96.3, '約300人'],
      ],
      { merges: ['C1:C2'] },
    );
    const view = viewOf(sheet, [tableOf(sheet, { headerRows: [0, 1], unitRows: [1], kinds: [T, N, N, N] })]);
    const vs = unitsRule.detect(view);
    // 収容人数 states its unit in its values (number-as-text moves it): not missing.
    expect(cells(vs)).toEqual([
      [0, 2, 'missingRatio'],
      [1, 1, 'unitRow'],
    ]);
    expect(vs.find((v) => v.messageId === 'missingRatio')!.params).toEqual({ col: 'C', title: '性比' });
  });

  it('words a missing unit by what the title says: generic, count, ratio; skips identifiers and English scales', () => {
    const sheet = sheetFromRows([
      ['地域', '金額', '世帯数', '消費者物価指数 (2020=100)', 'No.', 'Adjusted Gross Income (In Thousands)', 'Number of Returns'],
      ['a', 1, 2, 101.2, 1, 5, 6],
    ]);
    const view = viewOf(sheet, [tableOf(sheet, { headerRows: [0, 0], kinds: [T, N, N, N, N, N, N] })]);
    const vs = unitsRule.detect(view);
    expect(cells(vs)).toEqual([
      [0, 1, 'missing'],
      [0, 2, 'missingCount'],
      [0, 3, 'missingRatio'],
      [0, 6, 'missingCount'],
    ]);
    expect(vs[0].params).toEqual({ col: 'B', title: '金額' });
  });

  it('takes the ratio hint from a merged parent title', () => {
    const sheet = sheetFromRows(
      [
        ['年', 'CI指数 (H17=100)', null],
        [null, '先行', '一致'],
        [2010, 101.1, 102.2],
      ],
      { merges: ['B1:C1', 'A1:A2'] },
    );
    const view = viewOf(sheet, [tableOf(sheet, { headerRows: [0, 1], kinds: ['period', N, N] })]);
    expect(cells(unitsRule.detect(view))).toEqual([
      [1, 1, 'missingRatio'],
      [1, 2, 'missingRatio'],
    ]);
  });

  it('ignores text, key and empty columns, and tables with nothing to say', () => {
    const sheet = sheetFromRows([
      ['コード', '名称', '備考'],
      [101, 'a', 'x'],
    ]);
    const view = viewOf(sheet, [tableOf(sheet, { headerRows: [0, 0], keyColumns: [0], kinds: [N, T, 'empty'] })]);
    expect(unitsRule.detect(view)).toEqual([]);
    expect(unitsRule.applies!(view)).toBe(false);
  });

  it('does not take notes in brackets for units', () => {
    const sheet = sheetFromRows([
      ['（各月1日現在）'],
      ['区分', '人口増減率\n(平成12～17年)', '人口性比\n(女性100に\n対する男性)'],
      [null, '(%)', null],
      ['a', 1, 2],
    ]);
    const view = viewOf(sheet, [tableOf(sheet, { captionRows: [0], headerRows: [1, 2], unitRows: [2], kinds: [T, N, N] })]);
    expect(cells(unitsRule.detect(view))).toEqual([
      [1, 2, 'missingRatio'],
      [2, 1, 'unitRow'],
    ]);
  });
});

describe('units: guide fixtures', () => {
  it('population.xlsx: six unit-row cells, the density title, and 人口性比 without a unit', () => {
    const sheet = sheetOf('population.xlsx');
    const t = tableOf(sheet, {
      captionRows: [0],
      headerRows: [2, 4],
      unitRows: [4],
      dataRows: [5, 52],
      noteRows: [54, 55, 56, 57],
      kinds: [T, N, N, N, N, N, N, N, N],
    });
    const view = viewOf(sheet, [t]);
    expect(unitsRule.applies!(view)).toBe(true);
    const vs = unitsRule.detect(view);
    expect(cells(vs)).toEqual([
      [2, 6, 'missingRatio'], // G3 人口性比 (女性100に対する男性): the guide's Level 2 table leaves its unit blank
      [2, 7, 'title'], // H3 人口密度\n(人/km²)　2)
      [4, 1, 'unitRowScaled'], // B5 (1,000人)
      [4, 2, 'unitRowScaled'], // C5
      [4, 3, 'unitRowScaled'], // D5
      [4, 4, 'unitRow'], // E5 (%)
      [4, 5, 'unitRowScaled'], // F5
      [4, 8, 'unitRow'], // I5 (%)
    ]);
    const at = (r: number, c: number) => vs.find((v) => v.range.s.r === r && v.range.s.c === c)!;
    // The guide's Baseval / Unit rows: 1000 on the population columns, % on the rates, /km2 on density.
    for (const c of [1, 2, 3, 5]) expect(at(4, c).params).toEqual({ text: '(1,000人)', unit: '人', scale: 1000 });
    for (const c of [4, 8]) expect(at(4, c).params).toEqual({ text: '(%)', unit: '%' });
    expect(at(2, 7).params).toEqual({ text: '(人/km²)', unit: '人/km2', title: '人口密度　2)' });
    expect(at(2, 6).params).toEqual({ col: 'G', title: '人口性比 (女性100に 対する男性)' });
  });

  it('industry.xlsx: five titles with units, 事業所数 without one', () => {
    const sheet = sheetOf('industry.xlsx');
    const view = viewOf(sheet, [tableOf(sheet, { captionRows: [0, 1, 2], headerRows: [3, 3], dataRows: [4, 36], kinds: [T, N, N, N, N, N, N] })]);
    const vs = unitsRule.detect(view);
    expect(cells(vs)).toEqual([
      [3, 1, 'missingCount'], // B4 事業所数: a count, whose unit the guide leaves blank
      [3, 2, 'title'], // C4 従業者数\n(人)
      [3, 3, 'titleScaled'], // D4 現金給与\n総額\n(百万円)
      [3, 4, 'titleScaled'], // E4 原材料\n使用額等\n(百万円)
      [3, 5, 'titleScaled'], // F4 製造品\n出荷額等\n(百万円)
      [3, 6, 'titleScaled'], // G4 付加価値額…(百万円)
    ]);
    expect(vs.find((v) => v.range.s.c === 2)!.params).toEqual({ text: '(人)', unit: '人', title: '従業者数' });
    expect(vs.find((v) => v.range.s.c === 3)!.params).toEqual({ text: '(百万円)', unit: '円', scale: 1_000_000, title: '現金給与\n総額' });
    expect(vs.find((v) => v.range.s.c === 6)!.params).toMatchObject({ title: '付加価値額\n(従業者29人\n以下は粗付\n加価値額)' });
  });

  it('crushed-stone.xlsx: (単位:千ト) in each caption, and no column left without a unit', () => {
    const sheet = sheetOf('crushed-stone.xlsx');
    const P: ColumnKind = 'period';
    const t1 = tableOf(sheet, { captionRows: [0, 1], headerRows: [2, 3], dataRows: [4, 19], columns: [0, 8], keyColumns: [0, 8], kinds: [P, N, N, N, N, N, N, N, P] }, 't1');
    const t2 = tableOf(sheet, { captionRows: [21], headerRows: [22, 22], dataRows: [23, 28], columns: [0, 6], kinds: [P, N, N, N, N, N, N] }, 't2');
    const vs = unitsRule.detect(viewOf(sheet, [t1, t2]));
    expect(cells(vs)).toEqual([
      [1, 7, 'tableScaled'], // H2
      [21, 6, 'tableScaled'], // G22
    ]);
    for (const v of vs) expect(v.params).toEqual({ text: '(単位:千ト)', unit: 't', scale: 1000 });
  });

  it('all messages render without leftover placeholders', () => {
    const sheet = sheetOf('population.xlsx');
    const t = tableOf(sheet, { captionRows: [0], headerRows: [2, 4], unitRows: [4], dataRows: [5, 52], kinds: [T, N, N, N, N, N, N, N, N] });
    for (const v of unitsRule.detect(viewOf(sheet, [t]))) {
      const m = unitsRule.meta.messages[v.messageId];
      expect(m).toBeDefined();
      expect(render(m.ja, v.params)).not.toMatch(/\{\w+\}/);
      expect(render(m.en, v.params)).not.toMatch(/\{\w+\}/);
      if (v.fixId) expect(unitsRule.meta.messages[v.fixId]).toBeDefined();
    }
  });
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
