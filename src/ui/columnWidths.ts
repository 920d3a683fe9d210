// Initial column widths: the wider of the source file's width and the displayed text of
// the first rows, so that `126,926` is not cut to `126,…` (Japanese fonts are wider than
// the ones the widths were saved with).
import type { MergeIndex } from '../core/mergeIndex.ts';
import { type Sheet, getFormat, getValue } from '../core/model.ts';
import { formatValue } from '../core/numberFormat.ts';

// The rows a preview of a big file shows (PREVIEW_ROWS): the widths do not change when the rest arrives.
const SAMPLE_ROWS = 200;
const MIN = 48;
const MAX = 360;

/** Display width in "half-width character" units: CJK and full-width forms count 2. */
export function textUnits(text: string): number {
  let units = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    units += cp >= 0x1100 && !(cp >= 0xff61 && cp <= 0xff9f) ? 2 : 1;
  }
  return units;
}

export function estimateColumnWidths(sheet: Sheet, date1904: boolean, merges: MergeIndex): number[] {
  const rows = Math.min(sheet.rowCount, SAMPLE_ROWS);
  return sheet.columns.map((_, c) => {
    const lengths: number[] = [];
    for (let r = 0; r < rows; r++) {
      const value = getValue(sheet, r, c);
      if (value === null) continue;
      const m = merges.at(r, c);
      if (m && m.e.c > m.s.c) continue; // a title merged across columns says nothing about this one
      const format = getFormat(sheet, r, c);
      // An integer of up to 11 digits in General shows as written: no need to format it
      // (SSF is most of this function's time on a CSV's preview, on the frame that shows it).
      if (typeof value === 'number' && format === 'General' && Number.isInteger(value) && Math.abs(value) < 1e11) {
        lengths.push(String(value).length);
        continue;
      }
      lengths.push(
        formatValue(value, format, date1904)
          .split(/\r?\n/)
          .reduce((longest, line) => Math.max(longest, textUnits(line)), 0),
      );
    }
    // The 90th percentile: a long note row under the table must not widen the whole column.
    lengths.sort((a, b) => a - b);
    const units = lengths.length ? lengths[Math.floor((lengths.length - 1) * 0.9)] : 0;
    const fromText = units * 7.5 + 22;
    const fromSource = (sheet.colWidths?.[c] ?? 0) * 1.15;
    return Math.round(Math.max(MIN, Math.min(MAX, Math.max(fromText, fromSource))));
  });
}
