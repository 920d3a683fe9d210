import { describe, expect, it } from 'vitest';
import { corpusBytes, corpusTitle, corpusWorkbook, hasCorpusFile, missingCorpus } from '../../../test/corpus.ts';
import { fixtureBytes } from '../../../test/fixtures.ts';
import { sheetFromRows } from '../../../test/sheets.ts';
import { applyChanges, cellChange } from '../changes.ts';
import { readWorkbook } from '../io/read.ts';
import type { Workbook } from '../model.ts';
import { RULES } from '../rules/registry.ts';
import type { CellRule } from '../rules/types.ts';
import { planFix, viewOfSheet } from '../fix/runFixes.ts';
import { cellKey } from '../model.ts';
import { SheetAnalyzer, scoreOf } from './analyse.ts';
import { cellFindings } from '../rules/findings.ts';

function open(name: string): Workbook {
  return readWorkbook(fixtureBytes(name), name).workbook;
}

describe('SheetAnalyzer', () => {
  it('a sheet with hundreds of thousands of violations of one rule (a 年次 left blank every other row) analyses', () => {
    // One sheet rule returning 150,000 violations overflowed the stack when spread into push().
    const rows: (string | number | null)[][] = [['年次', '地区', '人口']];
    for (let i = 0; i < 300_000; i++) rows.push([i % 2 === 0 ? `平成${22 + (i % 20)}年` : null, `地区${i % 97}`, 1000 + (i % 5000)]);
    const analysis = new SheetAnalyzer(sheetFromRows(rows), false).analyse();
    const omitted = analysis.rules.find((r) => r.ruleId === 'omitted-cells');
    expect(omitted?.count).toBe(150_000);
  });

  it('analyses a fixture with every registered rule and scores it', () => {
    const wb = open('population.xlsx');
    const a = new SheetAnalyzer(wb.sheets[0], wb.date1904).analyse();
    expect(a.structure.tables).toHaveLength(1);
    expect(a.rules.map((r) => r.ruleId)).toEqual(RULES.map((r) => r.meta.id));
    expect(a.rules.find((r) => r.ruleId === 'merged-cells')?.count).toBe(9);
    expect(a.score.applicable).toBe(a.rules.filter((r) => r.applicable).length);
    expect(a.score.passed).toBe(a.rules.filter((r) => r.applicable && r.failing === 0).length);
  });

  it('after an edit, re-judges only the edited cell with cell rules', () => {
    const calls: string[] = [];
    const spy: CellRule = {
      scope: 'cell',
      meta: { ...RULES[0].meta, id: 'layout-spaces', messages: { m: { ja: 'x', en: 'x' } } },
      detectCell(view, r, c, report) {
        calls.push(`${r},${c}`);
        const v = view.sheet.columns[c].values[r];
        if (typeof v === 'string' && v.includes(' ')) report('m', { r, c });
      },
    };
    const sheet = sheetFromRows([
      ['地区', '人口'],
      ['北 区', 100],
      ['南区', 200],
    ]);
    const wb: Workbook = { source: { fileName: 't.csv', format: 'csv', byteLength: 0 }, date1904: false, sheets: [sheet] };
    const analyzer = new SheetAnalyzer(sheet, false, [], [spy]);
    const first = analyzer.analyse();
    expect(first.cellViolations).toHaveLength(1);
    expect(calls).toHaveLength(6);
    calls.length = 0;
    applyChanges(wb, [cellChange(wb, 's1', 2, 0, { value: '南 区' }, 'edit')]);
    const delta = analyzer.update([{ r: 2, c: 0 }]);
    expect(delta.full).toBeUndefined();
    expect(calls).toEqual(['2,0']);
    expect(delta.cells).toEqual([cellKey(2, 0)]);
    expect(delta.cellViolations).toHaveLength(1);
    expect(delta.rules?.[0].count).toBe(2);
  });

  it('re-detects the structure when an edit changes it', () => {
    const wb = open('ci-index.xlsx');
    const sheet = wb.sheets[0];
    const analyzer = new SheetAnalyzer(sheet, false);
    analyzer.analyse();
    // Emptying the caption row changes what sits above the header.
    applyChanges(wb, [cellChange(wb, sheet.id, 0, 0, { value: null }, 'edit')]);
    const delta = analyzer.update([{ r: 0, c: 0 }]);
    expect(delta.full?.structure.tables[0].captionRows).toEqual([]);
  });

  it('score counts passed rules per level', () => {
    const s = scoreOf([
      { ruleId: 'wareki', level: 1, applicable: true, count: 0, failing: 0 },
      { ruleId: 'units', level: 1, applicable: true, count: 3, failing: 3 },
      { ruleId: 'layout-spaces', level: 1, applicable: true, count: 2, failing: 0 },
      { ruleId: 'hidden', level: 2, applicable: true, count: 0, failing: 0 },
      { ruleId: 'datatypes', level: 2, applicable: false, count: 0, failing: 0 },
    ]);
    // Advisories alone (count 2, failing 0) do not fail a rule.
    expect(s).toEqual({ passed: 3, applicable: 4, byLevel: { 1: { passed: 2, applicable: 3 }, 2: { passed: 1, applicable: 1 } } });
  });
});

describe('text-only cell rules', () => {
  // The engine skips them for cells without text; one that could find something in a
  // number, date or boolean would silently miss it.
  const textOnly = RULES.filter((r): r is CellRule => r.scope === 'cell' && !!r.textOnly);
  it.for(['population.xlsx', 'crushed-stone.xlsx', 'ci-index.xlsx', 'industry.xlsx', 'county-income.csv', 'shelters-sjis.csv', 'corpus:excel-cellformatter/cell_format_2007.xlsx', 'corpus:excel-cellformatter/cell_format_2000_builtinformat_ja.xls', 'corpus:kobe-opendata/26jinugoki.xls'])(
    '%s: find nothing in any cell that holds no text',
    (name, ctx) => {
      const corpus = name.startsWith('corpus:') ? name.slice('corpus:'.length) : undefined;
      const missing = corpus ? missingCorpus([corpus]) : undefined;
      if (missing) ctx.skip(missing);
      expect(textOnly.map((r) => r.meta.id).sort()).toEqual(['dates', 'device-chars', 'labels-in-values', 'layout-spaces', 'multi-value', 'number-as-text', 'special-symbols']);
      const wb = corpus ? corpusWorkbook(corpus) : open(name);
      let looked = 0;
      for (const sheet of wb.sheets) {
        const view = viewOfSheet(sheet, wb.date1904);
        for (let r = 0; r < sheet.rowCount; r++) {
          for (let c = 0; c < sheet.columns.length; c++) {
            const v = sheet.columns[c].values[r];
            if (v === null || typeof v === 'string') continue;
            looked++;
            for (const rule of textOnly) expect(cellFindings(rule, view, r, c), `${rule.meta.id} at ${sheet.name}!${r},${c}`).toEqual([]);
          }
        }
      }
      expect(looked).toBeGreaterThan(0);
    },
  );
});

describe('formula cells whose result is empty', () => {
  const formulaFindings = (a: { cellViolations: { ruleId: string; messageId: string; range: { s: { r: number; c: number } } }[] }) =>
    a.cellViolations.filter((v) => v.ruleId === 'formulas').map((v) => `${v.range.s.r},${v.range.s.c} ${v.messageId}`).sort();

  it('are judged although they hold no value, and stop being reported once the formula is gone', () => {
    const sheet = sheetFromRows([
      ['地区', '人口', '割合'],
      ['北区', 100, { value: 0.5, formula: 'B2/200' }],
      ['南区', null, { value: null, formula: 'IF(B3="","",B3/200)' }],
      ['西区', 300, null],
    ]);
    const wb: Workbook = { source: { fileName: 't.xlsx', format: 'xlsx', byteLength: 0 }, date1904: false, sheets: [sheet] };
    const analyzer = new SheetAnalyzer(sheet, false);
    expect(formulaFindings(analyzer.analyse())).toEqual(['1,2 formula', '2,2 formulaEmpty']);

    const changes = planFix(wb, sheet.id, 'formulas');
    expect(changes.map((ch) => (ch.kind === 'cell' ? `${ch.r},${ch.c}` : ch.kind)).sort()).toEqual(['1,2', '2,2']);
    applyChanges(wb, changes);
    const delta = analyzer.update([{ r: 1, c: 2 }, { r: 2, c: 2 }]);
    const after = delta.full ?? analyzer.analyse();
    expect(formulaFindings(after)).toEqual([]);
    expect(delta.cellViolations?.filter((v) => v.ruleId === 'formulas') ?? []).toEqual([]);
  });

  it('an edit that gives an empty cell a formula with an empty result is reported', () => {
    const sheet = sheetFromRows([
      ['地区', '人口'],
      ['北区', 100],
      ['南区', null],
    ]);
    const wb: Workbook = { source: { fileName: 't.xlsx', format: 'xlsx', byteLength: 0 }, date1904: false, sheets: [sheet] };
    const analyzer = new SheetAnalyzer(sheet, false);
    expect(formulaFindings(analyzer.analyse())).toEqual([]);
    applyChanges(wb, [cellChange(wb, sheet.id, 2, 1, { value: null, formula: 'IF(A3="","",1)' }, 'edit')]);
    const delta = analyzer.update([{ r: 2, c: 1 }]);
    expect(formulaFindings(delta.full ?? { cellViolations: delta.cellViolations ?? [] })).toEqual(['2,1 formulaEmpty']);
  });

  const kobe = 'kobe-opendata/zaiseijoukyousiryoushuu2013.xlsx';
  it.skipIf(!hasCorpusFile(kobe))(corpusTitle(kobe, 'the first sheet reports its 45 formulas with an empty result'), () => {
    const { workbook } = readWorkbook(corpusBytes(kobe), kobe);
    const sheet = workbook.sheets[0];
    const a = new SheetAnalyzer(sheet, workbook.date1904).analyse();
    const empty = a.cellViolations.filter((v) => v.ruleId === 'formulas' && v.messageId === 'formulaEmpty');
    expect(empty).toHaveLength(45);
    for (const v of empty) expect(sheet.columns[v.range.s.c].values[v.range.s.r]).toBeNull();
  });
});
