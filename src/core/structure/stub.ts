// The row labels of a table (its stub) as the reader reads them: a label written
// vertically one character per cell down a group of rows (`9`/`歳`/`以`/`下`,
// `中`/`央`/`地`/`区`/`17`/`町`) is one label for every row of that group; a label row
// with no values that continues the label above it (`４．生産・輸入品に課される税` /
// `（控除）補助金`) is part of that label; totals (`計`, `小計`) and sub-items (`うち…`)
// are labels of their own row only, never to be copied onto the rows below.
import { type CellValue, type Sheet, getFormat, getValue } from '../model.ts';
import { formatValue } from '../numberFormat.ts';
import { appendAll } from '../arrays.ts';
import { withoutLayoutSpaces } from '../text/layoutSpaces.ts';
import { CellClass, classifyText, isNoteStart } from './cellClass.ts';
import type { TableStructure } from './types.ts';

/** A label written down a group of rows, a fragment per cell. */
export interface VerticalLabel {
  c: number;
  /** The group of rows it labels (inclusive). */
  start: number;
  end: number;
  label: string;
  /** Rows whose cell holds a fragment. */
  cells: number[];
  /** A count written under the name (`17`/`町`: the district has 17 towns), kept as a note. */
  note?: string;
}

/** A label-only row that continues the label of the row above it. */
export interface WrappedLabel {
  r: number;
  into: number;
  c: number;
  text: string;
}

const TOTAL = /^[\s\u3000]*(?:総?[合総小]?[\s\u3000]*計|総[\s\u3000]*数|合[\s\u3000]*計|累[\s\u3000]*計|.{0,8}累計|total|subtotal|grand total)[\s\u3000]*$/i;
const SUB_ITEM = /^[\s\u3000]*[(（]?[\s\u3000]*(?:うち|内)[\s\u3000]*[^\s]/;

/** `計`, `小計`, `合計`, `総数`, `本年累計`, `Total`: the label of a sum, which belongs to its own row. */
export function isTotalLabel(text: string): boolean {
  return TOTAL.test(text);
}

/** `うち死亡事故件数`, `(うち市外から)`: a part of the row above, specific to its row. */
export function isSubItemLabel(text: string): boolean {
  return SUB_ITEM.test(text);
}

function shown(sheet: Sheet, r: number, c: number): string {
  const v: CellValue = getValue(sheet, r, c);
  if (v === null) return '';
  if (typeof v === 'number') return formatValue(v, getFormat(sheet, r, c), false).trim();
  if (typeof v === 'object') return v.error;
  return String(v);
}

/** Whether cell (r, c) shows nothing, without formatting a number that plainly shows itself. */
function isBlank(sheet: Sheet, r: number, c: number): boolean {
  const v: CellValue = getValue(sheet, r, c);
  if (v === null) return true;
  if (typeof v === 'string') return v.trim() === '';
  if (typeof v !== 'number') return false;
  const format = getFormat(sheet, r, c);
  // Only a format can hide a number (`;;;`): General and the like show every one.
  return format !== '' && format !== 'General' && formatValue(v, format, false).trim() === '';
}

const CONNECTOR = /^[｜|│ー－~～〜]$/;
const ARROW = /^[↓↑→]$/;

/** A piece of a vertically written label: one or two characters, a short number, a connector. */
function isFragment(text: string): boolean {
  const t = withoutLayoutSpaces(text).trim();
  if (t === '') return false;
  if (CONNECTOR.test(t) || ARROW.test(t)) return true;
  if (/^[0-9０-９]{1,3}[町件校人]?$/.test(t)) return true;
  return t.length <= 2 && !/^[0-9０-９]/.test(t);
}

/** The label the fragments of one group spell, and a trailing count (`17町`) set apart. */
function spell(parts: string[]): { label: string; note?: string } {
  const clean = parts.map((p) => withoutLayoutSpaces(p).trim()).filter((p) => p !== '' && !ARROW.test(p));
  let label = '';
  for (let i = 0; i < clean.length; i++) {
    const p = clean[i];
    // A vertical bar between two numbers is a range written downwards: 10｜19歳 → 10～19歳.
    if (CONNECTOR.test(p)) {
      label += /[0-9０-９]$/.test(label) ? '～' : '';
      continue;
    }
    label += p;
  }
  const m = /^(.*[^0-9０-９])([0-9０-９]+[町件校])$/.exec(label);
  if (m && /(?:地区|区|町|村|市|台|丘)$/.test(m[1])) return { label: m[1], note: m[2] };
  return { label };
}

/** The rows of the table's data band where a group of the stub ends: the totals of the next label column. */
function groupEnds(sheet: Sheet, t: TableStructure, child: number | undefined): number[] {
  const ends: number[] = [];
  if (child === undefined) return ends;
  for (let r = t.dataRows.start; r <= t.dataRows.end; r++) {
    const v = getValue(sheet, r, child);
    if (typeof v === 'string' && isTotalLabel(v)) ends.push(r);
  }
  return ends;
}

/**
 * Phrases written down a label column, a few words per cell (`人口10万` / `人当たり` /
 * `死者数`), each at the top of the rows it labels, the column blank below it, and the
 * next label column naming every row: each phrase is one label for its rows. A lone cell
 * on a row without values (`（再掲）`) closes the phrase above it. A single label on a row
 * with values means an ordinary stub of parents, and then nothing is read as a phrase.
 */
function phrasesDown(sheet: Sheet, t: TableStructure, c: number, next: number | undefined): VerticalLabel[] | undefined {
  if (next === undefined) return undefined;
  const { start, end } = t.dataRows;
  const runs: number[][] = [];
  const stops: number[] = [];
  const hasOther = (r: number) => {
    for (let cc = t.columns.start; cc <= t.columns.end; cc++) if (cc !== c && !isBlank(sheet, r, cc)) return true;
    return false;
  };
  for (let r = start; r <= end; r++) {
    if (isBlank(sheet, r, c)) continue;
    if (!hasOther(r)) {
      stops.push(r);
      continue;
    }
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1] === r - 1) {
      last.push(r);
      // A phrase is a few words: a longer run is a column of labels, and the answer is no.
      if (last.length > 6) return undefined;
    } else {
      // Phrases start on the first data row, and a word alone is no phrase.
      if (runs.length === 0 ? r !== start : runs[runs.length - 1].length === 1) return undefined;
      runs.push([r]);
    }
  }
  if (runs.length === 0 || runs[0][0] !== start) return undefined;
  const phrases: number[][] = [];
  for (const run of runs) {
    if (run.length === 1 || run.length > 6) return undefined;
    phrases.push(run);
  }
  if (phrases.length === 0) return undefined;
  const out: VerticalLabel[] = [];
  for (const run of phrases) {
    const parts = run.map((r) => withoutLayoutSpaces(shown(sheet, r, c)).trim());
    if (parts.some((p) => isTotalLabel(p) || isSubItemLabel(p) || p.length > 8)) return undefined;
    // Words, not the single characters of a label written vertically (`中`/`央`/`地`/`区`), which are read below.
    if (parts.some((p) => isFragment(p))) return undefined;
    // The next column labels the same rows: these are not parents over children of their own.
    if (run.some((r) => shown(sheet, r, next).trim() === '')) return undefined;
    const later = [...phrases.map((p) => p[0]), ...stops].filter((r) => r > run[0]);
    const to = later.length ? Math.min(...later) - 1 : end;
    out.push({ c, start: run[0], end: to, label: parts.join(''), cells: run });
  }
  // Words of a phrase leave the rows below them blank: one phrase at least labels more rows than it is written on.
  return out.some((v) => v.end - v.start + 1 > v.cells.length) ? out : undefined;
}

/** Vertically written labels in the key columns of `t`. */
export function verticalLabels(sheet: Sheet, t: TableStructure): VerticalLabel[] {
  const keys = t.columnInfo.filter((ci) => ci.key && ci.duplicateOf === undefined).map((ci) => ci.c);
  const out: VerticalLabel[] = [];
  keys.forEach((c, i) => {
    let filled = 0;
    let fragments = 0;
    let singles = 0;
    let letters = 0;
    let repeats = 0;
    let adjacent = 0;
    let prevFragment = false;
    let prevText = '';
    // A column's labels repeat (names, codes, years on thousands of rows): each distinct
    // text is read once.
    const read = new Map<string, { f: boolean; t1: string }>();
    for (let r = t.dataRows.start; r <= t.dataRows.end; r++) {
      const s = shown(sheet, r, c);
      if (s.trim() === '') {
        prevFragment = false;
        continue;
      }
      filled++;
      let seen = read.get(s);
      if (!seen) read.set(s, (seen = { f: isFragment(s), t1: withoutLayoutSpaces(s).trim() }));
      const { f, t1 } = seen;
      if (f) fragments++;
      if (f && (t1.length === 1 || /^[0-9０-９]+[町件校人]?$/.test(t1))) singles++;
      if (f && !/^[0-9０-９]/.test(t1)) letters++;
      if (t1 === prevText) repeats++;
      if (f && prevFragment) adjacent++;
      prevFragment = f;
      prevText = t1;
    }
    const phrases = phrasesDown(sheet, t, c, keys[i + 1]);
    if (phrases) {
      appendAll(out, phrases);
      return;
    }
    // Short whole labels (`青森`, `東灘` on every row) are not fragments: fragments are mostly
    // single characters, and spell something, so they seldom repeat the cell above.
    // (A column of small numbers, county codes 1, 3, 5…, spells nothing.)
    if (filled < 3 || fragments < filled * 0.7 || singles < filled * 0.6 || letters < filled * 0.3 || repeats > filled * 0.2) return;
    const ends = groupEnds(sheet, t, keys[i + 1]);
    // Without totals to end the groups, fragments must stand in runs (`9`/`歳`/`以`/`下`).
    if (ends.length === 0 && adjacent === 0) return;
    const bounds: [number, number][] = [];
    let start = t.dataRows.start;
    for (const e of ends) {
      bounds.push([start, e]);
      start = e + 1;
    }
    if (ends.length === 0) {
      // Groups are the runs of fragments and the blank rows between them, split half-way.
      let runStart = -1;
      let last = -1;
      for (let r = t.dataRows.start; r <= t.dataRows.end; r++) {
        const frag = isFragment(shown(sheet, r, c));
        if (frag && runStart < 0) runStart = r;
        if (!frag && runStart >= 0 && last >= 0 && r - last > 1) {
          bounds.push([runStart, last]);
          runStart = -1;
        }
        if (frag) last = r;
      }
      if (runStart >= 0) bounds.push([runStart, last]);
      for (let k = 0; k < bounds.length; k++) {
        bounds[k][0] = k === 0 ? t.dataRows.start : Math.floor((bounds[k - 1][1] + bounds[k][0]) / 2) + 1;
        if (k > 0) bounds[k - 1][1] = bounds[k][0] - 1;
      }
      if (bounds.length > 0) bounds[bounds.length - 1][1] = t.dataRows.end;
    } else if (start <= t.dataRows.end) bounds.push([start, t.dataRows.end]);
    for (const [a, b] of bounds) {
      const cells: number[] = [];
      const parts: string[] = [];
      for (let r = a; r <= b; r++) {
        const s = shown(sheet, r, c);
        if (s.trim() === '') continue;
        cells.push(r);
        parts.push(s);
      }
      if (cells.length === 0) continue;
      const { label, note } = spell(parts);
      if (label === '') continue;
      out.push({ c, start: a, end: b, label, cells, note });
    }
  });
  return out;
}

/** Does row `r` hold cells outside the label columns of `t`? */
function hasValues(sheet: Sheet, t: TableStructure, r: number, labelCols: Set<number>): boolean {
  for (let c = t.columns.start; c <= t.columns.end; c++) {
    if (labelCols.has(c)) continue;
    const v = getValue(sheet, r, c);
    if (v !== null && v !== '') return true;
  }
  return false;
}

/** Row `r` holds nothing inside the table's columns. */
export function blankRow(sheet: Sheet, t: TableStructure, r: number): boolean {
  for (let c = t.columns.start; c <= t.columns.end; c++) {
    const v = getValue(sheet, r, c);
    if (v !== null && v !== '') return false;
  }
  return true;
}

/** A row of the data holding only a label that heads the rows under it (`東灘区`, `灘区`…). */
export interface SectionRow {
  r: number;
  text: string;
}

/**
 * The one text of row `r` inside the table's columns: a lone cell, or one label filled
 * across the cells of a merge (the same text in each); undefined when the row holds
 * anything else.
 */
function loneLabel(sheet: Sheet, t: TableStructure, r: number): { text: string; c: number } | undefined {
  let text: string | undefined;
  let first = -1;
  for (let c = t.columns.start; c <= t.columns.end; c++) {
    const v = getValue(sheet, r, c);
    if (v === null || v === '') continue;
    if (typeof v !== 'string') return undefined;
    const trimmed = v.trim();
    if (trimmed === '') continue;
    if (text === undefined) {
      text = trimmed;
      first = c;
    } else if (trimmed !== text) return undefined;
  }
  return text === undefined ? undefined : { text, c: first };
}

/**
 * Section rows: rows of the data holding one label and nothing else, each followed (after
 * blank rows, if any) by rows with values, at least two of them at the same place — the
 * data in groups under headings (`東灘区` / its years, `灘区` / its years…). A machine
 * reads such a row as a row with every value missing; its label belongs on each row of
 * its group, as a column. Totals, sub-items (`うち…`) and notes are not headings.
 */
export function sectionRows(sheet: Sheet, t: TableStructure): SectionRow[] {
  const keyCols = new Set(t.columnInfo.filter((ci) => ci.key).map((ci) => ci.c));
  // A label merged down over the rows it labels (`震災前平均` over its row of values) heads
  // nothing: it is the label of those rows, written centred.
  const mergedDown = (r: number, c: number) => sheet.merges.some((m) => m.s.r === r && m.s.c === c && m.e.r > r);
  const labelMergedDown = (r: number) => {
    const label = loneLabel(sheet, t, r);
    return label !== undefined && mergedDown(r, label.c);
  };
  const found: { r: number; text: string; c: number }[] = [];
  for (let r = t.dataRows.start; r <= t.dataRows.end; r++) {
    const label = loneLabel(sheet, t, r);
    if (!label || mergedDown(r, label.c)) continue;
    const { text } = label;
    if (text.length < 2 || isTotalLabel(text) || isSubItemLabel(text) || isNoteStart(text) || classifyText(text) !== CellClass.Text) continue;
    // Right under a row with values and before a blank row, the label wraps the one above.
    if (r > t.dataRows.start && hasValues(sheet, t, r - 1, keyCols) && (r === t.dataRows.end || blankRow(sheet, t, r + 1))) continue;
    let next = r + 1;
    while (next <= t.dataRows.end && (blankRow(sheet, t, next) || labelMergedDown(next))) next++;
    if (next > t.dataRows.end || !hasValues(sheet, t, next, keyCols)) continue;
    // The rows under it already carry the name in its column (a label spelled out on every
    // row of its group): a row of that label, not a heading over them.
    const below = getValue(sheet, next, label.c);
    if (typeof below === 'string' && below.trim() === text) continue;
    found.push({ r, text, c: label.c });
  }
  if (found.length < 2 || found.some((f) => f.c !== found[0].c)) return [];
  // Pieces of a label written down the rows (`中`/`央`/`地`/`区`/`17`/`町`) are no headings
  // (looked for only when there are headings to check: finding them reads the whole stub).
  const pieces = new Set(verticalLabels(sheet, t).flatMap((v) => v.cells.map((r) => `${r}:${v.c}`)));
  const headings = found.filter((f) => !pieces.has(`${f.r}:${f.c}`));
  if (headings.length < 2) return [];
  return headings.map(({ r, text }) => ({ r, text }));
}

/**
 * Label rows that continue the label above: no values, right under a row with values, and
 * followed by a blank row or the end of the table (a section row would be followed by its
 * members).
 */
export function wrappedLabels(sheet: Sheet, t: TableStructure): WrappedLabel[] {
  const keyCols = t.columnInfo.filter((ci) => ci.key).map((ci) => ci.c);
  if (keyCols.length === 0) return [];
  const labelCols = new Set(keyCols);
  const c = keyCols[0];
  const out: WrappedLabel[] = [];
  const sections = new Set(sectionRows(sheet, t).map((x) => x.r));
  for (let r = t.dataRows.start + 1; r <= t.dataRows.end; r++) {
    if (sections.has(r)) continue;
    const v = getValue(sheet, r, c);
    if (typeof v !== 'string' || v.trim() === '' || hasValues(sheet, t, r, labelCols)) continue;
    const above = getValue(sheet, r - 1, c);
    if (typeof above !== 'string' || above.trim() === '' || !hasValues(sheet, t, r - 1, labelCols)) continue;
    if (isTotalLabel(v) || /[:：][\s\u3000]*$/.test(v)) continue;
    if (r < t.dataRows.end && !blankRow(sheet, t, r + 1)) continue;
    out.push({ r, into: r - 1, c, text: v });
  }
  return out;
}

/**
 * A year stub printed over three cells: the era once where it starts (`昭和`), the year
 * number on every row (`23`, `24`, … `元`), and `年` once beside the first. Read whole, each
 * row is `昭和23年`; the era goes on down the rows until the next one is written.
 */
export interface SpreadPeriod {
  /** The era column, the year column and the `年` column when there is one. */
  era: number;
  year: number;
  suffix?: number;
  /** Each data row's whole label. */
  rows: { r: number; label: string }[];
}

const ERA_WORD = /^[\s\u3000]*(明治|大正|昭和|平成|令和)[\s\u3000]*$/;
const YEAR_WORD = /^[\s\u3000]*(年度?)[\s\u3000]*$/;

function yearNumber(v: CellValue): string | undefined {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 1 && v <= 64 ? String(v) : undefined;
  if (typeof v !== 'string') return undefined;
  const t = v.trim().normalize('NFKC');
  return t === '元' || (/^[0-9]{1,2}$/.test(t) && Number(t) >= 1 && Number(t) <= 64) ? t : undefined;
}

const blankCell = (v: CellValue) => v === null || (typeof v === 'string' && v.trim() === '');

export function spreadPeriods(sheet: Sheet, t: TableStructure): SpreadPeriod[] {
  const out: SpreadPeriod[] = [];
  const { start, end } = t.dataRows;
  if (end - start < 2) return out;
  const value = (r: number, c: number) => getValue(sheet, r, c);
  const onlyIn = (c: number, test: RegExp) => {
    let n = 0;
    for (let r = start; r <= end; r++) {
      const v = value(r, c);
      if (blankCell(v)) continue;
      if (typeof v !== 'string' || !test.test(v)) return -1;
      n++;
    }
    return n;
  };
  for (let c = t.columns.start; c + 1 <= t.columns.end; c++) {
    const eras = onlyIn(c, ERA_WORD);
    if (eras < 1) continue;
    // The era must be written on the first data row: a label above the first era is no year.
    if (!ERA_WORD.test(String(value(start, c) ?? ''))) continue;
    const year = c + 1;
    let years = 0;
    let rows = 0;
    for (let r = start; r <= end; r++) {
      if (blankCell(value(r, year)) && blankCell(value(r, c))) continue;
      rows++;
      if (yearNumber(value(r, year)) !== undefined) years++;
    }
    if (years < 3 || years < rows * 0.9) continue;
    const suffixCol = year + 1 <= t.columns.end && onlyIn(year + 1, YEAR_WORD) >= 1 ? year + 1 : undefined;
    const word = suffixCol === undefined ? '年' : String(value(start, suffixCol) ?? '年').trim() || '年';
    let era = '';
    const labels: SpreadPeriod['rows'] = [];
    for (let r = start; r <= end; r++) {
      const e = value(r, c);
      if (typeof e === 'string' && ERA_WORD.test(e)) era = e.trim();
      const n = yearNumber(value(r, year));
      if (n !== undefined && era) labels.push({ r, label: `${era}${n}${word}` });
    }
    out.push({ era: c, year, ...(suffixCol !== undefined ? { suffix: suffixCol } : {}), rows: labels });
    c = suffixCol ?? year;
  }
  return out;
}
