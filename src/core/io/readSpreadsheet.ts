// Excel / ODS bytes → Workbook via SheetJS. Cells are copied into the column store
// (model.ts) and SheetJS's own objects are dropped, so only one copy stays in memory.
import * as XLSX from 'xlsx';
import {
  type CellRange,
  type CellValue,
  type Column,
  type Sheet,
  type Workbook,
  type WorkbookSource,
  emptyColumn,
} from '../model.ts';
import { loadJapaneseBuiltinFormats } from '../numberFormat.ts';
import type { ProgressFn } from './progress.ts';

/** SheetJS options every read uses; the bench compares against the same call. */
export const SHEETJS_READ_OPTIONS: XLSX.ParsingOptions = {
  type: 'array',
  dense: true,
  cellNF: true,
  cellDates: false,
  cellStyles: true,
  cellFormula: true,
  cellText: false,
  cellHTML: false,
};

type DenseSheet = XLSX.WorkSheet & { '!data'?: (XLSX.CellObject | undefined)[][] };

function cellValue(cell: XLSX.CellObject): CellValue {
  switch (cell.t) {
    case 'n':
      return typeof cell.v === 'number' ? cell.v : null;
    case 's':
      return typeof cell.v === 'string' && cell.v !== '' ? cell.v : null;
    case 'b':
      return Boolean(cell.v);
    case 'e':
      return { error: cell.w ?? XLSX.utils.format_cell(cell) ?? '#ERROR' };
    case 'd':
      // cellDates is off, so only formats that carry no serial (rare ODS cases) land here.
      return cell.v instanceof Date ? cell.v.toISOString().slice(0, 10) : String(cell.v ?? '');
    default:
      return null;
  }
}

/** A solid background colour (RRGGBB), if the cell has one (white counts as none). */
function fillColour(cell: XLSX.CellObject): string | undefined {
  const s = cell.s as { patternType?: string; fgColor?: { rgb?: string; theme?: number; indexed?: number } } | undefined;
  if (!s || !s.patternType || s.patternType === 'none') return undefined;
  const fg = s.fgColor;
  const rgb = fg?.rgb ? fg.rgb.slice(-6).toUpperCase() : fg?.theme !== undefined ? `theme${fg.theme}` : fg?.indexed !== undefined ? `indexed${fg.indexed}` : undefined;
  return rgb === 'FFFFFF' || rgb === 'indexed64' ? undefined : rgb;
}

/** The real extent of the data: `!ref` can claim a million rows for ten cells. */
function extent(data: (XLSX.CellObject | undefined)[][], merges: CellRange[]): { rows: number; cols: number } {
  let rows = 0;
  let cols = 0;
  for (let r = 0; r < data.length; r++) {
    const row = data[r];
    if (!row) continue;
    for (let c = row.length - 1; c >= 0; c--) {
      const cell = row[c];
      if (cell && cell.t !== 'z' && cellValue(cell) !== null) {
        if (c + 1 > cols) cols = c + 1;
        rows = r + 1;
        break;
      }
    }
  }
  for (const m of merges) {
    rows = Math.max(rows, m.e.r + 1);
    cols = Math.max(cols, m.e.c + 1);
  }
  return { rows, cols };
}

function convertSheet(ws: DenseSheet, id: string, name: string): Sheet {
  const data = ws['!data'] ?? [];
  const merges: CellRange[] = (ws['!merges'] ?? []).map((m) => ({ s: { ...m.s }, e: { ...m.e } }));
  const { rows, cols } = extent(data, merges);
  const columns: Column[] = [];
  for (let c = 0; c < cols; c++) columns.push(emptyColumn(rows));
  const formats = ['General'];
  const formatIds = new Map<string, number>([['General', 0]]);
  for (let r = 0; r < rows; r++) {
    const row = data[r];
    if (!row) continue;
    const n = Math.min(row.length, cols);
    for (let c = 0; c < n; c++) {
      const cell = row[c];
      if (!cell) continue;
      const col = columns[c];
      const value = cellValue(cell);
      col.values[r] = value;
      const z = typeof cell.z === 'string' ? cell.z : typeof cell.z === 'number' ? XLSX.SSF.get_table()[cell.z] : undefined;
      if (z && z !== 'General' && value !== null) {
        let fi = formatIds.get(z);
        if (fi === undefined) {
          fi = formats.length;
          formats.push(z);
          formatIds.set(z, fi);
        }
        (col.formats ??= new Array<number>(rows).fill(0))[r] = fi;
      }
      if (cell.f) (col.formulas ??= new Array(rows))[r] = cell.f;
      const fill = fillColour(cell);
      if (fill) (col.fills ??= new Array(rows))[r] = fill;
    }
  }
  const hiddenRows: number[] = [];
  (ws['!rows'] ?? []).forEach((info, r) => {
    if (info?.hidden && r < rows) hiddenRows.push(r);
  });
  const hiddenCols: number[] = [];
  const colWidths: (number | undefined)[] = [];
  (ws['!cols'] ?? []).forEach((info, c) => {
    if (c >= cols || !info) return;
    if (info.hidden) hiddenCols.push(c);
    colWidths[c] = info.wpx ?? (info.wch ? Math.round(info.wch * 7 + 5) : undefined);
  });
  return { id, name, rowCount: rows, columns, formats, merges, hiddenRows, hiddenCols, colWidths };
}

/**
 * `biff`: the file is a legacy .xls (BIFF). SheetJS resolves the number formats of .xls
 * cells (built-in ids 27–58 among them) only while formatting their text, so those
 * files are read with cellText on; they are small (≤ 65,536 rows) so the cost is too.
 */
export function readSpreadsheet(bytes: Uint8Array, source: WorkbookSource, onProgress?: ProgressFn, biff = false): Workbook {
  loadJapaneseBuiltinFormats();
  onProgress?.({ phase: 'parse' });
  // A fresh object each time: XLSX.read writes its defaults into the options it is given.
  const wb = XLSX.read(bytes, { ...SHEETJS_READ_OPTIONS, ...(biff ? { cellText: true } : {}) });
  const sheets: Sheet[] = [];
  const meta = wb.Workbook?.Sheets ?? [];
  wb.SheetNames.forEach((name, i) => {
    onProgress?.({ phase: 'convert', done: i, total: wb.SheetNames.length });
    const sheet = convertSheet(wb.Sheets[name] as DenseSheet, `s${i + 1}`, name);
    if (meta[i]?.Hidden) sheet.hidden = true;
    sheets.push(sheet);
    delete wb.Sheets[name]; // let SheetJS's copy go as soon as ours exists
  });
  onProgress?.({ phase: 'convert', done: wb.SheetNames.length, total: wb.SheetNames.length });
  return { source, date1904: Boolean(wb.Workbook?.WBProps?.date1904), sheets };
}
