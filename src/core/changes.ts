// A change is the only way the document is altered: manual edits and rule fixes both
// produce change lists, and the same list drives the preview, the undo history, each
// cell's provenance and the recipe. Changes are plain data so the worker can compute
// them and the main thread can apply them. Every change carries what it replaces, so
// reverting a list restores the exact earlier document (provenance included).
import {
  CELL_ARRAYS,
  type CellRange,
  type CellSnapshot,
  type Column,
  type Provenance,
  type Sheet,
  type TableMeta,
  type Workbook,
  type WorkbookMeta,
  getCell,
  popProvenance,
  pushProvenance,
  setCell,
  sheetById,
} from './model.ts';

/** Rule id recorded for a change typed by the user in the grid. */
export const MANUAL_EDIT = 'edit';

export interface CellChange {
  kind: 'cell';
  sheetId: string;
  r: number;
  c: number;
  before: CellSnapshot;
  after: CellSnapshot;
  /** Rule id, or `edit` for a manual edit. */
  ruleId: string;
}

/** Adds or removes one merge. */
export interface MergeChange {
  kind: 'merge';
  sheetId: string;
  op: 'add' | 'remove';
  range: CellRange;
  ruleId: string;
}

/** One row as it was: its cells (with their history) and whether it was hidden. */
export interface RowData {
  cells: { snap: CellSnapshot; provenance?: Provenance[]; fill?: string }[];
  hidden: boolean;
}

/** Deletes or inserts whole rows at `start`. Merges crossing them must be removed first. */
export interface RowsChange {
  kind: 'rows';
  sheetId: string;
  op: 'delete' | 'insert';
  start: number;
  rows: RowData[];
  ruleId: string;
}

/** Deletes or inserts whole columns at `start` (a column as the model stores it). */
export interface ColumnsChange {
  kind: 'columns';
  sheetId: string;
  op: 'delete' | 'insert';
  start: number;
  columns: { column: Column; width?: number; hidden: boolean }[];
  ruleId: string;
}

/** Adds or removes a whole sheet (splitting a sheet into tables). */
export interface SheetChange {
  kind: 'sheet';
  op: 'add' | 'remove';
  /** The sheet it comes right after (absent: first). */
  afterId?: string;
  sheet: Sheet;
  ruleId: string;
}

/** What is hidden on a sheet: rows, columns, and the sheet itself. */
export interface HiddenState {
  rows: number[];
  cols: number[];
  sheet?: boolean;
}

/** Replaces a sheet's hidden rows, columns and hidden flag. */
export interface HiddenChange {
  kind: 'hidden';
  sheetId: string;
  before: HiddenState;
  after: HiddenState;
  ruleId: string;
}

/** Replaces a sheet's Level 2 metadata. */
export interface MetaChange {
  kind: 'meta';
  sheetId: string;
  before: TableMeta | undefined;
  after: TableMeta | undefined;
  ruleId: string;
}

/**
 * Replaces the metadata of the whole file (`Workbook.meta`). Of kind `meta` like a table's,
 * so that everything that treats a metadata edit as touching no cell and no shape treats
 * this one so; `sheetId` is the sheet it was typed on (its tab refreshes).
 */
export interface WorkbookMetaChange {
  kind: 'meta';
  scope: 'workbook';
  sheetId: string;
  before: WorkbookMeta | undefined;
  after: WorkbookMeta | undefined;
  ruleId: string;
}

export type Change = CellChange | MergeChange | RowsChange | ColumnsChange | SheetChange | HiddenChange | MetaChange | WorkbookMetaChange;

/** Changes that alter a sheet's shape (rows, columns, merges, sheets), not only cell contents. */
export function isStructural(ch: Change): boolean {
  return ch.kind !== 'cell' && ch.kind !== 'meta';
}

export function sameSnapshot(a: CellSnapshot, b: CellSnapshot): boolean {
  return (
    sameValue(a.value, b.value) &&
    (a.format ?? 'General') === (b.format ?? 'General') &&
    a.raw === b.raw &&
    a.formula === b.formula &&
    a.note === b.note
  );
}

function sameValue(a: CellSnapshot['value'], b: CellSnapshot['value']): boolean {
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) return a.error === b.error;
  return Object.is(a, b);
}

/** Builds the change that sets one cell, reading its current state as `before`. */
export function cellChange(wb: Workbook, sheetId: string, r: number, c: number, after: CellSnapshot, ruleId: string): CellChange {
  return { kind: 'cell', sheetId, r, c, before: getCell(requireSheet(wb, sheetId), r, c), after, ruleId };
}

function requireSheet(wb: Workbook, id: string): Sheet {
  const sheet = sheetById(wb, id);
  if (!sheet) throw new Error(`unknown sheet ${id}`);
  return sheet;
}

const sameRange = (a: CellRange, b: CellRange) => a.s.r === b.s.r && a.s.c === b.s.c && a.e.r === b.e.r && a.e.c === b.e.c;

function addMerge(sheet: Sheet, range: CellRange): void {
  sheet.merges = [...sheet.merges, { s: { ...range.s }, e: { ...range.e } }];
}

function removeMerge(sheet: Sheet, range: CellRange): void {
  const i = sheet.merges.findIndex((m) => sameRange(m, range));
  if (i < 0) throw new Error(`no merge ${JSON.stringify(range)} on ${sheet.id}`);
  sheet.merges = sheet.merges.filter((_, j) => j !== i);
}

// --- rows ------------------------------------------------------------------------------

const SPARSE = CELL_ARRAYS;

/** The rows [start, start + count) as RowData, without changing the sheet. */
export function readRows(sheet: Sheet, start: number, count: number): RowData[] {
  const hidden = new Set(sheet.hiddenRows);
  const out: RowData[] = [];
  for (let r = start; r < start + count; r++) {
    out.push({
      hidden: hidden.has(r),
      cells: sheet.columns.map((col, c) => {
        const cell: RowData['cells'][number] = { snap: getCell(sheet, r, c) };
        const prov = col.provenance?.[r];
        if (prov) cell.provenance = prov.map((p) => ({ ...p }));
        const fill = col.fills?.[r];
        if (fill) cell.fill = fill;
        return cell;
      }),
    });
  }
  return out;
}

function assertNoMergeCrossing(sheet: Sheet, start: number, end: number, axis: 'r' | 'c'): void {
  for (const m of sheet.merges) {
    if (m.e[axis] >= start && m.s[axis] <= end) throw new Error(`merge ${JSON.stringify(m)} crosses ${axis === 'r' ? 'rows' : 'columns'} ${start}–${end}; remove it first`);
  }
}

function deleteRows(sheet: Sheet, start: number, count: number): void {
  assertNoMergeCrossing(sheet, start, start + count - 1, 'r');
  for (const col of sheet.columns) {
    col.values.splice(start, count);
    for (const key of SPARSE) col[key]?.splice(start, count);
  }
  sheet.rowCount -= count;
  sheet.merges = sheet.merges.map((m) => (m.s.r > start ? { s: { r: m.s.r - count, c: m.s.c }, e: { r: m.e.r - count, c: m.e.c } } : m));
  sheet.hiddenRows = sheet.hiddenRows.filter((r) => r < start || r >= start + count).map((r) => (r >= start + count ? r - count : r));
}

function insertRows(sheet: Sheet, start: number, rows: RowData[]): void {
  const n = rows.length;
  // Merges at or below `start` move down first, so the inserted rows are free of them.
  sheet.merges = sheet.merges.map((m) => (m.s.r >= start ? { s: { r: m.s.r + n, c: m.s.c }, e: { r: m.e.r + n, c: m.e.c } } : m));
  sheet.hiddenRows = sheet.hiddenRows.map((r) => (r >= start ? r + n : r));
  sheet.columns.forEach((col) => {
    col.values.splice(start, 0, ...new Array(n).fill(null));
    for (const key of SPARSE) col[key]?.splice(start, 0, ...new Array(n).fill(key === 'formats' ? 0 : undefined));
  });
  sheet.rowCount += n;
  rows.forEach((row, i) => {
    const r = start + i;
    row.cells.forEach((cell, c) => {
      setCell(sheet, r, c, cell.snap);
      const col = sheet.columns[c];
      if (cell.provenance) (col.provenance ??= new Array(sheet.rowCount))[r] = cell.provenance.map((p) => ({ ...p }));
      if (cell.fill) (col.fills ??= new Array(sheet.rowCount))[r] = cell.fill;
    });
    if (row.hidden) sheet.hiddenRows.push(r);
  });
  sheet.hiddenRows.sort((a, b) => a - b);
}

// --- columns ---------------------------------------------------------------------------

/** The columns [start, start + count) as ColumnsChange data, without changing the sheet. */
export function readColumns(sheet: Sheet, start: number, count: number): ColumnsChange['columns'] {
  const hidden = new Set(sheet.hiddenCols);
  const out: ColumnsChange['columns'] = [];
  for (let c = start; c < start + count; c++) {
    out.push({ column: structuredClone(sheet.columns[c]), width: sheet.colWidths?.[c], hidden: hidden.has(c) });
  }
  return out;
}

function shiftColumnMeta(sheet: Sheet, start: number, removed: number, inserted: ColumnsChange['columns'] | undefined): void {
  const widths = (inserted ?? []).map((x) => x.width);
  if (sheet.colWidths) sheet.colWidths = spliced(sheet.colWidths, start, removed, widths);
  if (sheet.meta) sheet.meta = { ...sheet.meta, columns: spliced(sheet.meta.columns, start, removed, widths.map(() => undefined)) };
}

/**
 * `arr` with `removed` entries at `start` replaced by `added`. Per-column arrays may stop
 * short of the last column: past their end nothing is stored, so nothing is padded either
 * (otherwise insert-then-delete would leave `[undefined]` where there was `[]`).
 */
function spliced<T>(arr: T[], start: number, removed: number, added: (T | undefined)[]): T[] {
  if (start >= arr.length && added.every((x) => x === undefined)) return arr;
  const copy = [...arr];
  while (copy.length < start) copy.push(undefined as T);
  copy.splice(start, removed, ...(added as T[]));
  return copy;
}

function deleteColumns(sheet: Sheet, start: number, count: number): void {
  assertNoMergeCrossing(sheet, start, start + count - 1, 'c');
  sheet.columns.splice(start, count);
  sheet.merges = sheet.merges.map((m) => (m.s.c > start ? { s: { r: m.s.r, c: m.s.c - count }, e: { r: m.e.r, c: m.e.c - count } } : m));
  sheet.hiddenCols = sheet.hiddenCols.filter((c) => c < start || c >= start + count).map((c) => (c >= start + count ? c - count : c));
  shiftColumnMeta(sheet, start, count, undefined);
}

function insertColumns(sheet: Sheet, start: number, columns: ColumnsChange['columns']): void {
  const n = columns.length;
  sheet.merges = sheet.merges.map((m) => (m.s.c >= start ? { s: { r: m.s.r, c: m.s.c + n }, e: { r: m.e.r, c: m.e.c + n } } : m));
  sheet.hiddenCols = sheet.hiddenCols.map((c) => (c >= start ? c + n : c));
  sheet.columns.splice(start, 0, ...columns.map((x) => structuredClone(x.column)));
  columns.forEach((x, i) => {
    if (x.hidden) sheet.hiddenCols.push(start + i);
  });
  sheet.hiddenCols.sort((a, b) => a - b);
  shiftColumnMeta(sheet, start, 0, columns);
}

// --- apply / revert --------------------------------------------------------------------

function applyOne(wb: Workbook, ch: Change, forward: boolean): void {
  switch (ch.kind) {
    case 'cell': {
      const sheet = requireSheet(wb, ch.sheetId);
      if (forward) {
        setCell(sheet, ch.r, ch.c, ch.after);
        pushProvenance(sheet, ch.r, ch.c, { ruleId: ch.ruleId, before: ch.before });
      } else {
        setCell(sheet, ch.r, ch.c, ch.before);
        popProvenance(sheet, ch.r, ch.c);
      }
      return;
    }
    case 'merge': {
      const sheet = requireSheet(wb, ch.sheetId);
      if ((ch.op === 'add') === forward) addMerge(sheet, ch.range);
      else removeMerge(sheet, ch.range);
      return;
    }
    case 'rows': {
      const sheet = requireSheet(wb, ch.sheetId);
      if ((ch.op === 'insert') === forward) insertRows(sheet, ch.start, ch.rows);
      else deleteRows(sheet, ch.start, ch.rows.length);
      return;
    }
    case 'columns': {
      const sheet = requireSheet(wb, ch.sheetId);
      if ((ch.op === 'insert') === forward) insertColumns(sheet, ch.start, ch.columns);
      else deleteColumns(sheet, ch.start, ch.columns.length);
      return;
    }
    case 'sheet': {
      if ((ch.op === 'add') === forward) {
        if (sheetById(wb, ch.sheet.id)) throw new Error(`sheet ${ch.sheet.id} exists`);
        const at = ch.afterId === undefined ? 0 : wb.sheets.findIndex((s) => s.id === ch.afterId) + 1;
        if (at < 0) throw new Error(`unknown sheet ${ch.afterId}`);
        wb.sheets.splice(at, 0, structuredClone(ch.sheet));
      } else {
        const i = wb.sheets.findIndex((s) => s.id === ch.sheet.id);
        if (i < 0) throw new Error(`unknown sheet ${ch.sheet.id}`);
        wb.sheets.splice(i, 1);
      }
      return;
    }
    case 'hidden': {
      const sheet = requireSheet(wb, ch.sheetId);
      const to = forward ? ch.after : ch.before;
      sheet.hiddenRows = [...to.rows];
      sheet.hiddenCols = [...to.cols];
      if (to.sheet) sheet.hidden = true;
      else delete sheet.hidden;
      return;
    }
    case 'meta': {
      if ('scope' in ch) {
        const to = forward ? ch.after : ch.before;
        if (to === undefined) delete wb.meta;
        else wb.meta = { ...to };
        return;
      }
      const sheet = requireSheet(wb, ch.sheetId);
      const to = forward ? ch.after : ch.before;
      sheet.meta = to === undefined ? undefined : structuredClone(to);
      return;
    }
  }
}

/**
 * Applies changes in order. Mutates `wb`; cell changes record provenance on their cell.
 * All or nothing: when one change cannot be applied, the ones before it are reverted and
 * the error goes on, so a caller never holds a document that is half a command.
 */
export function applyChanges(wb: Workbook, changes: readonly Change[]): void {
  let i = 0;
  try {
    for (; i < changes.length; i++) applyOne(wb, changes[i], true);
  } catch (e) {
    for (let j = i - 1; j >= 0; j--) applyOne(wb, changes[j], false);
    throw e;
  }
}

/**
 * `applyChanges` of a long list in pieces of `piece` changes with `pause()` awaited between
 * them, so that a page keeps painting while 200,000 changes go in. All or nothing as well:
 * when a piece cannot be applied, the pieces before it are reverted and the error goes on.
 */
export async function applyChangesInPieces(wb: Workbook, changes: readonly Change[], piece: number, pause: () => Promise<void>): Promise<void> {
  let done = 0;
  try {
    for (; done < changes.length; done += piece) {
      if (done > 0) await pause();
      applyChanges(wb, changes.slice(done, done + piece));
    }
  } catch (e) {
    revertChanges(wb, changes.slice(0, done));
    throw e;
  }
}

/** Undoes changes that were applied with `applyChanges`, restoring the exact prior state. */
export function revertChanges(wb: Workbook, changes: readonly Change[]): void {
  for (let i = changes.length - 1; i >= 0; i--) applyOne(wb, changes[i], false);
}

/** The sheet a change is on; for a sheet added or removed, that sheet. */
export function sheetOfChange(ch: Change): string {
  return ch.kind === 'sheet' ? ch.sheet.id : ch.sheetId;
}

/**
 * The sheets whose shape the changes alter (rows, columns, merges, hidden marks, sheets
 * added or removed): on those, row and column numbers of an analysis or of a structure
 * correction no longer point where they did. `withMeta`: also the sheets whose metadata
 * the changes replace (a view showing the sheet's metadata must refresh).
 */
export function reshapedSheets(changes: readonly Change[], { withMeta = false } = {}): Set<string> {
  const out = new Set<string>();
  for (const ch of changes) if (isStructural(ch) || (withMeta && ch.kind === 'meta')) out.add(sheetOfChange(ch));
  return out;
}

// --- builders: each reads what it replaces from the sheet as it is now ------------------

export function removeMergeChange(sheet: Sheet, range: CellRange, ruleId: string): MergeChange {
  return { kind: 'merge', sheetId: sheet.id, op: 'remove', range: { s: { ...range.s }, e: { ...range.e } }, ruleId };
}

export function deleteRowsChange(sheet: Sheet, start: number, count: number, ruleId: string): RowsChange {
  return { kind: 'rows', sheetId: sheet.id, op: 'delete', start, rows: readRows(sheet, start, count), ruleId };
}

export function deleteColumnsChange(sheet: Sheet, start: number, count: number, ruleId: string): ColumnsChange {
  return { kind: 'columns', sheetId: sheet.id, op: 'delete', start, columns: readColumns(sheet, start, count), ruleId };
}

export function metaChange(sheet: Sheet, after: TableMeta | undefined, ruleId: string): MetaChange {
  return { kind: 'meta', sheetId: sheet.id, before: sheet.meta && structuredClone(sheet.meta), after: after && structuredClone(after), ruleId };
}

/** The change that sets the file's metadata (`sheetId`: the sheet it is typed on). */
export function workbookMetaChange(wb: Workbook, sheetId: string, after: WorkbookMeta | undefined, ruleId: string): WorkbookMetaChange {
  return { kind: 'meta', scope: 'workbook', sheetId, before: wb.meta && { ...wb.meta }, after: after && { ...after }, ruleId };
}

export function hiddenChange(sheet: Sheet, after: HiddenState, ruleId: string): HiddenChange {
  return { kind: 'hidden', sheetId: sheet.id, before: { rows: [...sheet.hiddenRows], cols: [...sheet.hiddenCols], sheet: sheet.hidden }, after, ruleId };
}
