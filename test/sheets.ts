// Test helpers: build sheets, tables and views from literal rows.
import { buildSheetView, type SheetView } from '../src/core/analysis/view.ts';
import { type CellSnapshot, type CellValue, type Sheet, newSheet, parseAddress, setCell } from '../src/core/model.ts';
import type { ColumnInfo, ColumnKind, SheetStructure, TableStructure } from '../src/core/structure/types.ts';

type Literal = CellValue | CellSnapshot | undefined;

function isSnapshot(v: Literal): v is CellSnapshot {
  return typeof v === 'object' && v !== null && 'value' in v;
}

/** A sheet from rows of values (or full snapshots). Merges as `A1:C1`. */
export function sheetFromRows(
  rows: Literal[][],
  opts: { id?: string; name?: string; merges?: string[]; hiddenRows?: number[]; hiddenCols?: number[]; fills?: Record<string, string> } = {},
): Sheet {
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  const sheet = newSheet(opts.id ?? 's1', opts.name ?? 'Sheet1', rows.length, width);
  rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === undefined) return;
      setCell(sheet, r, c, isSnapshot(v) ? v : { value: v });
    }),
  );
  sheet.merges = (opts.merges ?? []).map((m) => {
    const [a, b] = m.split(':');
    return { s: parseAddress(a), e: parseAddress(b ?? a) };
  });
  sheet.hiddenRows = opts.hiddenRows ?? [];
  sheet.hiddenCols = opts.hiddenCols ?? [];
  for (const [addr, fill] of Object.entries(opts.fills ?? {})) {
    const { r, c } = parseAddress(addr);
    (sheet.columns[c].fills ??= new Array(sheet.rowCount))[r] = fill;
  }
  return sheet;
}

export interface TableSpec {
  captionRows?: number[];
  /** Inclusive, zero-based. */
  headerRows: [number, number];
  unitRows?: number[];
  /** Inclusive, zero-based; default: from after the header to the last row. */
  dataRows?: [number, number];
  noteRows?: number[];
  /** Default: all columns of the sheet. */
  columns?: [number, number];
  keyColumns?: number[];
  kinds?: ColumnKind[];
}

/** A table structure written by hand, for rule tests that must not depend on detection. */
export function tableOf(sheet: Sheet, spec: TableSpec, id = 't1'): TableStructure {
  const columns = spec.columns ?? [0, sheet.columns.length - 1];
  const dataRows = spec.dataRows ?? [spec.headerRows[1] + 1, sheet.rowCount - 1 - (spec.noteRows?.length ?? 0)];
  const top = Math.min(...(spec.captionRows ?? []), spec.headerRows[0]);
  const bottom = Math.max(dataRows[1], ...(spec.noteRows ?? []));
  const columnInfo: ColumnInfo[] = [];
  for (let c = columns[0]; c <= columns[1]; c++) {
    columnInfo.push({ c, kind: spec.kinds?.[c - columns[0]] ?? 'text', key: (spec.keyColumns ?? [columns[0]]).includes(c), headerPath: [] });
  }
  return {
    id,
    range: { s: { r: top, c: columns[0] }, e: { r: bottom, c: columns[1] } },
    captionRows: spec.captionRows ?? [],
    headerRows: { start: spec.headerRows[0], end: spec.headerRows[1] },
    unitRows: spec.unitRows ?? [],
    dataRows: { start: dataRows[0], end: dataRows[1] },
    noteRows: spec.noteRows ?? [],
    columns: { start: columns[0], end: columns[1] },
    columnInfo,
    confidence: 1,
    reasons: [],
  };
}

/** A view with hand-written tables (default: row 0 header, the rest data, column A the key). */
export function viewOf(sheet: Sheet, tables?: TableStructure[], date1904 = false): SheetView {
  const structure: SheetStructure = { sheetId: sheet.id, tables: tables ?? [tableOf(sheet, { headerRows: [0, 0] })], overridden: false };
  return buildSheetView(sheet, date1904, structure);
}

/**
 * crushed-stone.xlsx's two tables as the guide describes them, written by hand: the first
 * with 年 and a repeated 年月 column as keys, the second below it.
 */
export function crushedStoneTables(sheet: Sheet): [TableStructure, TableStructure] {
  const numbers = (n: number): ColumnKind[] => Array(n).fill('number');
  return [
    tableOf(sheet, { captionRows: [0, 1], headerRows: [2, 3], dataRows: [4, 19], columns: [0, 8], keyColumns: [0, 8], kinds: ['period', ...numbers(7), 'period'] }),
    tableOf(sheet, { captionRows: [21], headerRows: [22, 22], dataRows: [23, 28], columns: [0, 6], keyColumns: [0], kinds: ['period', ...numbers(6)] }, 't2'),
  ];
}
