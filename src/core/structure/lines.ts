// The role of every line of a block of a sheet: caption (title, date, unit and source
// lines above a table), header, data (section rows and totals included), note, or outside
// any table. Each line gets a score for each role from many weak signals (what its cells
// hold, whether its text sits over columns that hold numbers below, merges, its wording,
// the blank lines around it), and the roles of all lines are decided together, as the
// most likely sequence under the grammar of a statistical table:
//
//     ( caption* header* data+ note* )*
//
// (Viterbi over the non-empty lines). No single signal decides: a line of years over
// numbers is a header although it holds numbers, a lone `北海道` between data lines is a
// section row although it holds none, a long lone line under the data is a note.
import type { Sheet } from '../model.ts';
import { GENERAL, getValue } from '../model.ts';
import { CellClass, classifyValue, isUnitNote } from './cellClass.ts';
import { isSentence } from './lineText.ts';
import { type RowFeatures, isCodeText } from './rowFeatures.ts';

const DEBUG = typeof process !== "undefined" && process.env?.SEITON_DEBUG_LINES === "1";

export type LineRole = 'outside' | 'caption' | 'header' | 'data' | 'note';
const ROLES: LineRole[] = ['outside', 'caption', 'header', 'data', 'note'];
const OUT = 0;
const CAP = 1;
const HEAD = 2;
const DATA = 3;
const NOTE = 4;

/** A run of lines that make one table, top to bottom. */
export interface LineTable {
  caption: number[];
  header: number[];
  data: number[];
  note: number[];
}

export interface Region {
  rows: { start: number; end: number };
  cols: { start: number; end: number };
}

/**
 * The class of each cell of the region, worked out once: the line facts read every cell of a
 * line and compare it with the line below, so a cell is asked for up to four times.
 */
interface ClassGrid {
  classes: Uint8Array;
  /** Where row r, column c is: `classes[r * width + c - offset]`. */
  width: number;
  offset: number;
}

function classGrid(sheet: Sheet, region: Region): ClassGrid {
  const width = region.cols.end - region.cols.start + 1;
  const r0 = region.rows.start;
  const c0 = region.cols.start;
  const classes = new Uint8Array((region.rows.end - r0 + 1) * width);
  for (let c = c0; c <= region.cols.end; c++) {
    const col = sheet.columns[c];
    if (!col) continue;
    const { values, formats } = col;
    for (let r = r0; r <= region.rows.end; r++) {
      const v = values[r];
      if (v === null || v === undefined || v === '') continue;
      const fi = formats?.[r];
      const cls = classifyValue(v, fi ? sheet.formats[fi] : GENERAL);
      // An identifier in groups of digits (`828-262-2180`) is a value of its row here.
      classes[(r - r0) * width + c - c0] = cls === CellClass.Text && typeof v === 'string' && isCodeText(v) ? CellClass.Number : cls;
    }
  }
  return { classes, width, offset: r0 * width + c0 };
}

/** Columns whose cells are mostly numbers: text over them is a title, not a value. */
function numericColumns(features: readonly RowFeatures[], region: Region, { classes, width: w, offset }: ClassGrid): Uint8Array {
  const width = region.cols.end - region.cols.start + 1;
  const nums = new Uint32Array(width);
  const texts = new Uint32Array(width);
  const n = region.rows.end - region.rows.start + 1;
  const step = n > 4000 ? n / 4000 : 1;
  for (let i = 0; i < Math.min(n, 4000); i++) {
    const r = region.rows.start + Math.floor(i * step);
    if (features[r].nonEmpty === 0) continue;
    const at = r * w - offset;
    for (let c = region.cols.start; c <= region.cols.end; c++) {
      const cls = classes[at + c];
      if (cls === CellClass.Number || cls === CellClass.Symbol || cls === CellClass.Date) nums[c - region.cols.start]++;
      else if (cls !== CellClass.Empty) texts[c - region.cols.start]++;
    }
  }
  const out = new Uint8Array(width);
  for (let i = 0; i < width; i++) out[i] = nums[i] >= 2 && nums[i] > texts[i] ? 1 : 0;
  return out;
}

// A footnote mark may follow the colon (`Auction average: \5`, `計: 1)`).
const COLON_END = /[:：][\s\u3000]*(?:\\[0-9]{1,2}|[0-9０-９a-z]{1,2}[)）])?[\s\u3000]*$/;
const SECTION = /[:：][\s\u3000]*$|^[\s\u3000]*[A-Z][A-Z ,&/-]{3,}[\s\u3000]*$|^[\s\u3000]*[〔［【<＜《][^〕］】>＞》]+[〕］】>＞》][\s\u3000]*$/;

/**
 * The label columns at the left of the values: the column where most lines with values
 * start, and every column left of it that such lines use. Text over them is a label or a
 * section row, not a title over numbers, even when they hold numbers (years, codes).
 */
function stubColumns(features: readonly RowFeatures[], region: Region): { from: number; to: number } {
  const counts = new Map<number, number>();
  const n = region.rows.end - region.rows.start + 1;
  const step = n > 4000 ? n / 4000 : 1;
  let lines = 0;
  for (let i = 0; i < Math.min(n, 4000); i++) {
    const f = features[region.rows.start + Math.floor(i * step)];
    if (f.nonEmpty < 2 || f.numbers + f.symbols < 1) continue;
    lines++;
    counts.set(f.first, (counts.get(f.first) ?? 0) + 1);
  }
  let to = region.cols.start;
  let most = 0;
  for (const [c, k] of counts) if (k > most) [to, most] = [c, k];
  let from = to;
  for (const [c, k] of counts) if (c < from && k >= Math.max(2, lines * 0.05)) from = c;
  return { from, to };
}

interface LineFacts {
  f: RowFeatures;
  /** Text cells over numeric columns. */
  textOverNumbers: number;
  /** Cells in numeric columns that hold values. */
  valuesInNumbers: number;
  /** Band labels written as text over numeric columns (`16～`, `19歳`): counted as text, not values. */
  bands: number;
  /** A merge starts on this line and spans two columns or more. */
  wideMerge: boolean;
  /** A merge starting on this line covers most of the region's width. */
  fullMerge: boolean;
  /** Blank lines before this one (within the region). */
  gap: number;
  /** The line's cells start at the region's first column. */
  atLeft: boolean;
  /** A lone label that reads as a section heading: `Age:`, `PERCENT DISTRIBUTION`, `〔総数〕`. */
  sectionLike: boolean;
  /**
   * Of the cells this line shares columns with the next line (when that one holds values),
   * the share whose kind differs (text over a number): titles over data differ, data rows agree.
   */
  unlikeBelow: number;
  /**
   * The line's cells sit under one cell of the line above and the blanks right of it (the
   * children of a parent title written once: `災害ごとの注意事項` over `地震・大火事, 津波, 備考`).
   */
  childOfAbove: boolean;
  /**
   * A short lone label over the stub column right on top of a line of column titles that
   * starts right of it (`State` over `FIPS Code, Total…`; `Commodity` over `1995 2000 2002…`):
   * the title of the row labels, part of the header, not a caption.
   */
  stubTitle: boolean;
  /**
   * A lone label over the stub right on top of a line of values that has none
   * (`Securities, commodity contracts, and other intermediation…` over `, 5231, 3789514…`):
   * the label of that row, written on a line of its own.
   */
  labelsNext: boolean;
  /** Every text of the line but a unit note is a sentence (over 30 characters, ending in 。 or ，). */
  sentences: boolean;
  /**
   * From the first column on, every cell holds the same text (`QSS - Questionnaire Matrix`
   * ×5): a title merged over the width in the workbook and written into each cell (CSV).
   */
  sameAcross: boolean;
}

function childrenOf(sheet: Sheet, features: readonly RowFeatures[], r: number, above: number): boolean {
  if (above < 0) return false;
  const f = features[r];
  const g = features[above];
  // A lone line above is a caption, not a parent title; children never start left of their parent.
  if (f.nonEmpty < 2 || g.nonEmpty < 2 || f.numbers + f.symbols + f.dates > 0) return false;
  // The parent is the last cell of the line above at or left of this line's first cell.
  let p = -1;
  for (let c = f.first; c >= g.first; c--) {
    const v = getValue(sheet, above, c);
    if (v !== null && v !== '') {
      p = c;
      break;
    }
  }
  if (p < 0 || p < f.first - 1 || p <= g.first) return false;
  for (let c = p + 1; c <= f.last; c++) {
    const v = getValue(sheet, above, c);
    if (v !== null && v !== '') return false;
  }
  return f.last > p;
}

const isSuppressionMark = (v: unknown) => typeof v === 'string' && /^[\s\u3000]*[A-Z][\s\u3000]*$/.test(v);

const isValueClass = (cls: CellClass) => cls === CellClass.Number || cls === CellClass.Symbol || cls === CellClass.Date;

function unlikeness(sheet: Sheet, features: readonly RowFeatures[], region: Region, stub: { from: number; to: number }, r: number, below: number, { classes, width: w, offset }: ClassGrid): number {
  const f = features[r];
  const g = features[below];
  if (g.numbers + g.symbols + g.dates < 2 || f.texts + f.periods + f.units + f.years === 0) return 0;
  let shared = 0;
  let unlike = 0;
  const from = Math.max(f.first, g.first, region.cols.start);
  const to = Math.min(f.last, g.last, region.cols.end);
  const at = r * w - offset;
  const atBelow = below * w - offset;
  for (let c = from; c <= to; c++) {
    if (c >= stub.from && c <= stub.to) continue;
    const ca = classes[at + c];
    const cb = classes[atBelow + c];
    if (ca === CellClass.Empty || cb === CellClass.Empty) continue;
    shared++;
    if (isValueClass(ca) !== isValueClass(cb)) unlike++;
    else if (isValueClass(ca)) {
      const a = getValue(sheet, r, c);
      const b = getValue(sheet, below, c);
      // A year over a number that is not one: a header of years over the data.
      // A band label written as text (`16～`, `19歳`, `85歳以上`) over a number: a header of bands.
      if (typeof a === 'string' && typeof b === 'number' && BAND_LABEL.test(a)) unlike++;
      else if (typeof a === 'number' && Number.isInteger(a) && a >= 1800 && a <= 2100 && typeof b === 'number' && !(Number.isInteger(b) && b >= 1800 && b <= 2100)) unlike++;
    }
  }
  return shared === 0 ? 0 : unlike / shared;
}

function factsOf(sheet: Sheet, features: readonly RowFeatures[], region: Region, numeric: Uint8Array, stub: { from: number; to: number }, r: number, gap: number, mergeStarts: Map<number, number>, below: number, grid: ClassGrid): LineFacts {
  const f = features[r];
  let textOverNumbers = 0;
  let valuesInNumbers = 0;
  let bands = 0;
  if (f.texts + f.periods + f.units > 0 || f.numbers > 0) {
    const { classes, width: w, offset } = grid;
    const at = r * w - offset;
    for (let c = Math.max(f.first, region.cols.start); c <= Math.min(f.last, region.cols.end); c++) {
      // Labels over a stub of years (1990, 2000…) are section rows, not titles.
      if ((c >= stub.from && c <= stub.to) || !numeric[c - region.cols.start]) continue;
      const cls = classes[at + c];
      if (cls === CellClass.Empty) continue;
      // One capital letter among numbers (`F`, `S`, `D`: a value withheld) stands for a value.
      if (cls === CellClass.Text && isSuppressionMark(getValue(sheet, r, c))) valuesInNumbers++;
      else if (cls === CellClass.Text || cls === CellClass.Period || cls === CellClass.Unit) textOverNumbers++;
      else if (cls === CellClass.Number && isBandText(getValue(sheet, r, c))) {
        textOverNumbers++;
        bands++;
      } else valuesInNumbers++;
    }
  }
  const widest = mergeStarts.get(r) ?? 0;
  // A heading with a colon may carry its unit in the unit column (`Large negotiable
  // certificates of deposit: | Percent`).
  const sectionLike = f.nonEmpty === 1 ? SECTION.test(f.loneText) : f.restAreUnitNotes && COLON_END.test(String(getValue(sheet, r, f.first) ?? ''));
  const width = region.cols.end - region.cols.start + 1;
  return {
    f,
    textOverNumbers,
    valuesInNumbers,
    bands,
    wideMerge: widest >= 2,
    fullMerge: widest >= Math.max(3, width * 0.6),
    gap,
    atLeft: f.first <= region.cols.start + 0,
    sectionLike,
    unlikeBelow: below < 0 ? 0 : unlikeness(sheet, features, region, stub, r, below, grid),
    childOfAbove: false,
    stubTitle: below === r + 1 && !sectionLike && isStubTitle(f, features[below], stub),
    labelsNext: below === r + 1 && labelsRowBelow(f, features[below], stub),
    sentences: f.longest > 30 && f.numbers + f.symbols + f.dates === 0 && allSentences(sheet, r, f),
    sameAcross: f.nonEmpty >= 3 && f.last - f.first + 1 === f.nonEmpty && f.texts === f.nonEmpty && f.first <= region.cols.start && allSame(sheet, r, f),
  };
}

/** See `LineFacts.sameAcross`. */
function allSame(sheet: Sheet, r: number, f: RowFeatures): boolean {
  let text: string | undefined;
  for (let c = f.first; c <= f.last; c++) {
    const v = getValue(sheet, r, c);
    if (v === null || v === '') continue;
    const t = String(v).trim();
    if (text === undefined) text = t;
    else if (t !== text) return false;
  }
  return text !== undefined && text !== '';
}

/** See `LineFacts.sentences`. */
function allSentences(sheet: Sheet, r: number, f: RowFeatures): boolean {
  let found = 0;
  for (let c = f.first; c <= f.last; c++) {
    const v = getValue(sheet, r, c);
    if (typeof v !== 'string' || v.trim() === '') continue;
    if (isUnitNote(v)) continue;
    if (!isSentence(v)) return false;
    found++;
  }
  return found > 0;
}

/** See `LineFacts.labelsNext`. */
function labelsRowBelow(f: RowFeatures, next: RowFeatures, stub: { from: number; to: number }): boolean {
  if (f.nonEmpty !== 1 || f.texts !== 1 || f.kind !== 'none' || f.noteStart || f.first > stub.to) return false;
  return next.first > f.first && next.first <= stub.to + 2 && next.numbers + next.symbols - next.years >= 2;
}

/** See `LineFacts.stubTitle`. */
function isStubTitle(f: RowFeatures, next: RowFeatures, stub: { from: number; to: number }): boolean {
  if (f.nonEmpty > 3 || f.texts !== f.nonEmpty || f.kind !== 'none' || f.noteStart || f.longest > 20 || /^[\s\u3000]*[(（]/.test(f.loneText)) return false;
  if (f.first > stub.to || next.first <= f.first) return false;
  // One label: over a line of several titles. Several (`Item | Unit`): all left of where the
  // titles below start, as the stub's columns are.
  if (f.nonEmpty === 1 ? next.nonEmpty < 2 : next.first <= f.last) return false;
  // Titles, or a row of years; no values.
  return next.numbers + next.symbols + next.dates - next.years === 0;
}

const BAND_LABEL = /[～〜~]|歳|以上|以下|未満/;
const isBandText = (v: unknown) => typeof v === 'string' && BAND_LABEL.test(v);

/** How well the line fits each role (higher is better). */
function emissions(x: LineFacts, textTable: boolean): number[] {
  const f = x.f;
  const e = [-1, 0, 0, 0, 0];
  if (f.rule) {
    // A ruling line of dashes: part of the header block (or the bottom of the table).
    e[OUT] = -1;
    e[CAP] = -2;
    e[HEAD] = 1;
    e[DATA] = -2;
    e[NOTE] = -0.5;
    return e;
  }
  const values = f.numbers + f.symbols + f.dates + f.codes - x.bands;
  const plainValues = values - f.years;
  const textual = f.texts - f.codes + f.periods + f.units + x.bands;
  const lone = f.nonEmpty === 1 || f.restAreUnitNotes || x.sameAcross;
  const yearRow = f.years >= 2 && f.years >= f.numbers - 1 && f.symbols <= 1;
  const loneYear = f.nonEmpty === 1 && f.years === 1 && !x.atLeft;
  // A date alone on its line (`2014-07-02`, a typed 2015/8/1) dates the table, as `…現在` does.
  const loneDate = f.nonEmpty === 1 && f.dates === 1;
  // What the wording says counts for lines of one or two cells (a caption, a date line, a
  // note); a data row may well start with a label that reads like one.
  const k = f.nonEmpty <= 2 || f.restAreUnitNotes || f.titleLine ? f.kind : 'none';

  // data
  let d = 0;
  if (values >= 2) d = 3 + Math.min(values, 6) * 0.3 - (x.textOverNumbers >= 2 ? 2 : 0);
  else if (values === 1) d = loneYear || loneDate ? -1 : f.nonEmpty <= 3 ? 1.5 : 0.5;
  else if (lone) d = (f.longest <= 40 || (x.sectionLike && f.longest <= 60)) && k === 'none' ? (x.sectionLike ? 0.5 : -0.5) : -2.5;
  // Labels and no values, nothing over the number columns: a data row whose values are missing.
  // (One odd text among the values, `+81-3-1234-5678`, is still a data row: titles come several.)
  else d = textTable ? 1 : x.textOverNumbers >= 2 || (x.textOverNumbers === 1 && !x.atLeft) ? -3 : x.textOverNumbers === 1 ? -0.5 : 0.5;
  if (yearRow) d -= 2.5;
  if (x.labelsNext) d += 3;
  if (k !== 'none') d -= 2;
  d -= 2.5 * x.unlikeBelow;
  e[DATA] = d;

  // header
  let h = textual >= 1 ? 0.5 : -1;
  if (x.textOverNumbers >= 1) h += 1 + 0.5 * Math.min(x.textOverNumbers, 4);
  if (f.units >= 1 && plainValues === 0) h += 2;
  if (yearRow) h += 3.5;
  else if (loneYear) h += 2;
  else if (plainValues >= 2) h -= 4;
  else if (plainValues === 1) h -= 1;
  if (x.wideMerge) h += 1.5;
  if (lone && x.atLeft && f.longest > 30) h -= 1.5;
  if (x.sentences) h -= 5;
  // `BOTH SEXES`, `Age:`, `〔総数〕` alone on a line head a section of the rows, not a column.
  if (lone && x.sectionLike) h -= 1;
  if (x.stubTitle) h += 1.5;
  if (k === 'caption' || k === 'date' || k === 'source' || k === 'note') h -= 2.5;
  // A title with its date and a remark spread over the width is no row of column titles.
  if (f.titleLine && f.nonEmpty <= 3 && !x.wideMerge) h -= 2;
  if (textTable && !lone && values === 0) h += 0.5;
  if (!textTable && !lone && values === 0 && x.textOverNumbers === 0 && !x.wideMerge) h -= 1;
  h += 2.5 * x.unlikeBelow;
  e[HEAD] = h;

  // caption
  let c = lone ? 1.5 : f.titleLine ? 1 : f.nonEmpty === 2 ? -0.5 : -3;
  if (k === 'caption') c += 3;
  else if (k === 'date' || k === 'unit') c += 2.5;
  else if (k === 'source') c += 1.5;
  if (f.restAreUnitNotes && !x.sectionLike) c += 2;
  if (x.fullMerge || x.sameAcross) c += 1;
  if ((plainValues >= 1 && !loneDate) || loneYear) c -= 3;
  if (loneDate) c += 2.5;
  if (lone && !x.atLeft && !x.fullMerge && k === 'none') c -= 1.5;
  if (lone && x.textOverNumbers > 0 && x.wideMerge === false && k === 'none') c -= 1.5;
  if (x.sentences) c += 3;
  e[CAP] = c;

  // note
  let n = f.restAreUnitNotes ? -2 : lone ? 0 : f.nonEmpty === 2 ? -1 : -2.5;
  if (k === 'note') n += 3;
  else if (k === 'source') n += 2.5;
  if (lone && f.longest >= 25) n += 1.5;
  if (plainValues >= 2) n -= 3;
  if (x.sentences) n += 1;
  e[NOTE] = n;

  // outside: stray cells, page numbers
  e[OUT] = values >= 2 ? -4 : -1.2;
  return e;
}

/** The score of going from role `a` to role `b` over `gap` blank lines. */
function transitionScore(a: number, b: number, gap: number, textTable: boolean): number {
  const g = gap;
  switch (a) {
    case -1: // start
      return [-1, 0, 0, -1, -2][b];
    case OUT:
      return [0, -0.5, -0.5, -1.5, -1][b];
    case CAP:
      return [-30, g >= 2 ? -1 : 0, 0, -3, -30][b];
    case HEAD:
      // Without numbers to tell them apart, a list's titles are its first line.
      return [-30, -30, g >= 1 ? -1.5 : textTable ? -1 : 0, g >= 2 ? -1 : 0, -30][b];
    case DATA:
      return [-2, g === 0 ? -3 : -1, g === 0 ? -4 : -1.5, g === 0 ? 0 : g === 1 ? -0.3 : -1.2, 0][b];
    case NOTE:
      return [-1, g === 0 ? -3 : -0.5, g === 0 ? -3 : -1, -3, g >= 2 ? -0.5 : 0][b];
  }
  return 0;
}

/**
 * The transition scores as one table per kind of table and gap (0, 1, 2 or more blank
 * lines; nothing depends on more), indexed `[textTable][gap][a + 1][b]` with `a = -1` the start.
 */
const TRANSITIONS: Float64Array[][] = [false, true].map((textTable) =>
  [0, 1, 2].map((gap) => {
    const t = new Float64Array(6 * ROLES.length);
    for (let a = -1; a < ROLES.length; a++) for (let b = 0; b < ROLES.length; b++) t[(a + 1) * ROLES.length + b] = transitionScore(a, b, gap, textTable);
    return t;
  }),
);

/** A caption or header left without data at the end is not a table. */
const END = [0, -30, -30, 0, 0];

/**
 * The tables the lines of `region` form, each line in its role, and whether the region holds
 * no numbers at all (a list). `mergeStarts`: for each row, the width of the widest merge
 * starting on it.
 */
export function decodeLines(
  sheet: Sheet,
  features: readonly RowFeatures[],
  region: Region,
  mergeStarts: Map<number, number>,
): { tables: LineTable[]; textTable: boolean } {
  const grid = classGrid(sheet, region);
  const numeric = numericColumns(features, region, grid);
  let numericCount = 0;
  for (const x of numeric) numericCount += x;
  const textTable = numericCount === 0;
  const stub = stubColumns(features, region);
  const rows: number[] = [];
  const facts: LineFacts[] = [];
  let gap = 0;
  for (let r = region.rows.start; r <= region.rows.end; r++) {
    if (features[r].nonEmpty === 0) {
      gap++;
      continue;
    }
    rows.push(r);
    let below = r + 1;
    while (below <= region.rows.end && below <= r + 2 && features[below].nonEmpty === 0) below++;
    const x = factsOf(sheet, features, region, numeric, stub, r, rows.length === 1 ? 0 : gap, mergeStarts, below <= region.rows.end && features[below].nonEmpty > 0 ? below : -1, grid);
    x.childOfAbove = gap === 0 && rows.length > 1 && childrenOf(sheet, features, r, rows[rows.length - 2]);
    // The first line of a sheet names the sheet, not its row labels.
    x.stubTitle &&= rows.length > 1;
    facts.push(x);
    gap = 0;
  }
  const n = rows.length;
  if (n === 0) return { tables: [], textTable };
  const S = ROLES.length;
  const moves = TRANSITIONS[textTable ? 1 : 0];
  const score = new Float64Array(n * S);
  const back = new Int8Array(n * S);
  for (let i = 0; i < n; i++) {
    const e = emissions(facts[i], textTable);
    if (DEBUG) console.log(rows[i], e.map((v) => v.toFixed(1)).join(' '), JSON.stringify({ ...facts[i], f: undefined }), JSON.stringify(facts[i].f));
    for (let b = 0; b < S; b++) {
      if (i === 0) {
        score[b] = moves[0][b] + e[b];
        back[b] = -1;
        continue;
      }
      let best = -Infinity;
      let arg = 0;
      const move = moves[Math.min(facts[i].gap, 2)];
      for (let a = 0; a < S; a++) {
        // Children under a parent title: the two lines are one header.
        const bonus = a === HEAD && b === HEAD && facts[i].childOfAbove ? 2.5 : 0;
        const s = score[(i - 1) * S + a] + move[(a + 1) * S + b] + bonus;
        if (s > best) {
          best = s;
          arg = a;
        }
      }
      score[i * S + b] = best + e[b];
      back[i * S + b] = arg;
    }
  }
  let state = 0;
  let best = -Infinity;
  for (let b = 0; b < S; b++) {
    const s = score[(n - 1) * S + b] + END[b];
    if (s > best) {
      best = s;
      state = b;
    }
  }
  const seq = new Array<number>(n);
  for (let i = n - 1; i >= 0; i--) {
    seq[i] = state;
    state = back[i * S + state];
  }

  const tables: LineTable[] = [];
  let cur: LineTable | undefined;
  let prev = -1;
  for (let i = 0; i < n; i++) {
    const s = seq[i];
    const r = rows[i];
    const opens =
      (s === CAP && (prev !== CAP || !cur)) || (s === HEAD && prev !== CAP && prev !== HEAD) || (s === DATA && (prev === NOTE || prev === OUT || prev === -1));
    if (s === OUT) {
      prev = s;
      continue;
    }
    if (opens || !cur) {
      cur = { caption: [], header: [], data: [], note: [] };
      tables.push(cur);
    }
    if (s === CAP) cur.caption.push(r);
    else if (s === HEAD) cur.header.push(r);
    else if (s === DATA) cur.data.push(r);
    else cur.note.push(r);
    prev = s;
  }
  const joined = joinContinuations(tables.filter((t) => t.data.length > 0), features);
  for (const t of joined) firstSectionToData(t, features);
  return { tables: joined, textTable };
}

/**
 * The last header line, a lone label where the data has lone labels of the same place
 * between its rows (`東灘区` over the first ward's rows, `灘区`, `中央区`… over the others),
 * is the first of those section rows, not a title of the columns under it.
 */
function firstSectionToData(t: LineTable, features: readonly RowFeatures[]): void {
  if (t.header.length < 2) return;
  const last = t.header[t.header.length - 1];
  const f = features[last];
  if (!isSectionLabel(f) || t.data[0] < last) return;
  const twins = t.data.filter((r) => isSectionLabel(features[r]) && features[r].first === f.first).length;
  if (twins === 0) return;
  t.header.pop();
  t.data.unshift(last);
}

/** A lone short label at the left of the lines, worded as nothing in particular: `PRODUCTION`, `Other foods at home:`. */
function isSectionLabel(f: RowFeatures): boolean {
  return f.nonEmpty === 1 && f.numbers + f.symbols + f.dates === 0 && !f.noteStart && f.kind === 'none' && f.longest <= 60;
}

/** The columns the data lines of `t` fill: the leftmost first cell and the rightmost last cell. */
function dataSpan(t: LineTable, features: readonly RowFeatures[]): { first: number; last: number } {
  let first = Infinity;
  let last = -1;
  for (const r of t.data) {
    const f = features[r];
    if (f.numbers + f.symbols + f.dates < 2) continue;
    first = Math.min(first, f.first);
    last = Math.max(last, f.last);
  }
  return { first, last };
}

/** Blank lines a continuation may stand below the table it continues. */
const CONTINUATION_GAP = 3;

/** Table `b` starts at most a few blank lines under the last line of table `a`. */
function closeBelow(a: LineTable, b: LineTable): boolean {
  const first = Math.min(...b.caption, ...b.header, ...b.data);
  return first - Math.max(...a.data, ...a.note) - 1 <= CONTINUATION_GAP;
}

/**
 * A table that opens with nothing but section labels (`ANNUAL PERCENT CHANGE`, `PRODUCTION`,
 * `Other foods at home:` after a blank line) and whose values fill the columns of the table
 * above goes on that table: the labels are section rows of its data, not the caption and
 * header of a table of its own, which would name its columns. So does a block of data right
 * under a table whose "notes" are such a label (`Intermediate materials` over its rows).
 * The tables are the decoder's own, changed in place.
 */
function joinContinuations(tables: LineTable[], features: readonly RowFeatures[]): LineTable[] {
  const out: LineTable[] = [];
  const byRow = (a: number, b: number) => a - b;
  for (const t of tables) {
    const prev = out[out.length - 1];
    if (prev && headerGoesOn(prev, t, features)) {
      prev.header = [...prev.header, ...prev.data, ...t.caption, ...t.header].sort(byRow);
      prev.data = t.data;
      prev.note = t.note;
    } else if (prev && notesGoOn(prev, t, features)) {
      prev.note = [...prev.note, ...t.caption, ...t.header, ...t.data, ...t.note].sort(byRow);
    } else if (prev && continues(prev, t, features)) {
      prev.data = [...prev.data, ...prev.note, ...t.caption, ...t.header, ...t.data].sort(byRow);
      prev.note = t.note;
    } else out.push(t);
  }
  return out;
}

/**
 * A "table" whose only data line is a row of years or of titles (`1987 1988 1989…`,
 * `1 unit, 2 to 4 units…`) right above another table is the top of that table's header,
 * cut off by the blank lines between its header rows — unless the table below is
 * announced by a caption, date or source line of its own.
 */
function headerGoesOn(a: LineTable, b: LineTable, features: readonly RowFeatures[]): boolean {
  if (a.data.length !== 1 || a.note.length > 0) return false;
  const f = features[a.data[0]];
  if (f.numbers + f.symbols - f.years > 1 || f.dates > 0) return false;
  // Titles over the table below reach as far right as it does.
  const right = Math.max(...[...b.header, ...b.data].map((r) => features[r].last));
  if (Math.abs(f.last - right) > 1) return false;
  if (b.caption.some((r) => (features[r].kind !== 'none' && features[r].kind !== 'unit') || features[r].longest > 60)) return false;
  return closeBelow(a, b);
}

/**
 * Lines of text one cell each, no value among them, opening with a source or a note
 * (`Source: U.S. Census Bureau,` and the lines it runs on over) a few blank lines under a
 * table: that table's notes, not a table of their own.
 */
function notesGoOn(a: LineTable, b: LineTable, features: readonly RowFeatures[]): boolean {
  const lines = [...b.caption, ...b.header, ...b.data, ...b.note];
  // A few lines of words and no value anywhere right under a table with values (a formula
  // written out over the cells as a fraction: `各月の率は` / `Ｘ月間の件数×…`) explain it.
  const valueless = (r: number) => features[r].numbers + features[r].symbols + features[r].dates === 0;
  if (b.data.length <= 2 && lines.every(valueless) && a.data.some((r) => !valueless(r)) && closeBelow(a, b)) return true;
  if (!lines.every((r) => features[r].nonEmpty === 1 && features[r].numbers + features[r].symbols + features[r].dates === 0)) return false;
  const first = features[Math.min(...lines)];
  return (first.kind === 'source' || first.kind === 'note' || first.noteStart) && closeBelow(a, b);
}

function continues(a: LineTable, b: LineTable, features: readonly RowFeatures[]): boolean {
  let above = dataSpan(a, features);
  const below = dataSpan(b, features);
  // A table whose "data" is only section labels (`FLEX TIME AND PLACE` right under the
  // titles) is the top of the table below: its titles span what the data goes on to fill.
  if (above.last < 0 && a.header.length > 0 && a.data.every((r) => isSectionLabel(features[r]))) {
    above = { first: Math.min(...a.header.map((r) => features[r].first)), last: Math.max(...a.header.map((r) => features[r].last)) };
  }
  // The same layout: rows that start at the same stub column and reach as far right.
  if (below.last < 0 || above.last < 0 || below.first !== above.first || Math.abs(below.last - above.last) > 1) return false;
  const label = (r: number) => isSectionLabel(features[r]) && features[r].first <= above.last;
  const opening = [...b.caption, ...b.header];
  if (!opening.every(label)) return false;
  // After real notes a new table starts; a lone label taken for a note opens a section.
  if (a.note.length > 0 && (opening.length > 0 || !a.note.every(label))) return false;
  if (opening.length === 0 && a.note.length === 0) return false;
  return closeBelow(a, b);
}
