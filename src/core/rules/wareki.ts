// Rule `wareki` (guide 手順3 西暦表記, 総務省 1-11): years and dates must be given in 西暦.
// Finds 和暦 written in cells (`平成22年`, `H30.3.31`, `(H17=100)`), era-less years that
// only make sense under an era above them (`23 年` under `平成 22 年`, a bare `7` under
// `平成23年7-9月`), impossible era dates (reported, never converted), dates stored as
// serials but shown with an era format (`[$-411]ggge"年"…`), and numeric 和暦 year columns
// that have no 西暦 column beside them. A 西暦 written beside the era (`平成24(2012)年`,
// `2012（平成24）年`) already gives the 西暦 and is left alone (the guide allows 和暦
// alongside 西暦), unless the two disagree. So is a 和暦 column whose rows give the same
// years as a 西暦 column of the table (`平成29年` beside `2017`, or beside an e-Stat time
// code `2017000000`): only the rows where the two disagree are reported, never converted.
//
// A sheet rule, not a cell rule: an implied era depends on the cells above (or to the
// left), so a cell cannot be judged on its own, and re-checking only an edited cell would
// miss the cells whose meaning it changes. One pass walks each table column by column
// (data rows) and row by row (caption, header and unit rows), carrying the era context
// along, so the cost is one look at each cell: O(cells).
//
// Detection and fix share that pass (`analyse`): each finding carries what it reports and
// what the fix writes, so the two cannot disagree. What the fix writes:
// - in captions, titles and any text, each 和暦 expression in place: `平成12年` → `2000年`,
//   `人口増減率(平成12～17年)` → `人口増減率(2000～2005年)` (the separator as written),
//   `CI指数 (H17=100)` → `CI指数 (2005=100)`, `平成22年度` → `2010年度`, a date inside text
//   → `2011年7月1日`;
// - a cell that is one label of a key or data column: a date → `YYYY-MM-DD` (text); a year
//   → the number `2010` when every label of the column is a plain year (`平成 22 年`,
//   `23 年`, or already `2009`: a year column, typed xsd:gYear / integer), else the text
//   `2010年` (a period column mixing years, fiscal years, quarters and months, as
//   crushed-stone's 年 月: `2010年`, `2010年度`, `2011年7-9月`, bare `7` → `2011年7月`);
// - a date serial shown with an era format keeps its value and gets `yyyy-mm-dd`;
// - a numeric 和暦 year column without a 西暦 column (`和暦（平成）` 21, 22…) keeps its
//   values and gets a 西暦 column added right of it (2009, 2010…): the guide allows 和暦
//   alongside 西暦, and converting in place would leave a 和暦 title over 西暦 years;
// - invalid era dates and years of an unknown era are never converted.
// Option `keepOriginal`: a column is added right of each column whose labels were
// converted, holding the original 和暦 (title: the original title + `（和暦）`).
import { type Change, type ColumnsChange, type MergeChange, removeMergeChange } from '../changes.ts';
import { type CellRange, type CellSnapshot, type CellValue, type Column, cellKey, columnLetter, getCell, getFormat, getValue, isCellError } from '../model.ts';
import { buildMergeIndex } from '../mergeIndex.ts';
import { exportText, formatValue, isDateFormat, isJapaneseEraFormat } from '../numberFormat.ts';
import type { ColumnInfo, TableStructure } from '../structure/types.ts';
import {
  type Era,
  type WarekiContext,
  type WarekiMatch,
  ERAS,
  eraEnd,
  findWareki,
  isoDate,
  seirekiDateText,
  seirekiText,
  toEra,
  toGregorianYear,
} from '../wareki.ts';
import { type FixOptions, type MessageId, type Report, type ReportArgs, type SheetView, ruleMeta, sheetRule } from './types.ts';
import { appendAll } from '../arrays.ts';
import { toHalfwidthAscii } from '../text/fullwidth.ts';

export const meta = ruleMeta({
  id: 'wareki',
  level: 1,
  severity: 'error',
  family: 'date',
  guideRef: { guide: '手順3 西暦表記', soumu: '1-11' },
  // Out of every title before the header is flattened and the caption leaves; before the
  // fill-down, so a year written once over 7,000 rows is converted once and its 西暦 copied
  // (the era context carries over blanks, so the result is the same).
  fixAll: { phase: 'structure', order: 40 },
  title: { ja: '和暦を西暦に', en: 'Japanese era → Gregorian' },
  description: {
    ja: '年や日付は西暦で表記します（和暦は西暦の列に併記するなら可）。日付は YYYY-MM-DD、年度は「2010年度」のように書きます。',
    en: 'Write years and dates in the Gregorian calendar (a Japanese-era column may accompany a Gregorian one). Dates as YYYY-MM-DD, fiscal years as “2010年度”.',
  },
  messages: {
    era: {
      ja: '「{text}」は和暦です（{seireki}）。',
      en: '“{text}” is a Japanese-era date ({seireki}).',
    },
    impliedEra: {
      ja: '「{text}」は元号を省略した和暦です（{era}と解釈すると{seireki}）。',
      en: '“{text}” is a Japanese-era year with the era left out (read as {era}: {seireki}).',
    },
    outOfEra: {
      ja: '「{text}」は{era}の期間（{span}）にありません。西暦に変換できないので、元の資料を確認してください。',
      en: '“{text}” lies outside the {era} era ({span}); it cannot be converted, check the source.',
    },
    invalidDate: {
      ja: '「{text}」は存在しない日付です。西暦に変換できないので、元の資料を確認してください。',
      en: '“{text}” is not a real date; it cannot be converted, check the source.',
    },
    invalidRange: {
      ja: '「{text}」の期間は終わりが始まりより前です。西暦に変換できないので、元の資料を確認してください。',
      en: '“{text}” ends before it starts; it cannot be converted, check the source.',
    },
    gregorianMismatch: {
      ja: '「{text}」の和暦と、併記された西暦が一致しません。元の資料を確認してください。',
      en: '“{text}” gives a Japanese-era year and a Gregorian year that do not agree; check the source.',
    },
    columnMismatch: {
      ja: '「{text}」（{seireki}年）は、同じ行の{column}列「{other}」（{otherYear}年）と年が一致しません。元の資料を確認してください。',
      en: '“{text}” ({seireki}) does not give the year of “{other}” ({otherYear}) in column {column} of the same row; check the source.',
    },
    eraFormat: {
      ja: '表示形式が和暦です（「{display}」は {iso}）。',
      en: 'The number format shows a Japanese era (“{display}” is {iso}).',
    },
    eraMissing: {
      ja: '「{text}」は元号のない和暦の年です（同じ列の他の年は西暦）。どの元号か分からないため変換できません。元の資料を確認してください。',
      en: '“{text}” is a Japanese-era year without its era (the other years of the column are Gregorian); it cannot be converted, check the source.',
    },
    eraYearColumn: {
      ja: '「{value}」は和暦の年です（{era}{value}年は{seireki}）。西暦の列がありません。',
      en: '“{value}” is a Japanese-era year ({era} {value} is {seireki}) and the table has no Gregorian year column.',
    },
    eraYearColumnUnknownEra: {
      ja: '「{value}」は和暦の年です。西暦の列がなく、元号が分からないため変換できません。西暦の列を追加してください。',
      en: '“{value}” is a Japanese-era year; the table has no Gregorian year column and the era is unknown, so add one.',
    },
    convert: {
      ja: '「{after}」に変換',
      en: 'Convert to “{after}”',
    },
    isoFormat: {
      ja: '表示形式を yyyy-mm-dd に変更（{iso}）',
      en: 'Change the number format to yyyy-mm-dd ({iso})',
    },
    addSeireki: {
      ja: '右に西暦の列を追加（{after}）',
      en: 'Add a Gregorian year column to the right ({after})',
    },
  },
});

/** Column headers that mark a numeric 和暦 year column, and a 西暦 one. */
const WAREKI_HEADER = /和暦|元号|Japanese (?:era )?year/i;
/** A header that is only an era name, perhaps with 年: `平成`, `年（平成）`, `昭和年`. */
const ERA_ONLY_HEADER = /^(?:年次?|年度)?[(（]?(?:明治|大正|昭和|平成|令和)[)）]?(?:年次?|年度)?$/;
const SEIREKI_HEADER = /西暦|Calendar year|Gregorian/i;
const ERA_NAME = /明治|大正|昭和|平成|令和/g;
/** A four-digit number: a Gregorian year, which ends any era context. */
const GREGORIAN_YEAR = /(?:^|[^0-9０-９])[12１２][0-9０-９]{3}(?![0-9０-９])/;
/** Cheap pre-check for text cells: nothing that could start an era or a number. */
const MAYBE_WAREKI = /[0-9０-９明大昭平令㍾㍽㍼㍻㋿MTSHRＭＴＳＨＲ元〇一二三四五六七八九十]/;

/** Era context carried down a column: the era, and the era year bare months belong to. */
interface ColumnContext {
  era: Era;
  /** Era year of the last year / month / period row; unset after 年度, ranges and breaks. */
  year?: number;
  /** Last month seen under `year`: a month going backwards means a new year, so stop. */
  lastMonth: number;
}

type WarekiMessageId = MessageId<typeof meta.messages>;

/** What a finding reports on its cell: the message, and how to say it. */
interface Said {
  messageId: WarekiMessageId;
  say(report: Report<typeof meta.messages>): void;
}

function said<K extends WarekiMessageId>(r: number, c: number, messageId: K, ...args: ReportArgs<typeof meta.messages, K>): Said {
  return { messageId, say: (report) => report(messageId, { r, c }, ...args) };
}

function spanText(era: Era): string {
  const s = era.start;
  const e = eraEnd(era);
  return `${isoDate(s.y, s.m, s.d)}～${e ? isoDate(e.y, e.m, e.d) : ''}`;
}

/** What the fix does to a cell: a new value, or (era-formatted serials) a new number format. */
interface CellFix {
  value?: CellValue;
  format?: string;
}

/** One finding: what it reports, and what the fix writes (absent when it converts nothing). */
export interface WarekiFinding {
  r: number;
  c: number;
  said: Said;
  fix?: CellFix;
  /**
   * Cells the same conversion empties: an era written over its years on a row of its own
   * (`平成` over `22年`) and the 西暦 printed under them (`(2010)`), once `2010年` says both.
   */
  emptied?: { r: number; c: number }[];
  /**
   * A whole label of a key or data cell is converted: the 和暦 as it was (text, a typed
   * month, or what an era format showed), for the column `keepOriginal` adds.
   */
  original?: CellValue;
  /** A numeric 和暦 year: the 西暦 year of the column the fix adds beside it. */
  seireki?: number;
}

/** How a cell's text is converted. */
interface TextMode {
  /** A key or data cell (else caption, header, unit: text in titles). */
  valueCell: boolean;
  /** Every label of the column is a plain year: whole-cell years become numbers. */
  yearColumn: boolean;
}

/** The 西暦 text that replaces one match inside a longer text. */
function inTextReplacement(m: WarekiMatch): string {
  if (m.kind === 'year' && !m.text.includes('年')) return String(m.year); // (H17=100) → (2005=100)
  if (m.kind === 'date') return seirekiDateText(m)!;
  return seirekiText(m)!;
}

/**
 * The cell's new value: every match replaced in place. A whole-cell label of a key or data
 * cell: a date → `YYYY-MM-DD`, a year → the number (year columns) or `2010年`; anything
 * else → its 西暦 text.
 */
function convertedValue(text: string, all: WarekiMatch[], live: WarekiMatch[], mode: TextMode): CellValue {
  const whole = all.length === 1 && text.trim() === all[0].text.trim();
  if (whole) {
    const m = all[0];
    if (m.kind === 'year' && mode.valueCell && mode.yearColumn) return m.year!;
    return seirekiText(m)!;
  }
  let out = '';
  let at = 0;
  for (const m of live) {
    out += text.slice(at, m.start) + inTextReplacement(m);
    at = m.end;
  }
  return out + text.slice(at);
}

function invalidFinding(r: number, c: number, m: WarekiMatch): Said {
  if (m.error === 'invalid-day' || m.error === 'invalid-month') return said(r, c, 'invalidDate', { text: m.text.trim() });
  if (m.error === 'invalid-range') return said(r, c, 'invalidRange', { text: m.text.trim() });
  if (m.error === 'gregorian-mismatch') return said(r, c, 'gregorianMismatch', { text: m.text.trim() });
  return said(r, c, 'outOfEra', { text: m.text.trim(), era: m.era.name, span: spanText(m.era) });
}

/** A 西暦 written beside the era (`平成24(2012)年`) that agrees: nothing to do. */
function alreadySeireki(m: WarekiMatch): boolean {
  return m.valid && m.gregorian !== undefined;
}

/** The finding for a text (or a typed month) with era matches; undefined when all give their 西暦 already. */
function textFinding(r: number, c: number, text: string, matches: WarekiMatch[], mode: TextMode, original?: CellValue): WarekiFinding | undefined {
  const live = matches.filter((m) => !alreadySeireki(m));
  if (live.length === 0) return undefined;
  const bad = live.find((m) => !m.valid);
  if (bad) return { r, c, said: invalidFinding(r, c, bad) };
  const value = convertedValue(text, matches, live, mode);
  // 'impliedEra' only when the era comes from another cell; `平成８・９年` names it itself.
  const implied = live.every((m) => !m.explicit) ? live[0] : undefined;
  const params = {
    text: live.map((m) => m.text.trim()).join('、'),
    seireki: live.map((m) => seirekiText(m)!).join('、'),
    after: String(value),
    count: live.length,
  };
  const found = implied ? said(r, c, 'impliedEra', { ...params, era: implied.era.name }, { fixId: 'convert' }) : said(r, c, 'era', params, { fixId: 'convert' });
  const f: WarekiFinding = { r, c, said: found, fix: { value } };
  const whole = matches.length === 1 && text.trim() === matches[0].text.trim();
  if (mode.valueCell && whole) f.original = original ?? text;
  return f;
}

/** A number shown with an era format (`[$-411]ggge"年"m"月"d"日"`): the date it stands for. */
function eraFormatFinding(view: SheetView, r: number, c: number, value: number): WarekiFinding | undefined {
  const fmt = getFormat(view.sheet, r, c);
  if (!isJapaneseEraFormat(fmt)) return undefined;
  const iso = exportText(value, fmt, undefined, view.date1904);
  const ymd = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!ymd || !toEra(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]))) return undefined;
  const date = ymd[0];
  const display = formatValue(value, fmt, view.date1904);
  return {
    r,
    c,
    said: said(r, c, 'eraFormat', { display, iso: date, after: date }, { fixId: 'isoFormat' }),
    fix: { format: iso.includes('T') ? 'yyyy-mm-dd hh:mm:ss' : 'yyyy-mm-dd' },
    original: display,
  };
}

function headerTextOf(view: SheetView, t: TableStructure, c: number, info: ColumnInfo | undefined): string {
  const parts: string[] = [...(info?.headerPath ?? [])];
  for (let r = t.headerRows.start; r <= t.headerRows.end; r++) {
    const v = getValue(view.sheet, r, c);
    if (typeof v === 'string') parts.push(v);
  }
  return parts.join('\n');
}

/** The one era a header names (`年（平成）`), if exactly one. */
function eraNamedIn(header: string): Era | undefined {
  const names = new Set(header.match(ERA_NAME) ?? []);
  return names.size === 1 ? ERAS.find((e) => names.has(e.name)) : undefined;
}

function contextAfter(m: WarekiMatch): ColumnContext {
  if (!m.valid) return { era: m.era, lastMonth: 0 };
  switch (m.kind) {
    case 'year':
      return { era: m.era, year: m.eraYear, lastMonth: 0 };
    case 'month':
    case 'date':
    case 'period':
      return { era: m.era, year: m.eraYear, lastMonth: m.month ?? 0 };
    default:
      return { era: m.era, lastMonth: 0 };
  }
}

function isBareMonthMatch(m: WarekiMatch): boolean {
  return !m.explicit && (m.kind === 'month' || m.kind === 'period') && !/年/.test(m.text);
}

/**
 * A title flattened from two header rows starts with an era-less year: `17年 総数` (parent
 * `17年` over child `総数`, joined by a space). Under the era of the titles to its left the
 * leading year is read as the whole text would be; the rest of the title is left alone.
 */
function leadingImpliedYear(text: string, era: Era): WarekiMatch[] {
  const m = /^([\s\u3000]*)([^\s\u3000]+)[\s\u3000]+\S/.exec(text);
  if (!m) return [];
  const [found] = findWareki(m[2], era);
  if (!found || found.text !== m[2] || !(found.kind === 'year' || found.kind === 'fiscal-year' || found.kind === 'year-range')) return [];
  const offset = m[1].length;
  return [{ ...found, start: found.start + offset, end: found.end + offset }];
}

/** A label that is already a plain 西暦 year: `2009`, `2009年`, `２００９ 年`. */
const SEIREKI_YEAR_CELL = /^[\s\u3000]*[12１２][0-9０-９]{3}[\s\u3000]*年?[\s\u3000]*$/;

/** A cell that is a single plain (not fiscal) year, valid or not: `平成 22 年`, `23 年`. */
function isWholeYear(text: string, matches: WarekiMatch[]): boolean {
  return matches.length === 1 && matches[0].kind === 'year' && text.trim() === matches[0].text.trim();
}

/** A text (or typed month) with era matches in a data column, judged once the whole column is seen. */
interface Pending {
  r: number;
  text: string;
  matches: WarekiMatch[];
  original?: CellValue;
}

function analyseTable(view: SheetView, t: TableStructure, out: WarekiFinding[]): void {
  const sheet = view.sheet;
  const infoByCol = new Map(t.columnInfo.map((ci) => [ci.c, ci]));
  const push = (f: WarekiFinding | undefined) => {
    if (f) out.push(f);
  };
  // Most sheets have no 和暦 date format at all: then no number needs its format looked up.
  const eraFormats = sheet.formats.some((f) => isJapaneseEraFormat(f));

  // Numeric 和暦 year columns: allowed beside a 西暦 column (「和暦を併記してもよい」).
  const headers = new Map<number, string>();
  for (let c = t.columns.start; c <= t.columns.end; c++) headers.set(c, headerTextOf(view, t, c, infoByCol.get(c)));
  const warekiCols = [...headers]
    .filter(([, h]) => WAREKI_HEADER.test(h) || ERA_ONLY_HEADER.test(h.replace(/[\s\u3000]/g, '')))
    .map(([c]) => c);
  const hasSeireki = [...headers].some(([c, h]) => SEIREKI_HEADER.test(h) && !warekiCols.includes(c));

  const splitEra = eraOverYears(view, t, out);
  const seirekiYears = new Map<number, SeirekiYears>();

  // Caption, header and unit rows, left to right. In header rows an era carries to the
  // right (`平成12年` `17年` … `22年`).
  const bandRows = new Set<number>([...t.captionRows, ...t.unitRows]);
  for (let r = t.headerRows.start; r <= t.headerRows.end; r++) bandRows.add(r);
  const titleMode: TextMode = { valueCell: false, yearColumn: false };
  for (const r of [...bandRows].sort((a, b) => a - b)) {
    let era: Era | undefined;
    for (let c = t.range.s.c; c <= t.range.e.c; c++) {
      const value = getValue(sheet, r, c);
      if (value === null || value === '') continue;
      const region = view.regionOf(r, c);
      if (region !== 'caption' && region !== 'header' && region !== 'unit') continue;
      if (splitEra.has(cellKey(r, c))) continue;
      if (typeof value === 'number') {
        const f = eraFormats ? eraFormatFinding(view, r, c, value) : undefined;
        if (f) push({ r, c, said: f.said, fix: f.fix });
        continue;
      }
      if (typeof value !== 'string' || !MAYBE_WAREKI.test(value)) continue;
      let matches = findWareki(value, region === 'header' ? era : undefined);
      if (matches.length === 0 && region === 'header' && era) matches = leadingImpliedYear(value, era);
      if (matches.length === 0) {
        if (GREGORIAN_YEAR.test(value)) era = undefined;
        continue;
      }
      push(textFinding(r, c, value, matches, titleMode));
      const lastExplicit = matches.filter((m) => m.explicit).pop();
      if (lastExplicit) era = lastExplicit.era;
    }
  }

  // Data rows, top to bottom per column. Era context is carried only in label columns
  // (key columns, period/date columns, duplicates of a key column).
  for (let c = t.columns.start; c <= t.columns.end; c++) {
    const info = infoByCol.get(c);
    const carries = !!info && (info.key || info.kind === 'period' || info.kind === 'date' || info.duplicateOf !== undefined);
    const isWarekiCol = warekiCols.includes(c);
    const headerEra = isWarekiCol ? eraNamedIn(headers.get(c)!) : undefined;
    const values = sheet.columns[c]?.values;
    if (!values) continue;
    const end = Math.min(t.dataRows.end, sheet.rowCount - 1);
    // Judged once the column is seen: a 和暦 column beside 西暦 keeps only impossible dates
    // and years, and rows that disagree with the 西暦 beside them.
    const found: WarekiFinding[] = [];
    const push = (f: WarekiFinding | undefined) => {
      if (f) found.push(f);
    };
    let ctx: ColumnContext | undefined;
    const pending: Pending[] = [];
    /** The 西暦 year each row's whole 和暦 label gives, to compare with a 西暦 column. */
    const eraYears = new Map<number, { text: string; year: number; date?: string }>();
    let yearLabels = 0;
    let otherLabels = false;
    /** 西暦 labels (`2010年`, 2010, `2011年7月`) and era-less years no era above explains (`32 年`). */
    let seirekiLabels = 0;
    const eraLessRows: number[] = [];
    // In a plain column (no era context, no 和暦 header, no 和暦 date format) a number only
    // tells whether the column is all years, which matters only if a text year was found:
    // numbers (most cells of a statistics table) are then looked at afterwards, if at all.
    const plain = !carries && !isWarekiCol && !eraFormats;
    let numbersLeft = false;
    for (let r = t.dataRows.start; r <= end; r++) {
      const value: CellValue = values[r] ?? null;
      if (value === null || value === '') continue;
      if (plain && typeof value === 'number') {
        numbersLeft = true;
        continue;
      }
      const region = view.regionOf(r, c);
      if (region !== 'key' && region !== 'data') continue;
      if (typeof value === 'boolean' || isCellError(value)) {
        otherLabels = true;
        continue;
      }

      if (typeof value === 'number') {
        const f = eraFormats ? eraFormatFinding(view, r, c, value) : undefined;
        if (f) {
          push(f);
          otherLabels = true;
          continue;
        }
        if (isWarekiCol) {
          const f = eraYearFinding(r, c, value, headerEra);
          if (f?.seireki !== undefined) eraYears.set(r, { text: String(value), year: f.seireki });
          push(f);
          continue;
        }
        if (isSeirekiYear(value)) seirekiLabels++;
        else otherLabels = true;
        if (!carries || !ctx) continue;
        if (ctx.year !== undefined && Number.isInteger(value) && value >= 1 && value <= 12) {
          const [m] = findWareki(String(value), { era: ctx.era, year: ctx.year });
          if (m && m.valid && m.month! >= ctx.lastMonth) {
            pending.push({ r, text: String(value), matches: [m], original: value });
            ctx.lastMonth = m.month!;
            continue;
          }
        }
        if (Math.abs(value) >= 1000) ctx = undefined;
        else ctx.year = undefined;
        continue;
      }

      if (!MAYBE_WAREKI.test(value)) {
        otherLabels = true;
        if (ctx) ctx.year = undefined;
        continue;
      }
      if (isWarekiCol) {
        const n = warekiYearNumber(value);
        if (n !== undefined) {
          const f = eraYearFinding(r, c, n, headerEra);
          if (f?.seireki !== undefined) eraYears.set(r, { text: value.trim(), year: f.seireki });
          push(f);
          continue;
        }
      }
      const implied: WarekiContext | undefined = carries && ctx ? { era: ctx.era, year: ctx.year } : undefined;
      let matches = findWareki(value, implied);
      if (matches.length === 1 && isBareMonthMatch(matches[0]) && matches[0].month! < ctx!.lastMonth) matches = [];
      if (matches.length === 0) {
        if (!SEIREKI_YEAR_CELL.test(value)) otherLabels = true;
        if (SEIREKI_LABEL.test(value)) seirekiLabels++;
        else if (carries && !ctx && eraLess(value)) eraLessRows.push(r);
        if (ctx) {
          if (GREGORIAN_YEAR.test(value)) ctx = undefined;
          else ctx.year = undefined;
        }
        continue;
      }
      pending.push({ r, text: value, matches });
      if (isWholeYear(value, matches)) yearLabels++;
      else otherLabels = true;
      if (carries) ctx = contextAfter(matches[matches.length - 1]);
    }
    if (numbersLeft && yearLabels > 0 && !otherLabels) otherLabels = hasNonYearNumber(view, t, c, values, end);
    const mode: TextMode = { valueCell: true, yearColumn: yearLabels > 0 && !otherLabels };
    for (const p of pending) {
      const label = p.matches.length === 1 ? wholeLabel(p.text, p.matches[0]) : undefined;
      if (label) eraYears.set(p.r, { text: p.text.trim(), ...label });
    }
    for (const p of pending) push(textFinding(p.r, c, p.text, p.matches, mode, p.original));
    // `32 年` among 西暦 years (its era was lost, or never written): say so, never guess.
    if (seirekiLabels > 0) {
      for (const r of eraLessRows) push({ r, c, said: said(r, c, 'eraMissing', { text: String(values[r]).trim() }) });
    }
    // 和暦 beside a 西暦 column of the table that gives the same years (agreeing on at least
    // as many rows as it disagrees): a row where the two disagree is reported and never
    // converted, since which one is right only the source can tell. A column titled 和暦
    // there is 「和暦を併記」 and stays as it is; any other is converted where they agree
    // (a 和暦 column is converted whatever 西暦 sits beside it). A column titled 和暦 whose
    // years match no 西暦 column is no gloss of one, whatever the titles say: converted too.
    const partner = eraYears.size === 0 ? undefined : glossColumn(view, t, c, withSeireki(eraYears, seirekiColumn(view, t, c, seirekiYears).years), seirekiYears, isWarekiCol);
    const allowed = isWarekiCol && (partner !== undefined || (eraYears.size === 0 && (hasSeireki || seirekiBeside(view, t, c - 1, warekiCols))));
    let kept = allowed ? found.filter((f) => INVALID_MESSAGES.has(f.said.messageId)) : found;
    if (partner) {
      const invalid = new Set(kept.filter((f) => INVALID_MESSAGES.has(f.said.messageId)).map((f) => f.r));
      const mismatches: WarekiFinding[] = [];
      for (const [r, label] of eraYears) {
        const { text, year } = label;
        const other = partner.years.get(r);
        if (other === undefined || sameTime(label, other) || invalid.has(r)) continue;
        mismatches.push({ r, c, said: said(r, c, 'columnMismatch', { text, seireki: year, column: columnLetter(partner.c), other: other.text, otherYear: other.year }) });
      }
      const mismatchRows = new Set(mismatches.map((f) => f.r));
      kept = [...kept.filter((f) => !mismatchRows.has(f.r)), ...mismatches].sort((x, y) => x.r - y.r);
    }
    appendAll(out, kept);
  }
}

const ERA_ALONE = /^[\s\u3000]*(明治|大正|昭和|平成|令和)[\s\u3000]*$/;
const GLOSS = /^[\s\u3000]*[(（]?[\s\u3000]*([12][0-9]{3})[\s\u3000]*[)）]?[\s\u3000]*$/;

/**
 * An era written on a header row of its own over era-less years (`平成` / `22年` /
 * `(2010)`, `令和` / `元年`): each year is converted with the era above it, and the era
 * cell and a 西暦 printed under the year are emptied, since `2010年` says all three.
 * Returns the cells it took care of.
 */
function eraOverYears(view: SheetView, t: TableStructure, out: WarekiFinding[]): Set<number> {
  const taken = new Set<number>();
  const rows = titleRows(t);
  if (rows.length < 2) return taken;
  const sheet = view.sheet;
  const merges = buildMergeIndex(sheet.merges);
  const origin = (r: number, c: number) => {
    const m = merges.at(r, c);
    return m ? (m.s.r === r ? m.s : undefined) : { r, c };
  };
  for (let c = t.columns.start; c <= t.columns.end; c++) {
    for (let i = 0; i + 1 < rows.length; i++) {
      const at = origin(rows[i], c);
      const eraText = at ? getValue(sheet, at.r, at.c) : null;
      if (typeof eraText !== 'string') continue;
      const name = ERA_ALONE.exec(eraText)?.[1];
      if (!name) continue;
      const era = ERAS.find((e) => e.name === name)!;
      const yr = rows[i + 1];
      const yearText = getValue(sheet, yr, c);
      if (typeof yearText !== 'string') continue;
      const [m] = findWareki(yearText, era);
      if (!m || m.explicit || m.kind !== 'year' || yearText.trim() !== m.text.trim()) continue;
      const emptied = [{ r: at!.r, c: at!.c }];
      if (m.valid && i + 2 < rows.length) {
        const g = rows[i + 2];
        const gloss = getValue(sheet, g, c);
        const y = typeof gloss === 'string' ? GLOSS.exec(gloss)?.[1] : typeof gloss === 'number' ? String(gloss) : undefined;
        if (y !== undefined && Number(y) === m.year) emptied.push({ r: g, c });
      }
      const f = textFinding(yr, c, yearText, [m], { valueCell: false, yearColumn: false });
      if (!f) continue;
      if (f.fix) f.emptied = emptied.filter((e) => !taken.has(cellKey(e.r, e.c)));
      out.push(f);
      taken.add(cellKey(yr, c));
      for (const e of emptied) taken.add(cellKey(e.r, e.c));
    }
  }
  return taken;
}

/** A number that reads as a 西暦 year (2010). */
function isSeirekiYear(value: number): boolean {
  return Number.isInteger(value) && value >= 1000 && value <= 2999;
}

/** A number other than a 西暦 year among the key and data cells of column `c` (what the main loop skipped). */
function hasNonYearNumber(view: SheetView, t: TableStructure, c: number, values: readonly CellValue[], end: number): boolean {
  for (let r = t.dataRows.start; r <= end; r++) {
    const value = values[r];
    if (typeof value !== 'number') continue;
    const region = view.regionOf(r, c);
    if (region !== 'key' && region !== 'data') continue;
    if (!isSeirekiYear(value)) return true;
  }
  return false;
}

const INVALID_MESSAGES = new Set<WarekiMessageId>(['outOfEra', 'invalidDate', 'invalidRange', 'gregorianMismatch']);

/** The whole text is a year, fiscal year or range written without its era (`23 年`, `12～17年`). */
function eraLess(text: string): boolean {
  if (!/[年]/.test(text)) return false;
  const ms = findWareki(text, ERAS[ERAS.length - 1]);
  return ms.length === 1 && !ms[0].explicit && text.trim() === ms[0].text.trim();
}

/** A label that gives a 西暦 year: `2010年`, `2011年7月`, `2019-04-01`, `2010年度`, `2009`. */
const SEIREKI_LABEL = /^[\s\u3000]*[12１２][0-9０-９]{3}(?:[年\-/.－／．]|[\s\u3000]*$)/;

/** Column c of the table (not a 和暦 column) holds 西暦 labels: numbers 1000–2999, dates, `2010年`… */
function seirekiBeside(view: SheetView, t: TableStructure, c: number, warekiCols: number[]): boolean {
  if (c < t.columns.start || warekiCols.includes(c)) return false;
  const values = view.sheet.columns[c]?.values;
  if (!values) return false;
  const end = Math.min(t.dataRows.end, view.sheet.rowCount - 1);
  for (let r = t.dataRows.start; r <= end; r++) {
    const v = values[r];
    if (typeof v === 'string' && SEIREKI_LABEL.test(v)) return true;
    if (typeof v === 'number') {
      const fmt = getFormat(view.sheet, r, c);
      if (isDateFormat(fmt) && !isJapaneseEraFormat(fmt)) return true;
      if (isSeirekiYear(v)) return true;
    }
  }
  return false;
}

/** A key or data cell that gives a 西暦 year, as written. */
interface SeirekiCell {
  text: string;
  year: number;
  /** `YYYY-MM-DD` when the cell is a whole date: then dates are compared, not years. */
  date?: string;
}

/** An e-Stat time code: the year, then six digits for the period (`2017000000`, `2017100000`). */
function timeCodeYear(v: number): number | undefined {
  if (!Number.isInteger(v) || v < 1_000_000_000 || v > 2_999_999_999) return undefined;
  return Math.floor(v / 1_000_000);
}

function digitsOf(text: string): string {
  return toHalfwidthAscii(text, { digitsOnly: true });
}

/** The 西暦 year cell (r, c) gives: 2017, `2017年`, `2017-04-01`, a date, a time code. */
function seirekiCellAt(view: SheetView, r: number, c: number, v: CellValue): SeirekiCell | undefined {
  if (typeof v === 'number') {
    const fmt = getFormat(view.sheet, r, c);
    if (isDateFormat(fmt) && !isJapaneseEraFormat(fmt)) {
      const iso = exportText(v, fmt, undefined, view.date1904);
      const ymd = /^(\d{4})-\d{2}-\d{2}/.exec(iso);
      return ymd ? { text: formatValue(v, fmt, view.date1904), year: Number(ymd[1]), date: ymd[0] } : undefined;
    }
    if (isSeirekiYear(v)) return { text: String(v), year: v };
    const code = timeCodeYear(v);
    return code === undefined ? undefined : { text: String(v), year: code };
  }
  if (typeof v !== 'string') return undefined;
  const text = v.trim();
  if (SEIREKI_LABEL.test(text)) {
    const digits = digitsOf(text);
    const ymd = SEIREKI_DATE.exec(digits);
    const year = Number(digits.slice(0, 4));
    return { text, year, date: ymd ? isoDate(year, Number(ymd[2]), Number(ymd[3])) : undefined };
  }
  const code = /^[0-9]{10}$/.test(text) ? timeCodeYear(Number(text)) : undefined;
  return code === undefined ? undefined : { text, year: code };
}

const SEIREKI_DATE = /^([12][0-9]{3})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?$/;

/**
 * The year (and date) a 和暦 label gives when it is one year, fiscal year, month or date
 * with its era written, and nothing else. A label whose era comes from the rows above
 * (`7年` under `平成6年`) is read in a context that the comparison cannot share.
 */
function wholeLabel(text: string, m: WarekiMatch): { year: number; date?: string } | undefined {
  if (!m.valid || !m.explicit || m.year === undefined || m.text.trim() !== text.trim()) return undefined;
  if (m.kind === 'date') return { year: m.year, date: isoDate(m.year, m.month!, m.day!) };
  return m.kind === 'year' || m.kind === 'fiscal-year' || m.kind === 'month' ? { year: m.year } : undefined;
}

/** A 和暦 label and a 西暦 cell give the same date, or (unless both are dates) the same year. */
function sameTime(a: { year: number; date?: string }, b: { year: number; date?: string }): boolean {
  return a.date !== undefined && b.date !== undefined ? a.date === b.date : a.year === b.year;
}

/**
 * The 西暦 year of a column's rows, how many of its key and data cells give none, and
 * whether any holds 和暦 the fix converts (text, or a date shown with an era format).
 */
interface SeirekiYears {
  years: Map<number, SeirekiCell>;
  others: number;
  wareki: boolean;
}

/** The 西暦 year of each key or data row of column c that gives one. Cached per table. */
function seirekiColumn(view: SheetView, t: TableStructure, c: number, cache: Map<number, SeirekiYears>): SeirekiYears {
  const known = cache.get(c);
  if (known !== undefined) return known;
  const years = new Map<number, SeirekiCell>();
  const values = view.sheet.columns[c]?.values;
  const end = Math.min(t.dataRows.end, view.sheet.rowCount - 1);
  let others = 0;
  let wareki = false;
  for (let r = t.dataRows.start; values && r <= end; r++) {
    const v = values[r] ?? null;
    if (v === null || v === '') continue;
    const region = view.regionOf(r, c);
    if (region !== 'key' && region !== 'data') continue;
    const cell = seirekiCellAt(view, r, c, v);
    if (cell) years.set(r, cell);
    else others++;
    // A column of measurements shows it within its first cells: it is no 西暦 column, and
    // the rest of it (most of a statistics table) is not read for years.
    if (others > 16 && others > 2 * years.size) {
      years.clear();
      break;
    }
    // Impossible era dates stay as they are (never converted): they do not make it 和暦.
    if (!cell && !wareki) wareki = typeof v === 'string' ? MAYBE_WAREKI.test(v) && findWareki(v).some((m) => m.valid) : typeof v === 'number' && isJapaneseEraFormat(getFormat(view.sheet, r, c));
  }
  const result = { years, others, wareki };
  cache.set(c, result);
  return result;
}

/** The rows' years as the 和暦 labels give them, and as the 西暦 cells of the same column do. */
function withSeireki(eraYears: Map<number, { year: number; date?: string }>, seireki: Map<number, SeirekiCell>): Map<number, { year: number; date?: string }> {
  if (seireki.size === 0) return eraYears;
  // A converted row is compared as the 西暦 it became: the judgement is the same after the fix.
  return new Map<number, { year: number; date?: string }>([...seireki, ...eraYears]);
}

/**
 * The 西暦 column of the table that gives the same years as the 和暦 labels of column c
 * on at least as many rows as it gives other years: then column c is 和暦 written beside
 * 西暦 (「和暦を併記」), not a column to convert. A 西暦 column holds no 和暦 and at least
 * half its cells give a year; the column just left of a column titled 和暦 may give fewer
 * (the labels the fix converted, beside the `（和暦）` column it kept, among labels it
 * could not convert).
 */
function glossColumn(
  view: SheetView,
  t: TableStructure,
  c: number,
  rowYears: Map<number, { year: number; date?: string }>,
  cache: Map<number, SeirekiYears>,
  besideTitled: boolean,
): { c: number; years: Map<number, SeirekiCell> } | undefined {
  let best: { c: number; years: Map<number, SeirekiCell>; agree: number } | undefined;
  for (let g = t.columns.start; g <= t.columns.end; g++) {
    if (g === c) continue;
    const { years, others, wareki } = seirekiColumn(view, t, g, cache);
    // Only a column the fix leaves as it is: its years are the same before and after, so
    // the judgement is too (the fix never meets a 和暦 column it would judge otherwise).
    if (years.size === 0 || wareki || (years.size < others && !(besideTitled && g === c - 1))) continue;
    let agree = 0;
    let disagree = 0;
    for (const [r, label] of rowYears) {
      const other = years.get(r);
      if (other === undefined) continue;
      if (sameTime(label, other)) agree++;
      else disagree++;
    }
    // Equal agreement: the nearer column is the one the 和暦 is written beside.
    if (agree > 0 && agree >= disagree && (!best || agree > best.agree || (agree === best.agree && Math.abs(g - c) < Math.abs(best.c - c)))) best = { c: g, years, agree };
  }
  return best;
}

/** `22`, `２２年`: a 和暦 year written as a number in a 和暦 column. */
function warekiYearNumber(text: string): number | undefined {
  if (!/^[\s\u3000]*[0-9０-９]{1,2}[\s\u3000]*年?[\s\u3000]*$/.test(text)) return undefined;
  return Number(digitsOf(text).replace(/[^0-9]/g, ''));
}

/** A year of a numeric 和暦 column (`和暦（平成）` 21): its 西暦, or why there is none. */
function eraYearFinding(r: number, c: number, value: number, era: Era | undefined): WarekiFinding | undefined {
  if (!Number.isInteger(value) || value < 1 || value > 99) return undefined;
  if (!era) return { r, c, said: said(r, c, 'eraYearColumnUnknownEra', { value }) };
  const [m] = findWareki(`${value}年`, era);
  if (!m) return undefined;
  if (!m.valid) return { r, c, said: invalidFinding(r, c, m) };
  const year = toGregorianYear(era, value);
  return {
    r,
    c,
    said: said(r, c, 'eraYearColumn', { value, era: era.name, seireki: `${year}年`, after: String(year) }, { fixId: 'addSeireki' }),
    seireki: year,
  };
}

/** Every finding of the rule on the sheet, with what the fix writes, per table. */
export function analyse(view: SheetView): { table: TableStructure; findings: WarekiFinding[] }[] {
  return view.structure.tables.map((table) => {
    const findings: WarekiFinding[] = [];
    analyseTable(view, table, findings);
    return { table, findings };
  });
}

function detect(view: SheetView, report: Report<typeof meta.messages>): void {
  for (const { findings } of analyse(view)) for (const f of findings) f.said.say(report);
}

// --- fix ---------------------------------------------------------------------------------

/** A column the fix adds right of column `c`: the original 和暦, or the 西暦 of a 和暦 year column. */
interface AddedColumn {
  c: number;
  kind: 'original' | 'seireki';
  tables: Set<TableStructure>;
  cells: Map<number, CellValue>;
}

function afterSnapshot(before: CellSnapshot, fix: CellFix): CellSnapshot {
  const after: CellSnapshot = { ...before };
  if ('value' in fix) {
    after.value = fix.value!;
    delete after.raw;
    delete after.formula;
    // A year that was text becomes a plain number: the format the text ignored (`@`,
    // `#,##0` → `2,004`) does not apply to it.
    if (typeof fix.value === 'number') delete after.format;
  }
  if (fix.format !== undefined) after.format = fix.format;
  return after;
}

/** The rows of a table's title (header rows that are not unit rows). */
function titleRows(t: TableStructure): number[] {
  const units = new Set(t.unitRows);
  const out: number[] = [];
  for (let r = t.headerRows.start; r <= t.headerRows.end; r++) if (!units.has(r)) out.push(r);
  return out;
}

/**
 * The values of an added column: its title(s) in each table's header (the source column's
 * own header cells; a parent title merged over several columns stays the merge's), then
 * its cells.
 */
function addedColumnData(view: SheetView, a: AddedColumn, merges: readonly CellRange[]): Column {
  const { sheet } = view;
  const values: CellValue[] = new Array<CellValue>(sheet.rowCount).fill(null);
  const shared = (r: number) => merges.some((m) => m.s.c < m.e.c && m.s.c <= a.c && a.c <= m.e.c && m.s.r <= r && r <= m.e.r);
  for (const t of a.tables) {
    const rows = titleRows(t);
    if (rows.length === 0) continue;
    let lowest = -1;
    for (const r of rows) {
      const v = getValue(sheet, r, a.c);
      if (v === null || v === '' || shared(r)) continue;
      lowest = r;
      if (a.kind === 'original') values[r] = v;
    }
    const at = lowest >= 0 ? lowest : rows[rows.length - 1];
    if (a.kind === 'seireki') values[at] = '西暦';
    else values[at] = lowest >= 0 ? `${String(values[at])}（和暦）` : '和暦';
  }
  for (const [r, v] of a.cells) values[r] = v;
  return { values };
}

/**
 * Converts every finding that has a fix (see the top of this file). Changes in application
 * order: the added columns first (right to left, each with the merges it touches: a merge
 * over several columns including the source column is widened over the new column, a
 * merge of the source column alone is repeated on it), then the cell changes at their
 * shifted positions.
 */
export function fixWareki(view: SheetView, options: FixOptions = {}): Change[] {
  const { sheet } = view;
  const keepOriginal = options.keepOriginal === true;
  const plans = analyse(view);
  const added = new Map<number, AddedColumn>();
  const addColumn = (c: number, kind: AddedColumn['kind'], t: TableStructure) => {
    let a = added.get(c);
    if (!a) added.set(c, (a = { c, kind, tables: new Set(), cells: new Map() }));
    a.tables.add(t);
    return a;
  };
  for (const { table, findings } of plans) {
    for (const f of findings) if (f.seireki !== undefined) addColumn(f.c, 'seireki', table).cells.set(f.r, f.seireki);
  }
  if (keepOriginal) {
    for (const { table, findings } of plans) {
      for (const f of findings) {
        if (f.original === undefined || !f.fix || added.get(f.c)?.kind === 'seireki') continue;
        addColumn(f.c, 'original', table).cells.set(f.r, f.original);
      }
    }
  }

  const out: Change[] = [];
  let merges: CellRange[] = sheet.merges.map((m) => ({ s: { ...m.s }, e: { ...m.e } }));
  const sources = [...added.keys()].sort((a, b) => b - a);
  for (const c of sources) {
    const a = added.get(c)!;
    const at = c + 1;
    // A merge over several columns including c (a parent title, the caption) spans the new
    // column too; a merge of column c alone (its title over two header rows) is repeated on it.
    const widen = merges.filter((m) => m.s.c <= c && m.e.c >= c && m.e.c > m.s.c);
    const mirror = merges.filter((m) => m.s.c === c && m.e.c === c);
    for (const m of widen) out.push(removeMergeChange(sheet, m, 'wareki'));
    const insert: ColumnsChange = {
      kind: 'columns',
      sheetId: sheet.id,
      op: 'insert',
      start: at,
      columns: [{ column: addedColumnData(view, a, view.sheet.merges), width: sheet.colWidths?.[c], hidden: false }],
      ruleId: 'wareki',
    };
    out.push(insert);
    merges = merges.filter((m) => !widen.includes(m)).map((m) => (m.s.c >= at ? { s: { r: m.s.r, c: m.s.c + 1 }, e: { r: m.e.r, c: m.e.c + 1 } } : m));
    const fresh = [
      ...widen.map((m) => ({ s: { ...m.s }, e: { r: m.e.r, c: m.e.c + 1 } })),
      ...mirror.map((m) => ({ s: { r: m.s.r, c: at }, e: { r: m.e.r, c: at } })),
    ];
    for (const range of fresh) {
      out.push({ kind: 'merge', sheetId: sheet.id, op: 'add', range, ruleId: 'wareki' } satisfies MergeChange);
      merges.push(range);
    }
  }

  // A cell's column moves right by the number of columns added left of it.
  const ascending = [...sources].reverse();
  const shifted = (c: number) => {
    let n = 0;
    while (n < ascending.length && ascending[n] < c) n++;
    return c + n;
  };
  for (const { findings } of plans) {
    for (const f of findings) {
      if (!f.fix) continue;
      const before = getCell(sheet, f.r, f.c);
      out.push({ kind: 'cell', sheetId: sheet.id, r: f.r, c: shifted(f.c), before, after: afterSnapshot(before, f.fix), ruleId: 'wareki' });
      for (const e of f.emptied ?? []) {
        const was = getCell(sheet, e.r, e.c);
        if (was.value !== null) out.push({ kind: 'cell', sheetId: sheet.id, r: e.r, c: shifted(e.c), before: was, after: { value: null }, ruleId: 'wareki' });
      }
    }
  }
  return out;
}

export const warekiRule = sheetRule({
  meta,
  scope: 'sheet',
  applies: () => true,
  detect,
  fixOptions: {
    keepOriginal: {
      default: false,
      label: { ja: '元の和暦を右の列に残す', en: 'Keep the original Japanese-era text in a column to the right' },
    },
  },
  fix: (view, options) => fixWareki(view, options),
  fixCompleteInOnePass: true,
});

export { warekiRule as rule };
