// Test helpers shared by the rule tests: run a cell rule over a whole sheet, apply a fix
// while checking that reverting restores the exact sheet, compare sheets in full.
import { expect } from 'vitest';
import { type Change, applyChanges, revertChanges } from '../src/core/changes.ts';
import { readWorkbook } from '../src/core/io/read.ts';
import { type Sheet, type Workbook, cellAddress, getCell, getProvenance, getValue, rangeAddress } from '../src/core/model.ts';
import type { CellRule, FixOptions, RuleModule, SheetView, Violation } from '../src/core/rules/types.ts';
import { fixtureBytes } from './fixtures.ts';

/** Everything a change can touch: cells with history, merges, hidden rows and columns, widths, metadata. */
export function sheetContents(sheet: Sheet): string {
  const cells = [];
  for (let r = 0; r < sheet.rowCount; r++) for (let c = 0; c < sheet.columns.length; c++) cells.push([getCell(sheet, r, c), getProvenance(sheet, r, c)]);
  const merges = sheet.merges.map(rangeAddress).sort();
  // Widths past the last known one are unknown either way.
  const widths = [...(sheet.colWidths ?? [])];
  while (widths.length > 0 && widths[widths.length - 1] === undefined) widths.pop();
  return JSON.stringify({ rows: sheet.rowCount, cols: sheet.columns.length, merges, hiddenRows: sheet.hiddenRows, hiddenCols: sheet.hiddenCols, widths, meta: sheet.meta, cells });
}

/** Applies a rule's fix to the view's sheet; checks that reverting restores the exact sheet and re-applying gives the same. */
export function applyFixChecked(rule: RuleModule, view: SheetView, options: FixOptions = {}, date1904 = false): Change[] {
  const wb: Workbook = { source: { fileName: 't', format: 'xlsx', byteLength: 0 }, date1904, sheets: [view.sheet] };
  const before = sheetContents(view.sheet);
  const changes = rule.fix!(view, options);
  applyChanges(wb, changes);
  const after = sheetContents(view.sheet);
  revertChanges(wb, changes);
  expect(sheetContents(view.sheet)).toBe(before);
  applyChanges(wb, changes);
  expect(sheetContents(view.sheet)).toBe(after);
  return changes;
}

/** A cell rule run over every non-empty cell, as the engine runs it. */
export function detectAllCells(rule: CellRule, view: SheetView): Violation[] {
  const out: Violation[] = [];
  for (let r = 0; r < view.sheet.rowCount; r++) {
    for (let c = 0; c < view.sheet.columns.length; c++) {
      const v = getValue(view.sheet, r, c);
      if (v === null || v === '') continue;
      out.push(...(rule.detectCell(view, r, c) ?? []));
    }
  }
  return out;
}

/** `H6` for a violation's first cell. */
export const at = (v: Violation): string => cellAddress(v.range.s.r, v.range.s.c);

/** A sheet of a fixture file, by index or name. */
export function fixtureSheet(name: string, which: number | string = 0): Sheet {
  const sheets = readWorkbook(fixtureBytes(name), name.replace(/^.*\//, '')).workbook.sheets;
  return typeof which === 'number' ? sheets[which] : sheets.find((s) => s.name === which)!;
}
