// CSV writer: RFC 4180 quoting (PapaParse), CRLF, UTF-8 with BOM by default, and the
// CSV-injection guard (docs/export.md; shared with the Level 1 / Level 2 writer, level2.ts).
import Papa from 'papaparse';
import { type Sheet, getFormat, getRaw, getValue } from '../model.ts';
import { exportText } from '../numberFormat.ts';

export interface CsvWriteOptions {
  /** Line ending; CRLF by default (RFC 4180, and what Excel writes). */
  eol?: '\r\n' | '\n';
  /** Prefix risky text cells with `'` (default on). */
  injectionGuard?: boolean;
}

// `+`/`-` text passes only when it is wholly a number or an international phone number:
// a prefix test (`-2…`) would let OWASP's DDE payload `-2+3+cmd|' /C calc'!A0` through.
const SIGNED_NUMBER = /^[+-](?:\d+(?:[.,]\d+)*|\.\d+)(?:[eE][+-]?\d+)?$/;
const PHONE_NUMBER = /^\+\d[\d\- ()]*\d$/;
// E.164 numbers have at least 7 digits; `+1-2` is arithmetic, not a phone number.
const isPhoneNumber = (text: string) => PHONE_NUMBER.test(text) && (text.match(/\d/g)?.length ?? 0) >= 7;

/** True when `text` itself starts like a formula, before any `'` prefixing. */
function risky(text: string): boolean {
  const first = text[0];
  if (first === '=' || first === '@' || first === '\t' || first === '\r') return true;
  if (first === '+' || first === '-') {
    // A lone `-` is the 該当なし special symbol (総務省 1-13) and no formula: kept as is.
    if (text.length === 1 && first === '-') return false;
    return !(SIGNED_NUMBER.test(text) || isPhoneNumber(text));
  }
  return false;
}

/**
 * True when `text` gets a `'` from the guard: it starts like a formula, or it is already
 * `'` + something that would get one (`'=x`, `''=x`…) — so that `unguardCell` can tell a
 * guard prefix from a quote that belongs to the text, and the round trip is exact.
 */
export function needsGuard(text: string): boolean {
  let i = 0;
  while (i < text.length && text.charCodeAt(i) === 0x27) i++;
  return i < text.length && risky(i === 0 ? text : text.slice(i));
}

/**
 * The guard: text starting with `=`, `@`, tab or CR, or with `+`/`-` not followed
 * by a number, gets a leading `'`. Numbers (`-5`) and phone numbers (`+81-3-…`) pass, and
 * so does a lone `-` (the 該当なし symbol). Text that already starts with `'` followed by
 * a guarded start gets one more `'`, so the prefix is never ambiguous (see `unguardCell`).
 */
export function guardCell(text: string): string {
  const c = text.charCodeAt(0);
  // Fast exit: only `=`, `@`, tab, CR, `+`, `-` and `'` can start a guarded text.
  if (c !== 0x3d && c !== 0x40 && c !== 0x09 && c !== 0x0d && c !== 0x2b && c !== 0x2d && c !== 0x27) return text;
  return needsGuard(text) ? `'${text}` : text;
}

/** Inverse of `guardCell`: removes exactly one leading `'` when what follows would have been guarded. */
export function unguardCell(text: string): string {
  if (text.length < 2 || text.charCodeAt(0) !== 0x27) return text;
  const rest = text.slice(1);
  return needsGuard(rest) ? rest : text;
}

/** The sheet as rows of export text, one entry per column. */
export function sheetToRows(sheet: Sheet, date1904 = false, opts: CsvWriteOptions = {}): string[][] {
  const guard = opts.injectionGuard ?? true;
  const width = sheet.columns.length;
  const rows: string[][] = [];
  for (let r = 0; r < sheet.rowCount; r++) {
    const row = new Array<string>(width);
    for (let c = 0; c < width; c++) {
      const value = getValue(sheet, r, c);
      const text = exportText(value, getFormat(sheet, r, c), getRaw(sheet, r, c), date1904);
      row[c] = guard && typeof value === 'string' ? guardCell(text) : text;
    }
    rows.push(row);
  }
  return rows;
}

export function writeCsvText(rows: string[][], opts: CsvWriteOptions = {}): string {
  if (rows.length === 0) return '';
  const eol = opts.eol ?? '\r\n';
  // escapeFormulae stays off: it would also mangle `-5`; guardCell does that job.
  return Papa.unparse(rows, { newline: eol, quotes: false, escapeFormulae: false, header: false }) + eol;
}

const BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

/** UTF-8 bytes, with a BOM unless `bom` is false (Excel needs it to read UTF-8 CSV). */
export function encodeUtf8(text: string, bom = true): Uint8Array {
  const body = new TextEncoder().encode(text);
  if (!bom) return body;
  const out = new Uint8Array(BOM.length + body.length);
  out.set(BOM, 0);
  out.set(body, BOM.length);
  return out;
}

export function sheetToCsvBytes(sheet: Sheet, date1904 = false, opts: CsvWriteOptions = {}): Uint8Array {
  return encodeUtf8(writeCsvText(sheetToRows(sheet, date1904, opts), opts));
}
