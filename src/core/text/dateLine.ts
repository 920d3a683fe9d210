// Dates that statistics tables state about themselves — `10月1日現在`, `平成27年８月1日現在`,
// `2015年8月1日現在`, `平成28年11月末現在`, `調査日：2015年8月1日` — turned into the
// table's @Date (YYYY-MM-DD), and the dates a user types into the metadata panel
// (`2015/8/1`, `2015年8月1日`, `平成27年8月1日`, `H27.8.1`). 和暦 is read by wareki.ts;
// this module only finds where a date is stated and what year a year-less one means.
import { daysInMonth, findWareki, isoDate } from '../wareki.ts';
import { toHalfwidthAscii } from './fullwidth.ts';

/** A date found in a line: the year is missing when the line gives only month and day. */
export interface StatedDate {
  year?: number;
  month: number;
  /** Absent for `…月末` (the last day of the month, once the year is known). */
  day?: number;
  /** Where the date expression starts in the text (UTF-16 index). */
  start: number;
}

interface DateExpression {
  start: number;
  end: number;
  year?: number;
  month: number;
  day?: number;
}

/** One code unit for one: full-width digits and punctuation as ASCII, every space as ' '. */
function normalise(text: string): string {
  return toHalfwidthAscii(text, { space: 'ascii' }).replace(/[\t\u00a0]/g, ' ');
}

const GREGORIAN = /(?<![0-9])(1[89][0-9]{2}|2[01][0-9]{2}) *(?:年 *([0-9]{1,2}) *月(?: *([0-9]{1,2}) *日)?|([/.-]) *([0-9]{1,2}) *\4 *([0-9]{1,2})(?![0-9]))/g;
const MONTH_DAY = /(?<![0-9])([0-9]{1,2}) *月(?: *([0-9]{1,2}) *日)?/g;

function validDay(year: number | undefined, month: number, day: number | undefined): boolean {
  if (month < 1 || month > 12) return false;
  if (day === undefined) return true;
  return day >= 1 && day <= (year === undefined ? (month === 2 ? 29 : daysInMonth(2001, month)) : daysInMonth(year, month));
}

/** Every date expression in the text, in order: 和暦 (wareki.ts), 西暦, and year-less `M月D日` / `M月`. */
function dateExpressions(text: string): DateExpression[] {
  const s = normalise(text);
  const out: DateExpression[] = [];
  // An era date that does not exist (平成31年5月1日) is no date, and its `5月1日` none either.
  const wareki = findWareki(text);
  const taken = (a: number, b: number) => out.some((x) => a < x.end && b > x.start) || wareki.some((x) => a < x.end && b > x.start);
  for (const m of wareki) {
    if (!m.valid || m.year === undefined || m.month === undefined || (m.kind !== 'date' && m.kind !== 'month')) continue;
    out.push({ start: m.start, end: m.end, year: m.year, month: m.month, day: m.kind === 'date' ? m.day : undefined });
  }
  for (const m of s.matchAll(GREGORIAN)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (taken(start, end)) continue;
    const year = Number(m[1]);
    const month = Number(m[2] ?? m[5]);
    const day = m[3] !== undefined ? Number(m[3]) : m[6] !== undefined ? Number(m[6]) : undefined;
    if (validDay(year, month, day)) out.push({ start, end, year, month, day });
  }
  for (const m of s.matchAll(MONTH_DAY)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (taken(start, end)) continue;
    const month = Number(m[1]);
    const day = m[2] !== undefined ? Number(m[2]) : undefined;
    if (validDay(undefined, month, day)) out.push({ start, end, month, day });
  }
  return out.sort((a, b) => a.start - b.start);
}

const AS_OF = /^ *[)]? *現 *在/;
const MONTH_END = /^ *末/;
const SURVEY_DAY = /(?:調査(?:期)?日|基準日)[ :]*$/;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** The English beside a Japanese date line: `As of Aug.1,2015`, `As of October 1, 2010`. */
const AS_OF_ENGLISH = /^ *as of ([a-z]{3})[a-z]*\.? *([0-9]{1,2}) *, *((?:1[89]|2[01])[0-9]{2})(?![0-9])/i;

/**
 * The date a line states for its table: a date followed by 現在 (`2015年8月1日現在`,
 * `10月1日 現在`), a month followed by 末 (`平成28年11月末`, `8月末現在`), or a date after
 * 調査日 / 調査期日 / 基準日, or the English `As of Aug.1,2015` printed beside such a line.
 * The first one in the line; undefined when there is none.
 */
export function findStatedDate(text: string): StatedDate | undefined {
  const s = normalise(text);
  const en = AS_OF_ENGLISH.exec(s);
  if (en && MONTHS.includes(en[1].toLowerCase())) {
    const year = Number(en[3]);
    const month = MONTHS.indexOf(en[1].toLowerCase()) + 1;
    const day = Number(en[2]);
    if (validDay(year, month, day)) return { year, month, day, start: s.length - s.trimStart().length };
  }
  for (const e of dateExpressions(text)) {
    const after = s.slice(e.end);
    if (e.day !== undefined && AS_OF.test(after)) return { year: e.year, month: e.month, day: e.day, start: e.start };
    if (e.day === undefined && MONTH_END.test(after)) return { year: e.year, month: e.month, start: e.start };
    if (e.day !== undefined && SURVEY_DAY.test(s.slice(Math.max(0, e.start - 8), e.start))) return { year: e.year, month: e.month, day: e.day, start: e.start };
  }
  return undefined;
}

/** `YYYY-MM-DD` for a stated date; a year-less one takes `year` (the table's latest), else undefined. */
export function statedDateIso(date: StatedDate, year?: number): string | undefined {
  const y = date.year ?? year;
  if (y === undefined) return undefined;
  const day = date.day ?? daysInMonth(y, date.month);
  return validDay(y, date.month, day) ? isoDate(y, date.month, day) : undefined;
}

const YEAR = /(?<![0-9.,])(1[89][0-9]{2}|20[0-9]{2}|2100)(?![0-9]|\.[0-9]|,[0-9])/g;

/**
 * The latest year the texts name: 西暦 years (`2010年`, `2005～2010年`, a bare `2010`) and
 * explicit 和暦 (`平成22年`, `(平成17～22年)`). Undefined when none does.
 */
export function latestYear(texts: Iterable<string>): number | undefined {
  let best: number | undefined;
  const see = (y: number | undefined) => {
    if (y !== undefined && y >= 1868 && (best === undefined || y > best)) best = y;
  };
  for (const text of texts) {
    if (!text) continue;
    const s = normalise(text);
    for (const m of s.matchAll(YEAR)) see(Number(m[1]));
    for (const m of findWareki(text)) if (m.valid) see(m.yearEnd ?? m.year);
  }
  return best;
}

/**
 * The table's date from the lines that may state it, in the order given (the first line
 * with a stated date wins); a year-less date takes `year`. `atStart`: only a line that
 * opens with its date counts (`10月1日現在。`, not `面積は…（平成26年10月１日現在）を基礎に…`).
 */
export function dateFromLines(lines: Iterable<string>, year?: number, options: { atStart?: boolean } = {}): string | undefined {
  for (const line of lines) {
    const stated = findStatedDate(line);
    if (!stated || (options.atStart && line.slice(0, stated.start).trim() !== '')) continue;
    const iso = statedDateIso(stated, year);
    if (iso) return iso;
  }
  return undefined;
}

export type DateInput = { ok: true; date: string | undefined } | { ok: false };

/**
 * What the user typed into the date field, as `YYYY-MM-DD`: `2015-08-01`, `2015/8/1`,
 * `2015.8.1`, `2015年8月1日`, `平成27年8月1日`, `H27.8.1`, `令和元年5月1日` (full-width digits
 * too). Empty input clears the date (`date` undefined); anything else, or a day that does
 * not exist (`2015/2/30`, `平成31年5月1日`), is not ok.
 */
export function parseDateInput(text: string): DateInput {
  const t = text.trim();
  if (t === '') return { ok: true, date: undefined };
  const s = normalise(t);
  const g = /^(1[89][0-9]{2}|2[01][0-9]{2}) *(?:([/.-]) *([0-9]{1,2}) *\2 *([0-9]{1,2})|年 *([0-9]{1,2}) *月 *([0-9]{1,2}) *日)$/.exec(s);
  if (g) {
    const y = Number(g[1]);
    const m = Number(g[3] ?? g[5]);
    const d = Number(g[4] ?? g[6]);
    return validDay(y, m, d) ? { ok: true, date: isoDate(y, m, d) } : { ok: false };
  }
  const w = findWareki(t);
  if (w.length === 1 && w[0].kind === 'date' && w[0].start === 0 && w[0].end === t.length && w[0].valid && w[0].year !== undefined) {
    return { ok: true, date: isoDate(w[0].year, w[0].month!, w[0].day!) };
  }
  return { ok: false };
}
