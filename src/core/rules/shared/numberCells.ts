// Numbers a fix writes into data cells: number-as-text's (`1,894.2`, `１，２００人`) and
// labels-in-values' (`a)343.4`, `約300人`) become typed numbers the same way, so the two
// fixes give the same cell whichever runs first. The units found on the values go to the
// column's Unit and Baseval when the column agrees on them, else to each cell's note.
import type { CellChange } from '../../changes.ts';
import type { SheetView } from '../../analysis/view.ts';
import { type CellSnapshot, getCell } from '../../model.ts';
import type { NumberText } from '../../text/numberText.ts';
import type { UnitSpec } from '../../text/units.ts';
import { joinNotes } from './cellNote.ts';
import { type MetaDraft, addMetaNote } from './metaDraft.ts';

/**
 * The cell as a typed number: the value exactly as parsed, `raw` holding the decimal text
 * when `String(value)` would not reproduce it (`-0.0`, `1.50`), the cell's number format
 * kept (the text format `@` is not a number format and is dropped), `notes` added to the
 * cell's note. Anything else on the cell (a formula) is kept.
 */
export function numberSnapshot(before: CellSnapshot, parsed: NumberText, notes: readonly string[]): CellSnapshot {
  const after: CellSnapshot = { ...before, value: parsed.value };
  if (String(parsed.value) !== parsed.text) after.raw = parsed.text;
  else delete after.raw;
  if (after.format === '@') delete after.format;
  const note = joinNotes(before.note, notes);
  if (note !== undefined) after.note = note;
  else delete after.note;
  return after;
}

/** Labels such as 約 in front of a number, for the metadata notes. */
const APPROX_NOTE = '概数（おおよその値）';

/** A number a fix writes into a data cell, with the labels that go to its note. */
export interface NumberCell {
  r: number;
  c: number;
  number: NumberText;
  /** Marks or labels taken off the value (`a)`, `1)`), for the cell note; 約 is added from `number`. */
  marks: readonly string[];
}

const unitKey = (u: UnitSpec, scale: number | undefined) => `${u.unit}\u0000${scale ?? ''}`;

/**
 * Decides, per column, where the units found in its values go: to the column's Unit (and
 * Baseval) when every value that states one states the same and the metadata does not
 * already say otherwise; else each cell keeps its own unit in its note (`単位：千円`), so
 * nothing is picked silently. A scale (`1,234千円`) goes to Baseval only when every number
 * of the column is converted here with it: a typed number beside it says nothing of its
 * scale, and Baseval would multiply it.
 */
function placeUnits(view: SheetView, cells: readonly NumberCell[], draft: MetaDraft): Set<NumberCell> {
  const byColumn = new Map<number, NumberCell[]>();
  for (const cell of cells) {
    let list = byColumn.get(cell.c);
    if (!list) byColumn.set(cell.c, (list = []));
    list.push(cell);
  }
  const toNote = new Set<NumberCell>();
  for (const [c, list] of byColumn) {
    const withUnit = list.filter((x) => x.number.unit);
    if (withUnit.length === 0) continue;
    const first = withUnit[0].number;
    const key = unitKey(first.unit!, first.scale);
    const existing = draft.meta.columns[c];
    let agree = withUnit.every((x) => unitKey(x.number.unit!, x.number.scale) === key);
    if (agree && existing?.unit !== undefined && existing.unit !== first.unit!.unit) agree = false;
    if (agree && first.scale !== undefined) {
      if (existing?.baseval !== undefined && existing.baseval !== first.scale) agree = false;
      else if (withUnit.length !== list.length || hasTypedNumber(view, withUnit[0])) agree = false;
    }
    if (!agree) {
      for (const x of withUnit) toNote.add(x);
      continue;
    }
    if (existing?.unit === first.unit!.unit && (first.scale === undefined || existing?.baseval === first.scale)) continue;
    const next = { ...existing, unit: first.unit!.unit };
    if (first.scale !== undefined) next.baseval = first.scale;
    while (draft.meta.columns.length < c) draft.meta.columns.push(undefined);
    draft.meta.columns[c] = next;
    draft.changed = true;
  }
  return toNote;
}

/** A typed number among the data cells of the cell's column. */
function hasTypedNumber(view: SheetView, cell: NumberCell): boolean {
  const t = view.tableAt(cell.r, cell.c);
  const values = view.sheet.columns[cell.c]?.values;
  if (!t || !values) return true;
  for (let r = t.dataRows.start; r <= t.dataRows.end; r++) if (typeof values[r] === 'number') return true;
  return false;
}

/**
 * The cell changes that write `cells` as typed numbers (in the given order), with their
 * units placed (column metadata or cell note) and 約 and the like listed in the metadata.
 */
export function numberCellChanges(view: SheetView, cells: readonly NumberCell[], draft: MetaDraft, ruleId: string): CellChange[] {
  const toNote = placeUnits(view, cells, draft);
  const { sheet } = view;
  const out: CellChange[] = [];
  for (const cell of cells) {
    const { r, c, number } = cell;
    const notes: string[] = [];
    if (number.approx !== undefined) {
      notes.push(number.approx);
      addMetaNote(draft, { mark: number.approx, text: APPROX_NOTE });
    }
    notes.push(...cell.marks);
    if (toNote.has(cell)) notes.push(`単位：${number.unit!.written}`);
    const before = getCell(sheet, r, c);
    out.push({ kind: 'cell', sheetId: sheet.id, r, c, before, after: numberSnapshot(before, number, notes), ruleId });
  }
  return out;
}
