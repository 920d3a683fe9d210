// Keeping a detected (or user-corrected) structure true while rows and columns move.
// A run of fixes decides the structure once, with every signal the sheet still has
// (merges, the caption, the `…現在` line), and then deletes header rows, cuts caption
// rows and unmerges: detecting again on the half-cleaned sheet would judge it without
// those signals. Instead the structure follows each change the way the cells do.
import type { Change } from '../changes.ts';
import type { CellRange } from '../model.ts';
import type { Band, ColumnInfo, SheetStructure, StructureOverride, TableStructure } from './types.ts';

/** Where index `i` goes when `count` indexes are removed at `start`: undefined when removed. */
function afterDelete(i: number, start: number, count: number): number | undefined {
  if (i < start) return i;
  if (i >= start + count) return i - count;
  return undefined;
}

/** A contiguous band after a deletion: what is left of it, contiguous again. */
function bandAfterDelete(b: Band, start: number, count: number): Band {
  if (b.end < b.start) {
    const at = b.start >= start + count ? b.start - count : Math.min(b.start, start);
    return { start: at, end: at - 1 };
  }
  const lo = b.start < start ? b.start : Math.max(start, b.start - count);
  const hi = b.end >= start + count ? b.end - count : Math.min(b.end, start - 1);
  return hi < lo ? { start: lo, end: lo - 1 } : { start: lo, end: hi };
}

/** A band after inserting `count` indexes at `start`: rows inserted inside it belong to it. */
function bandAfterInsert(b: Band, start: number, count: number): Band {
  if (b.end < b.start) return b.start >= start ? { start: b.start + count, end: b.end + count } : b;
  if (start <= b.start) return { start: b.start + count, end: b.end + count };
  if (start <= b.end) return { start: b.start, end: b.end + count };
  return b;
}

function listAfterDelete(list: readonly number[], start: number, count: number): number[] {
  const out: number[] = [];
  for (const i of list) {
    const j = afterDelete(i, start, count);
    if (j !== undefined) out.push(j);
  }
  return out;
}

const listAfterInsert = (list: readonly number[], start: number, count: number) => list.map((i) => (i >= start ? i + count : i));

function rangeRows(r: CellRange): Band {
  return { start: r.s.r, end: r.e.r };
}
function rangeCols(r: CellRange): Band {
  return { start: r.s.c, end: r.e.c };
}
function withRows(r: CellRange, b: Band): CellRange {
  return { s: { r: b.start, c: r.s.c }, e: { r: b.end, c: r.e.c } };
}
function withCols(r: CellRange, b: Band): CellRange {
  return { s: { r: r.s.r, c: b.start }, e: { r: r.e.r, c: b.end } };
}

const isEmpty = (b: Band) => b.end < b.start;

/** The rows the user marked as date or source, after the rows moved (absent when none is left). */
function markedRows(t: TableStructure, move: (list: readonly number[]) => number[]): Pick<TableStructure, 'dateRows' | 'sourceRows'> {
  const out: Pick<TableStructure, 'dateRows' | 'sourceRows'> = {};
  const dateRows = t.dateRows && move(t.dateRows);
  const sourceRows = t.sourceRows && move(t.sourceRows);
  if (dateRows?.length) out.dateRows = dateRows;
  if (sourceRows?.length) out.sourceRows = sourceRows;
  return out;
}

function withoutMarked(t: TableStructure): TableStructure {
  const { dateRows: _d, sourceRows: _s, ...rest } = t;
  return rest;
}

function rowsDeleted(t: TableStructure, start: number, count: number): TableStructure | undefined {
  const rows = bandAfterDelete(rangeRows(t.range), start, count);
  if (isEmpty(rows)) return undefined;
  return {
    ...withoutMarked(t),
    ...markedRows(t, (list) => listAfterDelete(list, start, count)),
    range: withRows(t.range, rows),
    captionRows: listAfterDelete(t.captionRows, start, count),
    headerRows: bandAfterDelete(t.headerRows, start, count),
    unitRows: listAfterDelete(t.unitRows, start, count),
    dataRows: bandAfterDelete(t.dataRows, start, count),
    noteRows: listAfterDelete(t.noteRows, start, count),
  };
}

function rowsInserted(t: TableStructure, start: number, count: number): TableStructure {
  return {
    ...withoutMarked(t),
    ...markedRows(t, (list) => listAfterInsert(list, start, count)),
    range: withRows(t.range, bandAfterInsert(rangeRows(t.range), start, count)),
    captionRows: listAfterInsert(t.captionRows, start, count),
    headerRows: bandAfterInsert(t.headerRows, start, count),
    unitRows: listAfterInsert(t.unitRows, start, count),
    dataRows: bandAfterInsert(t.dataRows, start, count),
    noteRows: listAfterInsert(t.noteRows, start, count),
  };
}

function columnsDeleted(t: TableStructure, start: number, count: number): TableStructure | undefined {
  const columns = bandAfterDelete(t.columns, start, count);
  if (isEmpty(columns)) return undefined;
  const columnInfo: ColumnInfo[] = [];
  for (const ci of t.columnInfo) {
    const c = afterDelete(ci.c, start, count);
    if (c === undefined) continue;
    const twin = ci.duplicateOf === undefined ? undefined : afterDelete(ci.duplicateOf, start, count);
    const next: ColumnInfo = { ...ci, c };
    if (twin === undefined) delete next.duplicateOf;
    else next.duplicateOf = twin;
    columnInfo.push(next);
  }
  const blocks = t.blocks?.map((b) => bandAfterDelete(b, start, count)).filter((b) => !isEmpty(b));
  const out: TableStructure = { ...t, range: withCols(t.range, bandAfterDelete(rangeCols(t.range), start, count)), columns, columnInfo };
  if (blocks && blocks.length > 1) out.blocks = blocks;
  else delete out.blocks;
  return out;
}

function columnsInserted(t: TableStructure, start: number, count: number): TableStructure {
  const columns = bandAfterInsert(t.columns, start, count);
  const shift = (c: number) => (c >= start ? c + count : c);
  const columnInfo: ColumnInfo[] = t.columnInfo.map((ci) => {
    const next: ColumnInfo = { ...ci, c: shift(ci.c) };
    if (ci.duplicateOf !== undefined) next.duplicateOf = shift(ci.duplicateOf);
    return next;
  });
  // A column inserted inside the table takes after the column left of it (a 西暦 column
  // added beside a 和暦 label column is a label column too); its titles come from its cells.
  if (start > t.columns.start && start <= t.columns.end) {
    const left = t.columnInfo.find((ci) => ci.c === start - 1);
    for (let k = 0; k < count; k++) columnInfo.push({ c: start + k, kind: left?.kind ?? 'text', key: left?.key ?? false, headerPath: [] });
    columnInfo.sort((a, b) => a.c - b.c);
  }
  const out: TableStructure = { ...t, range: withCols(t.range, bandAfterInsert(rangeCols(t.range), start, count)), columns, columnInfo };
  if (t.blocks) out.blocks = t.blocks.map((b) => bandAfterInsert(b, start, count));
  return out;
}

/**
 * The structure of a sheet after one change to it: tables follow their rows and columns,
 * and a table whose rows or columns are all gone is gone. Cell, merge, hidden and metadata
 * changes leave the bands where they are.
 */
export function rebaseStructure(s: SheetStructure, ch: Change): SheetStructure {
  if (ch.kind === 'rows') {
    const n = ch.rows.length;
    const tables = ch.op === 'delete' ? s.tables.flatMap((t) => rowsDeleted(t, ch.start, n) ?? []) : s.tables.map((t) => rowsInserted(t, ch.start, n));
    return { ...s, tables };
  }
  if (ch.kind === 'columns') {
    const n = ch.columns.length;
    const tables = ch.op === 'delete' ? s.tables.flatMap((t) => columnsDeleted(t, ch.start, n) ?? []) : s.tables.map((t) => columnsInserted(t, ch.start, n));
    return { ...s, tables };
  }
  return s;
}

/** A user's correction after one change to its sheet; undefined when what it named is gone. */
export function rebaseOverride(o: StructureOverride, ch: Change): StructureOverride | undefined {
  if (ch.kind !== 'rows' && ch.kind !== 'columns') return o;
  const n = ch.kind === 'rows' ? ch.rows.length : ch.columns.length;
  const del = ch.op === 'delete';
  const rows = (b: Band) => (del ? bandAfterDelete(b, ch.start, n) : bandAfterInsert(b, ch.start, n));
  const out: StructureOverride = { ...o };
  if (ch.kind === 'rows') {
    if (o.headerRows) out.headerRows = rows(o.headerRows);
    if (o.dataRows) out.dataRows = rows(o.dataRows);
    if (o.range) {
      const b = rows(rangeRows(o.range));
      if (isEmpty(b)) return undefined;
      out.range = withRows(o.range, b);
    }
    // Where a row goes; undefined when it is deleted.
    const rowAfter = (i: number) => (del ? afterDelete(i, ch.start, n) : i >= ch.start ? i + n : i);
    if (o.rows) {
      const moved = o.rows.flatMap((m) => {
        const row = rowAfter(m.row);
        return row === undefined ? [] : [{ ...m, row }];
      });
      if (moved.length) out.rows = moved;
      else delete out.rows;
    }
    // A split at a deleted row moves to the first row after the deletion.
    if (o.splitAt !== undefined) out.splitAt = rowAfter(o.splitAt) ?? ch.start;
    if (out.dataRows && isEmpty(out.dataRows)) return undefined;
    if (!out.range && !out.headerRows && !out.dataRows && !out.rows && out.splitAt === undefined && !out.joinNext) return undefined;
  } else if (o.range) {
    const b = rows(rangeCols(o.range));
    if (isEmpty(b)) return undefined;
    out.range = withCols(o.range, b);
  }
  return out;
}
