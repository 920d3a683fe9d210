// The one CSV tokenizer: text → records of text fields. The plain reader (readCsv.ts) and
// the Level 2 reader (level2.ts) both read the records it gives, from one pass over the
// file, so the two can never split a file differently.
//
// RFC 4180, read as spreadsheet programs read damaged files:
// - records end at CRLF, LF or CR alike (files concatenated from several sources mix them);
// - a quoted field may hold delimiters, `""` and line breaks when it is properly closed
//   (its closing quote followed by a delimiter, a line break or the end);
// - text after a closing quote (`"1367墨田区"　　,…`) is kept, appended to the field as
//   written (`1367墨田区　　`), as Excel keeps it, and reported (`text-after-quote`);
// - a quote that opens a field but never closes, or closes only on a later line in front
//   of more text, is an ordinary character: the field ends at the next delimiter or line
//   break and the rows after it still split (`unclosed-quote`). Taking the rest of the
//   file into one cell would hide every row after it.
import { MAX_SHEET_CELLS, checkSheetSize } from './errors.ts';
import type { ProgressFn } from './progress.ts';

export type CsvProblemCode = 'unclosed-quote' | 'text-after-quote';

export interface CsvProblem {
  /** Zero-based record. */
  row: number;
  code: CsvProblemCode;
}

export interface CsvRecords {
  rows: string[][];
  /** 1-based physical line each record starts on (a quoted line break makes them differ). */
  lines: number[];
  /** Records whose first field was quoted and starts with `@` (`"@x"` is data, not an @ line). */
  quotedAt: Set<number>;
  problems: CsvProblem[];
  /** False when `maxRows` stopped the reading before the end of the text. */
  complete: boolean;
}

export interface TokenizeOptions {
  onProgress?: ProgressFn;
  /** Cells (records × widest record) beyond which the text is refused (`too-many-cells`). */
  maxCells?: number;
  /** The sheet's name, for that refusal. */
  sheetName?: string;
  /** Stop after this many records. */
  maxRows?: number;
  /** Called once with the first `previewRows` records as soon as they are read. */
  onPreview?: (rows: string[][]) => void;
  previewRows?: number;
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/** Line breaks in `s` (CRLF counts once). */
function lineBreaks(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  for (let i = s.indexOf('\r'); i >= 0; i = s.indexOf('\r', i + 1)) if (s.charCodeAt(i + 1) !== LF) n++;
  return n;
}

export function tokenizeCsv(text: string, delimiter: string, opts: TokenizeOptions = {}): CsvRecords {
  const rows: string[][] = [];
  const lines: number[] = [];
  const quotedAt = new Set<number>();
  const problems: CsvProblem[] = [];
  const maxCells = opts.maxCells ?? MAX_SHEET_CELLS;
  const maxRows = opts.maxRows ?? Infinity;
  const previewRows = opts.previewRows ?? 200;
  let previewed = !opts.onPreview;
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
  let line = 1;
  let recordLine = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let complete = true;
  for (;;) {
    let value: string;
    if (text.charCodeAt(i) === QUOTE) {
      let closed = -1;
      let early = -1;
      for (let j = i + 1; ; ) {
        const q = text.indexOf('"', j);
        if (q < 0) break;
        if (text.charCodeAt(q + 1) === QUOTE) {
          j = q + 2;
          continue;
        }
        if (q + 1 >= n || isDelimiter(q + 1) || isBreak(q + 1)) closed = q;
        else early = q;
        break;
      }
      if (closed >= 0) {
        value = text.slice(i + 1, closed).replaceAll('""', '"');
        line += lineBreaks(value);
        i = closed + 1;
      } else if (early >= 0 && !/[\r\n]/.test(text.slice(i + 1, early))) {
        const end = fieldEnd(early + 1);
        value = text.slice(i + 1, early).replaceAll('""', '"') + text.slice(early + 1, end);
        problems.push({ row: rows.length, code: 'text-after-quote' });
        i = end;
      } else {
        const end = fieldEnd(i + 1);
        value = text.slice(i, end);
        problems.push({ row: rows.length, code: 'unclosed-quote' });
        i = end;
      }
      if (row.length === 0 && value.charCodeAt(0) === 0x40) quotedAt.add(rows.length);
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
    lines.push(recordLine);
    if (row.length > width) width = row.length;
    row = [];
    if (!previewed && rows.length >= previewRows) {
      previewed = true;
      opts.onPreview!(rows.slice(0, previewRows));
    }
    if (i >= n) break;
    i += text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    recordLine = ++line;
    if (i >= n) break;
    if (rows.length >= maxRows) {
      complete = false;
      break;
    }
    if ((rows.length & 0xffff) === 0) {
      if (rows.length * width > maxCells) checkSheetSize(rows.length, width, opts.sheetName ?? 'CSV', maxCells);
      opts.onProgress?.({ phase: 'parse', done: i, total: n, overall: 0.1 + 0.8 * (i / n) });
    }
  }
  if (!previewed) opts.onPreview!(rows.slice(0, previewRows));
  opts.onProgress?.({ phase: 'parse', done: n, total: n, overall: 0.9 });
  return { rows, lines, quotedAt, problems, complete };
}
