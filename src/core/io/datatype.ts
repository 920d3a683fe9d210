// Column datatypes of the Level 2 CSV (the `@Datatype` row, docs/export.md): inference from the
// export text of a column, and the check of one value against a declared datatype
// (re-import validation).
//
// Inference works on export text (what `exportText` writes), so a column infers the same
// type when it is exported and when the CSV is opened again:
//   - `xsd:integer`  every value an integer literal without leading zeros (`-5`, `126926`);
//                    `01000` is a code, not a number, and makes the column a string
//   - `xsd:double`   every value a decimal literal, some with a fraction or exponent
//                    (`0.7`, `-1.0`: a `0.0` format exports `-1.0`, so such a column is double)
//   - `xsd:date`     every value `YYYY-MM-DD` (date-formatted serials export that way)
//   - `xsd:gYear`    a year column: integers 1000–2999 under a title 年 / 年次 / 西暦 /
//                    西暦年 / year, or every value `2010年` (the guide's 西暦 year text)
//   - `xsd:string`   anything else, and a column with no values at all
// Blanks and the special symbols of 総務省 1-13 (`x`, `X`, `***`, `-`, `－`, `…`, `...`;
// see `text/specialSymbols.ts`) do not take part: they are written as they are in the
// data (not mapped to blank, not to 0), and a CSVW processor is told about them through
// the column's `null` list (csvw.ts).
import { isSpecialSymbol } from '../text/specialSymbols.ts';

export type XsdDatatype = 'xsd:integer' | 'xsd:double' | 'xsd:date' | 'xsd:gYear' | 'xsd:string';

export const XSD_DATATYPES: readonly XsdDatatype[] = ['xsd:string', 'xsd:integer', 'xsd:double', 'xsd:date', 'xsd:gYear'];

export interface InferOptions {
  /** The column title: a year column is recognised by it (`年`, `年次`, `西暦`, `year`). */
  title?: string;
}

const INTEGER = /^[+-]?(?:0|[1-9]\d*)$/;
const DECIMAL = /^[+-]?(?:(?:0|[1-9]\d*)(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const YEAR_TEXT = /^\d{4}年$/;
const YEAR_TITLE = /^(?:年|年次|西暦|西暦年|years?)$/i;

/** Blank, or a special symbol (`x`, `***`, `-`, `…`…): left out of inference and validation. */
export function isIgnorableValue(text: string): boolean {
  return text === '' || isSpecialSymbol(text);
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
  return d <= days;
}

export function isYearTitle(title: string | undefined): boolean {
  return !!title && YEAR_TITLE.test(title.replace(/[\s\u3000]/g, ''));
}

// What one value can be. Bits, so that a column is the AND of its values.
const K_INTEGER = 1;
const K_DOUBLE = 2;
const K_DATE = 4;
const K_YEAR_NUMBER = 8; // an integer 1000–2999 (a year, if the title says so)
const K_YEAR_TEXT = 16;

function kindOfText(text: string): number {
  const c = text.charCodeAt(0);
  // Fast exit for ordinary text: numbers and dates start with a digit, a sign or a dot.
  if (!((c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2b || c === 0x2e)) return 0;
  if (INTEGER.test(text)) {
    let k = K_INTEGER | K_DOUBLE;
    if (text.length === 4 && c >= 0x31 && c <= 0x32) k |= K_YEAR_NUMBER;
    return k;
  }
  if (DECIMAL.test(text)) return K_DOUBLE;
  if (isIsoDate(text)) return K_DATE;
  if (YEAR_TEXT.test(text)) return K_YEAR_TEXT;
  return 0;
}

function kindOfNumber(n: number): number {
  if (!Number.isFinite(n)) return 0;
  if (Number.isInteger(n)) return K_INTEGER | K_DOUBLE | (n >= 1000 && n <= 2999 ? K_YEAR_NUMBER : 0);
  return K_DOUBLE;
}

/**
 * The datatype of a column from its values (export text; numbers are accepted as their
 * value). Blanks, `null`/`undefined` and special symbols are skipped.
 */
export function inferDatatype(values: Iterable<string | number | null | undefined>, options: InferOptions = {}): XsdDatatype {
  return inferColumn(values, options).datatype;
}

/**
 * `inferDatatype`, plus the distinct special symbols met on the way (for a typed column;
 * empty when the column is a string column, where symbols are just text).
 */
export function inferColumn(
  values: Iterable<string | number | null | undefined>,
  options: InferOptions = {},
): { datatype: XsdDatatype; symbols: string[] } {
  let all = K_INTEGER | K_DOUBLE | K_DATE | K_YEAR_NUMBER | K_YEAR_TEXT;
  let seen = false;
  let symbols: Set<string> | undefined;
  const string = { datatype: 'xsd:string' as const, symbols: [] };
  for (const v of values) {
    if (v === null || v === undefined) continue;
    let k: number;
    if (typeof v === 'number') k = kindOfNumber(v);
    else {
      if (v === '') continue;
      k = kindOfText(v);
      // Only what is no number, date or year can be a symbol (`-` is; `-5` is not).
      if (k === 0 && !symbols?.has(v) && isSpecialSymbol(v)) (symbols ??= new Set()).add(v);
      if (k === 0 && symbols?.has(v)) continue;
    }
    seen = true;
    all &= k;
    if (all === 0) return string;
  }
  if (!seen) return string;
  let datatype: XsdDatatype = 'xsd:string';
  if (all & K_INTEGER) datatype = all & K_YEAR_NUMBER && isYearTitle(options.title) ? 'xsd:gYear' : 'xsd:integer';
  else if (all & K_DOUBLE) datatype = 'xsd:double';
  else if (all & K_DATE) datatype = 'xsd:date';
  else if (all & K_YEAR_TEXT) datatype = 'xsd:gYear';
  return datatype === 'xsd:string' ? string : { datatype, symbols: symbols ? [...symbols] : [] };
}

/** The distinct special symbols among `values` (blank and numbers skipped cheaply). */
export function specialSymbolsIn(values: Iterable<string>): string[] {
  const found = new Set<string>();
  for (const v of values) if (v !== '' && !found.has(v) && kindOfText(v) === 0 && isSpecialSymbol(v)) found.add(v);
  return [...found];
}

// Lexical forms accepted on re-import (XML Schema's, plus the guide's `2010年` for gYear).
const XSD_INTEGER = /^[+-]?\d+$/;
const XSD_DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const XSD_DOUBLE = /^(?:[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?|[+-]?INF|NaN)$/;
const TIMEZONE = /(?:Z|[+-](?:0\d|1[0-4]):[0-5]\d)$/;
const XSD_GYEAR = /^-?\d{4,}(?:Z|[+-](?:0\d|1[0-4]):[0-5]\d)?$/;
const XSD_BOOLEAN = /^(?:true|false|1|0)$/;

/** Datatypes `matchesDatatype` knows; others are not checked. */
export const CHECKED_DATATYPES: readonly string[] = [
  'xsd:string',
  'xsd:integer',
  'xsd:decimal',
  'xsd:double',
  'xsd:date',
  'xsd:gYear',
  'xsd:boolean',
];

/**
 * Whether `text` (not blank, not a special symbol: callers skip those) is a value of
 * `datatype`. Unknown datatypes accept everything (see `CHECKED_DATATYPES`).
 */
export function matchesDatatype(text: string, datatype: string): boolean {
  switch (datatype) {
    case 'xsd:string':
      return true;
    case 'xsd:integer':
      return XSD_INTEGER.test(text);
    case 'xsd:decimal':
      return XSD_DECIMAL.test(text);
    case 'xsd:double':
      return XSD_DOUBLE.test(text);
    case 'xsd:date': {
      const tz = TIMEZONE.exec(text);
      return isIsoDate(tz ? text.slice(0, tz.index) : text);
    }
    case 'xsd:gYear':
      return XSD_GYEAR.test(text) || YEAR_TEXT.test(text);
    case 'xsd:boolean':
      return XSD_BOOLEAN.test(text);
    default:
      return true;
  }
}
