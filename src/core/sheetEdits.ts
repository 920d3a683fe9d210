// Rows and columns inserted or deleted by the user (the grid's context menu), as change
// lists: undoable, mirrored to the worker, recorded as recipe steps. A merge the edit would
// cut (one spanning the place of new rows, or reaching into deleted ones) is undone first,
// in the same step, so the history shows it and 元に戻す brings it back.
import { type Change, type ColumnsChange, MANUAL_EDIT, type RowsChange, deleteColumnsChange, deleteRowsChange, removeMergeChange } from './changes.ts';
import { type Sheet, emptyColumn } from './model.ts';

function cutMerges(sheet: Sheet, start: number, end: number, axis: 'r' | 'c', inserting: boolean): Change[] {
  // Inserting at `start` cuts a merge that starts above it and reaches it; deleting cuts any merge touching the rows.
  const cut = sheet.merges.filter((m) => (inserting ? m.s[axis] < start && m.e[axis] >= start : m.e[axis] >= start && m.s[axis] <= end));
  return cut.map((m) => removeMergeChange(sheet, m, MANUAL_EDIT));
}

export function insertRowsChanges(sheet: Sheet, at: number, count: number): Change[] {
  const rows: RowsChange['rows'] = Array.from({ length: count }, () => ({ hidden: false, cells: sheet.columns.map(() => ({ snap: { value: null } })) }));
  return [...cutMerges(sheet, at, at, 'r', true), { kind: 'rows', sheetId: sheet.id, op: 'insert', start: at, rows, ruleId: MANUAL_EDIT }];
}

export function deleteRowsChanges(sheet: Sheet, at: number, count: number): Change[] {
  const n = Math.min(count, sheet.rowCount - at);
  if (n <= 0) return [];
  return [...cutMerges(sheet, at, at + n - 1, 'r', false), deleteRowsChange(sheet, at, n, MANUAL_EDIT)];
}

export function insertColumnsChanges(sheet: Sheet, at: number, count: number): Change[] {
  const columns: ColumnsChange['columns'] = Array.from({ length: count }, () => ({ column: emptyColumn(sheet.rowCount), hidden: false }));
  return [...cutMerges(sheet, at, at, 'c', true), { kind: 'columns', sheetId: sheet.id, op: 'insert', start: at, columns, ruleId: MANUAL_EDIT }];
}

export function deleteColumnsChanges(sheet: Sheet, at: number, count: number): Change[] {
  const n = Math.min(count, sheet.columns.length - at);
  if (n <= 0) return [];
  return [...cutMerges(sheet, at, at + n - 1, 'c', false), deleteColumnsChange(sheet, at, n, MANUAL_EDIT)];
}

/** The changes of one shape edit. */
export function shapeChanges(sheet: Sheet, what: 'rows' | 'columns', op: 'insert' | 'delete', at: number, count: number): Change[] {
  if (what === 'rows') return op === 'insert' ? insertRowsChanges(sheet, at, count) : deleteRowsChanges(sheet, at, count);
  return op === 'insert' ? insertColumnsChanges(sheet, at, count) : deleteColumnsChanges(sheet, at, count);
}
