import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixtureBytes } from '../../../test/fixtures.ts';
import { corpusWorkbook, itWithCorpus } from '../../../test/corpus.ts';
import { sheetFromRows } from '../../../test/sheets.ts';
import { applyChanges, revertChanges } from '../changes.ts';
import { readWorkbook } from '../io/read.ts';
import { type CellRange, type Workbook, getCell, getProvenance, getValue, sheetById } from '../model.ts';
import { RULES, ruleById } from '../rules/registry.ts';
import { FIX_ORDER, SheetViews, defaultOptions, planFix, planFixAll, viewOfSheet } from './runFixes.ts';

function open(name: string): Workbook {
  return readWorkbook(fixtureBytes(name), name).workbook;
}

/** Every sheet's cells, merges, hidden marks and metadata, for "exactly the same" checks. */
function contents(wb: Workbook): string {
  return JSON.stringify(
    wb.sheets.map((s) => {
      const cells = [];
      for (let r = 0; r < s.rowCount; r++) for (let c = 0; c < s.columns.length; c++) cells.push([getCell(s, r, c), getProvenance(s, r, c)]);
      return { id: s.id, name: s.name, merges: [...s.merges].sort((a, b) => a.s.r - b.s.r || a.s.c - b.s.c), hr: s.hiddenRows, hc: s.hiddenCols, meta: s.meta, cells };
    }),
  );
}

function row(wb: Workbook, sheet: number, r: number): unknown[] {
  const s = wb.sheets[sheet];
  return s.columns.map((_, c) => getValue(s, r, c));
}

describe('structural fixes on the guide fixtures', () => {
  it('merged-cells on population.xlsx: header titles fill across, nothing else changes', () => {
    const wb = open('population.xlsx');
    const before = contents(wb);
    const changes = planFix(wb, 's1', 'merged-cells');
    expect(contents(wb)).toBe(before); // planning leaves the workbook alone
    applyChanges(wb, changes);
    expect(wb.sheets[0].merges).toEqual([]);
    expect(getValue(wb.sheets[0], 2, 3)).toBe('17年'); // C3:D3 → D3 too
    expect(getValue(wb.sheets[0], 3, 0)).toBeNull(); // A3:A5 is a title merged down: not repeated
    revertChanges(wb, changes);
    expect(contents(wb)).toBe(before);
  });

  it('omitted-cells on ci-index.xlsx fills both year columns and nothing else', () => {
    const wb = open('ci-index.xlsx');
    const changes = planFix(wb, 's1', 'omitted-cells');
    applyChanges(wb, changes);
    const s = wb.sheets[0];
    for (let r = 4; r < s.rowCount; r++) {
      expect(getValue(s, r, 0), `A${r + 1}`).not.toBeNull();
      expect(getValue(s, r, 1), `B${r + 1}`).not.toBeNull();
    }
    expect([getValue(s, 5, 0), getValue(s, 5, 1)]).toEqual([21, 2009]);
    expect(changes.every((ch) => ch.kind === 'cell' && ch.before.value === null)).toBe(true);
  });

  it('one-table on crushed-stone.xlsx: two sheets, the repeated 年 月 column dropped', () => {
    const wb = open('crushed-stone.xlsx');
    const before = contents(wb);
    const changes = planFix(wb, 's1', 'one-table');
    applyChanges(wb, changes);
    expect(wb.sheets.map((s) => s.name)).toEqual(['推移', '推移 (2)']);
    const [t1, t2] = wb.sheets;
    expect(t1.rowCount).toBe(20);
    expect(t1.columns).toHaveLength(8); // column I (年 月 again) is gone
    expect(getValue(t2, 0, 0)).toBe('(2) 砕石の出荷(用途別)');
    expect(getValue(t2, 1, 0)).toBe('年 月');
    expect(t2.rowCount).toBe(8);
    revertChanges(wb, changes);
    expect(contents(wb)).toBe(before);
  });

  it('multi-row-header on ci-index.xlsx: one title row, English lines kept in the metadata', () => {
    const wb = open('ci-index.xlsx');
    const changes = planFix(wb, 's1', 'multi-row-header');
    applyChanges(wb, changes);
    const s = wb.sheets[0];
    expect(row(wb, 0, 2)).toEqual(['和暦', '西暦', '月', 'CI指数 (H17=100) 先行指数', 'CI指数 (H17=100) 一致指数', 'CI指数 (H17=100) 遅行指数', 'DI指数 先行指数', 'DI指数 一致指数', 'DI指数 遅行指数']);
    expect(getValue(s, 3, 0)).toBe(21); // data moved up under the single title row
    expect(s.meta?.columns[3]?.titleEn).toBe('Composite Indexes (2005=100) Leading Index');
  });

  it('caption-notes on population.xlsx: caption, notes and source into the metadata; the rows leave', () => {
    const wb = open('population.xlsx');
    applyChanges(wb, planFix(wb, 's1', 'caption-notes'));
    const s = wb.sheets[0];
    expect(s.meta?.caption).toBe('2-2 都道府県別人口と人口増加率');
    expect(s.meta?.notes.map((n) => n.mark ?? '')).toEqual(['', '1)', '2)', 'a)']);
    expect(s.meta?.notes[0].text).toBe('10月1日現在。');
    expect(s.meta?.source).toMatch(/^総務省統計局統計調査部国勢統計課「国勢調査報告」/);
    expect(s.meta?.creator).toBe('総務省統計局統計調査部国勢統計課');
    expect(getValue(s, 0, 0)).toBe('都道府県');
    expect(s.rowCount).toBe(51); // 3 header rows + 48 data rows
  });

  it('hidden: show by default, drop on request', () => {
    const sheet = sheetFromRows([['a', 'b', 'c'], [1, 2, 3], [4, 5, 6]], { hiddenRows: [1], hiddenCols: [2] });
    const wb: Workbook = { source: { fileName: 't', format: 'xlsx', byteLength: 0 }, date1904: false, sheets: [sheet] };
    applyChanges(wb, planFix(wb, 's1', 'hidden'));
    expect([sheet.hiddenRows, sheet.hiddenCols, sheet.rowCount]).toEqual([[], [], 3]);
    const wb2: Workbook = { ...wb, sheets: [sheetFromRows([['a', 'b', 'c'], [1, 2, 3], [4, 5, 6]], { hiddenRows: [1], hiddenCols: [2] })] };
    applyChanges(wb2, planFix(wb2, 's1', 'hidden', { mode: 'drop' }));
    expect(row(wb2, 0, 1)).toEqual([4, 5]);
  });
});

describe('properties', () => {
  /** Random non-overlapping merges on a rows × cols sheet. */
  const merges = (rows: number, cols: number) =>
    fc.array(fc.tuple(fc.nat(rows - 1), fc.nat(cols - 1), fc.nat(3), fc.nat(2)), { maxLength: 6 }).map((list) => {
      const out: CellRange[] = [];
      for (const [r, c, h, w] of list) {
        const m = { s: { r, c }, e: { r: Math.min(rows - 1, r + h), c: Math.min(cols - 1, c + w) } };
        if (m.e.r === m.s.r && m.e.c === m.s.c) continue;
        if (out.some((x) => x.s.r <= m.e.r && m.s.r <= x.e.r && x.s.c <= m.e.c && m.s.c <= x.e.c)) continue;
        out.push(m);
      }
      return out;
    });
  const cell = fc.oneof(fc.constant(null), fc.integer({ min: -1000, max: 100000 }), fc.constantFrom('北区', '人口', '平成 22 年', '1,234', '年'));

  it('unmerging and filling, then undo, is the identity for any sheet with any merges', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 6, maxLength: 6 }), { minLength: 8, maxLength: 8 }), merges(8, 6), (rows, ms) => {
        const sheet = sheetFromRows(rows);
        sheet.merges = ms;
        const wb: Workbook = { source: { fileName: 't', format: 'xlsx', byteLength: 0 }, date1904: false, sheets: [sheet] };
        const before = contents(wb);
        const changes = ruleById('merged-cells')!.fix!(viewOfSheet(sheet, false), {});
        applyChanges(wb, changes);
        expect(sheet.merges).toEqual([]);
        revertChanges(wb, changes);
        expect(contents(wb)).toBe(before);
      }),
      { numRuns: 300 },
    );
  });

  it('fill-down never changes a non-blank cell', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 4, maxLength: 4 }), { minLength: 3, maxLength: 12 }), (rows) => {
        const sheet = sheetFromRows([['年', '月', '地区', '人口'], ...rows]);
        const wb: Workbook = { source: { fileName: 't', format: 'xlsx', byteLength: 0 }, date1904: false, sheets: [sheet] };
        const changes = ruleById('omitted-cells')!.fix!(viewOfSheet(sheet, false), {});
        for (const ch of changes) {
          expect(ch.kind).toBe('cell');
          if (ch.kind === 'cell') expect(ch.before.value).toBeNull();
        }
        applyChanges(wb, changes);
      }),
      { numRuns: 300 },
    );
  });
});

describe('すべて修正', () => {
  it('leaves the workbook as it was, and its list applies and reverts cleanly', () => {
    for (const name of ['population.xlsx', 'crushed-stone.xlsx', 'ci-index.xlsx', 'industry.xlsx', 'county-income.csv', 'shelters-sjis.csv']) {
      const wb = open(name);
      const before = contents(wb);
      const changes = planFixAll(wb);
      expect(contents(wb), name).toBe(before);
      applyChanges(wb, changes);
      revertChanges(wb, changes);
      expect(contents(wb), name).toBe(before);
    }
  });
});

describe('fixes marked complete in one pass', () => {
  // planFixAll runs these once; if one left work for a second pass, 「すべて修正」 would
  // silently leave violations behind.
  const onePass = RULES.filter((r) => r.fixCompleteInOnePass);
  function expectOnePass(wb: Workbook) {
    expect(onePass.map((r) => r.meta.id).sort()).toEqual(['dates', 'device-chars', 'labels-in-values', 'layout-spaces', 'number-as-text', 'special-symbols', 'wareki']);
    applyChanges(wb, planFixAll(wb, undefined, {}, []).filter((ch) => ch.kind !== 'cell' || !onePass.some((r) => r.meta.id === ch.ruleId)));
    for (const rule of onePass) {
      for (const sheet of wb.sheets) {
        const first = planFix(wb, sheet.id, rule.meta.id);
        applyChanges(wb, first);
        const second = rule.fix!(viewOfSheet(sheetById(wb, sheet.id)!, wb.date1904), defaultOptions(rule));
        expect(second, `${rule.meta.id} on ${sheet.name}`).toEqual([]);
      }
    }
  }
  const name = (file: string) => `${file}: after each one-pass fix, the same fix finds nothing more to change`;
  it.each(['population.xlsx', 'crushed-stone.xlsx', 'ci-index.xlsx', 'industry.xlsx', 'county-income.csv', 'shelters-sjis.csv'])(name('%s'), (file) => expectOnePass(open(file)));
  for (const file of ['kobe-opendata/26jinugoki.xls', 'open-data-linter/nb01h0013_cp932.csv']) itWithCorpus(name(file), file, () => expectOnePass(corpusWorkbook(file)));
});

describe('the order of 「すべて修正」', () => {
  // The guide's order (see FIX_PHASES and each rule's meta.fixAll).
  /** Rules whose fix is offered, never applied by 「すべて修正」. */
  const SUGGESTIONS: string[] = ['multi-value', 'region-names'];
  const GUIDE_ORDER = [
    'hidden',
    'formulas',
    'one-table',
    'merged-cells',
    'units',
    'wareki',
    'stub-labels',
    'omitted-cells',
    'multi-row-header',
    'caption-notes',
    'data-split',
    'labels-in-values',
    'number-as-text',
    'layout-spaces',
    'dates',
    'device-chars',
    'special-symbols',
  ];

  it('every rule with a fix takes part, once, in the guide order (suggestions, which have no place, apart)', () => {
    const withFix = RULES.filter((r) => r.fix && !SUGGESTIONS.includes(r.meta.id)).map((r) => r.meta.id);
    expect([...FIX_ORDER].sort()).toEqual([...withFix].sort());
    expect(FIX_ORDER).toEqual(GUIDE_ORDER);
    // A place in 「すべて修正」 is only for a rule that has a fix; no two rules share one.
    expect(RULES.filter((r) => r.meta.fixAll && !r.fix).map((r) => r.meta.id)).toEqual([]);
    const places = RULES.flatMap((r) => (r.meta.fixAll ? [`${r.meta.fixAll.phase} ${r.meta.fixAll.order}`] : []));
    expect(new Set(places).size).toBe(places.length);
  });

  it('「すべて修正」 runs each of them, in that order', () => {
    const seen: string[] = [];
    planFixAll(open('population.xlsx'), (p) => {
      seen.push(p.ruleId);
      expect(p.steps).toBe(GUIDE_ORDER.length);
    });
    expect(seen).toEqual(GUIDE_ORDER);
  });
});

describe('SheetViews.seedOf', () => {
  const sheetOf = () => sheetFromRows([['地区', '人口'], ['東区', 1200], ['西区', 900]]);

  it('hands the analysis the detection of a sheet the run did not change', () => {
    const sheet = sheetOf();
    const views = new SheetViews({ sheets: [sheet], date1904: false } as unknown as Workbook);
    const view = views.get(sheet);
    expect(views.seedOf(sheet).structure).toBe(view.structure);
  });

  it('detects again once the run changed the sheet', () => {
    const sheet = sheetOf();
    const wb = { sheets: [sheet], date1904: false } as unknown as Workbook;
    const views = new SheetViews(wb);
    const view = views.get(sheet);
    const ch = { kind: 'cell' as const, sheetId: sheet.id, r: 1, c: 1, before: getCell(sheet, 1, 1), after: { value: 1300 }, ruleId: 'edit' };
    applyChanges(wb, [ch]);
    views.changed(ch);
    const seed = views.seedOf(sheet);
    expect(seed.structure).not.toBe(view.structure);
    expect(seed.features[1].numbers).toBe(1);
  });
});
