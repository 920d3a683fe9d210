// A change is the only way the document is altered: manual edits and rule fixes both
// produce change lists, and the same list drives the preview, the undo history, each
// cell's provenance and (later) the recipe. Changes are plain data so the worker can
// compute them and the main thread can apply them (or the other way round).
import {
  type CellSnapshot,
  type Workbook,
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

// Structural changes (row removal, unmerge, sheet split…) join this union as the fixes
// that need them arrive; each must be invertible from its own data.
export type Change = CellChange;

export function sameSnapshot(a: CellSnapshot, b: CellSnapshot): boolean {
  return (
    sameValue(a.value, b.value) &&
    (a.format ?? 'General') === (b.format ?? 'General') &&
    a.raw === b.raw &&
    a.formula === b.formula
  );
}

function sameValue(a: CellSnapshot['value'], b: CellSnapshot['value']): boolean {
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) return a.error === b.error;
  return Object.is(a, b);
}

/** Builds the change that sets one cell, reading its current state as `before`. */
export function cellChange(wb: Workbook, sheetId: string, r: number, c: number, after: CellSnapshot, ruleId: string): CellChange {
  const sheet = sheetById(wb, sheetId);
  if (!sheet) throw new Error(`unknown sheet ${sheetId}`);
  return { kind: 'cell', sheetId, r, c, before: getCell(sheet, r, c), after, ruleId };
}

/** Applies changes in order. Mutates `wb`; each change records provenance on its cell. */
export function applyChanges(wb: Workbook, changes: readonly Change[]): void {
  for (const ch of changes) {
    const sheet = sheetById(wb, ch.sheetId);
    if (!sheet) throw new Error(`unknown sheet ${ch.sheetId}`);
    setCell(sheet, ch.r, ch.c, ch.after);
    pushProvenance(sheet, ch.r, ch.c, { ruleId: ch.ruleId, before: ch.before });
  }
}

/** Undoes changes that were applied with `applyChanges`, restoring the exact prior state. */
export function revertChanges(wb: Workbook, changes: readonly Change[]): void {
  for (let i = changes.length - 1; i >= 0; i--) {
    const ch = changes[i];
    const sheet = sheetById(wb, ch.sheetId);
    if (!sheet) throw new Error(`unknown sheet ${ch.sheetId}`);
    setCell(sheet, ch.r, ch.c, ch.before);
    popProvenance(sheet, ch.r, ch.c);
  }
}
