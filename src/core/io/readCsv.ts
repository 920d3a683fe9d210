// CSV / TSV text → one sheet. PapaParse does the quoting rules; this module only types
// the fields: plain decimal literals become numbers (keeping the source text when it
// differs, `1.50`), everything else stays text (see plainNumber.ts).
//
// Two kinds of damage PapaParse cannot split well go to a forgiving reader instead
// (`parseLenient`): line endings that change between records (CRLF, LF and CR mixed, as
// when files are concatenated) and quotes that open a field but never close properly
// (PapaParse then swallows the rest of the file into one field).
import Papa from 'papaparse';
import { type CellValue, type Column, type Sheet, emptyColumn } from '../model.ts';
import { isCanonicalNumber, plainNumber } from '../plainNumber.ts';
import { MAX_SHEET_CELLS, checkSheetSize } from './errors.ts';
import type { ProgressFn } from './progress.ts';

export interface CsvParseOptions {
  /** Field delimiter; undefined = detect. */
  delimiter?: string;
  sheetId: string;
  sheetName: string;
  onProgress?: ProgressFn;
  /** Characters per PapaParse chunk (progress granularity); tests make it tiny. */
  chunkSize?: number;
  /** Cells (rows × widest row) beyond which the text is refused (`too-many-cells`); tests make it small. */
  maxCells?: number;
  /** Called once with the first rows (at most `previewRows`) as soon as they are parsed. */
  onPreview?: (rows: string[][]) => void;
  previewRows?: number;
}

export interface CsvParseResult {
  sheet: Sheet;
  delimiter: string;
  /** Quote problems (`MissingQuotes`, `InvalidQuotes`), by zero-based record. */
  problems: { row: number; code: string }[];
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

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

/**
 * Whether a line break other than `newline` ends a record somewhere (outside quotes). The
 * quote state at a position is the parity of the quotes before it, so this costs two native
 * scans, not a parse: Excel's CRLF files with LF inside quoted cells stay on the fast path.
 */
export function hasOtherLineBreaks(text: string, newline: '\r\n' | '\n' | '\r'): boolean {
  const other = newline === '\r\n' ? /\r(?!\n)|(?<!\r)\n/g : newline === '\n' ? /\r/g : /\n/g;
  let quotes = 0;
  let counted = 0;
  for (let m = other.exec(text); m; m = other.exec(text)) {
    for (let q = text.indexOf('"', counted); q >= 0 && q < m.index; q = text.indexOf('"', q + 1)) quotes++;
    counted = m.index;
    if (quotes % 2 === 0) return true;
  }
  return false;
}

/**
 * A forgiving reader: records end at CRLF, LF or CR alike, and a quote that opens a field
 * but does not close it properly stays in its row. A quoted field may span lines only when
 * it is properly closed (the quote followed by a delimiter, a line break or the end);
 * otherwise its opening quote is an ordinary character and the field ends at the next
 * delimiter or line break. `"abc"def` reads as `abcdef`, as Excel reads it.
 */
export function parseLenient(
  text: string,
  delimiter: string,
  onProgress?: ProgressFn,
  maxCells = MAX_SHEET_CELLS,
): { rows: string[][]; problems: { row: number; code: string }[] } {
  const rows: string[][] = [];
  const problems: { row: number; code: string }[] = [];
  const n = text.length;
  const d0 = delimiter.charCodeAt(0);
  const dl = delimiter.length;
  const isDelimiter = (p: number) => text.charCodeAt(p) === d0 && (dl === 1 || text.startsWith(delimiter, p));
  const isBreak = (p: number) => {
    const c = text.charCodeAt(p);
    return c === CR || c === LF;
  };
  // Next delimiter / CR / LF at or after p, cached so that each is searched once per pass.
  let nextD = -2;
  let nextCr = -2;
  let nextLf = -2;
  const fieldEnd = (p: number) => {
    if (nextD !== -1 && nextD < p) nextD = text.indexOf(delimiter, p);
    if (nextCr !== -1 && nextCr < p) nextCr = text.indexOf('\r', p);
    if (nextLf !== -1 && nextLf < p) nextLf = text.indexOf('\n', p);
    let end = n;
    if (nextD >= 0 && nextD < end) end = nextD;
    if (nextCr >= 0 && nextCr < end) end = nextCr;
    if (nextLf >= 0 && nextLf < end) end = nextLf;
    return end;
  };
  let width = 0;
  let row: string[] = [];
  let i = 0;
  for (;;) {
    let value: string;
    if (text.charCodeAt(i) === QUOTE) {
      let closed = -1;
      let malformed = -1;
      for (let j = i + 1; ; ) {
        const q = text.indexOf('"', j);
        if (q < 0) break;
        if (text.charCodeAt(q + 1) === QUOTE) {
          j = q + 2;
          continue;
        }
        if (q + 1 >= n || isDelimiter(q + 1) || isBreak(q + 1)) closed = q;
        else malformed = q;
        break;
      }
      if (closed >= 0) {
        value = text.slice(i + 1, closed).replaceAll('""', '"');
        i = closed + 1;
      } else if (malformed >= 0 && !/[\r\n]/.test(text.slice(i + 1, malformed))) {
        const end = fieldEnd(malformed + 1);
        value = text.slice(i + 1, malformed).replaceAll('""', '"') + text.slice(malformed + 1, end);
        problems.push({ row: rows.length, code: 'InvalidQuotes' });
        i = end;
      } else {
        const end = fieldEnd(i + 1);
        value = text.slice(i, end);
        problems.push({ row: rows.length, code: 'MissingQuotes' });
        i = end;
      }
    } else {
      const end = fieldEnd(i);
      value = text.slice(i, end);
      i = end;
    }
    row.push(value);
    if (i < n && isDelimiter(i)) {
      i += dl;
      continue;
    }
    rows.push(row);
    if (row.length > width) width = row.length;
    row = [];
    if (i >= n) break;
    i += text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    if (i >= n) break;
    if ((rows.length & 0xffff) === 0) {
      if (rows.length * width > maxCells) checkSheetSize(rows.length, width, 'CSV', maxCells);
      onProgress?.({ phase: 'parse', done: i, total: n, overall: 0.1 + 0.8 * (i / n) });
    }
  }
  onProgress?.({ phase: 'parse', done: n, total: n, overall: 0.9 });
  return { rows, problems };
}

const QUOTE_PROBLEMS = new Set(['MissingQuotes', 'InvalidQuotes']);

/**
 * About how many cells a CSV/TSV holds, from its bytes alone (before decoding): line breaks
 * × the usual field count of the first lines. Lets a file far beyond the cell limit be
 * refused in a fraction of a second instead of after decoding and splitting most of it.
 * Quoted line breaks make it an overestimate; callers leave a margin.
 */
export function estimateCells(bytes: Uint8Array): number {
  let lines = 0;
  for (let i = bytes.indexOf(0x0a); i >= 0; i = bytes.indexOf(0x0a, i + 1)) lines++;
  if (lines === 0) for (let i = bytes.indexOf(0x0d); i >= 0; i = bytes.indexOf(0x0d, i + 1)) lines++;
  lines = Math.max(lines, 1);
  const head = bytes.subarray(0, 64 * 1024);
  const counts: number[] = [];
  let commas = 0;
  let tabs = 0;
  let quoted = false;
  for (let i = 0; i < head.length && counts.length < 200; i++) {
    const b = head[i];
    if (b === QUOTE) quoted = !quoted;
    else if (quoted) continue;
    else if (b === 0x2c) commas++;
    else if (b === 0x09) tabs++;
    else if (b === CR || (b === LF && head[i - 1] !== CR)) {
      counts.push(Math.max(commas, tabs) + 1);
      commas = tabs = 0;
    }
  }
  if (counts.length === 0) counts.push(Math.max(commas, tabs) + 1);
  counts.sort((a, b) => a - b);
  return lines * counts[counts.length >> 1];
}

export function parseCsvText(text: string, opts: CsvParseOptions): CsvParseResult {
  let rows: string[][] = [];
  let problems: { row: number; code: string }[] = [];
  let delimiter = opts.delimiter ?? '';
  const total = text.length;
  const maxCells = opts.maxCells ?? MAX_SHEET_CELLS;
  const newline = guessNewline(text);
  const mixed = hasOtherLineBreaks(text, newline);
  let width = 0;
  let tooMany = false;
  let previewed = false;
  const previewRows = opts.previewRows ?? 200;
  if (!mixed) {
    // PapaParse chunks strings too (its types only admit chunk for files), carrying a
    // partial last row, quoted line breaks included, into the next chunk.
    const config: Papa.ParseConfig<string[]> & {
      chunkSize: number;
      chunk(results: Papa.ParseResult<string[]>, parser: Papa.Parser): void;
    } = {
      delimiter,
      newline,
      delimitersToGuess: [',', '\t', ';', '|'],
      skipEmptyLines: false,
      chunkSize: opts.chunkSize ?? 4 * 1024 * 1024,
      chunk(results, parser) {
        const base = rows.length;
        for (const row of results.data) {
          rows.push(row);
          if (row.length > width) width = row.length;
        }
        for (const e of results.errors) if (e.row !== undefined) problems.push({ row: base + e.row, code: e.code });
        if (!delimiter) delimiter = results.meta.delimiter;
        const done = Math.min(results.meta.cursor, total);
        opts.onProgress?.({ phase: 'parse', done, total, overall: 0.1 + 0.8 * (done / Math.max(1, total)) });
        if (opts.onPreview && !previewed && (rows.length >= previewRows || done >= total)) {
          previewed = true;
          opts.onPreview(rows.slice(0, previewRows));
        }
        // Fail fast on a sheet too large to hold rather than parse all of it first (the
        // last row may be the empty one after the final line break: not counted).
        if ((rows.length - 1) * width > maxCells) {
          tooMany = true;
          parser.abort();
        }
      },
    };
    Papa.parse<string[]>(text, config);
    if (tooMany) checkSheetSize(rows.length, width, opts.sheetName, maxCells);
  } else if (!delimiter) {
    delimiter = Papa.parse<string[]>(text.slice(0, 64 * 1024), { preview: 50, newline, delimitersToGuess: [',', '\t', ';', '|'] }).meta.delimiter;
  }
  if (mixed || problems.some((p) => QUOTE_PROBLEMS.has(p.code))) {
    const lenient = parseLenient(text, delimiter || ',', opts.onProgress, maxCells);
    rows = lenient.rows;
    problems = lenient.problems;
  }
  // A final line break yields one empty row; trailing blank rows carry nothing.
  while (rows.length > 0 && rows[rows.length - 1].every((f) => f === '')) rows.pop();

  const sheet = sheetFromFields(rows, opts.sheetId, opts.sheetName, maxCells);
  return { sheet, delimiter: delimiter || ',', problems };
}

/**
 * A sheet from text fields: plain numbers become numbers (with their text kept as `raw`
 * when it is not the number's canonical form, so `007` and `1.50` survive), the rest text.
 */
export function sheetFromFields(rows: string[][], sheetId: string, sheetName: string, maxCells = MAX_SHEET_CELLS): Sheet {
  let width = 0;
  for (const row of rows) if (row.length > width) width = row.length;
  checkSheetSize(rows.length, width, sheetName, maxCells);
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
        if (!isCanonicalNumber(field, n)) (col.raw ??= new Array(rows.length))[r] = field;
      }
      col.values[r] = value;
    }
  }
  const sheet: Sheet = {
    id: sheetId,
    name: sheetName,
    rowCount: rows.length,
    columns,
    formats: ['General'],
    merges: [],
    hiddenRows: [],
    hiddenCols: [],
  };
  return sheet;
}

/**
 * The first `maxRows` complete rows of `text`, which may end anywhere (a cut head of a
 * file): the last row is dropped unless the text ends with a line break.
 */
export function parseCsvHead(text: string, delimiter: string | undefined, maxRows: number): string[][] {
  const rows = Papa.parse<string[]>(text, { ...(delimiter ? { delimiter } : {}), preview: maxRows + 1, delimitersToGuess: [',', '\t', ';', '|'], skipEmptyLines: false }).data;
  const complete = /[\r\n]$/.test(text) && rows.length <= maxRows ? rows : rows.slice(0, Math.max(0, rows.length - 1));
  while (complete.length > 0 && complete[complete.length - 1].every((f) => f === '')) complete.pop();
  return complete.slice(0, maxRows);
}
