// Text that is a number (guide 手順2 「カンマ除去」, 総務省 1-3): the forms municipal
// tables type into text cells — `1,894.2`, `12,064 `, `１，２００`, `△37,655`, `▲5`,
// `$92,162,773`, `¥1,000`, `120円`, `850人`, `約300人`, `1,234千円`, `12.5%` — parsed
// exactly, with everything a fix needs to write the number and move the rest (unit to the
// Unit row, scale to the Baseval row, 約 to a note) without parsing again.
//
// The grammar is closed and strict, because a wrong "yes" silently changes data:
// - thousands separators must group by three from the left of the point (`1,23,4` and
//   `0,123` are not numbers) and never appear after it;
// - a leading zero makes an identifier, not a quantity (`0911`, `007`, `00.5`), as in
//   `plainNumber`; `0` and `0.5` are numbers;
// - one sign at most: `-`, `－`, `−` (U+2212), `+`, `＋`, or the Japanese negative marks
//   `△` / `▲`, which tables often write with a space (`△ 5`, from formats such as
//   `"△ "#,##0`); the accounting form `(1,234)` only when the caller says the column's
//   format shows negatives in parentheses (`#,##0;(#,##0)`), since elsewhere `(5)` is an
//   enumeration or a note;
// - a currency sign may lead (`$`, `¥`, `￥`, `€`, `£`), then nothing may follow;
// - what follows the number must be exactly one unit that the units module knows
//   (`人`, `円`, `千円`, `%`, `人/km²`…), so `2019年`, `4月`, `7-9`, `650-0001`,
//   `078-123-4567`, `2019/4/1`, `H30.3.31`, `1e3`, `12A` all stay text. `年` is left out
//   on purpose: `2019年` is a period label, not a measurement, and belongs to the wareki
//   and period handling;
// - exponent notation (`1e3`, `1E3`) is rejected: municipal tables do not write numbers
//   that way, `1E3` is more likely a code, and `plainNumber` rejects it too;
// - at most 15 significant digits, so the double holds the number exactly; longer digit
//   strings are identifiers;
// - kanji numerals and bare scales (`五`, `1万`, `3千`) are not parsed: they need a
//   different, looser grammar and are rare in data cells.
// Full-width digits and separators (`０`–`９`, `，`, `．`, `－`, `＋`, `（）`, `％`) count
// as their ASCII forms; white space around the text (ASCII, U+3000, tabs, line breaks)
// is ignored, and allowed between the number and its unit (`850 人`) and after 約.
import { type UnitSpec, parseUnitContent } from './units.ts';

export interface NumberTextOptions {
  /**
   * The column's number format shows negatives in parentheses (`#,##0;(#,##0)`), so
   * `(1,234)` means −1234. Off by default: see `formatUsesParenNegatives`.
   */
  parenNegative?: boolean;
}

export interface NumberText {
  /** The number. `-0.0` gives −0. */
  value: number;
  /**
   * The number as plain decimal text, digits after the point exactly as written:
   * `1894.2`, `-0.0`, `1.50`, `1200`, `-37655`. Write this (not `String(value)`) when
   * the written precision matters.
   */
  text: string;
  /** Digits written after the decimal point (`1.50` → 2). */
  decimals: number;
  negative: boolean;
  /** The negative sign as written: `△`, `▲`, `-`, `－`, `−`, or `()` for `(1,234)`. */
  negativeMarker?: string;
  /** An explicit plus sign as written: `+` or `＋`. */
  positiveMarker?: string;
  /** A leading currency sign as written: `$`, `¥`, `￥`, `€`, `£`, `＄`. */
  currency?: string;
  /**
   * The unit that followed the number (`人`, `千円`, `%`), or the one a currency sign
   * stands for (`¥` → `円`, `$` → `$`); its `written` text is exactly as in the cell.
   */
  unit?: UnitSpec;
  /** The scale of the unit (`1,234千円` → 1000): for the Baseval row; the value stays 1234. */
  scale?: number;
  /** An approximation word before the number, as written (`約`, `およそ`, `概ね`): for a note. */
  approx?: string;
  /** Written with thousands separators. */
  grouped: boolean;
  /** Written with full-width digits or separators. */
  fullwidth: boolean;
  /** White space before or after the text. */
  padded: boolean;
  /** The cell text exactly as given. */
  original: string;
  /** Where the digits (with separators and point) are in `original`: `original.slice(start, end)`. */
  digits: { start: number; end: number };
}

const HAS_DIGIT = /[0-9０-９]/;
/** A tail that starts like more number, a range, a date or a code: never a unit. */
const NOT_UNIT_START = /^[0-9０-９.,．，\-－−‐+＋/／:：~～〜・]/;

const APPROX = ['およそ', '概ね', '約'];
const NEGATIVE_SIGNS = '-－−△▲';
const POSITIVE_SIGNS = '+＋';

const CURRENCY: Readonly<Record<string, string>> = {
  $: '$',
  '＄': '$',
  '¥': '円',
  '￥': '円',
  '€': '€',
  '£': '£',
  '￡': '£',
};

function isSpace(code: number): boolean {
  return (
    code === 0x20 || code === 0x3000 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0xa0 || code === 0x0b || code === 0x0c
  );
}

/** ASCII digit 0–9 for `０`–`９` or `0`–`9`, else −1. */
function digitValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0xff10 && code <= 0xff19) return code - 0xff10;
  return -1;
}

function isComma(code: number): boolean {
  return code === 0x2c || code === 0xff0c; // , ，
}

function isPoint(code: number): boolean {
  return code === 0x2e || code === 0xff0e; // . ．
}

function isFullwidth(code: number): boolean {
  return code >= 0xff01 && code <= 0xff5e;
}

/** The digits of `text[from, to)` as ASCII, separators dropped. */
function asciiDigits(text: string, from: number, to: number): string {
  let out = '';
  for (let i = from; i < to; i++) {
    const d = digitValue(text.charCodeAt(i));
    if (d >= 0) out += d;
  }
  return out;
}

/**
 * The number `text` stands for, with everything written around it, or undefined when
 * the text is not (only) a number. Pure and exact; see the module comment for the grammar.
 */
export function parseNumberText(text: string, opts: NumberTextOptions = {}): NumberText | undefined {
  if (!HAS_DIGIT.test(text)) return undefined;
  let s = 0;
  let e = text.length;
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  let i = s;
  let fullwidth = false;

  let approx: string | undefined;
  for (const w of APPROX) {
    if (text.startsWith(w, i)) {
      approx = w;
      i += w.length;
      while (i < e && isSpace(text.charCodeAt(i))) i++;
      break;
    }
  }

  let paren = false;
  if (opts.parenNegative && (text[i] === '(' || text[i] === '（')) {
    paren = true;
    if (text[i] === '（') fullwidth = true;
    i++;
  }

  let sign: string | undefined;
  if (i < e && (NEGATIVE_SIGNS.includes(text[i]) || POSITIVE_SIGNS.includes(text[i]))) {
    sign = text[i];
    i++;
    // `△ 5`: the negative marks are often followed by a space (format `"△ "#,##0`).
    if (sign === '△' || sign === '▲') while (i < e && isSpace(text.charCodeAt(i))) i++;
  }

  let currency: string | undefined;
  if (i < e && CURRENCY[text[i]] !== undefined) {
    currency = text[i];
    i++;
    // `$-1,234` as well as `-$1,234`.
    if (sign === undefined && i < e && (text[i] === '-' || text[i] === '－' || text[i] === '−' || POSITIVE_SIGNS.includes(text[i]))) {
      sign = text[i];
      i++;
    }
  }
  if (paren && sign !== undefined) return undefined;

  // Integer part with separators, validated in place: no string is built before the
  // whole text is known to be a number.
  const digitsStart = i;
  let intCount = 0;
  let groupLen = 0; // digits since the last separator
  let grouped = false;
  let firstDigit = -1;
  while (i < e) {
    const code = text.charCodeAt(i);
    const d = digitValue(code);
    if (d >= 0) {
      if (intCount === 0) firstDigit = d;
      intCount++;
      groupLen++;
      if (grouped && groupLen > 3) return undefined;
    } else if (isComma(code)) {
      // The first group has 1–3 digits and does not start with 0 (`0,123`); later groups have 3.
      if (grouped ? groupLen !== 3 : groupLen < 1 || groupLen > 3 || firstDigit === 0) return undefined;
      grouped = true;
      groupLen = 0;
    } else break;
    if (isFullwidth(code)) fullwidth = true;
    i++;
  }
  const intEnd = i;
  if (grouped && groupLen !== 3) return undefined; // `1,23`, `1,`
  if (!grouped && intCount > 1 && firstDigit === 0) return undefined; // `0911`, `00`
  let fracStart = -1;
  if (i < e && isPoint(text.charCodeAt(i)) && i + 1 < e && digitValue(text.charCodeAt(i + 1)) >= 0) {
    if (isFullwidth(text.charCodeAt(i))) fullwidth = true;
    i++;
    fracStart = i;
    while (i < e) {
      const code = text.charCodeAt(i);
      if (digitValue(code) < 0) break;
      if (isFullwidth(code)) fullwidth = true;
      i++;
    }
  }
  const digitsEnd = i;
  if (intCount === 0 && fracStart < 0) return undefined;
  // `1.2.3`, `1,234.5,6`, `12.`: more number-like text right after the number.
  if (i < e) {
    const code = text.charCodeAt(i);
    if (digitValue(code) >= 0 || isComma(code) || isPoint(code)) return undefined;
  }

  if (paren) {
    if (text[i] !== ')' && text[i] !== '）') return undefined;
    if (text[i] === '）') fullwidth = true;
    i++;
  }

  while (i < e && isSpace(text.charCodeAt(i))) i++;
  let unit: UnitSpec | undefined;
  if (i < e) {
    if (currency !== undefined) return undefined;
    const tail = text.slice(i, e);
    if (NOT_UNIT_START.test(tail)) return undefined;
    const parsed = parseUnitContent(tail);
    if (!parsed || parsed.labelled || parsed.units.length !== 1 || parsed.units[0].unit === '') return undefined;
    unit = parsed.units[0];
  } else if (currency !== undefined) {
    unit = { unit: CURRENCY[currency], written: currency, counter: false };
  }

  const intDigits = asciiDigits(text, digitsStart, intEnd);
  const fracDigits = fracStart < 0 ? '' : asciiDigits(text, fracStart, digitsEnd);
  // More than 15 significant digits do not survive a double: such strings are codes.
  const significant = (intDigits + fracDigits).replace(/^0+/, '');
  if (significant.length > 15) return undefined;

  const negative = paren || (sign !== undefined && NEGATIVE_SIGNS.includes(sign));
  const plain = `${negative ? '-' : ''}${intDigits === '' ? '0' : intDigits}${fracStart < 0 ? '' : `.${fracDigits}`}`;
  const result: NumberText = {
    value: Number(plain),
    text: plain,
    decimals: fracDigits.length,
    negative,
    grouped,
    fullwidth,
    padded: s > 0 || e < text.length,
    original: text,
    digits: { start: digitsStart, end: digitsEnd },
  };
  if (paren) result.negativeMarker = '()';
  else if (sign !== undefined) {
    if (negative) result.negativeMarker = sign;
    else result.positiveMarker = sign;
  }
  if (currency !== undefined) result.currency = currency;
  if (unit) {
    result.unit = unit;
    if (unit.scale !== undefined) result.scale = unit.scale;
  }
  if (approx !== undefined) result.approx = approx;
  return result;
}

/** True when `text` is a number by `parseNumberText`. */
export function isNumberText(text: string, opts?: NumberTextOptions): boolean {
  return parseNumberText(text, opts) !== undefined;
}

/**
 * True when an Excel number format shows negatives in parentheses: its second section
 * holds a `(` … `)` around a digit placeholder (`#,##0;(#,##0)`, `#,##0_);[Red](#,##0)`).
 * Quoted text and `_x` / `\x` escapes do not count. Used to set `parenNegative`.
 */
export function formatUsesParenNegatives(format: string | undefined): boolean {
  if (!format || !format.includes(';')) return false;
  const cleaned = format.replace(/"[^"]*"/g, '').replace(/[_\\]./g, '');
  const negative = cleaned.split(';')[1];
  return negative !== undefined && /\([^)]*[0#?][^)]*\)/.test(negative);
}
