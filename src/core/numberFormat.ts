// Renders cell values as Excel shows them, and as machine-readable text for export.
// SheetJS's SSF does the number-format work; Japanese-era tokens (g, gg, ggg, e, ee),
// which SSF renders as Gregorian years, are resolved here first.
import { SSF } from 'xlsx';
import { type CellValue, GENERAL, isCellError } from './model.ts';
import { toEra } from './wareki.ts';

// Excel-JP built-in number formats that files (notably .xls) reference by id without
// storing the format string; SheetJS's default table maps them to US formats.
export const JAPANESE_BUILTIN_FORMATS: Readonly<Record<number, string>> = {
  27: '[$-411]ge.m.d',
  28: '[$-411]ggge"年"m"月"d"日"',
  29: '[$-411]ggge"年"m"月"d"日"',
  30: 'm/d/yy',
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"時"mm"分"',
  33: 'h"時"mm"分"ss"秒"',
  34: 'yyyy"年"m"月"',
  35: 'm"月"d"日"',
  36: '[$-411]ge.m.d',
  50: '[$-411]ge.m.d',
  51: '[$-411]ggge"年"m"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: '[$-411]ggge"年"m"月"d"日"',
  55: 'yyyy"年"m"月"',
  56: 'm"月"d"日"',
  57: '[$-411]ge.m.d',
  58: '[$-411]ggge"年"m"月"d"日"',
};

/**
 * Teaches SSF the Japanese built-in formats. Call before every read: SSF's table is
 * global, and reading an .xlsx resets entries of it to the file's own formats.
 */
export function loadJapaneseBuiltinFormats(): void {
  for (const [id, fmt] of Object.entries(JAPANESE_BUILTIN_FORMATS)) SSF.load(fmt, Number(id));
}

/**
 * One piece of a format code, read by Excel's number-format grammar (ECMA-376 Part 1,
 * 18.8.31, and Excel's documented codes):
 * - `literal`: text shown as it is — a quoted string, a backslash escape, `_x` (a space as
 *   wide as x), `*x` (x repeated to fill), a bracket block (colour, condition, locale
 *   `[$-411]`, `[DBNum1]`) — and the word `General`. Never a date token.
 * - `date`: a date or time code: runs of y m d h s, e (era year), g (era), b (Buddhist
 *   year), `aaa`/`aaaa` (weekday), AM/PM, A/P, 上午/下午, and elapsed time `[h]` `[mm]` `[ss]`.
 * - `code`: everything else (digit placeholders, `E+` of scientific notation, `;`, `@`…).
 */
interface FormatToken {
  text: string;
  literal: boolean;
  date: boolean;
}

const ELAPSED = /^\[(?:h+|m+|s+)\]$/i;
const DATE_RUN = /^(?:y+|m+|d+|h+|s+|e+|g+|b+)$/i;
const DIGIT_RUN = /^[0#?.,]+$/;

function isGeneralAt(fmt: string, i: number): boolean {
  return fmt.length >= i + 7 && fmt.slice(i, i + 7).toLowerCase() === 'general';
}

function tokenize(fmt: string): FormatToken[] {
  const out: FormatToken[] = [];
  const push = (text: string, literal: boolean, date = false) => out.push({ text, literal, date });
  // The last code token of this section: `E+` is scientific only right after digit placeholders.
  let previousCode = '';
  let i = 0;
  while (i < fmt.length) {
    const ch = fmt[i];
    if (ch === '"') {
      const end = fmt.indexOf('"', i + 1);
      const stop = end < 0 ? fmt.length : end + 1;
      push(fmt.slice(i, stop), true);
      i = stop;
    } else if ((ch === '\\' || ch === '_' || ch === '*') && i + 1 < fmt.length) {
      push(fmt.slice(i, i + 2), true);
      i += 2;
    } else if (ch === '[') {
      const end = fmt.indexOf(']', i + 1);
      const stop = end < 0 ? fmt.length : end + 1;
      const text = fmt.slice(i, stop);
      const elapsed = ELAPSED.test(text);
      push(text, !elapsed, elapsed);
      if (elapsed) previousCode = text;
      i = stop;
    } else if ((ch === 'G' || ch === 'g') && isGeneralAt(fmt, i)) {
      push(fmt.slice(i, i + 7), true);
      i += 7;
    } else if ((ch === 'E' || ch === 'e') && (fmt[i + 1] === '+' || fmt[i + 1] === '-') && DIGIT_RUN.test(previousCode)) {
      push(fmt.slice(i, i + 2), false);
      previousCode = fmt.slice(i, i + 2);
      i += 2;
    } else {
      const ampm = /^(?:AM\/PM|A\/P|上午\/下午)/i.exec(fmt.slice(i, i + 5));
      let j = i + 1;
      if (ampm) j = i + ampm[0].length;
      else while (j < fmt.length && fmt[j] === ch) j++;
      const text = fmt.slice(i, j);
      const date = ampm !== null || DATE_RUN.test(text) || /^a{3,4}$/i.test(text);
      push(text, false, date);
      previousCode = ch === ';' ? '' : text;
      i = j;
    }
  }
  return out;
}

const JAPANESE_LOCALE = /^\[\$-(?:0*411|ja-JP)\]$/i;

// A workbook has a handful of distinct formats and millions of cells: remember answers.
const eraFormatCache = new Map<string, boolean>();
const dateFormatCache = new Map<string, boolean>();

/** True when the format shows a Japanese era (`[$-411]ggge…`, `[$-ja-JP]…`). */
export function isJapaneseEraFormat(fmt: string | undefined): boolean {
  if (!fmt || fmt === GENERAL) return false;
  let known = eraFormatCache.get(fmt);
  if (known === undefined) {
    const tokens = tokenize(fmt);
    known =
      tokens.some((t) => t.date && /^g+$/i.test(t.text)) ||
      (tokens.some((t) => t.literal && JAPANESE_LOCALE.test(t.text)) && tokens.some((t) => t.date && /^e+$/i.test(t.text)));
    eraFormatCache.set(fmt, known);
  }
  return known;
}

/**
 * True when the format shows a number as a date or time: it has a date token outside
 * quotes, escapes, `_x` / `*x`, brackets and the word General (`General\ `,
 * `[DBNum1][$-411]General` and `[Blue]General` are numbers). Where SheetJS's `SSF.is_date`
 * answers otherwise, this follows Excel's grammar (the cases are listed in the tests):
 * a fill or padding character (`*d`, `_m`) and lower-case `e+` / `e-` after digits
 * (scientific) are no date; `general` in lower case is General; `aaa` (weekday) and an
 * era `G` in upper case are dates; `[]` is no elapsed time.
 */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt || fmt === GENERAL) return false;
  let known = dateFormatCache.get(fmt);
  if (known === undefined) {
    known = tokenize(fmt).some((t) => t.date);
    dateFormatCache.set(fmt, known);
  }
  return known;
}

function quote(s: string): string {
  return `"${s.replace(/"/g, '')}"`;
}

/** Replaces era tokens by the era of `serial` so that SSF can render the rest. */
function resolveEraTokens(fmt: string, serial: number, date1904: boolean): string {
  const parts = SSF.parse_date_code(serial, { date1904 });
  const era = parts ? toEra(parts.y, parts.m, parts.d) : undefined;
  let previous = '';
  return tokenize(fmt)
    .map((t) => {
      if (t.literal) return JAPANESE_LOCALE.test(t.text) ? '' : t.text;
      const lower = t.text.toLowerCase();
      const after = previous;
      previous = lower;
      // Excel-JP writes `ge.m.d` with bare dots; SSF reads a dot as fractional seconds
      // unless it follows seconds, so make it literal.
      if (/^\.+$/.test(lower) && !/^s+$/.test(after)) return '\\.'.repeat(lower.length);
      if (/^g+$/.test(lower)) {
        if (!era) return '';
        return quote(lower.length >= 3 ? era.era.name : lower.length === 2 ? era.era.short : era.era.initial);
      }
      if (/^e+$/.test(lower)) {
        const year = era ? era.year : parts?.y ?? 0;
        return quote(lower.length >= 2 ? String(year).padStart(2, '0') : String(year));
      }
      return t.text;
    })
    .join('');
}

/** Excel's General format keeps 15 significant digits; this hides binary noise (1894.1999999999998). */
export function canonicalNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Object.is(n, -0)) return '0';
  // Integers below 10^15 have at most 15 digits: String() is exact and much cheaper.
  if (Number.isInteger(n) && n < 1e15 && n > -1e15) return String(n);
  // The shortest round-trip text, when it has at most 15 significant digits, is what
  // rounding to 15 digits gives (that rounding cannot move a double off it): with a `.` or
  // an exponent, 16 characters hold at most 15 digits.
  const shortest = String(n);
  if (shortest.length <= 16 && (shortest.includes('.') || shortest.includes('e'))) return shortest;
  return String(Number(n.toPrecision(15)));
}

/** The text a spreadsheet shows for this value under this format. */
export function formatValue(value: CellValue, fmt: string | undefined, date1904 = false): string {
  if (value === null) return '';
  if (isCellError(value)) return value.error;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  const format = fmt && fmt !== GENERAL ? fmt : GENERAL;
  try {
    if (format === GENERAL) return SSF.format(format, value);
    if (isJapaneseEraFormat(format)) return SSF.format(resolveEraTokens(format, value, date1904), value, { date1904 });
    const shown = isDateFormat(format) ? undefined : shownSection(format, value);
    if (!shown) return SSF.format(format, value, { date1904 });
    // SSF rounds halves toward +∞ on the binary value (-2.5 → -2, 1.005 → 1.00) and drops
    // the sign of a negative that rounds to zero; Excel rounds the decimal value half away
    // from zero and shows -0.0. Handing SSF the number already rounded as the export
    // writes it keeps the grid, Excel and the CSV on the same digits.
    const rounded = Number(shownDigits(value, shown));
    const text = SSF.format(format, shown.percent ? rounded / 100 : rounded, { date1904 });
    return value < 0 && rounded === 0 && sectionsOf(format).length === 1 && !text.startsWith('-') ? `-${text}` : text;
  } catch {
    return canonicalNumber(value);
  }
}

const TIME_TOKEN = /^(h+|s+|\[(?:h+|m+|s+)\]|AM\/PM|A\/P|上午\/下午)$/i;

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

/**
 * Machine-readable text for a value: full-precision numbers without grouping,
 * dates as ISO 8601 (YYYY-MM-DD), booleans TRUE/FALSE. `raw` (source text) wins for numbers
 * so that `1.50` or `-0.0` typed in a CSV come back as written.
 */
export function exportText(value: CellValue, fmt: string | undefined, raw: string | undefined, date1904 = false): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (isCellError(value)) return value.error;
  if (raw !== undefined) return raw;
  if (isDateFormat(fmt)) {
    const p = SSF.parse_date_code(value, { date1904 });
    if (p) {
      const tokens = tokenize(fmt!).filter((t) => t.date).map((t) => t.text);
      const hasTime = tokens.some((t) => TIME_TOKEN.test(t));
      const hasDate = tokens.some((t) => /^(y+|d+|e+|g+|b+|a{3,4})$/i.test(t)) || tokens.some((t) => /^m+$/i.test(t) && !hasTime);
      const date = `${pad(p.y, 4)}-${pad(p.m)}-${pad(p.d)}`;
      const time = `${pad(p.H)}:${pad(p.M)}:${pad(p.S)}`;
      if (hasDate && hasTime) return `${date}T${time}`;
      if (hasTime) return time;
      return date;
    }
  }
  const decimals = fixedDecimals(fmt, value);
  if (decimals > 0) {
    const fixed = fixedText(value, decimals);
    if (fixed !== undefined) return fixed;
  }
  return canonicalNumber(value);
}

// Sections of a format code (`pos;neg;zero;text`), split at `;` outside quotes,
// escapes and brackets. Cached per format: a sheet has few formats and many cells.
const decimalsCache = new Map<string, number[]>();

/** Minimum decimals each numeric section shows (`0.0` → 1, `#,##0.00` → 2, `0.0#` → 1); -1 = not a fixed-decimal format. */
function sectionDecimals(fmt: string): number[] {
  let known = decimalsCache.get(fmt);
  if (known) return known;
  known = [];
  const sections: FormatToken[][] = [[]];
  for (const t of tokenize(fmt)) {
    // tokenize groups runs of one character: `;;` (an empty section) arrives as one token
    if (!t.literal && t.text[0] === ';') for (let k = 0; k < t.text.length; k++) sections.push([]);
    else sections[sections.length - 1].push(t);
  }
  for (const sec of sections) known.push(decimalsOf(sec));
  decimalsCache.set(fmt, known);
  return known;
}

function decimalsOf(section: FormatToken[]): number {
  const code = section.filter((t) => !t.literal).map((t) => t.text).join('');
  // Percent, scientific, fractions, text sections and dates are not plain fixed decimals.
  if (/[%eE/@]/.test(code) || /[yYmMdDhHsSgGbB]/.test(code)) return -1;
  const point = code.indexOf('.');
  if (point < 0) return 0;
  let d = 0;
  for (let i = point + 1; i < code.length && code[i] === '0'; i++) d++;
  return d;
}

/** Decimals the format shows for this value (the negative or zero section when the format has one). */
function fixedDecimals(fmt: string | undefined, value: number): number {
  if (!fmt || fmt === GENERAL) return 0;
  const secs = sectionDecimals(fmt);
  const idx = value < 0 && secs.length > 1 ? 1 : value === 0 && secs.length > 2 ? 2 : 0;
  return secs[idx];
}

/**
 * `value` with exactly `d` decimals when that loses nothing (the value as Excel keeps it,
 * 15 significant digits, has at most `d` decimals); undefined otherwise. Grouping is never
 * written. -0 keeps its sign (`-0.0`).
 */
function fixedText(value: number, d: number): string | undefined {
  if (Object.is(value, -0)) return `-0.${'0'.repeat(d)}`;
  const text = canonicalNumber(value);
  if (!Number.isFinite(value) || text.includes('e')) return undefined;
  const dot = text.indexOf('.');
  const have = dot < 0 ? 0 : text.length - dot - 1;
  if (have > d) return undefined;
  return have === d ? text : (dot < 0 ? `${text}.` : text) + '0'.repeat(d - have);
}

// ---------------------------------------------------------------------------------
// Numbers as the sheet shows them: the decimals of the number format, a percentage for a
// `%` format, never a thousands separator. General, scientific, fraction and scaled (`#,##0,`)
// formats show no fixed decimals: their numbers are written with every digit.

/** How a format section shows a number: so many decimals, of the value or of its percentage. */
export interface ShownSection {
  decimals: number;
  percent: boolean;
}

const shownCache = new Map<string, (ShownSection | undefined)[]>();

function sectionsOf(fmt: string): FormatToken[][] {
  const sections: FormatToken[][] = [[]];
  for (const t of tokenize(fmt)) {
    // tokenize groups runs of one character: `;;` (an empty section) arrives as one token
    if (!t.literal && t.text[0] === ';') for (let k = 0; k < t.text.length; k++) sections.push([]);
    else sections[sections.length - 1].push(t);
  }
  return sections;
}

function shownOf(section: FormatToken[]): ShownSection | undefined {
  const code = section.filter((t) => !t.literal).map((t) => t.text).join('');
  if (!/[0#?]/.test(code) || /[eE/@]/.test(code) || /[yYmMdDhHsSgGbB]/.test(code)) return undefined;
  // A comma after the last digit placeholder divides by 1,000 (`#,##0,` shows thousands).
  if (/[0#?],+(?![0#?,])/.test(code)) return undefined;
  const percent = code.includes('%');
  const point = code.indexOf('.');
  let decimals = 0;
  if (point >= 0) for (let i = point + 1; i < code.length && /[0#?]/.test(code[i]); i++) decimals++;
  return { decimals, percent };
}

/** The section of `fmt` that shows `value`, when it shows fixed decimals or a percentage. */
export function shownSection(fmt: string | undefined, value: number): ShownSection | undefined {
  if (!fmt || fmt === GENERAL || !Number.isFinite(value)) return undefined;
  let secs = shownCache.get(fmt);
  if (!secs) shownCache.set(fmt, (secs = isDateFormat(fmt) ? [undefined] : sectionsOf(fmt).map(shownOf)));
  const idx = value < 0 && secs.length > 1 ? 1 : value === 0 && secs.length > 2 ? 2 : 0;
  return secs[idx];
}

/** |x| as plain decimal digits (no exponent), from the 15 significant digits Excel keeps. */
function decimalDigits(x: number): { int: string; frac: string } {
  const text = canonicalNumber(Math.abs(x));
  const e = text.indexOf('e');
  const mantissa = e < 0 ? text : text.slice(0, e);
  const exp = e < 0 ? 0 : Number(text.slice(e + 1));
  const dot = mantissa.indexOf('.');
  let int = dot < 0 ? mantissa : mantissa.slice(0, dot);
  let frac = dot < 0 ? '' : mantissa.slice(dot + 1);
  if (exp > 0) {
    frac = frac.padEnd(exp, '0');
    int += frac.slice(0, exp);
    frac = frac.slice(exp);
  } else if (exp < 0) {
    int = int.padStart(-exp + 1, '0');
    frac = int.slice(int.length + exp) + frac;
    int = int.slice(0, int.length + exp);
  }
  return { int: int.replace(/^0+(?=\d)/, ''), frac };
}

/**
 * The digits a section shows for `value` (`27.3` for 27.2727… under `0.0`, `27.3` for 0.2727…
 * under `0.0%`): the decimal value rounded half away from zero, as Excel does, with a `-`
 * for a negative value even when it rounds to zero (`-0.0`, as Excel shows it).
 */
export function shownDigits(value: number, section: ShownSection): string {
  let { int, frac } = decimalDigits(value);
  if (section.percent) {
    frac = frac.padEnd(2, '0');
    int = (int + frac.slice(0, 2)).replace(/^0+(?=\d)/, '');
    frac = frac.slice(2);
  }
  const d = section.decimals;
  let digits = int + frac.slice(0, d).padEnd(d, '0');
  if (frac.length > d && frac.charCodeAt(d) >= 0x35) {
    // Add one at the last kept digit, carrying to the left.
    const out = digits.split('');
    let i = out.length - 1;
    for (; i >= 0; i--) {
      if (out[i] === '9') out[i] = '0';
      else {
        out[i] = String.fromCharCode(out[i].charCodeAt(0) + 1);
        break;
      }
    }
    digits = (i < 0 ? '1' : '') + out.join('');
  }
  const whole = digits.slice(0, digits.length - d) || '0';
  const text = d > 0 ? `${whole}.${digits.slice(digits.length - d)}` : whole;
  return value < 0 ? `-${text}` : text;
}

/** How numbers are written: as the sheet shows them (default), or with every stored digit. */
export type NumberWriting = 'shown' | 'stored';

/**
 * `exportText` for numbers under one format, with the format analysed once: for loops over
 * a column (the export of millions of cells). With `numbers` 'stored' (the default here) the
 * same result as `exportText(n, fmt, undefined, date1904)`; with 'shown', a number under a
 * fixed-decimal or percent format is written as the sheet shows it (`shownDigits`).
 */
export function numberExporter(fmt: string | undefined, date1904 = false, numbers: NumberWriting = 'stored'): (n: number) => string {
  if (!fmt || fmt === GENERAL) return canonicalNumber;
  if (isDateFormat(fmt)) return (n) => exportText(n, fmt, undefined, date1904);
  if (numbers === 'shown') {
    const secs = [shownSection(fmt, 1), shownSection(fmt, -1), shownSection(fmt, 0)];
    if (secs.every((x) => x === undefined)) return canonicalNumber;
    return (n) => {
      const section = secs[n > 0 ? 0 : n < 0 ? 1 : 2];
      return section && Number.isFinite(n) ? shownDigits(n, section) : canonicalNumber(n);
    };
  }
  const secs = sectionDecimals(fmt);
  if (secs.every((d) => d <= 0)) return canonicalNumber;
  return (n) => {
    const d = secs[n < 0 && secs.length > 1 ? 1 : n === 0 && secs.length > 2 ? 2 : 0];
    return (d > 0 && fixedText(n, d)) || canonicalNumber(n);
  };
}
