// CSV writer: RFC 4180 quoting (PapaParse), CRLF, UTF-8 with BOM by default, and the
// CSV-injection guard of SPEC §3. Level 2 output will build on `writeCsvText`.
import Papa from 'papaparse';
import { type Sheet, getFormat, getRaw, getValue } from '../model.ts';
import { exportText } from '../numberFormat.ts';

export interface CsvWriteOptions {
  /** Line ending; CRLF by default (RFC 4180, and what Excel writes). */
  eol?: '\r\n' | '\n';
  /** Prefix risky text cells with `'` (default on). */
  injectionGuard?: boolean;
}

const SAFE_SIGNED = /^[+-](?:\d|\.\d)/;

/**
 * SPEC §3 guard: text starting with `=`, `@`, tab or CR, or with `+`/`-` not followed
 * by a number, gets a leading `'`. Numbers (`-5`) and phone numbers (`+81-3-…`) pass.
 */
export function guardCell(text: string): string {
  if (text === '') return text;
  const first = text[0];
  if (first === '=' || first === '@' || first === '\t' || first === '\r') return `'${text}`;
  if ((first === '+' || first === '-') && !SAFE_SIGNED.test(text)) return `'${text}`;
  return text;
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
