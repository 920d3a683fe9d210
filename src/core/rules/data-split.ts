// Rule `data-split` (総務省 2-1 「データが分断されていないか」): one table is one block of
// rows and columns. Blank rows between groups of data rows (`…北区` / blank / `荒川区…`)
// and blank columns between columns of data look tidy on paper, but a machine reading
// the table stops at the first blank row or takes a blank column for the end of the table.
//
// What is reported, per table: each run of blank rows inside its data (data rows above
// and below it) or between its header and its data, across the table's columns; each run of blank columns inside it (columns
// with content on both sides) that is blank in its header and its data; and the columns at
// its left or right edge blank in its header and data, and the columns beside every table
// blank across the sheet (a trailing delimiter, a spacer column), each of which would be
// written as a column with no title and no value. A cell counts as
// blank when it holds nothing, no note, and no merge covers it.
//
// The fix deletes them, in 「すべて修正」 after the structure fixes (tables split, header
// flattened, caption and notes out), so that only the table's own blanks are left. A row
// or column is deleted only where it is blank across the whole sheet. Nothing is lost: a
// blank row or column holds nothing.
import { type Change, applyChanges, deleteColumnsChange, deleteRowsChange } from '../changes.ts';
import { type Sheet, columnLetter, getValue } from '../model.ts';
import type { TableStructure } from '../structure/types.ts';
import { type SheetView, ruleMeta, sheetRule } from './types.ts';

const meta = ruleMeta({
  id: 'data-split',
  level: 1,
  severity: 'error',
  family: 'structure',
  guideRef: { soumu: '2-1' },
  fixAll: { phase: 'structure', order: 80 },
  title: { ja: 'データの分断（途中の空行・空列）', en: 'Data cut by blank rows or columns' },
  description: {
    ja: '1つの表のデータは、途中に空行や空列を入れずに続けて書きます。機械は空行で表が終わったと読んでしまいます。',
    en: "A table's data runs on without blank rows or columns inside it: a machine reads a blank row as the end of the table.",
  },
  messages: {
    row: { ja: '{from}行目は表の途中（見出しとデータの間か、データの途中）にある空行です。', en: 'Row {from} is a blank row inside the table (between its header and data, or inside its data).' },
    rows: { ja: '{from}～{to}行目（{count}行）は表の途中（見出しとデータの間か、データの途中）にある空行です。', en: 'Rows {from}–{to} ({count} rows) are blank rows inside the table (between its header and data, or inside its data).' },
    col: { ja: '{from}列は表の途中にある空列です。', en: 'Column {from} is a blank column inside the table.' },
    cols: { ja: '{from}～{to}列（{count}列）は表の途中にある空列です。', en: 'Columns {from}–{to} ({count} columns) are blank columns inside the table.' },
    copiedTitle: { ja: '{from}列には値がなく、見出し「{title}」は隣の列の繰り返しです。', en: 'Column {from} holds no value; its title "{title}" repeats the column beside it.' },
    edgeCol: { ja: '{from}列は見出しも値もない空列です（表の端）。', en: 'Column {from}, at the edge of the table, has no title and no value.' },
    edgeCols: { ja: '{from}～{to}列（{count}列）は見出しも値もない空列です（表の端）。', en: 'Columns {from}–{to} ({count} columns), at the edge of the table, have no title and no value.' },
    remove: { ja: '空行・空列を削除して、データをつなげます。', en: 'Delete the blank rows and columns so that the data runs on.' },
  },
});

/** Whether a merge covers (r, c): merges are few, so a scan of them beats a set of every cell they cover. */
function coveredBy(sheet: Sheet): (r: number, c: number) => boolean {
  const merges = sheet.merges;
  if (merges.length === 0) return () => false;
  return (r, c) => merges.some((m) => r >= m.s.r && r <= m.e.r && c >= m.s.c && c <= m.e.c);
}

function filled(sheet: Sheet, r: number, c: number): boolean {
  const col = sheet.columns[c];
  if (!col) return false;
  const v = col.values[r];
  return (v !== null && v !== undefined && v !== '') || col.notes?.[r] !== undefined;
}

/** Runs of consecutive indexes: [3, 4, 9] → [[3, 4], [9, 9]]. */
function runs(indexes: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const i of indexes) {
    const last = out[out.length - 1];
    if (last && i === last[1] + 1) last[1] = i;
    else out.push([i, i]);
  }
  return out;
}

interface Blanks {
  rows: [number, number][];
  cols: [number, number][];
  /** Blank columns at the table's left or right edge. */
  edges: [number, number][];
  /** Columns with no value whose titles repeat the column beside them (a merged title filled across a spacer). */
  copies: number[];
}

/** The blank rows inside a table's data and the blank columns inside the table. */
export function tableBlanks(sheet: Sheet, t: TableStructure): Blanks {
  const covered = coveredBy(sheet);
  const c0 = t.columns.start;
  const c1 = Math.min(t.columns.end, sheet.columns.length - 1);
  const { start: d0, end: d1 } = t.dataRows;
  const top = t.headerRows.end >= t.headerRows.start ? t.headerRows.start : d0;
  const occupied = (r: number, c: number) => filled(sheet, r, c) || covered(r, c);

  const blankRows: number[] = [];
  // Blank rows between the header and the data: a machine takes the first for the end.
  if (t.headerRows.end >= t.headerRows.start) {
    for (let r = t.headerRows.end + 1; r < d0; r++) {
      let blank = true;
      for (let c = c0; c <= c1 && blank; c++) if (occupied(r, c)) blank = false;
      if (blank) blankRows.push(r);
    }
  }
  let seenData = false;
  let pending: number[] = [];
  for (let r = d0; r <= d1; r++) {
    let blank = true;
    for (let c = c0; c <= c1 && blank; c++) if (occupied(r, c)) blank = false;
    if (!blank) {
      // Blank rows count only between data rows: not before the first nor after the last.
      if (seenData) blankRows.push(...pending);
      pending = [];
      seenData = true;
    } else if (seenData) pending.push(r);
  }

  const blankCols: number[] = [];
  const edges: number[] = [];
  let seenColumn = false;
  let pendingCols: number[] = [];
  for (let c = c0; c <= c1; c++) {
    let blank = true;
    for (let r = top; r <= d1 && blank; r++) if (occupied(r, c)) blank = false;
    if (!blank) {
      if (seenColumn) blankCols.push(...pendingCols);
      pendingCols = [];
      seenColumn = true;
    } else if (seenColumn) pendingCols.push(c);
    else edges.push(c);
  }
  // A table with nothing in it has no edges to trim.
  if (seenColumn) edges.push(...pendingCols);
  else edges.length = 0;
  return { rows: runs(blankRows), cols: runs(blankCols), edges: runs(edges), copies: titleCopies(sheet, t, c1, occupied) };
}

function titleCopies(sheet: Sheet, t: TableStructure, c1: number, occupied: (r: number, c: number) => boolean): number[] {
  const { start: h0, end: h1 } = t.headerRows;
  if (h1 < h0) return [];
  const { start: d0, end: d1 } = t.dataRows;
  const hasData = (c: number) => {
    for (let r = d0; r <= d1; r++) if (occupied(r, c)) return true;
    return false;
  };
  const text = (r: number, c: number) => String(getValue(sheet, r, c) ?? '').trim();
  const sameTitles = (a: number, b: number) => {
    let named = false;
    for (let r = h0; r <= h1; r++) {
      if (text(r, a) !== text(r, b)) return false;
      if (text(r, a) !== '') named = true;
    }
    return named;
  };
  const out: number[] = [];
  for (let c = t.columns.start; c <= c1; c++) {
    if (hasData(c)) continue;
    const twin = [c - 1, c + 1].find((n) => n >= t.columns.start && n <= c1 && hasData(n) && sameTitles(c, n));
    if (twin !== undefined) out.push(c);
  }
  return out;
}

function blankRowOfSheet(sheet: Sheet, r: number, covered: (r: number, c: number) => boolean): boolean {
  for (let c = 0; c < sheet.columns.length; c++) if (filled(sheet, r, c) || covered(r, c)) return false;
  return true;
}

/** Column `c` holds nothing across the sheet, the rows of `except` left aside. */
function blankColumnOfSheet(sheet: Sheet, c: number, covered: (r: number, c: number) => boolean, except?: { start: number; end: number }): boolean {
  for (let r = 0; r < sheet.rowCount; r++) {
    if (except && r >= except.start && r <= except.end) continue;
    if (filled(sheet, r, c) || covered(r, c)) return false;
  }
  return true;
}

/**
 * The columns left or right of every table that are blank across the whole sheet (a
 * trailing delimiter on every line of a CSV): written out, each would be a column with no
 * title and no value.
 */
function blankColumnsBeside(sheet: Sheet, tables: readonly TableStructure[], covered: (r: number, c: number) => boolean): [number, number][] {
  if (tables.length === 0) return [];
  const from = Math.min(...tables.map((t) => t.columns.start));
  const to = Math.max(...tables.map((t) => t.columns.end));
  const out: number[] = [];
  for (let c = 0; c < sheet.columns.length; c++) if ((c < from || c > to) && blankColumnOfSheet(sheet, c, covered)) out.push(c);
  return runs(out);
}

/**
 * Deletes what the tables have blank and the sheet has blank too: the columns (right to
 * left), then the rows (bottom up). Each change records the cells it removes as they are
 * when it applies, so the rows' records are read from a copy of the sheet with the columns
 * already gone (made only when there are both).
 */
function fixDataSplit(view: SheetView): Change[] {
  const { sheet } = view;
  const covered = coveredBy(sheet);
  const rows = new Set<number>();
  const cols = new Set<number>();
  for (const t of view.structure.tables) {
    const b = tableBlanks(sheet, t);
    for (const [a, z] of [...b.cols, ...b.edges]) for (let c = a; c <= z; c++) if (blankColumnOfSheet(sheet, c, covered)) cols.add(c);
    for (const [a, z] of b.rows) for (let r = a; r <= z; r++) if (blankRowOfSheet(sheet, r, covered)) rows.add(r);
    // Nothing but the repeated title in the column: it goes with the column.
    for (const c of b.copies) if (blankColumnOfSheet(sheet, c, covered, t.headerRows)) cols.add(c);
  }
  for (const [a, z] of blankColumnsBeside(sheet, view.structure.tables, covered)) for (let c = a; c <= z; c++) cols.add(c);
  const out: Change[] = [];
  for (const [a, z] of runs([...cols].sort((x, y) => x - y)).reverse()) out.push(deleteColumnsChange(sheet, a, z - a + 1, 'data-split'));
  let after = sheet;
  if (out.length > 0 && rows.size > 0) {
    after = structuredClone(sheet);
    applyChanges({ source: { fileName: '', format: 'xlsx', byteLength: 0 }, date1904: view.date1904, sheets: [after] }, out);
  }
  for (const [a, z] of runs([...rows].sort((x, y) => x - y)).reverse()) out.push(deleteRowsChange(after, a, z - a + 1, 'data-split'));
  return out;
}

export const rule = sheetRule({
  meta,
  scope: 'sheet',
  fix: (view) => fixDataSplit(view),
  detect(view, report) {
    const last = Math.max(0, view.sheet.rowCount - 1);
    for (const [a, z] of blankColumnsBeside(view.sheet, view.structure.tables, coveredBy(view.sheet))) {
      const at = { s: { r: 0, c: a }, e: { r: last, c: z } };
      if (a === z) report('edgeCol', at, { from: columnLetter(a) }, { fixId: 'remove' });
      else report('edgeCols', at, { from: columnLetter(a), to: columnLetter(z), count: z - a + 1 }, { fixId: 'remove' });
    }
    for (const t of view.structure.tables) {
      const { rows, cols, edges, copies } = tableBlanks(view.sheet, t);
      const top = t.headerRows.end >= t.headerRows.start ? t.headerRows.start : t.dataRows.start;
      for (const [a, z] of rows) {
        const at = { s: { r: a, c: t.columns.start }, e: { r: z, c: t.columns.end } };
        if (a === z) report('row', at, { from: a + 1 }, { fixId: 'remove' });
        else report('rows', at, { from: a + 1, to: z + 1, count: z - a + 1 }, { fixId: 'remove' });
      }
      for (const [a, z] of cols) {
        const at = { s: { r: top, c: a }, e: { r: t.dataRows.end, c: z } };
        if (a === z) report('col', at, { from: columnLetter(a) }, { fixId: 'remove' });
        else report('cols', at, { from: columnLetter(a), to: columnLetter(z), count: z - a + 1 }, { fixId: 'remove' });
      }
      for (const c of copies) {
        const title = String(getValue(view.sheet, t.headerRows.end, c) ?? '').trim();
        report('copiedTitle', { s: { r: top, c }, e: { r: t.dataRows.end, c } }, { from: columnLetter(c), title }, { fixId: 'remove' });
      }
      for (const [a, z] of edges) {
        const at = { s: { r: top, c: a }, e: { r: t.dataRows.end, c: z } };
        if (a === z) report('edgeCol', at, { from: columnLetter(a) }, { fixId: 'remove' });
        else report('edgeCols', at, { from: columnLetter(a), to: columnLetter(z), count: z - a + 1 }, { fixId: 'remove' });
      }
    }
  },
});
