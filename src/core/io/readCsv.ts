// CSV / TSV text → one sheet. The tokenizer (csvTokenizer.ts, shared with the Level 2
// reader) splits the text into fields; this module guesses the delimiter and types the
// fields: plain decimal literals become numbers (keeping the source text when it differs,
// `1.50`), everything else stays text (see plainNumber.ts).
import { type CellValue, type Column, type Sheet, emptyColumn } from '../model.ts';
import { isCanonicalNumber, plainNumber } from '../plainNumber.ts';
import { type CsvProblem, type CsvRecords, tokenizeCsv } from './csvTokenizer.ts';
import { MAX_SHEET_CELLS, checkSheetSize } from './errors.ts';
import type { ProgressFn } from './progress.ts';

export interface CsvParseOptions {
  /** Field delimiter; undefined = detect. */
  delimiter?: string;
  sheetId: string;
  sheetName: string;
  onProgress?: ProgressFn;
  /** Cells (rows × widest row) beyond which the text is refused (`too-many-cells`); tests make it small. */
  maxCells?: number;
  /** Called once with the first rows (at most `previewRows`) as soon as they are parsed. */
  onPreview?: (rows: string[][]) => void;
  previewRows?: number;
}

export interface CsvParseResult {
  sheet: Sheet;
  delimiter: string;
  /** Quote problems by zero-based record. */
  problems: CsvProblem[];
  /** The records the sheet was made from (the Level 2 reader reads the same ones). */
  records: CsvRecords;
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

const DELIMITERS = [',', '\t', ';', '|'];

/**
 * The delimiter of a text, from its first records: the candidate that splits them into
 * the most fields (two at least) with the least change in field count between records
 * (PapaParse's rule), read with the same tokenizer as the whole file. `,` when none does.
 */
export function guessDelimiter(text: string): string {
  const head = text.slice(0, 64 * 1024);
  let best = ',';
  let bestDelta = Infinity;
  let bestAverage = 0;
  for (const d of DELIMITERS) {
    const counts = tokenizeCsv(head, d, { maxRows: 11 })
      .rows.slice(0, 10)
      .filter((r) => !(r.length === 1 && r[0] === ''))
      .map((r) => r.length);
    if (counts.length === 0) continue;
    let delta = 0;
    for (let k = 1; k < counts.length; k++) delta += Math.abs(counts[k] - counts[k - 1]);
    const average = counts.reduce((a, b) => a + b, 0) / counts.length;
    if (delta <= bestDelta && average > bestAverage && average > 1.99) {
      best = d;
      bestDelta = delta;
      bestAverage = average;
    }
  }
  return best;
}

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
  const delimiter = opts.delimiter || guessDelimiter(text);
  const maxCells = opts.maxCells ?? MAX_SHEET_CELLS;
  const records = tokenizeCsv(text, delimiter, { onProgress: opts.onProgress, maxCells, sheetName: opts.sheetName, onPreview: opts.onPreview, previewRows: opts.previewRows });
  // A final line break yields no record; trailing blank records carry nothing.
  const rows = records.rows.slice();
  while (rows.length > 0 && rows[rows.length - 1].every((f) => f === '')) rows.pop();
  const sheet = sheetFromFields(rows, opts.sheetId, opts.sheetName, maxCells);
  return { sheet, delimiter, problems: records.problems, records };
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
 * file): the last row is dropped unless the text ends with a line break, and so is every
 * row from a quote left open (the cut may fall inside a quoted field that closes later).
 */
export function parseCsvHead(text: string, delimiter: string | undefined, maxRows: number): string[][] {
  const records = tokenizeCsv(text, delimiter || guessDelimiter(text), { maxRows: maxRows + 1 });
  let rows = records.rows;
  if (records.complete && !/[\r\n]$/.test(text)) rows = rows.slice(0, -1);
  const open = records.problems.find((p) => p.code === 'unclosed-quote');
  if (open) rows = rows.slice(0, open.row);
  const head = rows.slice(0, maxRows);
  while (head.length > 0 && head[head.length - 1].every((f) => f === '')) head.pop();
  return head;
}
