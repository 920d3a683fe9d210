// What a cell becomes when the user types text into it. Like CSV import, only a plain
// decimal literal becomes a number; `1,234` or `０１` stay text for the rules to report.
import type { CellSnapshot } from './model.ts';
import { isCanonicalNumber, plainNumber } from './plainNumber.ts';

export function snapshotFromInput(text: string, previous: CellSnapshot): CellSnapshot {
  const format = previous.format;
  if (text === '') return format ? { value: null, format } : { value: null };
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
