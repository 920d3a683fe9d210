// One summary per row, computed in a single pass over the cells: the detector works on
// these summaries, so re-detecting after an edit costs O(rows), not O(cells).
import { type Sheet, getFormat, getValue } from '../model.ts';
import { CellClass, classifyValue, isNoteStart, isUnitNote } from './cellClass.ts';

export interface RowFeatures {
  nonEmpty: number;
  first: number; // first non-empty column, -1 when empty
  last: number;
  numbers: number;
  symbols: number;
  periods: number;
  dates: number;
  units: number;
  texts: number;
  /** The first non-empty cell opens a note (注, ※, 資料, a), 1)…). */
  noteStart: boolean;
  /** Text of the first non-empty cell when it is the only one, else ''. */
  loneText: string;
  /** The non-first cells are all unit notes (`(単位:千ト)` at the right of a caption). */
  restAreUnitNotes: boolean;
}

export function emptyFeatures(): RowFeatures {
  return { nonEmpty: 0, first: -1, last: -1, numbers: 0, symbols: 0, periods: 0, dates: 0, units: 0, texts: 0, noteStart: false, loneText: '', restAreUnitNotes: false };
}

export function rowFeatures(sheet: Sheet, r: number): RowFeatures {
  const f = emptyFeatures();
  let firstText = '';
  let restUnitNotes = true;
  for (let c = 0; c < sheet.columns.length; c++) {
    const value = getValue(sheet, r, c);
    if (value === null || value === '') continue;
    const cls = classifyValue(value, getFormat(sheet, r, c));
    if (cls === CellClass.Empty) continue;
    f.nonEmpty++;
    if (f.first < 0) {
      f.first = c;
      firstText = typeof value === 'string' ? value : '';
    } else if (!(typeof value === 'string' && isUnitNote(value))) {
      restUnitNotes = false;
    }
    f.last = c;
    switch (cls) {
      case CellClass.Number:
        f.numbers++;
        break;
      case CellClass.Symbol:
        f.symbols++;
        break;
      case CellClass.Period:
        f.periods++;
        break;
      case CellClass.Date:
        f.dates++;
        break;
      case CellClass.Unit:
        f.units++;
        break;
      default:
        f.texts++;
    }
  }
  f.noteStart = firstText !== '' && isNoteStart(firstText);
  f.loneText = f.nonEmpty === 1 ? firstText : '';
  f.restAreUnitNotes = f.nonEmpty > 1 && restUnitNotes;
  return f;
}

export function allRowFeatures(sheet: Sheet): RowFeatures[] {
  const out: RowFeatures[] = new Array(sheet.rowCount);
  for (let r = 0; r < sheet.rowCount; r++) out[r] = rowFeatures(sheet, r);
  return out;
}

/** Two summaries that lead the detector to the same decisions. */
export function sameShape(a: RowFeatures, b: RowFeatures): boolean {
  return (
    a.nonEmpty === b.nonEmpty &&
    a.first === b.first &&
    a.last === b.last &&
    a.numbers + a.symbols === b.numbers + b.symbols &&
    a.periods === b.periods &&
    a.dates === b.dates &&
    a.units === b.units &&
    a.noteStart === b.noteStart &&
    a.loneText === b.loneText &&
    a.restAreUnitNotes === b.restAreUnitNotes
  );
}
