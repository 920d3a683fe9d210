// The document model shared by the worker, the UI store, the CLI and the tests.
// Plain, structured-cloneable data only (no classes): a workbook crosses the worker
// boundary by structured clone, and is stored in IndexedDB as is.
//
// Cells are stored column by column. A sheet of 100,000 × 20 cells as one object per
// cell costs two million objects; as twenty arrays of primitives it clones, scans and
// stores far faster. Everything outside this module reads cells through the accessors
// below, so the layout can change without touching rules or UI.

/** A spreadsheet error value such as `#DIV/0!`. */
export interface CellError {
  error: string;
}

/**
 * What a cell holds. Dates are Excel serial numbers; whether a number is a date is
 * decided by its number format (as in Excel), see `numberFormat.ts`.
 */
export type CellValue = number | string | boolean | CellError | null;

/** Everything about one cell that a change can alter, as a plain value. */
export interface CellSnapshot {
  value: CellValue;
  /** Number format code (`#,##0`, `[$-411]ggge"年"`…); absent = General. */
  format?: string;
  /** Source text when the value alone cannot reproduce it (CSV `1.50`, `-0.0`). */
  raw?: string;
  /** Formula without the leading `=`, when the source cell had one. */
  formula?: string;
  /** A note attached to the cell (a footnote mark moved out of the value, `約`…). */
  note?: string;
}

/** One step in a cell's history: which rule (or `edit`) changed it, and what it was. */
export interface Provenance {
  ruleId: string;
  before: CellSnapshot;
}

export interface Column {
  /** One entry per row; `null` for an empty cell. */
  values: CellValue[];
  /** Index into `Sheet.formats` per row; absent or 0 = General. Allocated on first use. */
  formats?: number[];
  raw?: (string | undefined)[];
  formulas?: (string | undefined)[];
  /** Background fill colour (`FFFF00`) of cells that have one: colour may carry meaning. */
  fills?: (string | undefined)[];
  notes?: (string | undefined)[];
  provenance?: (Provenance[] | undefined)[];
}

/** A rectangle of cells, zero-based and inclusive (as SheetJS `!merges`). */
export interface CellRange {
  s: { r: number; c: number };
  e: { r: number; c: number };
}

/** A note of the table: a footnote (`1)`, `a)`, `※`) keyed by its mark, or a plain remark. */
export interface TableNote {
  mark?: string;
  text: string;
}

/** What the Level 2 header says about one column. */
export interface ColumnMeta {
  /** An English title found next to the Japanese one (`和暦\nJapanese year`), kept for CSVW. */
  titleEn?: string;
  unit?: string;
  /** Scale: the values are in units of this (`1000` for `(1,000人)`). */
  baseval?: number;
  /** `xsd:integer`, `xsd:double`, `xsd:string`, `xsd:date`, `xsd:gYear`. */
  datatype?: string;
}

/** The Level 2 metadata of the table a sheet holds (docs/export.md), filled by fixes and the user. */
export interface TableMeta {
  caption?: string;
  creator?: string;
  source?: string;
  /** YYYY-MM-DD */
  date?: string;
  language?: string;
  license?: string;
  notes: TableNote[];
  /** Per column, by column index. */
  columns: (ColumnMeta | undefined)[];
}

/**
 * Metadata entered once for every table of the file (SPEC §4): a table's own value, typed
 * or found on its sheet, wins; where it has none, the file's applies.
 */
export interface WorkbookMeta {
  creator?: string;
  /** YYYY-MM-DD */
  date?: string;
  source?: string;
  language?: string;
  license?: string;
}

export const WORKBOOK_META_FIELDS = ['creator', 'date', 'source', 'language', 'license'] as const satisfies readonly (keyof WorkbookMeta & keyof TableMeta)[];

export function emptyMeta(): TableMeta {
  return { notes: [], columns: [] };
}

export interface Sheet {
  /** Stable id; sheet indexes shift when tables are split, ids do not. */
  id: string;
  name: string;
  /** Hidden in the source workbook (Excel's hidden or very hidden sheet). */
  hidden?: boolean;
  rowCount: number;
  columns: Column[];
  /** Number format table; `formats[0]` is always `General`. */
  formats: string[];
  merges: CellRange[];
  hiddenRows: number[];
  hiddenCols: number[];
  /** Column widths in pixels from the source, where known. */
  colWidths?: (number | undefined)[];
  /** Level 2 metadata of the table on this sheet. */
  meta?: TableMeta;
}

export type SourceFormat = 'xlsx' | 'xlsm' | 'xlsb' | 'xls' | 'ods' | 'csv' | 'tsv' | 'txt' | 'other';

export interface WorkbookSource {
  fileName: string;
  format: SourceFormat;
  byteLength: number;
  /** Text files: the encoding the bytes were decoded with. */
  encoding?: TextEncodingName;
  /** True when the encoding was detected, false when the user chose it. */
  encodingDetected?: boolean;
  /** Text files: the field delimiter used. */
  delimiter?: string;
}

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'shift_jis' | 'euc-jp' | 'utf-16le' | 'utf-16be';

export interface Workbook {
  source: WorkbookSource;
  /** Excel's 1904 date system (old Mac files): serial 0 is 1904-01-01. */
  date1904: boolean;
  sheets: Sheet[];
  /** Metadata for every table of the file, where a table has none of its own. */
  meta?: WorkbookMeta;
}

export const GENERAL = 'General';

export function emptyColumn(rowCount: number): Column {
  return { values: new Array<CellValue>(rowCount).fill(null) };
}

export function newSheet(id: string, name: string, rowCount: number, colCount: number): Sheet {
  const columns: Column[] = [];
  for (let c = 0; c < colCount; c++) columns.push(emptyColumn(rowCount));
  return { id, name, rowCount, columns, formats: [GENERAL], merges: [], hiddenRows: [], hiddenCols: [] };
}

export function colCount(sheet: Sheet): number {
  return sheet.columns.length;
}

export function getValue(sheet: Sheet, r: number, c: number): CellValue {
  const col = sheet.columns[c];
  if (!col || r < 0 || r >= sheet.rowCount) return null;
  return col.values[r] ?? null;
}

/** One number per cell, for maps and sets: column count is capped at Excel's 16,384, so it is unique. */
export function cellKey(r: number, c: number): number {
  return r * 16384 + c;
}

export function getFormat(sheet: Sheet, r: number, c: number): string {
  const idx = sheet.columns[c]?.formats?.[r];
  return idx ? sheet.formats[idx] : GENERAL;
}

export function getRaw(sheet: Sheet, r: number, c: number): string | undefined {
  return sheet.columns[c]?.raw?.[r];
}

export function getFormula(sheet: Sheet, r: number, c: number): string | undefined {
  return sheet.columns[c]?.formulas?.[r];
}

export function getFill(sheet: Sheet, r: number, c: number): string | undefined {
  return sheet.columns[c]?.fills?.[r];
}

export function getProvenance(sheet: Sheet, r: number, c: number): readonly Provenance[] {
  return sheet.columns[c]?.provenance?.[r] ?? [];
}

export function getCell(sheet: Sheet, r: number, c: number): CellSnapshot {
  const snap: CellSnapshot = { value: getValue(sheet, r, c) };
  const format = getFormat(sheet, r, c);
  if (format !== GENERAL) snap.format = format;
  const raw = getRaw(sheet, r, c);
  if (raw !== undefined) snap.raw = raw;
  const formula = getFormula(sheet, r, c);
  if (formula !== undefined) snap.formula = formula;
  const note = sheet.columns[c]?.notes?.[r];
  if (note !== undefined) snap.note = note;
  return snap;
}

export function formatIndex(sheet: Sheet, format: string | undefined): number {
  if (!format || format === GENERAL) return 0;
  let idx = sheet.formats.indexOf(format);
  if (idx < 0) {
    idx = sheet.formats.length;
    sheet.formats.push(format);
  }
  return idx;
}

function setSparse<T>(col: Column, key: 'raw' | 'formulas' | 'notes', r: number, v: T | undefined, rowCount: number): void {
  if (v === undefined) {
    if (col[key]) col[key]![r] = undefined;
    return;
  }
  if (!col[key]) col[key] = new Array(rowCount);
  (col[key] as unknown as (T | undefined)[])[r] = v;
}

/** Writes a snapshot into a cell, growing the sheet if needed. Mutates `sheet`. */
export function setCell(sheet: Sheet, r: number, c: number, snap: CellSnapshot): void {
  ensureSize(sheet, r + 1, c + 1);
  const col = sheet.columns[c];
  col.values[r] = snap.value;
  const fi = formatIndex(sheet, snap.format);
  if (fi !== 0 || col.formats) {
    if (!col.formats) col.formats = new Array<number>(sheet.rowCount).fill(0);
    col.formats[r] = fi;
  }
  setSparse(col, 'raw', r, snap.raw, sheet.rowCount);
  setSparse(col, 'formulas', r, snap.formula, sheet.rowCount);
  setSparse(col, 'notes', r, snap.note, sheet.rowCount);
}

export function pushProvenance(sheet: Sheet, r: number, c: number, p: Provenance): void {
  const col = sheet.columns[c];
  if (!col.provenance) col.provenance = new Array(sheet.rowCount);
  (col.provenance[r] ??= []).push(p);
}

export function popProvenance(sheet: Sheet, r: number, c: number): void {
  const list = sheet.columns[c]?.provenance?.[r];
  if (!list) return;
  list.pop();
  if (list.length === 0) sheet.columns[c].provenance![r] = undefined;
}

/** Grows the sheet to at least `rows` × `cols`. */
export function ensureSize(sheet: Sheet, rows: number, cols: number): void {
  while (sheet.columns.length < cols) sheet.columns.push(emptyColumn(sheet.rowCount));
  if (rows > sheet.rowCount) {
    for (const col of sheet.columns) {
      for (let r = sheet.rowCount; r < rows; r++) col.values.push(null);
      if (col.formats) for (let r = sheet.rowCount; r < rows; r++) col.formats.push(0);
      if (col.raw) col.raw.length = rows;
      if (col.formulas) col.formulas.length = rows;
      if (col.fills) col.fills.length = rows;
      if (col.notes) col.notes.length = rows;
      if (col.provenance) col.provenance.length = rows;
    }
    sheet.rowCount = rows;
  }
}

/** The per-cell arrays a column may carry besides its values (all indexed by row). */
export const CELL_ARRAYS = ['formats', 'raw', 'formulas', 'fills', 'notes', 'provenance'] as const;
export type CellArrayKey = (typeof CELL_ARRAYS)[number];

/** Rows [start, end) of a column, every per-cell array included. */
export function sliceColumn(col: Column, start: number, end: number): Column {
  const out: Column = { values: col.values.slice(start, end) };
  for (const key of CELL_ARRAYS) {
    const arr = col[key];
    if (arr) (out as unknown as Record<CellArrayKey, unknown[]>)[key] = arr.slice(start, end);
  }
  if (out.provenance) out.provenance = out.provenance.map((p) => p && p.map((x) => ({ ...x })));
  return out;
}

export function isEmptyValue(v: CellValue): boolean {
  return v === null || v === '';
}

export function isCellError(v: CellValue): v is CellError {
  return typeof v === 'object' && v !== null && 'error' in v;
}

export function sheetById(wb: Workbook, id: string): Sheet | undefined {
  return wb.sheets.find((s) => s.id === id);
}

/** `A`, `B`, … `Z`, `AA`… for a zero-based column index. */
export function columnLetter(c: number): string {
  let s = '';
  let n = c + 1;
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** `H6` style address for zero-based (r, c). */
export function cellAddress(r: number, c: number): string {
  return `${columnLetter(c)}${r + 1}`;
}

/** `A1:I1` for a range. */
export function rangeAddress(m: CellRange): string {
  return `${cellAddress(m.s.r, m.s.c)}:${cellAddress(m.e.r, m.e.c)}`;
}

/** Parses `H6` into zero-based (r, c). */
export function parseAddress(addr: string): { r: number; c: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(addr.toUpperCase());
  if (!m) throw new Error(`not a cell address: ${addr}`);
  let c = 0;
  for (const ch of m[1]) c = c * 26 + (ch.charCodeAt(0) - 64);
  return { r: Number(m[2]) - 1, c: c - 1 };
}
