// 「検索と置換」: every cell of a sheet whose text holds a string, and what it becomes with
// the string replaced — each as the change typing the new text into the cell makes
// (cellInput.ts: `1,234` in a column of numbers is the number), so a replacement is one
// undoable command and a recipe step that next year's file gets too.
import { editableText, typedChange } from './cellInput.ts';
import type { CellChange } from './changes.ts';
import { type Sheet, type Workbook, getCell } from './model.ts';
import type { TableStructure } from './structure/types.ts';

export interface Replacement {
  r: number;
  c: number;
  before: string;
  after: string;
}

/** Every cell whose text (as the editor shows it) holds `find`, and its text with each `find` replaced. */
export function findReplacements(sheet: Sheet, find: string, replace: string): Replacement[] {
  if (find === '') return [];
  const out: Replacement[] = [];
  for (let r = 0; r < sheet.rowCount; r++) {
    for (let c = 0; c < sheet.columns.length; c++) {
      const v = sheet.columns[c].values[r];
      if (v === null || v === undefined) continue;
      const before = typeof v === 'string' ? v : editableText(getCell(sheet, r, c));
      if (!before.includes(find)) continue;
      out.push({ r, c, before, after: before.split(find).join(replace) });
    }
  }
  return out;
}

/** The changes of replacing `find` by `replace` in every cell of `sheet` that holds it. */
export function replaceChanges(wb: Workbook, sheet: Sheet, find: string, replace: string, tables?: readonly TableStructure[]): CellChange[] {
  const out: CellChange[] = [];
  for (const x of findReplacements(sheet, find, replace)) {
    const ch = typedChange(wb, sheet, x.r, x.c, x.after, tables);
    if (ch) out.push(ch);
  }
  return out;
}
