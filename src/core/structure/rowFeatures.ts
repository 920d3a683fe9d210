// One summary per row, computed in a single pass over the cells: the detector works on
// these summaries (and reads cells only near the tops and bottoms of tables), so
// re-detecting after an edit costs O(rows), not O(cells).
import { type Sheet, getFormat, getValue } from '../model.ts';
import { CellClass, classifyValue, isNoteStart, isUnitNote } from './cellClass.ts';
import { lineKindOf, type LineKind } from './lineText.ts';

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
  /**
   * Of the texts, identifiers written as groups of digits with separators (`828-262-2180`,
   * `658-0027`, `27695-7642`): values of a data row for the line roles, though a column of
   * them is codes, not numbers.
   */
  codes: number;
  /**
   * Typed or written integers 1800–2100 in a run that counts up by 1–10 at a time (2015,
   * 2016, 2017…): a row of them is a header of years, not data. Values that happen to lie
   * in that range (1973, 1967, 1960 people) do not form such a run and count once.
   * Typed dates that count up in even steps (2021-10-05, 10-06, 10-07; month by month; year
   * by year), three or more and no other values in the row, count here too: a header of
   * dates over the data, not a row of it.
   */
  years: number;
  /** Every non-empty cell is a run of dashes or rules (`----`, `―――`): a ruling line. */
  rule: boolean;
  /** The first non-empty cell opens a note (注, ※, 資料, a), 1)…). */
  noteStart: boolean;
  /** Text of the first non-empty cell when it is the only one, else ''. */
  loneText: string;
  /**
   * The non-first cells are all unit, date or source notes (`(単位:千ト)`, `平成27年８月1日現在`,
   * `浜松市総務部文書行政課` at the right of a caption).
   */
  restAreUnitNotes: boolean;
  /**
   * At most one plain text, no values, the rest periods, dates and notes (`28`(平成28年) `11`(11月1日)
   * `中区町別世帯数人口一覧表` `(住民登録による)`): a title line with its date, not a row of titles.
   */
  titleLine: boolean;
  /** Length of the longest text in the row. */
  longest: number;
  /** What the first text of the row reads as: a caption, a date line, a unit line, a source, a note… */
  kind: LineKind;
}

export function emptyFeatures(): RowFeatures {
  return {
    nonEmpty: 0,
    first: -1,
    last: -1,
    numbers: 0,
    symbols: 0,
    periods: 0,
    dates: 0,
    units: 0,
    texts: 0,
    codes: 0,
    years: 0,
    rule: false,
    noteStart: false,
    loneText: '',
    restAreUnitNotes: false,
    titleLine: false,
    longest: 0,
    kind: 'none',
  };
}

const DASHES = /^[\s\u3000]*[-－‐―—–─=＝_]+[\s\u3000]*$/;

function isYearNumber(v: number): boolean {
  return Number.isInteger(v) && v >= 1800 && v <= 2100;
}

/** A remark in brackets beside a title: `(住民登録による)`. */
const REMARK = /^[\s\u3000]*[(（][^()（）]{2,30}[)）][\s\u3000]*$/;

function isMetaNote(text: string): boolean {
  if (isUnitNote(text)) return true;
  const k = lineKindOf(text);
  return k === 'unit' || k === 'date' || k === 'source';
}

const CODE_TEXT = /^[\s\u3000]*[(（]?[0-9０-９]{2,}[)）]?(?:[-‐－.．/ ][0-9０-９]{2,})+[\s\u3000]*$/;

const YEAR_SPAN = /^[\s\u3000]*(?:1[89]|20)[0-9]{2}[-‐－/](?:(?:1[89]|20)[0-9]{2}|[0-9]{2})[\s\u3000]*$/;

/** See `RowFeatures.codes`. A span of years (`2008-2012`, `1995/96`) titles a column: no code. */
export function isCodeText(text: string): boolean {
  return CODE_TEXT.test(text) && !YEAR_SPAN.test(text);
}

/** The summary of row `r`, over columns `from`…`to` (a side-by-side table's own columns). */
export function rowFeatures(sheet: Sheet, r: number, from = 0, to = sheet.columns.length - 1): RowFeatures {
  const f = emptyFeatures();
  let firstText = '';
  let restUnitNotes = true;
  let rules = 0;
  let plainTexts = 0;
  let yearCells = 0;
  let lastYear = NaN;
  let yearRun = true;
  // Blocks of columns that each count up, each from its own first year (2003 2006 | 2002
  // 2005 2006): a run too when nothing else is on the line.
  let blockRun = true;
  const seen = new Set<number>();
  let dateSerials: number[] | undefined;
  let repeats = 0;
  const seeYear = (y: number) => {
    yearCells++;
    if (!Number.isNaN(lastYear)) {
      const d = y - lastYear;
      // Headers count up (2015, 2016…; 1990, 1995, 2000, 2004…), or start again over a
      // second block of columns (2005 2006 2007 | 2005 2006 2007); one year may stand
      // twice (a census and the estimate of the same year: 2000 2000 2001 2002…).
      if (d === 0) repeats++;
      if ((d === 0 && repeats > 1) || d > 10 || (d < 0 && !seen.has(y))) yearRun = false;
      if ((d === 0 && repeats > 1) || d > 10) blockRun = false;
      seen.add(y);
    }
    if (Number.isNaN(lastYear)) seen.add(y);
    lastYear = y;
  };
  for (let c = from; c <= to; c++) {
    const value = getValue(sheet, r, c);
    if (value === null || value === '') continue;
    const cls = classifyValue(value, getFormat(sheet, r, c));
    if (cls === CellClass.Empty) continue;
    f.nonEmpty++;
    if (f.first < 0) {
      f.first = c;
      firstText = typeof value === 'string' ? value : '';
    } else if (restUnitNotes && !(typeof value === 'string' && isMetaNote(value))) {
      restUnitNotes = false;
    }
    f.last = c;
    if (typeof value === 'string') {
      const len = value.trim().length;
      if (len > f.longest) f.longest = len;
      if (DASHES.test(value)) rules++;
    }
    switch (cls) {
      case CellClass.Number:
        f.numbers++;
        if (typeof value === 'number' ? isYearNumber(value) : typeof value === 'string' && /^[\s\u3000]*(?:1[89]|20)[0-9]{2}(?:\.0)?[\s\u3000]*$/.test(value)) seeYear(Number(value));
        break;
      case CellClass.Symbol:
        f.symbols++;
        break;
      case CellClass.Period:
        f.periods++;
        break;
      case CellClass.Date:
        f.dates++;
        if (typeof value === 'number') (dateSerials ??= []).push(value);
        break;
      case CellClass.Unit:
        f.units++;
        break;
      default:
        f.texts++;
        if (typeof value === 'string' && isCodeText(value)) f.codes++;
        if (!(typeof value === 'string' && (isMetaNote(value) || REMARK.test(value)))) plainTexts++;
    }
  }
  // One dash is a placeholder (`-` for none); a line of them, or a long one, is a rule.
  const onlyYears = f.texts + f.periods + f.units + f.symbols + f.dates === 0 && f.numbers === yearCells && f.first > from;
  f.years = yearRun || (blockRun && onlyYears && yearCells >= 3) ? yearCells : Math.min(yearCells, 1);
  if (dateSerials && f.numbers + f.symbols === 0 && dateSerials.length === f.dates && isDateRun(dateSerials)) f.years += dateSerials.length;
  f.rule = f.nonEmpty > 0 && rules >= Math.max(1, f.nonEmpty - 1) && (f.nonEmpty >= 3 || f.longest >= 3);
  f.noteStart = firstText !== '' && isNoteStart(firstText);
  f.loneText = f.nonEmpty === 1 ? firstText : '';
  f.restAreUnitNotes = f.nonEmpty > 1 && restUnitNotes;
  f.titleLine = f.nonEmpty > 1 && f.numbers + f.symbols === 0 && plainTexts <= 1 && f.nonEmpty <= 5;
  f.kind = firstText === '' ? 'none' : lineKindOf(firstText);
  return f;
}

/** Three or more date serials counting up in even steps: by the day (or week), by the month, by the year. */
function isDateRun(serials: readonly number[]): boolean {
  if (serials.length < 3) return false;
  const first = serials[1] - serials[0];
  for (let i = 1; i < serials.length; i++) {
    const d = serials[i] - serials[i - 1];
    if (d <= 0) return false;
    const even = d === first || (d >= 28 && d <= 31 && first >= 28 && first <= 31) || (d >= 365 && d <= 366 && first >= 365 && first <= 366);
    if (!even) return false;
  }
  return true;
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
    a.codes === b.codes &&
    a.years === b.years &&
    a.rule === b.rule &&
    a.noteStart === b.noteStart &&
    a.loneText === b.loneText &&
    a.restAreUnitNotes === b.restAreUnitNotes &&
    a.titleLine === b.titleLine &&
    a.kind === b.kind &&
    Math.min(a.longest, 40) === Math.min(b.longest, 40)
  );
}
