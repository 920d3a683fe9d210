// CSV / TSV text → one sheet. PapaParse does the quoting rules; this module only types
// the fields: plain decimal literals become numbers (keeping the source text when it
// differs, `1.50`), everything else stays text (see plainNumber.ts).
import Papa from 'papaparse';
import { type CellValue, type Column, type Sheet, emptyColumn } from '../model.ts';
import { plainNumber } from '../plainNumber.ts';
import type { ProgressFn } from './progress.ts';

export interface CsvParseOptions {
  /** Field delimiter; undefined = detect. */
  delimiter?: string;
  sheetId: string;
  sheetName: string;
  onProgress?: ProgressFn;
  /** Characters per PapaParse chunk (progress granularity); tests make it tiny. */
  chunkSize?: number;
}

export interface CsvParseResult {
  sheet: Sheet;
  delimiter: string;
  /** PapaParse's complaints (unbalanced quotes…), as row numbers and codes. */
  problems: { row: number; code: string }[];
}

/**
 * The record separator: the first line break outside quotes. PapaParse's own guess
 * ignores quotes, so an Excel CSV whose first quoted title holds a line break (LF inside
 * quotes, CRLF between records) would be split on LF and leave `\r` in the last field.
 */
export function guessNewline(text: string): '\r\n' | '\n' | '\r' {
  let inQuotes = false;
  const n = Math.min(text.length, 1024 * 1024);
  for (let i = 0; i < n; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x22) inQuotes = !inQuotes;
    else if (!inQuotes && ch === 0x0d) return text.charCodeAt(i + 1) === 0x0a ? '\r\n' : '\r';
    else if (!inQuotes && ch === 0x0a) return '\n';
  }
  return '\n';
}

export function parseCsvText(text: string, opts: CsvParseOptions): CsvParseResult {
  const rows: string[][] = [];
  const problems: { row: number; code: string }[] = [];
  let delimiter = opts.delimiter ?? '';
  const total = text.length;
  // PapaParse chunks strings too (its types only admit chunk for files), carrying a
  // partial last row, quoted line breaks included, into the next chunk.
  const config: Papa.ParseConfig<string[]> & { chunkSize: number; chunk(results: Papa.ParseResult<string[]>): void } = {
    delimiter,
    newline: guessNewline(text),
    delimitersToGuess: [',', '\t', ';', '|'],
    skipEmptyLines: false,
    chunkSize: opts.chunkSize ?? 4 * 1024 * 1024,
    chunk(results) {
      const base = rows.length;
      for (const row of results.data) rows.push(row);
      for (const e of results.errors) if (e.row !== undefined) problems.push({ row: base + e.row, code: e.code });
      if (!delimiter) delimiter = results.meta.delimiter;
      opts.onProgress?.({ phase: 'parse', done: Math.min(results.meta.cursor, total), total });
    },
  };
  Papa.parse<string[]>(text, config);
  // A final line break yields one empty row; trailing blank rows carry nothing.
  while (rows.length > 0 && rows[rows.length - 1].every((f) => f === '')) rows.pop();

  let width = 0;
  for (const row of rows) if (row.length > width) width = row.length;
  const columns: Column[] = [];
  for (let c = 0; c < width; c++) columns.push(emptyColumn(rows.length));
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    for (let c = 0; c < row.length; c++) {
      const field = row[c];
      if (field === '') continue;
      const n = plainNumber(field);
      const col = columns[c];
      let value: CellValue = field;
      if (n !== undefined) {
        value = n;
        if (String(n) !== field) (col.raw ??= new Array(rows.length))[r] = field;
      }
      col.values[r] = value;
    }
  }
  const sheet: Sheet = {
    id: opts.sheetId,
    name: opts.sheetName,
    rowCount: rows.length,
    columns,
    formats: ['General'],
    merges: [],
    hiddenRows: [],
    hiddenCols: [],
  };
  return { sheet, delimiter: delimiter || ',', problems };
}
