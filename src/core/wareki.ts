// 和暦 (Japanese era) calendar: the era table, Gregorian → era conversion, and a strict
// parser of era expressions in text (和暦 → 西暦).
//
// Strict on purpose: a wrong year in published statistics is worse than none. The parser
// only accepts the shapes listed below, reports impossible dates (平成31年5月1日,
// 昭和64年1月8日, 2月30日) as invalid instead of guessing, and never reads a bare number
// as a year unless the caller says which era the context implies.
//
// Accepted shapes (full-width digits, Latin letters and punctuation are read as ASCII;
// half- and full-width spaces may pad full era names and numbers):
//   era     明治 大正 昭和 平成 令和 (` 平 成 `), glyphs ㍾㍽㍼㍻㋿, 明 大 昭 平 令, M T S H R
//   year    digits (1–2), kanji numerals (二十二, 二二), 元
//   平成22年 · 平成22年度 · 平成22年7月 · 平成22年7月1日 · 平成23年7-9月 · 平成12～17年
//   平成22 · 平22 (bare: full names, and 昭/平/令, when nothing word-like follows)
//   H30.3.31 · R2/10/1 · 平成22.3 (year.month: not with M/T/S/H/R) · H17年 · (H17=100)
//   平成24(2012)年… · 2012(平成24)年… (西暦 written beside: `gregorian`, checked to agree)
//   implied era (caller gives the era): 17年 · 23 年度 · 12～17年 · 23年7-9月 — as the
//   whole text; `26年` after `平成25年，` in one text; bare months `7`, `7月`, `10-12月`
//   when the caller also gives the year.
//
// Dates are read in the Gregorian calendar, as ICU and Excel do: before 明治6年 (1873)
// Japan used a lunisolar calendar, which neither this module nor they model.

export interface Era {
  /** 明治, 大正, 昭和, 平成, 令和 */
  name: string;
  /** First kanji: 明 大 昭 平 令 */
  short: string;
  /** Latin initial: M T S H R */
  initial: string;
  /** First day of the era (inclusive). */
  start: { y: number; m: number; d: number };
}

export const ERAS: readonly Era[] = [
  { name: '明治', short: '明', initial: 'M', start: { y: 1868, m: 10, d: 23 } },
  { name: '大正', short: '大', initial: 'T', start: { y: 1912, m: 7, d: 30 } },
  { name: '昭和', short: '昭', initial: 'S', start: { y: 1926, m: 12, d: 25 } },
  { name: '平成', short: '平', initial: 'H', start: { y: 1989, m: 1, d: 8 } },
  { name: '令和', short: '令', initial: 'R', start: { y: 2019, m: 5, d: 1 } },
];

export interface YMD {
  y: number;
  m: number;
  d: number;
}

function dayKey(y: number, m: number, d: number): number {
  return y * 10000 + m * 100 + d;
}

/** The era a Gregorian date falls in and its era year (1 = 元年), or undefined before 明治. */
export function toEra(y: number, m: number, d: number): { era: Era; year: number } | undefined {
  const key = dayKey(y, m, d);
  for (let i = ERAS.length - 1; i >= 0; i--) {
    const era = ERAS[i];
    if (key >= dayKey(era.start.y, era.start.m, era.start.d)) return { era, year: y - era.start.y + 1 };
  }
  return undefined;
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

/** Last day of the era (inclusive); undefined for the current era. */
export function eraEnd(era: Era): YMD | undefined {
  const i = ERAS.indexOf(era);
  const next = ERAS[i + 1];
  if (!next) return undefined;
  const { y, m, d } = next.start;
  if (d > 1) return { y, m, d: d - 1 };
  if (m > 1) return { y, m: m - 1, d: daysInMonth(y, m - 1) };
  return { y: y - 1, m: 12, d: 31 };
}

/** The Gregorian year of an era year (平成22 → 2010). Pure arithmetic: check validity separately. */
export function toGregorianYear(era: Era, eraYear: number): number {
  return era.start.y + eraYear - 1;
}

/** The era written as 明治 / 明 / M / ㍾ (any of them), or undefined. */
export function eraByName(name: string): Era | undefined {
  const n = name.replace(/[ \u3000]/g, '');
  return ERAS.find((e) => e.name === n || e.short === n || e.initial === n.toUpperCase() || GLYPHS[n] === e);
}

/** `YYYY-MM-DD` */
export function isoDate(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export type WarekiKind = 'year' | 'fiscal-year' | 'date' | 'month' | 'period' | 'year-range';

export type WarekiError =
  | 'era-year-zero' // 平成0年
  | 'invalid-month' // 平成22年13月
  | 'invalid-day' // 平成22年2月30日
  | 'before-era-start' // 平成元年1月7日 (still 昭和)
  | 'after-era-end' // 平成31年5月1日, 昭和64年1月8日, 大正16年
  | 'invalid-range' // 平成17～12年, 平成23年9-7月
  | 'gregorian-mismatch'; // 平成24(2013)年: the 西暦 written beside disagrees

export interface WarekiMatch {
  /** Span in the input text (UTF-16 indices, end exclusive). */
  start: number;
  end: number;
  /** The matched text as written. */
  text: string;
  kind: WarekiKind;
  era: Era;
  /** False when the era was supplied by the caller's context (`17年` under `平成12年`). */
  explicit: boolean;
  /** 年度 (`平成22年度`, `平成12～17年度`). */
  fiscal: boolean;
  eraYear: number;
  /** Second year of a `year-range`. */
  eraYearEnd?: number;
  month?: number;
  /** Last month of a `period` (`7-9月` → 9). */
  monthEnd?: number;
  day?: number;
  valid: boolean;
  error?: WarekiError;
  /** Gregorian (fiscal) year; only when valid. */
  year?: number;
  /** Gregorian end year of a `year-range`; only when valid. */
  yearEnd?: number;
  /**
   * The range separator as written (`～`, `~`, `〜`; dash look-alikes read as `-`), for a
   * `year-range` or `period`, so that the 西暦 text keeps it (`平成12～17年` → `2000～2005年`).
   */
  sep?: string;
  /**
   * A 西暦 year written beside the era year: `平成24(2012)年`, `2012（平成24）年`. The text
   * already gives the 西暦 (the guide allows 和暦 alongside it); when the two disagree the
   * match is invalid (`gregorian-mismatch`).
   */
  gregorian?: number;
}

/** What the surrounding cells imply: the era, and for bare months also the era year. */
export interface WarekiContext {
  era: Era;
  /** Era year the row above established (`平成23年7-9月` → 23); bare months take it. */
  year?: number;
}

// ---------------------------------------------------------------------------------------
// Lexing helpers. The text is first mapped one code unit to one code unit (indices stay
// valid): full-width digits, Latin letters and punctuation to ASCII, spaces to ' '.

const GLYPHS: Record<string, Era> = { '㍾': ERAS[0], '㍽': ERAS[1], '㍼': ERAS[2], '㍻': ERAS[3], '㋿': ERAS[4] };
const ERA_BY_NAME = new Map<string, Era>(ERAS.map((e) => [e.name, e]));
const ERA_BY_SHORT = new Map<string, Era>(ERAS.map((e) => [e.short, e]));
const ERA_BY_INITIAL = new Map<string, Era>(ERAS.map((e) => [e.initial, e]));
/** Single-kanji abbreviations that may stand with a bare number (`平22`); 明 and 大 are too common. */
const BARE_SHORT = new Set(['昭', '平', '令']);

const CHAR_MAP: Record<string, string> = {
  '\u3000': ' ',
  '\t': ' ',
  '\u00a0': ' ',
  '．': '.',
  '／': '/',
  '－': '-',
  '‐': '-',
  '‑': '-',
  '‒': '-',
  '–': '-',
  '—': '-',
  '―': '-',
  '−': '-',
  'ー': '-',
  '～': '~',
  '〜': '~',
  '（': '(',
  '）': ')',
  '＝': '=',
  '，': ',',
  '：': ':',
  '％': '%',
};

function normalize(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const code = ch.charCodeAt(0);
    if (code >= 0xff10 && code <= 0xff19) out += String.fromCharCode(code - 0xfee0);
    else if ((code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a)) out += String.fromCharCode(code - 0xfee0);
    else out += CHAR_MAP[ch] ?? ch;
  }
  return out;
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isLatinCode(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Kanji, kana (not ・ ー) and iteration marks: characters that continue a Japanese word. */
function isWordCjkCode(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0x3040 && c <= 0x30fa) ||
    c === 0x30fd ||
    c === 0x30fe ||
    c === 0x3005 ||
    (c >= 0xff66 && c <= 0xff9f)
  );
}

function skipSpaces(s: string, i: number): number {
  while (s.charCodeAt(i) === 32) i++;
  return i;
}

const KANJI_DIGITS: Record<string, number> = { '〇': 0, '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9 };

interface Num {
  value: number;
  end: number;
}

/**
 * A number of at most two digits at `i`: ASCII digits (after normalising), kanji numerals
 * (`二十二`, `十`, `二二`) or, for era years, 元. Longer digit runs are not numbers here.
 */
function readNumber(s: string, i: number, allowGan: boolean, allowKanji = true): Num | undefined {
  const c = s.charCodeAt(i);
  if (isDigitCode(c)) {
    let j = i + 1;
    while (isDigitCode(s.charCodeAt(j))) j++;
    if (j - i > 2) return undefined;
    return { value: Number(s.slice(i, j)), end: j };
  }
  if (allowGan && s[i] === '元') return { value: 1, end: i + 1 };
  if (!allowKanji) return undefined;
  let j = i;
  while (j < s.length && (s[j] in KANJI_DIGITS || s[j] === '十')) j++;
  if (j === i) return undefined;
  const run = s.slice(i, j);
  const ten = run.indexOf('十');
  if (ten >= 0) {
    if (run.indexOf('十', ten + 1) >= 0 || ten > 1 || run.length - ten - 1 > 1) return undefined;
    const before = ten === 1 ? KANJI_DIGITS[run[0]] : 1;
    const after = ten + 1 < run.length ? KANJI_DIGITS[run[ten + 1]] : 0;
    if (before === 0 || (ten + 1 < run.length && after === 0)) return undefined;
    return { value: before * 10 + after, end: j };
  }
  if (run.length > 2) return undefined;
  let v = 0;
  for (const ch of run) v = v * 10 + KANJI_DIGITS[ch];
  return { value: v, end: j };
}

function isRangeSep(ch: string | undefined): boolean {
  return ch === '~' || ch === '-';
}

/** True when the text at `i` ends a bare number cleanly (nothing word-like glued on). */
function cleanEnd(s: string, i: number, allowCjk: boolean): boolean {
  if (i >= s.length) return true;
  const c = s.charCodeAt(i);
  if (isDigitCode(c) || isLatinCode(c) || c === 37 /* % */ || c === 95 /* _ */) return false;
  if (!allowCjk && isWordCjkCode(c)) return false;
  if ((c === 46 || c === 47 || c === 44) && isDigitCode(s.charCodeAt(i + 1))) return false; // 22.5, 22/7, 1,000
  return true;
}

/** `N年` followed by one of these is a duration or an age, not a calendar year (`10年間`). */
const NOT_A_YEAR_AFTER = /^(?:間|前|後|目|ぶり|振り|生|半)/;

/** `=100` after a base year (`(H17=100)`, index notation). */
const BASE_YEAR = /^= *100(?![0-9.])/;

type EraForm = 'name' | 'short' | 'initial' | 'implied';

interface Tail {
  kind: WarekiKind;
  end: number;
  fiscal: boolean;
  eraYearEnd?: number;
  month?: number;
  monthEnd?: number;
  day?: number;
}

/** After `年` (at `i`, just past it): 度, months, days, `7-9月`, `～17年`. */
function afterNen(s: string, i: number, form: EraForm): Tail {
  let j = skipSpaces(s, i);
  if (s[j] === '度') {
    const fy: Tail = { kind: 'fiscal-year', end: j + 1, fiscal: true };
    const range = yearRangeTail(s, j + 1, true);
    if (range) return { kind: 'year-range', end: range.end, fiscal: true, eraYearEnd: range.value };
    return fy;
  }
  const year: Tail = { kind: 'year', end: i, fiscal: false };
  const mon = readNumber(s, j, false);
  if (mon) {
    j = skipSpaces(s, mon.end);
    if (s[j] === '月') {
      const monthEnd = j + 1;
      let k = skipSpaces(s, monthEnd);
      const day = readNumber(s, k, false);
      if (day) {
        k = skipSpaces(s, day.end);
        if (s[k] === '日') return { kind: 'date', end: k + 1, fiscal: false, month: mon.value, day: day.value };
      }
      // 7月～9月
      k = skipSpaces(s, monthEnd);
      if (isRangeSep(s[k])) {
        const m2 = readNumber(s, skipSpaces(s, k + 1), false);
        if (m2) {
          const e = skipSpaces(s, m2.end);
          if (s[e] === '月') return { kind: 'period', end: e + 1, fiscal: false, month: mon.value, monthEnd: m2.value };
        }
      }
      return { kind: 'month', end: monthEnd, fiscal: false, month: mon.value };
    }
    if (isRangeSep(s[j])) {
      const m2 = readNumber(s, skipSpaces(s, j + 1), false);
      if (m2) {
        const e = skipSpaces(s, m2.end);
        if (s[e] === '月') return { kind: 'period', end: e + 1, fiscal: false, month: mon.value, monthEnd: m2.value };
      }
    }
  }
  const range = yearRangeTail(s, i, false);
  if (range) return { kind: 'year-range', end: range.end, fiscal: false, eraYearEnd: range.value };
  if (form === 'implied' && NOT_A_YEAR_AFTER.test(s.slice(i, i + 2))) return { kind: 'year', end: -1, fiscal: false };
  return year;
}

/** `～17年` / `～17年度` right after a first year (at `i`): the second year of a range. */
function yearRangeTail(s: string, i: number, fiscal: boolean): Num | undefined {
  const j = skipSpaces(s, i);
  if (!isRangeSep(s[j])) return undefined;
  const n = readNumber(s, skipSpaces(s, j + 1), false);
  if (!n) return undefined;
  let k = skipSpaces(s, n.end);
  if (s[k] !== '年') return undefined;
  k++;
  const d = skipSpaces(s, k);
  const hasDo = s[d] === '度';
  if (hasDo !== fiscal) return undefined;
  return { value: n.value, end: hasDo ? d + 1 : k };
}

/** What follows an era year (at `i`, just past its number). */
function parseTail(s: string, i: number, form: EraForm, eraKey: string): Tail | undefined {
  const j = skipSpaces(s, i);
  const spaced = j > i;
  if (s[j] === '年') {
    const t = afterNen(s, j + 1, form);
    return t.end < 0 ? undefined : t;
  }
  // 平成12～17年, 平成17-22年度
  if (isRangeSep(s[j])) {
    const n = readNumber(s, skipSpaces(s, j + 1), false);
    if (n) {
      const k = skipSpaces(s, n.end);
      if (s[k] === '年') {
        const d = skipSpaces(s, k + 1);
        const fiscal = s[d] === '度';
        return { kind: 'year-range', end: fiscal ? d + 1 : k + 1, fiscal, eraYearEnd: n.value };
      }
    }
  }
  if (form === 'implied') return undefined;
  // H30.3.31, R2/10/1, 平成22.3
  const sep = s[i];
  if (!spaced && (sep === '.' || sep === '/' || sep === '-')) {
    const mon = readNumber(s, i + 1, false, false);
    if (mon) {
      if (s[mon.end] === sep) {
        const day = readNumber(s, mon.end + 1, false, false);
        if (day && cleanEnd(s, day.end, true)) return { kind: 'date', end: day.end, fiscal: false, month: mon.value, day: day.value };
        return undefined;
      }
      if (form !== 'initial' && cleanEnd(s, mon.end, false)) return { kind: 'month', end: mon.end, fiscal: false, month: mon.value };
    }
    return undefined;
  }
  // Bare year: 平成22, 平22, and with an initial only the base-year notation (H17=100)
  if (form === 'initial') return BASE_YEAR.test(s.slice(j, j + 8)) ? { kind: 'year', end: i, fiscal: false } : undefined;
  if (form === 'short' && !BARE_SHORT.has(eraKey)) return undefined;
  return cleanEnd(s, j, false) ? { kind: 'year', end: i, fiscal: false } : undefined;
}

// ---------------------------------------------------------------------------------------
// Validation: a match is valid when the day, month, year or fiscal year it names exists
// and overlaps the era's span.

function validate(era: Era, kind: WarekiKind, fiscal: boolean, eraYear: number, t: Partial<Tail>): WarekiError | undefined {
  if (eraYear < 1) return 'era-year-zero';
  const y = toGregorianYear(era, eraYear);
  const s = era.start;
  const startKey = dayKey(s.y, s.m, s.d);
  const endYmd = eraEnd(era);
  const endKey = endYmd ? dayKey(endYmd.y, endYmd.m, endYmd.d) : Infinity;
  const check = (from: number, to: number): WarekiError | undefined =>
    to < startKey ? 'before-era-start' : from > endKey ? 'after-era-end' : undefined;
  switch (kind) {
    case 'year':
      return check(dayKey(y, 1, 1), dayKey(y, 12, 31));
    case 'fiscal-year':
      return check(dayKey(y, 4, 1), dayKey(y + 1, 3, 31));
    case 'year-range': {
      const e = t.eraYearEnd ?? 0;
      if (e <= eraYear) return 'invalid-range';
      const y2 = toGregorianYear(era, e);
      return (
        check(fiscal ? dayKey(y, 4, 1) : dayKey(y, 1, 1), fiscal ? dayKey(y + 1, 3, 31) : dayKey(y, 12, 31)) ??
        check(fiscal ? dayKey(y2, 4, 1) : dayKey(y2, 1, 1), fiscal ? dayKey(y2 + 1, 3, 31) : dayKey(y2, 12, 31))
      );
    }
    case 'month': {
      const m = t.month ?? 0;
      if (m < 1 || m > 12) return 'invalid-month';
      return check(dayKey(y, m, 1), dayKey(y, m, daysInMonth(y, m)));
    }
    case 'period': {
      const m = t.month ?? 0;
      const m2 = t.monthEnd ?? 0;
      if (m < 1 || m > 12 || m2 < 1 || m2 > 12) return 'invalid-month';
      if (m2 <= m) return 'invalid-range';
      return check(dayKey(y, m, 1), dayKey(y, m2, daysInMonth(y, m2)));
    }
    case 'date': {
      const m = t.month ?? 0;
      const d = t.day ?? 0;
      if (m < 1 || m > 12) return 'invalid-month';
      if (d < 1 || d > daysInMonth(y, m)) return 'invalid-day';
      const k = dayKey(y, m, d);
      return check(k, k);
    }
  }
}

/** Tilde-like separators are kept as written; every dash look-alike is `-`. */
function writtenSep(text: string): string | undefined {
  const t = /[~～〜]/.exec(text);
  if (t) return t[0];
  return /[-－‐‑‒–—―−ー]/.test(text) ? '-' : undefined;
}

function makeMatch(text: string, start: number, end: number, era: Era, explicit: boolean, eraYear: number, t: Tail, gregorian?: number): WarekiMatch {
  let error = validate(era, t.kind, t.fiscal, eraYear, t);
  if (!error && gregorian !== undefined && gregorian !== toGregorianYear(era, eraYear)) error = 'gregorian-mismatch';
  const m: WarekiMatch = {
    start,
    end,
    text: text.slice(start, end),
    kind: t.kind,
    era,
    explicit,
    fiscal: t.fiscal,
    eraYear,
    valid: error === undefined,
  };
  if (t.eraYearEnd !== undefined) m.eraYearEnd = t.eraYearEnd;
  if (t.month !== undefined) m.month = t.month;
  if (t.monthEnd !== undefined) m.monthEnd = t.monthEnd;
  if (t.day !== undefined) m.day = t.day;
  if (t.kind === 'year-range' || t.kind === 'period') {
    const sep = writtenSep(m.text);
    if (sep) m.sep = sep;
  }
  if (gregorian !== undefined) m.gregorian = gregorian;
  if (error) m.error = error;
  else {
    m.year = toGregorianYear(era, eraYear);
    if (t.eraYearEnd !== undefined) m.yearEnd = toGregorianYear(era, t.eraYearEnd);
  }
  return m;
}

/**
 * The Gregorian date of an era date (`平成`, 31, 4, 30 → 2019-04-30), or why there is none
 * (`平成`, 31, 5, 1 → after-era-end). Never moves a date into another era.
 */
export function eraDateToGregorian(era: Era, eraYear: number, month: number, day: number): { ok: true; date: YMD } | { ok: false; error: WarekiError } {
  const error = validate(era, 'date', false, eraYear, { month, day });
  return error ? { ok: false, error } : { ok: true, date: { y: toGregorianYear(era, eraYear), m: month, d: day } };
}

// ---------------------------------------------------------------------------------------
// Scanning

/** Cheap pre-check: no era character at all → no explicit era expression. */
const ERA_HINT = /[明大昭平令㍾㍽㍼㍻㋿MTSHRＭＴＳＨＲ]/;
const ERA_TOKEN = /明 *治|大 *正|昭 *和|平 *成|令 *和|[㍾㍽㍼㍻㋿明大昭平令MTSHR]/g;
/** Anything that could be a number (for implied matches). */
const NUMBER_HINT = /[0-9０-９〇一二三四五六七八九十元]/;

const GREGORIAN_AFTER = /^ *\( *([12][0-9]{3}) *\)/;
const GREGORIAN_BEFORE = /(?<![0-9])([12][0-9]{3}) *\( *$/;
const CLOSE_AFTER = /^ *\)/;

/**
 * A 西暦 year written beside the era year and followed by 年: `平成24(2012)年` (after the
 * number) or `2012(平成24)年` (before the era). Where the tail starts and the match begins.
 */
function gregorianBeside(s: string, eraAt: number, numEnd: number): { year: number; start: number; tailAt: number } | undefined {
  const after = GREGORIAN_AFTER.exec(s.slice(numEnd, numEnd + 12));
  if (after) {
    const tailAt = numEnd + after[0].length;
    return s[skipSpaces(s, tailAt)] === '年' ? { year: Number(after[1]), start: eraAt, tailAt } : undefined;
  }
  const before = GREGORIAN_BEFORE.exec(s.slice(Math.max(0, eraAt - 12), eraAt));
  const close = before && CLOSE_AFTER.exec(s.slice(numEnd, numEnd + 4));
  if (!before || !close) return undefined;
  const tailAt = numEnd + close[0].length;
  return s[skipSpaces(s, tailAt)] === '年' ? { year: Number(before[1]), start: eraAt - before[0].length, tailAt } : undefined;
}

function explicitMatches(text: string, s: string): WarekiMatch[] {
  const out: WarekiMatch[] = [];
  const re = ERA_TOKEN;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    const tok = m[0];
    const at = m.index;
    let era: Era | undefined;
    let form: EraForm;
    const compact = tok.replace(/ /g, '');
    if (compact.length === 2) {
      era = ERA_BY_NAME.get(compact);
      form = 'name';
    } else if (GLYPHS[tok]) {
      era = GLYPHS[tok];
      form = 'name';
    } else if (ERA_BY_SHORT.has(tok)) {
      era = ERA_BY_SHORT.get(tok);
      form = 'short';
    } else {
      era = ERA_BY_INITIAL.get(tok);
      form = 'initial';
    }
    if (!era) continue;
    const prev = at > 0 ? s.charCodeAt(at - 1) : -1;
    if (form === 'short' && (isWordCjkCode(prev) || isLatinCode(prev) || isDigitCode(prev))) continue;
    if (form === 'initial' && (isLatinCode(prev) || isDigitCode(prev) || prev === 95)) continue;
    const numAt = form === 'name' ? skipSpaces(s, at + tok.length) : at + tok.length;
    const num = readNumber(s, numAt, true, form !== 'initial');
    if (!num) continue;
    let beside = gregorianBeside(s, at, num.end);
    if (beside && out.length > 0 && beside.start < out[out.length - 1].end) beside = undefined;
    const tail = parseTail(s, beside ? beside.tailAt : num.end, form, tok);
    if (!tail) continue;
    out.push(makeMatch(text, beside ? beside.start : at, tail.end, era, true, num.value, tail, beside?.year));
    re.lastIndex = tail.end;
  }
  return out;
}

/** `26年` after `平成25年，` in the same text: the era carries over a list. */
function listContinuations(text: string, s: string, explicit: WarekiMatch[]): WarekiMatch[] {
  const out: WarekiMatch[] = [];
  for (let k = 0; k < explicit.length; k++) {
    const first = explicit[k];
    if (!(first.kind === 'year' || first.kind === 'fiscal-year' || first.kind === 'year-range')) continue;
    const limit = k + 1 < explicit.length ? explicit[k + 1].start : s.length;
    let i = first.end;
    let prevYear = first.eraYearEnd ?? first.eraYear;
    for (;;) {
      const j = skipSpaces(s, i);
      if (!(s[j] === ',' || s[j] === '、' || s[j] === '・')) break;
      const a = skipSpaces(s, j + 1);
      const num = readNumber(s, a, false);
      if (!num || num.value <= prevYear) break;
      const tail = parseTail(s, num.end, 'implied', '');
      if (!tail || tail.end > limit || tail.kind === 'period' || tail.kind === 'date' || tail.kind === 'month') break;
      if (tail.fiscal !== first.fiscal) break;
      out.push(makeMatch(text, a, tail.end, first.era, false, num.value, tail));
      prevYear = tail.eraYearEnd ?? num.value;
      i = tail.end;
    }
  }
  return out;
}

function trimSpan(s: string): [number, number] {
  let a = 0;
  let b = s.length;
  while (a < b && (s.charCodeAt(a) === 32 || s[a] === '\n' || s[a] === '\r')) a++;
  while (b > a && (s.charCodeAt(b - 1) === 32 || s[b - 1] === '\n' || s[b - 1] === '\r')) b--;
  return [a, b];
}

/** Footnote marks written after a label: ` a)b)`, `※1`, `*`, `(注)`. */
const TRAILING_MARKS = /^(?:[\s\u3000]*(?:[a-zA-Zａ-ｚＡ-Ｚ][)）]|[0-9０-９]{1,2}[)）]|※[0-9０-９]?|[*＊]+|[(（]注[0-9０-９]?[)）]))+[\s\u3000]*$/;

/** The whole text is an era-less year, fiscal year, range or (with a year) month: `23 年`, `7`, `10-12月`. */
function impliedMatch(text: string, full: string, ctx: WarekiContext): WarekiMatch | undefined {
  const [a, b] = trimSpan(full);
  const s = full.slice(0, b);
  if (a >= b) return undefined;
  const num = readNumber(s, a, true);
  if (!num) return undefined;
  const tail = parseTail(s, num.end, 'implied', '');
  if (tail && tail.end === b) return makeMatch(text, a, b, ctx.era, false, num.value, tail);
  // `24年 a)b)`: footnote marks after the year (they leave with the labels fix).
  if (tail && tail.kind === 'year' && TRAILING_MARKS.test(s.slice(tail.end, b))) return makeMatch(text, a, tail.end, ctx.era, false, num.value, tail);
  if (ctx.year === undefined || s[a] === '元') return undefined;
  // Bare months under a known year: `7`, `7月`, `10-12月`.
  let j = skipSpaces(s, num.end);
  let t: Tail | undefined;
  if (j === b) t = { kind: 'month', end: b, fiscal: false, month: num.value };
  else if (s[j] === '月' && skipSpaces(s, j + 1) === b) t = { kind: 'month', end: b, fiscal: false, month: num.value };
  else if (isRangeSep(s[j])) {
    const m2 = readNumber(s, skipSpaces(s, j + 1), false);
    if (m2) {
      j = skipSpaces(s, m2.end);
      if (s[j] === '月' && skipSpaces(s, j + 1) === b) t = { kind: 'period', end: b, fiscal: false, month: num.value, monthEnd: m2.value };
    }
  }
  if (!t || t.month! < 1 || t.month! > 12) return undefined;
  return makeMatch(text, a, b, ctx.era, false, ctx.year, t);
}

/**
 * Every era expression in `text`, in order. `implied` is the era (and for bare months
 * the era year) that the context gives; without it only explicit eras are found.
 */
export function findWareki(text: string, implied?: Era | WarekiContext): WarekiMatch[] {
  const hasEra = ERA_HINT.test(text);
  if (!hasEra && !implied) return [];
  const s = normalize(text);
  if (hasEra) {
    const explicit = explicitMatches(text, s);
    if (explicit.length > 0) {
      const more = listContinuations(text, s, explicit);
      return more.length === 0 ? explicit : [...explicit, ...more].sort((x, y) => x.start - y.start);
    }
  }
  if (!implied || !NUMBER_HINT.test(text)) return [];
  const ctx: WarekiContext = 'name' in implied ? { era: implied } : implied;
  const m = impliedMatch(text, s, ctx);
  return m ? [m] : [];
}

/** True when the text names an era with a year (`平成22年`, `H30.3.31`), valid or not. */
export function hasExplicitEra(text: string): boolean {
  return findWareki(text).length > 0;
}

/** The era of the last explicit era expression in the text, for the cells that follow. */
export function lastExplicitEra(text: string): Era | undefined {
  const ms = findWareki(text);
  return ms.length ? ms[ms.length - 1].era : undefined;
}

/**
 * The 西暦 a valid match stands for, as text: `2010年`, `2010年度`, `2000～2005年` (the
 * range separator as written), `2011年7月`, `2011年7-9月`, and dates as `2011-07-01`.
 * Undefined when invalid.
 */
export function seirekiText(m: WarekiMatch): string | undefined {
  if (!m.valid || m.year === undefined) return undefined;
  const nen = m.fiscal ? '年度' : '年';
  switch (m.kind) {
    case 'year':
    case 'fiscal-year':
      return `${m.year}${nen}`;
    case 'year-range':
      return `${m.year}${m.sep ?? '～'}${m.yearEnd}${nen}`;
    case 'month':
      return `${m.year}年${m.month}月`;
    case 'period':
      return `${m.year}年${m.month}${m.sep ?? '-'}${m.monthEnd}月`;
    case 'date':
      return isoDate(m.year, m.month!, m.day!);
  }
}

/** A date as Japanese text in 西暦 (`2011年7月1日`), for dates inside a longer text. */
export function seirekiDateText(m: WarekiMatch): string | undefined {
  if (!m.valid || m.year === undefined || m.kind !== 'date') return undefined;
  return `${m.year}年${m.month}月${m.day}日`;
}
