// 「行の役割」: rows the user gives a role win over what the detection read.
import { describe, expect, it } from 'vitest';
import { corpusWorkbook, itWithCorpus } from '../../../test/corpus.ts';
import { fixtureBytes } from '../../../test/fixtures.ts';
import { sheetFromRows, viewOf } from '../../../test/sheets.ts';
import { captionNotesMeta } from '../analysis/captionNotesMeta.ts';
import { applyChanges } from '../changes.ts';
import { planFixAll } from '../fix/runFixes.ts';
import { readWorkbook } from '../io/read.ts';
import { getValue } from '../model.ts';
import { RECIPE_VERSION, parseRecipe } from '../recipe.ts';
import { detectStructure } from './detect.ts';
import { joinNext, markRows, splitAt, tableForRow } from './overrides.ts';
import { rebaseOverride } from './rebase.ts';
import type { StructureOverride } from './types.ts';

const rows = [
  ['人口の推移', null, null],
  ['調査時点　平成27年8月', null, null],
  ['区分', '人口', '世帯'],
  ['(単位)', '人', '世帯'],
  ['北区', 100, 40],
  ['南区', 200, 80],
  ['市民局統計担当', null, null],
];

function marked(overrides: Omit<StructureOverride, 'sheetId' | 'table'>) {
  const sheet = sheetFromRows(rows);
  const o: StructureOverride = { sheetId: sheet.id, table: 0, ...overrides };
  return { sheet, structure: detectStructure(sheet, undefined, [o]), o };
}

describe('row roles', () => {
  it('a row marked 見出し joins the header and the data starts below it; a 単位 row is the units row', () => {
    const { structure } = marked({ rows: [{ row: 2, role: 'header' }, { row: 3, role: 'unit' }] });
    const t = structure.tables[0];
    expect(t.headerRows).toEqual({ start: 2, end: 3 });
    expect(t.unitRows).toEqual([3]);
    expect(t.dataRows.start).toBe(4);
  });

  it('a header row marked データ leaves the header, which stays one band; the rows above become captions', () => {
    const { structure } = marked({ rows: [{ row: 2, role: 'header' }, { row: 3, role: 'data' }] });
    const t = structure.tables[0];
    expect(t.headerRows).toEqual({ start: 2, end: 2 });
    expect(t.dataRows.start).toBe(3);
    expect(t.captionRows).toContain(0);
  });

  it('日付 and 出典 rows are the table date and source, not caption text or notes', () => {
    const { sheet, structure } = marked({ rows: [{ row: 1, role: 'date' }, { row: 2, role: 'header' }, { row: 6, role: 'source' }] });
    const t = structure.tables[0];
    expect(t.captionRows).toEqual(expect.arrayContaining([0, 1]));
    expect(t.noteRows).toContain(6);
    expect(t.dateRows).toEqual([1]);
    expect(t.sourceRows).toEqual([6]);
    const meta = captionNotesMeta(viewOf(sheet, structure.tables));
    expect(meta.caption).toBe('人口の推移');
    // A marked date that reads as no day is kept as written: the user said it is the date.
    expect(meta.date).toBe('調査時点　平成27年8月');
    expect(meta.source).toBe('市民局統計担当');
    expect(meta.creator).toBe('市民局統計担当');
    expect(meta.notes).toEqual([]);
  });

  it('marks move with the rows a fix deletes, and go with them', () => {
    const o: StructureOverride = { sheetId: 's1', table: 0, rows: [{ row: 1, role: 'date' }, { row: 6, role: 'source' }] };
    const sheet = sheetFromRows(rows);
    const del = { kind: 'rows' as const, sheetId: 's1', op: 'delete' as const, start: 0, rows: [{ cells: [], height: undefined, hidden: false }] };
    expect(rebaseOverride(o, del as never)?.rows).toEqual([{ row: 0, role: 'date' }, { row: 5, role: 'source' }]);
    const del2 = { ...del, start: 1 };
    expect(rebaseOverride(o, del2 as never)?.rows).toEqual([{ row: 5, role: 'source' }]);
    expect(sheet.rowCount).toBe(7);
  });

  it('a recipe keeps the marks and refuses an unknown role', () => {
    const recipe = { version: RECIPE_VERSION, source: { name: 'a.xlsx' }, steps: [{ kind: 'structure', sheet: 'Sheet1', table: 0, rows: [{ row: 1, role: 'date' }] }] };
    expect(parseRecipe(JSON.stringify(recipe)).steps[0]).toMatchObject({ rows: [{ row: 1, role: 'date' }] });
    const bad = { ...recipe, steps: [{ kind: 'structure', sheet: 'Sheet1', table: 0, rows: [{ row: 1, role: 'title' }] }] };
    expect(() => parseRecipe(JSON.stringify(bad))).toThrow(/role/);
  });
});

describe('row roles through 「すべて修正」', () => {
  itWithCorpus('jinkou2708.xls: the 現在 row marked 日付 and the 企画調整局 row marked 出典 are @Date and @Creator, in no title', 'kobe-opendata/jinkou2708.xls', () => {
    const wb = corpusWorkbook('kobe-opendata/jinkou2708.xls');
    const sheet = wb.sheets[0];
    // The 現在 line (column A) and the 企画調整局 line (column L) share a row: marked 出典
    // after 日付, the row gives both.
    const rowWith = (re: RegExp) => {
      for (let r = 0; r < sheet.rowCount; r++) for (let c = 0; c < sheet.columns.length; c++) if (re.test(String(getValue(sheet, r, c) ?? ''))) return r;
      return -1;
    };
    const dateRow = rowWith(/現在/);
    const sourceRow = rowWith(/企画調整局/);
    expect(dateRow).toBeGreaterThan(0);
    const tables = detectStructure(sheet).tables;
    const tableOf = (r: number) => Math.max(0, tables.findIndex((t) => r >= t.range.s.r && r <= t.range.e.r));
    const overrides: StructureOverride[] = [
      { sheetId: sheet.id, table: tableOf(dateRow), rows: [{ row: dateRow, role: 'date' }] },
      { sheetId: sheet.id, table: tableOf(sourceRow), rows: [{ row: sourceRow, role: 'source' }] },
    ];
    applyChanges(wb, planFixAll(wb, undefined, {}, overrides));
    const metas = wb.sheets.map((s) => s.meta).filter((m) => m !== undefined);
    expect(metas.some((m) => m.date === '2015-08-01')).toBe(true);
    expect(metas.some((m) => m.creator?.startsWith('神戸市企画調整局'))).toBe(true);
    for (const s of wb.sheets) for (let c = 0; c < s.columns.length; c++) expect(String(getValue(s, 0, c) ?? '')).not.toMatch(/現在|企画調整局/);
  });

  it('population.xlsx: a row marked 注記 inside the data is taken out of it', () => {
    const { workbook } = readWorkbook(fixtureBytes('population.xlsx'), 'population.xlsx');
    const sheet = workbook.sheets[0];
    const s = detectStructure(sheet, undefined, [{ sheetId: sheet.id, table: 0, rows: [{ row: 52, role: 'note' }] }]);
    expect(s.tables[0].dataRows).toEqual({ start: 5, end: 51 });
    expect(s.tables[0].noteRows).toContain(52);
  });
});

describe('markRows', () => {
  it('one correction per table; a row marked again takes the new role; other tables keep theirs', () => {
    let o: StructureOverride[] = [{ sheetId: 's1', table: 1, headerRows: { start: 10, end: 10 } }];
    o = markRows(o, 's1', 0, { start: 2, end: 3 }, 'header');
    o = markRows(o, 's1', 0, { start: 3, end: 3 }, 'unit');
    o = markRows(o, 's1', 1, { start: 12, end: 12 }, 'note');
    expect(o).toEqual([
      { sheetId: 's1', table: 0, rows: [{ row: 2, role: 'header' }, { row: 3, role: 'unit' }] },
      { sheetId: 's1', table: 1, headerRows: { start: 10, end: 10 }, rows: [{ row: 12, role: 'note' }] },
    ]);
  });

  it('a row outside every table belongs to the table below it, else the one above', () => {
    const sheet = sheetFromRows(rows);
    const tables = detectStructure(sheet).tables;
    expect(tableForRow(tables, tables[0].range.s.r)).toBe(0);
    expect(tableForRow(tables, 500)).toBe(tables.length - 1);
  });
});

describe('「ここで表を分ける」', () => {
  const stacked = [['地区', '人口'], ['北区', 100], ['南区', 200], ['東区', 300], ['区分', '件数'], ['A', 5], ['B', 6], ['C', 7]];

  it('a table read as one becomes two at the row the user names, each read on its own', () => {
    const sheet = sheetFromRows(stacked);
    expect(detectStructure(sheet).tables).toHaveLength(1);
    const s = detectStructure(sheet, undefined, [{ sheetId: sheet.id, table: 0, splitAt: 4 }]);
    expect(s.tables.map((t) => [t.id, t.headerRows, t.dataRows])).toEqual([
      ['t1', { start: 0, end: 0 }, { start: 1, end: 3 }],
      ['t2', { start: 4, end: 4 }, { start: 5, end: 7 }],
    ]);
    // Not inside the table past its first row: nothing to split.
    expect(detectStructure(sheet, undefined, [{ sheetId: sheet.id, table: 0, splitAt: 0 }]).tables).toHaveLength(1);
  });

  it('the other corrections follow: tables after it one further on, marks below the split in its second part', () => {
    const before: StructureOverride[] = [
      { sheetId: 's1', table: 0, rows: [{ row: 1, role: 'data' }, { row: 6, role: 'note' }] },
      { sheetId: 's1', table: 1, headerRows: { start: 20, end: 20 } },
    ];
    expect(splitAt(before, 's1', 0, 4)).toEqual([
      { sheetId: 's1', table: 0, splitAt: 4 },
      { sheetId: 's1', table: 0, rows: [{ row: 1, role: 'data' }] },
      { sheetId: 's1', table: 1, rows: [{ row: 6, role: 'note' }] },
      { sheetId: 's1', table: 2, headerRows: { start: 20, end: 20 } },
    ]);
    const sheet = sheetFromRows(stacked);
    const s = detectStructure(sheet, undefined, splitAt([{ sheetId: sheet.id, table: 0, rows: [{ row: 7, role: 'note' }] }], sheet.id, 0, 4));
    expect(s.tables[1].noteRows).toEqual([7]);
    expect(s.tables[1].dataRows).toEqual({ start: 5, end: 6 });
  });

  it('moves with the rows, and is a recipe step', () => {
    const o: StructureOverride = { sheetId: 's1', table: 0, splitAt: 4 };
    const del = { kind: 'rows' as const, sheetId: 's1', op: 'delete' as const, start: 0, rows: [{ cells: [], height: undefined, hidden: false }] };
    expect(rebaseOverride(o, del as never)?.splitAt).toBe(3);
    expect(rebaseOverride(o, { ...del, start: 4 } as never)?.splitAt).toBe(4);
    const recipe = { version: RECIPE_VERSION, source: { name: 'a.xlsx' }, steps: [{ kind: 'structure', sheet: 'Sheet1', table: 0, splitAt: 4 }] };
    expect(parseRecipe(JSON.stringify(recipe)).steps[0]).toMatchObject({ splitAt: 4 });
    expect(() => parseRecipe(JSON.stringify({ ...recipe, steps: [{ kind: 'structure', sheet: 'Sheet1', table: 0, splitAt: -1 }] }))).toThrow(/splitAt/);
  });
});

describe('「表をつなげる」', () => {
  it('two tables the detector read apart become one: its header, data to the second one\'s end', () => {
    const sheet = sheetFromRows([['地区', '人口', '世帯'], ['北区', 100, 40], ['南区', 200, 50], ['東区', 300, 60], ['西区', 100, 40], ['年度', '件数', '金額'], ['2019年度', 5, 10], ['2020年度', 6, 11]]);
    expect(detectStructure(sheet).tables).toHaveLength(2);
    const s = detectStructure(sheet, undefined, joinNext([], sheet.id, 0));
    expect(s.tables.map((t) => [t.id, t.headerRows, t.dataRows])).toEqual([['t1', { start: 0, end: 0 }, { start: 1, end: 7 }]]);
  });

  it('a split taken back by a join; corrections of the second table become the joined one\'s', () => {
    const sheet = sheetFromRows([['地区', '人口'], ['北区', 100], ['南区', 200], ['東区', 300], ['区分', '件数'], ['A', 5], ['B', 6], ['C', 7]]);
    let o = splitAt([], sheet.id, 0, 4);
    o = markRows(o, sheet.id, 1, { start: 7, end: 7 }, 'note');
    expect(detectStructure(sheet, undefined, o).tables).toHaveLength(2);
    o = joinNext(o, sheet.id, 0);
    expect(o).toEqual([
      { sheetId: sheet.id, table: 0, splitAt: 4 },
      { sheetId: sheet.id, table: 0, joinNext: true },
      { sheetId: sheet.id, table: 0, rows: [{ row: 7, role: 'note' }] },
    ]);
    const [t] = detectStructure(sheet, undefined, o).tables;
    expect(t.dataRows).toEqual({ start: 1, end: 6 });
    expect(t.noteRows).toEqual([7]);
  });
});
