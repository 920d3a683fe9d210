// Test helpers shared by the rule tests: run a cell rule over a whole sheet, apply a fix
// while checking that reverting restores the exact sheet, compare sheets in full.
import { expect } from 'vitest';
import { type Change, applyChanges, revertChanges } from '../src/core/changes.ts';
import { readWorkbook } from '../src/core/io/read.ts';
import { type Sheet, type Workbook, cellAddress, getCell, getProvenance, getValue, rangeAddress } from '../src/core/model.ts';
import { cellFindings } from '../src/core/rules/findings.ts';
import type { CellRule, FixOptions, Messages, RuleModule, SheetView, Violation } from '../src/core/rules/types.ts';
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

/** A cell rule run over every non-empty cell, as the engine runs it. */
export function detectAllCells(rule: CellRule, view: SheetView): Violation[] {
  const out: Violation[] = [];
  for (let r = 0; r < view.sheet.rowCount; r++) {
    for (let c = 0; c < view.sheet.columns.length; c++) {
      const v = getValue(view.sheet, r, c);
      if (v === null || v === '') continue;
      out.push(...cellFindings(rule, view, r, c));
    }
  }
  return out;
}

/** A rule's messages, by any id. */
export const messagesOf = (rule: RuleModule): Messages => rule.meta.messages;

/** `H6` for a violation's first cell. */
export const at = (v: Violation): string => cellAddress(v.range.s.r, v.range.s.c);

/** A sheet of a fixture file, by index or name. */
export function fixtureSheet(name: string, which: number | string = 0): Sheet {
  const sheets = readWorkbook(fixtureBytes(name), name.replace(/^.*\//, '')).workbook.sheets;
  return typeof which === 'number' ? sheets[which] : sheets.find((s) => s.name === which)!;
}

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/**
 * A rule's meta has a title and a description; its ja and en messages take the same
 * placeholders; and every violation in `found` (at least one) names a message — and a
 * fix message — whose placeholders its params fill.
 */
export function expectMessagesRender(rule: RuleModule, found: Violation[], { everyFixable = true } = {}): void {
  expect(rule.meta.title.ja).not.toBe('');
  expect(rule.meta.description.ja).not.toBe('');
  for (const m of Object.values(rule.meta.messages)) expect(placeholders(m.en)).toEqual(placeholders(m.ja));
  expect(found.length).toBeGreaterThan(0);
  for (const v of found) {
    const message = rule.meta.messages[v.messageId];
    expect(message, v.messageId).toBeDefined();
    if (everyFixable || v.fixId) expect(rule.meta.messages[v.fixId ?? ''], `${v.messageId}: fix`).toBeDefined();
    for (const key of placeholders(message.ja)) expect(v.params, `${v.messageId}: ${key}`).toHaveProperty(key);
  }
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
