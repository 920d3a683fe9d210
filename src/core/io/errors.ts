// Why a file could not be read: a code the UI explains in Japanese (messages `error.<code>`).
// Kept apart from read.ts so the modules read.ts uses can throw these too.

export type ReadErrorCode =
  | 'empty' // 0 bytes, or only blank text
  | 'no-data' // a valid spreadsheet with no cells in any sheet
  | 'not-spreadsheet' // PDF, image, archive, random binary…
  | 'truncated' // damaged or incomplete file
  | 'encrypted' // password-protected
  | 'unsupported' // a spreadsheet kind we cannot read
  | 'too-large' // a ZIP container whose parts inflate beyond the limits, or crafted to (zip bomb)
  | 'too-many-cells' // a sheet larger than the cell limit (rows × columns)
  | 'text-too-large'; // a text file too large to decode in one piece

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

/**
 * Cells one sheet may hold (rows × columns of its real extent). The column store keeps a
 * slot per cell on both sides of the worker, so a sheet claiming 1,048,576 × 16,384 cells
 * (a few bytes of XML can) must be refused before anything is allocated for it.
 */
export const MAX_SHEET_CELLS = 30_000_000;

/** Columns one sheet may have: Excel's limit (XFD). Each is an object and a grid column. */
export const MAX_SHEET_COLUMNS = 16_384;

/** Bytes of a text file decoded in one piece: V8 strings stop at 2^29 − 24 characters. */
export const MAX_TEXT_BYTES = 2 ** 29 - 64;

/** Throws `too-many-cells` when a sheet of this extent would exceed MAX_SHEET_CELLS or MAX_SHEET_COLUMNS. */
export function checkSheetSize(rows: number, cols: number, sheetName: string, limit = MAX_SHEET_CELLS): void {
  if (cols > MAX_SHEET_COLUMNS) {
    throw new ReadError({
      code: 'too-many-cells',
      detail: `${sheetName}: ${cols.toLocaleString('en-US')} columns > ${MAX_SHEET_COLUMNS.toLocaleString('en-US')}`,
    });
  }
  if (rows * cols > limit) {
    throw new ReadError({
      code: 'too-many-cells',
      detail: `${sheetName}: ${rows.toLocaleString('en-US')} rows × ${cols.toLocaleString('en-US')} columns > ${limit.toLocaleString('en-US')} cells`,
    });
  }
}
