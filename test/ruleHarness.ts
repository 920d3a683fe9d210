// Test helpers shared by the rule tests: apply a fix while checking that reverting restores
// the exact sheet, compare sheets in full, read fixture sheets. The rules' findings are
// tested through ruleTester.ts.
import { expect } from 'vitest';
import { type Change, applyChanges, revertChanges } from '../src/core/changes.ts';
import { readWorkbook } from '../src/core/io/read.ts';
import { type Sheet, type Workbook, cellAddress, getCell, getProvenance, rangeAddress } from '../src/core/model.ts';
import type { FixOptions, RuleModule, SheetView, Violation } from '../src/core/rules/types.ts';
import type { ColumnKind } from '../src/core/structure/types.ts';
import { fixtureBytes } from './fixtures.ts';
import { tableOf, viewOf } from './sheets.ts';

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

/** `H6` for a violation's first cell. */
export const at = (v: Violation): string => cellAddress(v.range.s.r, v.range.s.c);

/** A sheet of a fixture file, by index or name. */
export function fixtureSheet(name: string, which: number | string = 0): Sheet {
  const sheets = readWorkbook(fixtureBytes(name), name.replace(/^.*\//, '')).workbook.sheets;
  return typeof which === 'number' ? sheets[which] : sheets.find((s) => s.name === which)!;
}

/** `n` number columns, for table specs. */
export const numberKinds = (n: number): ColumnKind[] => new Array<ColumnKind>(n).fill('number');

/**
 * population.xlsx with its table given by hand (rows checked against the file): the rule
 * tests see the layout the guide describes, whatever the detector makes of it.
 */
export function populationView(): SheetView {
  const sheet = fixtureSheet('population.xlsx');
  const table = tableOf(sheet, {
    captionRows: [0],
    headerRows: [2, 4],
    unitRows: [4],
    dataRows: [5, 52],
    noteRows: [54, 55, 56, 57],
    keyColumns: [0],
    kinds: ['text', ...numberKinds(8)],
  });
  return viewOf(sheet, [table]);
}
