// Entry point for reading any supported file into a Workbook. Decides the path from
// the bytes (not only the name), and turns every failure into a ReadError with a code
// the UI can explain in Japanese.
import * as XLSX from 'xlsx';
import type { SourceFormat, TextEncodingName, Workbook, WorkbookSource } from '../model.ts';
import { decodeAs, detectAndDecode } from './encoding.ts';
import type { ProgressFn } from './progress.ts';
import { parseCsvText } from './readCsv.ts';
import { readSpreadsheet } from './readSpreadsheet.ts';
import { type Container, sniffContainer } from './sniff.ts';

export type ReadErrorCode =
  | 'empty' // 0 bytes, or only blank text
  | 'no-data' // a valid spreadsheet with no cells in any sheet
  | 'not-spreadsheet' // PDF, image, archive, random binary…
  | 'truncated' // damaged or incomplete file
  | 'encrypted' // password-protected
  | 'unsupported'; // a spreadsheet kind we cannot read

export interface ReadErrorInfo {
  code: ReadErrorCode;
  /** What the file turned out to be (`PDF`, `PNG`, `ZIP`…), when known. */
  detected?: string;
  /** The parser's own message, for the details line. */
  detail?: string;
}

export class ReadError extends Error {
  readonly info: ReadErrorInfo;
  constructor(info: ReadErrorInfo) {
    super(`${info.code}${info.detected ? ` (${info.detected})` : ''}${info.detail ? `: ${info.detail}` : ''}`);
    this.name = 'ReadError';
    this.info = info;
  }
}

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

export type ReadWarning =
  | { code: 'invalid-characters'; count: number; encoding: TextEncodingName }
  | { code: 'csv-problems'; count: number; firstRow: number };

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

function sourceFormat(ext: string): SourceFormat {
  return (SPREADSHEET_EXTENSIONS.has(ext) || TEXT_EXTENSIONS.has(ext) ? ext : 'other') as SourceFormat;
}

export function readWorkbook(bytes: Uint8Array, fileName: string, opts: ReadOptions = {}, onProgress?: ProgressFn): ReadResult {
  const ext = extensionOf(fileName);
  const container = sniffContainer(bytes);
  if (container === 'empty') throw new ReadError({ code: 'empty' });
  const foreign = FOREIGN[container];
  const source: WorkbookSource = { fileName, format: sourceFormat(ext), byteLength: bytes.length };

  const readAsText = TEXT_EXTENSIONS.has(ext) ? container === 'text' || container === 'xml' : container === 'text' && !SPREADSHEET_EXTENSIONS.has(ext);
  if (readAsText) return readText(bytes, source, opts, onProgress);
  if (foreign) throw new ReadError({ code: 'not-spreadsheet', detected: foreign });
  if (container === 'text' && ext !== 'xls') throw new ReadError({ code: 'not-spreadsheet', detected: 'text' });
  if (container === 'cfb' && isEncryptedPackage(bytes)) throw new ReadError({ code: 'encrypted' });

  let workbook: Workbook;
  try {
    workbook = readSpreadsheet(bytes, source, onProgress, container === 'cfb' || container === 'biff');
  } catch (e) {
    throw classifySheetJsError(e, container);
  }
  if (workbook.sheets.length === 0 || workbook.sheets.every((s) => s.rowCount === 0)) throw new ReadError({ code: 'no-data' });
  return { workbook, warnings: [] };
}

function readText(bytes: Uint8Array, source: WorkbookSource, opts: ReadOptions, onProgress?: ProgressFn): ReadResult {
  onProgress?.({ phase: 'decode', done: 0, total: bytes.length });
  const decoded = opts.encoding ? decodeAs(bytes, opts.encoding) : detectAndDecode(bytes);
  onProgress?.({ phase: 'decode', done: bytes.length, total: bytes.length });
  if (decoded.text.trim() === '') throw new ReadError({ code: 'empty' });
  const ext = extensionOf(source.fileName);
  const delimiter = opts.delimiter ?? (ext === 'tsv' ? '\t' : undefined);
  const parsed = parseCsvText(decoded.text, { delimiter, sheetId: 's1', sheetName: baseName(source.fileName) || 'Sheet1', onProgress });
  const warnings: ReadWarning[] = [];
  if (decoded.invalidCount > 0) warnings.push({ code: 'invalid-characters', count: decoded.invalidCount, encoding: decoded.encoding });
  if (parsed.problems.length > 0) warnings.push({ code: 'csv-problems', count: parsed.problems.length, firstRow: parsed.problems[0].row + 1 });
  return {
    workbook: {
      source: { ...source, encoding: decoded.encoding, encodingDetected: !opts.encoding, delimiter: parsed.delimiter },
      date1904: false,
      sheets: [parsed.sheet],
    },
    warnings,
  };
}

/** An encrypted OOXML file is a CFB container holding EncryptionInfo + EncryptedPackage. */
function isEncryptedPackage(bytes: Uint8Array): boolean {
  try {
    const cfb = XLSX.CFB.read(bytes, { type: 'array' });
    return cfb.FullPaths.some((p: string) => /\/(EncryptionInfo|EncryptedPackage)$/i.test(p));
  } catch {
    return false;
  }
}

function classifySheetJsError(e: unknown, container: Container): ReadError {
  const detail = e instanceof Error ? e.message : String(e);
  if (/password|encrypt/i.test(detail)) return new ReadError({ code: 'encrypted', detail });
  if (container === 'zip' && /Cannot find file|Unsupported ZIP file|NUMBERS/i.test(detail)) {
    return new ReadError({ code: 'not-spreadsheet', detected: 'ZIP', detail });
  }
  if (/Unsupported/i.test(detail) && !/Compression/i.test(detail)) return new ReadError({ code: 'unsupported', detail });
  return new ReadError({ code: 'truncated', detail });
}
