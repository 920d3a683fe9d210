// Entry point for reading any supported file into a Workbook. Decides the path from
// the bytes (not only the name), and turns every failure into a ReadError with a code
// the UI can explain in Japanese.
import type { SourceFormat, TextEncodingName, Workbook, WorkbookSource } from '../model.ts';
import { decodeAs, detectAndDecode } from './encoding.ts';
import { MAX_SHEET_CELLS, MAX_TEXT_BYTES, ReadError } from './errors.ts';
import type { ProgressFn } from './progress.ts';
import { estimateCells, parseCsvHead, parseCsvText, sheetFromFields } from './readCsv.ts';
import { level2SheetFromRecords } from './readLevel2.ts';
import { type ThousandsRepair, findSplitThousands } from './thousands.ts';
import { PREVIEW_ROWS, type PreviewFn, type SpreadsheetContainer, type WorkbookPreview, readSpreadsheet } from './readSpreadsheet.ts';
export type { PreviewFn, WorkbookPreview } from './readSpreadsheet.ts';
import { type Container, sniffContainer } from './sniff.ts';

export { MAX_SHEET_CELLS, MAX_TEXT_BYTES, ReadError, type ReadErrorCode, type ReadErrorInfo } from './errors.ts';

export interface ReadOptions {
  /** Text files: force this encoding instead of detecting it. */
  encoding?: TextEncodingName;
  /** Text files: force this delimiter instead of detecting it. */
  delimiter?: string;
}

export interface ReadResult {
  workbook: Workbook;
  /** Non-fatal findings to show the user (undecodable characters, unbalanced quotes). */
  warnings: ReadWarning[];
}

/**
 * What reading noticed, as data (the sentences are in readMessages.ts). `rows` are 1-based
 * rows of the file (records), at most the first five; `count` is how many there are.
 */
export type ReadWarning =
  | { code: 'invalid-characters'; count: number; encoding: TextEncodingName }
  /** A quote that never closes: read as a character, the rows after it split as usual. */
  | { code: 'unclosed-quote'; count: number; rows: number[] }
  /** Text after a closing quote (`"1367墨田区"　　`): kept in the field. */
  | { code: 'text-after-quote'; count: number; rows: number[] }
  /** The file is a Level 2 CSV: its @ lines were read as the table's metadata. */
  | { code: 'level2'; metaLines: number }
  /** Rows wider than the header because of unquoted thousands separators; `repairs` is offered, never applied here. */
  | { code: 'thousands-separators'; count: number; rows: number[]; width: number; repairs: ThousandsRepair[] };

const ROWS_NAMED = 5;

const TEXT_EXTENSIONS = new Set(['csv', 'tsv', 'txt']);
const SPREADSHEET_EXTENSIONS = new Set(['xlsx', 'xlsm', 'xlsb', 'xls', 'ods']);
export const ACCEPTED_EXTENSIONS = [...SPREADSHEET_EXTENSIONS, ...TEXT_EXTENSIONS].map((e) => `.${e}`);

const FOREIGN: Partial<Record<Container, string>> = {
  pdf: 'PDF',
  png: 'PNG',
  jpeg: 'JPEG',
  gif: 'GIF',
  gzip: 'GZIP',
  rar: 'RAR',
  '7z': '7-Zip',
  binary: 'binary',
};

export function extensionOf(fileName: string): string {
  const m = /\.([^.\\/]+)$/.exec(fileName);
  return m ? m[1].toLowerCase() : '';
}

export function baseName(fileName: string): string {
  return fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
}

/** Text by its name and its first bytes: a .csv that is really an .xlsx is read as one. */
function readsAsText(ext: string, container: Container): boolean {
  return TEXT_EXTENSIONS.has(ext) ? container === 'text' || container === 'xml' : container === 'text' && !SPREADSHEET_EXTENSIONS.has(ext);
}

function sourceFormat(ext: string): SourceFormat {
  return (SPREADSHEET_EXTENSIONS.has(ext) || TEXT_EXTENSIONS.has(ext) ? ext : 'other') as SourceFormat;
}

/**
 * Reads any accepted file. `onPreview` gets the first rows of the sheet shown first as soon
 * as they are parsed (big .xlsx and CSV files), before the read completes; the result is
 * always the whole workbook.
 */
export function readWorkbook(bytes: Uint8Array, fileName: string, opts: ReadOptions = {}, onProgress?: ProgressFn, onPreview?: PreviewFn): ReadResult {
  const ext = extensionOf(fileName);
  const container = sniffContainer(bytes);
  if (container === 'empty') throw new ReadError({ code: 'empty' });
  const foreign = FOREIGN[container];
  const source: WorkbookSource = { fileName, format: sourceFormat(ext), byteLength: bytes.length };

  if (readsAsText(ext, container)) return readText(bytes, source, opts, onProgress, onPreview);
  if (foreign) throw new ReadError({ code: 'not-spreadsheet', detected: foreign });
  if (container === 'text' && ext !== 'xls') throw new ReadError({ code: 'not-spreadsheet', detected: 'text' });

  const kind: SpreadsheetContainer = container === 'zip' || container === 'cfb' || container === 'biff' ? container : 'other';
  let workbook: Workbook;
  try {
    workbook = readSpreadsheet(bytes, source, { onProgress, onPreview }, kind);
  } catch (e) {
    throw classifySheetJsError(e, container);
  }
  if (workbook.sheets.length === 0 || workbook.sheets.every((s) => s.rowCount === 0)) throw new ReadError({ code: 'no-data' });
  return { workbook, warnings: [] };
}

const textTooLarge = (bytes: number) =>
  new ReadError({ code: 'text-too-large', detail: `${(bytes / 2 ** 20).toFixed(0)} MB (limit ${(MAX_TEXT_BYTES / 2 ** 20).toFixed(0)} MB)` });

/** Bytes of a text file's head read for its preview, before the whole file is. */
export const PREVIEW_HEAD_BYTES = 64 * 1024;

/**
 * The first rows of a big text file from its first bytes alone (`head`, at most
 * PREVIEW_HEAD_BYTES of a file of `fileSize` bytes): reading and decoding the whole file
 * (100 ms and more for 10 MB of Shift_JIS) comes after. The head is cut at a line feed,
 * which no byte of a Shift_JIS, EUC-JP or UTF-8 character can be. Undefined when the file
 * is not text, or too small to be worth it (its whole read is about as quick).
 */
export function textPreview(head: Uint8Array, fileName: string, fileSize: number, opts: ReadOptions = {}): WorkbookPreview | undefined {
  if (fileSize < PREVIEW_HEAD_BYTES * 8 || fileSize > MAX_TEXT_BYTES) return undefined;
  const ext = extensionOf(fileName);
  if (!readsAsText(ext, sniffContainer(head))) return undefined;
  const cut = head.lastIndexOf(0x0a, PREVIEW_HEAD_BYTES - 1);
  if (cut <= 0) return undefined;
  const text = head.subarray(0, cut + 1);
  const decoded = opts.encoding ? decodeAs(text, opts.encoding) : detectAndDecode(text);
  const rows = parseCsvHead(decoded.text, textDelimiter(ext, opts), PREVIEW_ROWS);
  if (rows.length === 0) return undefined;
  const source: WorkbookSource = { fileName, format: sourceFormat(ext), byteLength: fileSize };
  return previewOfRows(rows, source, decoded.encoding, opts);
}

/** A text file's first rows as the one-sheet workbook its preview shows. */
function previewOfRows(rows: string[][], source: WorkbookSource, encoding: TextEncodingName, opts: ReadOptions): WorkbookPreview {
  return {
    workbook: { source: { ...source, encoding, encodingDetected: !opts.encoding }, date1904: false, sheets: [sheetFromFields(rows, TEXT_SHEET_ID, textSheetName(source.fileName))] },
    sheetId: TEXT_SHEET_ID,
  };
}

const TEXT_SHEET_ID = 's1';
const textSheetName = (fileName: string) => baseName(fileName) || 'Sheet1';
const textDelimiter = (ext: string, opts: ReadOptions) => opts.delimiter ?? (ext === 'tsv' ? '\t' : undefined);

function readText(bytes: Uint8Array, source: WorkbookSource, opts: ReadOptions, onProgress?: ProgressFn, onPreview?: PreviewFn): ReadResult {
  // Decoded in one piece, the text must fit in one JavaScript string: refuse at once what cannot.
  if (bytes.length > MAX_TEXT_BYTES) throw textTooLarge(bytes.length);
  // Far beyond the cell limit (with a margin for quoted line breaks): say so before decoding.
  const estimate = estimateCells(bytes);
  if (estimate > MAX_SHEET_CELLS * 1.5) {
    throw new ReadError({ code: 'too-many-cells', detail: `about ${estimate.toLocaleString('en-US')} cells > ${MAX_SHEET_CELLS.toLocaleString('en-US')}` });
  }
  onProgress?.({ phase: 'decode', done: 0, total: bytes.length, overall: 0 });
  const ext = extensionOf(source.fileName);
  const delimiter = textDelimiter(ext, opts);
  const sheetName = textSheetName(source.fileName);
  const headPreview = onPreview && textPreview(bytes.subarray(0, PREVIEW_HEAD_BYTES), source.fileName, bytes.length, opts);
  if (headPreview) onPreview(headPreview);
  let decoded: ReturnType<typeof decodeAs>;
  try {
    decoded = opts.encoding ? decodeAs(bytes, opts.encoding) : detectAndDecode(bytes);
  } catch (e) {
    if (e instanceof RangeError) throw textTooLarge(bytes.length);
    throw e;
  }
  onProgress?.({ phase: 'decode', done: bytes.length, total: bytes.length, overall: 0.1 });
  if (decoded.text.trim() === '') throw new ReadError({ code: 'empty' });
  let parsed: ReturnType<typeof parseCsvText>;
  try {
    parsed = parseCsvText(decoded.text, {
      delimiter,
      sheetId: TEXT_SHEET_ID,
      sheetName,
      onProgress,
      previewRows: PREVIEW_ROWS,
      onPreview: headPreview || !onPreview ? undefined : (rows) => onPreview(previewOfRows(rows, source, decoded.encoding, opts)),
    });
  } catch (e) {
    // Out of memory inside the parser (a huge text with few line breaks): say so.
    if (e instanceof RangeError) throw textTooLarge(bytes.length);
    throw e;
  }
  const warnings: ReadWarning[] = [];
  const sheet = parsed.sheet;
  const level2 = parsed.delimiter === ',' ? level2SheetFromRecords(parsed.records, sheet.id, sheet.name) : undefined;
  if (level2) warnings.push({ code: 'level2', metaLines: sheet.rowCount - level2.rowCount });
  if (decoded.invalidCount > 0) warnings.push({ code: 'invalid-characters', count: decoded.invalidCount, encoding: decoded.encoding });
  for (const code of ['unclosed-quote', 'text-after-quote'] as const) {
    const rows = parsed.problems.filter((p) => p.code === code).map((p) => p.row + 1);
    if (rows.length > 0) warnings.push({ code, count: rows.length, rows: rows.slice(0, ROWS_NAMED) });
  }
  // Thousands separators split fields only where the comma is the delimiter.
  const split = !level2 && parsed.delimiter === ',' ? findSplitThousands(parsed.records.rows) : undefined;
  if (split) {
    warnings.push({ code: 'thousands-separators', count: split.rows.length, rows: split.rows.slice(0, ROWS_NAMED).map((r) => r + 1), width: split.width, repairs: split.repairs });
  }
  return {
    workbook: {
      source: { ...source, encoding: decoded.encoding, encodingDetected: !opts.encoding, delimiter: parsed.delimiter },
      date1904: false,
      sheets: [level2 ?? sheet],
    },
    warnings,
  };
}

function classifySheetJsError(e: unknown, container: Container): ReadError {
  if (e instanceof ReadError) return e;
  const detail = e instanceof Error ? e.message : String(e);
  // Out of memory or string length inside SheetJS: a part bigger than JavaScript can hold.
  if (e instanceof RangeError && /string length|array length|allocation|memory/i.test(detail)) {
    return new ReadError({ code: 'too-large', detail });
  }
  if (/password|encrypt/i.test(detail)) return new ReadError({ code: 'encrypted', detail });
  if (container === 'zip' && /Cannot find file|Could not find workbook|Unsupported ZIP file|NUMBERS/i.test(detail)) {
    return new ReadError({ code: 'not-spreadsheet', detected: 'ZIP', detail });
  }
  if (/Unsupported/i.test(detail) && !/Compression/i.test(detail)) return new ReadError({ code: 'unsupported', detail });
  return new ReadError({ code: 'truncated', detail });
}
