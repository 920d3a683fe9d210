// What a rule sees of a sheet: the cells, the workbook's date system and the detected
// structure, with fast lookups of where a cell sits (caption, header, key column, data…).
import type { Sheet } from '../model.ts';
import type { CellRegion, ColumnInfo, SheetStructure, TableStructure } from '../structure/types.ts';

export interface SheetView {
  sheet: Sheet;
  date1904: boolean;
  structure: SheetStructure;
  /** The table whose range contains (r, c). */
  tableAt(r: number, c: number): TableStructure | undefined;
  /** Which part of its table (r, c) is. */
  regionOf(r: number, c: number): CellRegion;
  /** What the detector found about the column of (r, c) in its table (kind, key…). */
  columnAt(r: number, c: number): ColumnInfo | undefined;
}

export function buildSheetView(sheet: Sheet, date1904: boolean, structure: SheetStructure): SheetView {
  const tableAt = (r: number, c: number) =>
    structure.tables.find((t) => r >= t.range.s.r && r <= t.range.e.r && c >= t.range.s.c && c <= t.range.e.c);
  // Row → region lookups per table, computed once: regionOf runs for every cell.
  const rowRegion = new Map<TableStructure, Map<number, CellRegion>>();
  for (const t of structure.tables) {
    const m = new Map<number, CellRegion>();
    for (const r of t.captionRows) m.set(r, 'caption');
    for (let r = t.headerRows.start; r <= t.headerRows.end; r++) m.set(r, 'header');
    for (const r of t.unitRows) m.set(r, 'unit');
    for (const r of t.noteRows) m.set(r, 'note');
    rowRegion.set(t, m);
  }
  const keyCols = new Map<TableStructure, Set<number>>(
    structure.tables.map((t) => [t, new Set(t.columnInfo.filter((ci) => ci.key).map((ci) => ci.c))]),
  );
  return {
    sheet,
    date1904,
    structure,
    tableAt,
    columnAt(r, c) {
      const t = tableAt(r, c);
      if (!t) return undefined;
      const at = t.columnInfo[c - t.columns.start];
      return at && at.c === c ? at : t.columnInfo.find((ci) => ci.c === c);
    },
    regionOf(r, c) {
      const t = tableAt(r, c);
      if (!t) return 'outside';
      const byRow = rowRegion.get(t)!.get(r);
      if (byRow) return byRow;
      if (r >= t.dataRows.start && r <= t.dataRows.end && c >= t.columns.start && c <= t.columns.end) {
        return keyCols.get(t)!.has(c) ? 'key' : 'data';
      }
      return 'outside';
    },
  };
}
