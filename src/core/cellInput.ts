// What a cell becomes when the user types text into it. Like CSV import, only a plain
// decimal literal becomes a number; `1,234` or `０１` stay text for the rules to report —
// except in a column of numbers, where typing `1,234` (digits grouped by commas, as Excel
// takes them) stores 1234, as it would in Excel.
import { type CellChange, MANUAL_EDIT, cellChange, sameSnapshot } from './changes.ts';
import type { TableStructure } from './structure/types.ts';
import type { CellSnapshot, Sheet, Workbook } from './model.ts';
import { isCanonicalNumber, plainNumber } from './plainNumber.ts';

const GROUPED = /^[\s\u3000]*(-?)([0-9]{1,3}(?:,[0-9]{3})+)(\.[0-9]+)?[\s\u3000]*$/;

/** `1,234` → 1234, `-12,345.6` → −12345.6; undefined for anything else. */
function groupedNumber(text: string): number | undefined {
  const m = GROUPED.exec(text);
  return m ? Number(`${m[1]}${m[2].replace(/,/g, '')}${m[3] ?? ''}`) : undefined;
}

/** Cell (r, c) is a data cell of a table's column of numbers. */
export function isNumberCell(tables: readonly TableStructure[] | undefined, r: number, c: number): boolean {
  const t = tables?.find((x) => r >= x.dataRows.start && r <= x.dataRows.end && c >= x.columns.start && c <= x.columns.end);
  return t?.columnInfo.find((ci) => ci.c === c)?.kind === 'number';
}

export function snapshotFromInput(text: string, previous: CellSnapshot, numberColumn = false): CellSnapshot {
  const format = previous.format;
  if (text === '') return format ? { value: null, format } : { value: null };
  const grouped = numberColumn ? groupedNumber(text) : undefined;
  if (grouped !== undefined) return format ? { value: grouped, format } : { value: grouped };
  const n = plainNumber(text);
  const snap: CellSnapshot = n === undefined ? { value: text } : { value: n };
  if (n !== undefined && !isCanonicalNumber(text, n)) snap.raw = text;
  // A typed text keeps the cell's number format only if it is a number (Excel does the same for display).
  if (format && n !== undefined) snap.format = format;
  return snap;
}

/** The text the editor starts with: what the user would type to get this value back. */
export function editableText(snap: CellSnapshot): string {
  const v = snap.value;
  if (v === null) return '';
  if (typeof v === 'number') return snap.raw ?? String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'object') return v.error;
  return v;
}

/** The change typing `text` into a cell makes, as a grid edit does; none when it changes nothing. */
export function typedChange(wb: Workbook, sheet: Sheet, r: number, c: number, text: string, tables?: readonly TableStructure[]): CellChange | undefined {
  const ch = cellChange(wb, sheet.id, r, c, { value: null }, MANUAL_EDIT);
  const after = snapshotFromInput(text, ch.before, isNumberCell(tables, r, c));
  return sameSnapshot(ch.before, after) ? undefined : { ...ch, after };
}
