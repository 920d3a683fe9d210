// The workbook the grid shows and where the user is in it: the active sheet, the selected
// cell, the rule whose cells are shown. The workbook is mutated in place (copying a
// 100k-row sheet per keystroke is not an option); `version` increments on every mutation
// so subscribers know to re-render.
import { isNumberCell, snapshotFromInput } from '../../core/cellInput.ts';
import { shapeChanges } from '../../core/sheetEdits.ts';
import { type Change, MANUAL_EDIT, isStructural, metaChange, reshapedSheets, sameSnapshot, workbookMetaChange } from '../../core/changes.ts';
import { type TableMeta, type Workbook, type WorkbookMeta, getCell, sheetById } from '../../core/model.ts';
import { cellRef, metaPatch } from '../../core/recipe.ts';
import type { RuleId } from '../../core/rules/types.ts';
import type { StoreContext } from '../context.ts';
import type { DocumentState } from '../documentStore.ts';

export interface DocumentSlice {
  workbook: Workbook | null;
  /** Increments on every change to the workbook's content. */
  version: number;
  activeSheetId: string | null;
  selection: { r: number; c: number } | null;
  /** A request to bring a cell into view (seq changes on every request). */
  focus: { r: number; c: number; seq: number } | null;
  /** The rule whose cells the panel is showing. */
  activeRuleId: RuleId | null;
  setActiveSheet(id: string): void;
  select(r: number, c: number): void;
  /** Selects a cell and scrolls the grid to it. */
  focusCell(r: number, c: number): void;
  setActiveRule(id: RuleId | null): void;
  editCell(r: number, c: number, text: string): void;
  /** Rows or columns inserted before, or deleted from, `at` on the active sheet (one undoable step). */
  editShape(what: 'rows' | 'columns', op: 'insert' | 'delete', at: number, count: number): void;
  /** Replaces a sheet's Level 2 metadata (an undoable command). */
  setMeta(sheetId: string, meta: TableMeta): void;
  /** Replaces the metadata for every table of the file (an undoable command). */
  setBookMeta(meta: WorkbookMeta): void;
}

/**
 * The state to set after `changes` were applied to (or reverted from) `wb`: new objects for
 * the sheets whose shape or metadata they altered, so views keyed on them refresh; after a
 * structural change the selection goes, and a sheet that no longer exists stops being the
 * active one.
 */
export function reshapedPatch(state: DocumentState, wb: Workbook, changes: readonly Change[]): Partial<DocumentState> {
  const reshaped = reshapedSheets(changes, { withMeta: true });
  if (reshaped.size === 0) return {};
  const workbook = { ...wb, sheets: wb.sheets.map((sh) => (reshaped.has(sh.id) ? { ...sh } : sh)) };
  const activeSheetId = workbook.sheets.some((sh) => sh.id === state.activeSheetId) ? state.activeSheetId : (workbook.sheets[0]?.id ?? null);
  return changes.some(isStructural) ? { workbook, activeSheetId, selection: null, focus: null, activeRuleId: null } : { workbook };
}

export function documentSlice({ set, get }: StoreContext): DocumentSlice {
  return {
    workbook: null,
    version: 0,
    activeSheetId: null,
    selection: null,
    focus: null,
    activeRuleId: null,

    setActiveSheet: (id) => {
      if (get().workbook && sheetById(get().workbook!, id)) set({ activeSheetId: id, selection: null, activeRuleId: null });
    },

    select: (r, c) => set({ selection: { r, c } }),

    focusCell: (r, c) => set({ selection: { r, c }, focus: { r, c, seq: (get().focus?.seq ?? 0) + 1 } }),

    setActiveRule: (id) => set({ activeRuleId: id }),

    editCell: (r, c, text) => {
      const { workbook, activeSheetId } = get();
      if (!workbook || !activeSheetId) return;
      const sheet = sheetById(workbook, activeSheetId)!;
      const before = getCell(sheet, r, c);
      const tables = get().findings[activeSheetId]?.structure.tables;
      const after = snapshotFromInput(text, before, isNumberCell(tables, r, c));
      if (sameSnapshot(before, after)) return;
      get().execute({
        changes: [{ kind: 'cell', sheetId: activeSheetId, r, c, before, after, ruleId: MANUAL_EDIT }],
        step: { kind: 'edit', sheet: sheet.name, ...cellRef(sheet, r, c, tables), text },
      });
    },

    editShape: (what, op, at, count) => {
      const { workbook, activeSheetId } = get();
      if (!workbook || !activeSheetId) return;
      const sheet = sheetById(workbook, activeSheetId)!;
      const changes = shapeChanges(sheet, what, op, at, count);
      if (changes.length === 0) return;
      const tables = get().findings[activeSheetId]?.structure.tables;
      const ref = cellRef(sheet, what === 'rows' ? at : 0, what === 'columns' ? at : 0, tables);
      get().execute({
        changes,
        step: what === 'rows' ? { kind: 'rows', sheet: sheet.name, op, row: ref.row, count } : { kind: 'columns', sheet: sheet.name, op, column: ref.column, count },
      });
    },

    setMeta: (sheetId, meta) => {
      const sheet = get().workbook && sheetById(get().workbook!, sheetId);
      if (!sheet) return;
      get().execute({ changes: [metaChange(sheet, meta, 'meta')], step: { kind: 'meta', sheet: sheet.name, patch: metaPatch(sheet.meta, meta) } });
    },

    setBookMeta: (meta) => {
      const { workbook, activeSheetId } = get();
      const sheetId = activeSheetId ?? workbook?.sheets[0]?.id;
      if (!workbook || !sheetId) return;
      const before = workbook.meta ?? {};
      const patch: Partial<WorkbookMeta> = {};
      for (const key of new Set([...Object.keys(before), ...Object.keys(meta)]) as Set<keyof WorkbookMeta>) if (before[key] !== meta[key]) patch[key] = meta[key] ?? '';
      if (Object.keys(patch).length === 0) return;
      get().execute({ changes: [workbookMetaChange(workbook, sheetId, meta, 'meta')], step: { kind: 'bookMeta', patch } });
    },
  };
}
