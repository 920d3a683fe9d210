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
  /** Ids and names of every sheet of the workbook (a split must not reuse one). */
  sheetNames: readonly { id: string; name: string }[];
}

export function buildSheetView(sheet: Sheet, date1904: boolean, structure: SheetStructure, sheetNames: readonly { id: string; name: string }[] = [{ id: sheet.id, name: sheet.name }]): SheetView {
  // regionOf runs several times for every cell (2,000,000 at 100k × 20): the lookups are
  // precomputed per table and walked with plain loops, no callbacks or maps per call.
  const tables = structure.tables;
  const looks = tables.map((t) => {
    const byRow = new Map<number, CellRegion>();
    for (const r of t.captionRows) byRow.set(r, 'caption');
    for (let r = t.headerRows.start; r <= t.headerRows.end; r++) byRow.set(r, 'header');
    for (const r of t.unitRows) byRow.set(r, 'unit');
    for (const r of t.noteRows) byRow.set(r, 'note');
    const keys = new Set(t.columnInfo.filter((ci) => ci.key).map((ci) => ci.c));
    return { byRow, keys };
  });
  const indexAt = (r: number, c: number): number => {
    for (let i = 0; i < tables.length; i++) {
      const { s, e } = tables[i].range;
      if (r >= s.r && r <= e.r && c >= s.c && c <= e.c) return i;
    }
    return -1;
  };
  const tableAt = (r: number, c: number): TableStructure | undefined => {
    const i = indexAt(r, c);
    return i < 0 ? undefined : tables[i];
  };
  return {
    sheet,
    date1904,
    structure,
    sheetNames,
    tableAt,
    columnAt(r, c) {
      const t = tableAt(r, c);
      if (!t) return undefined;
      const at = t.columnInfo[c - t.columns.start];
      return at && at.c === c ? at : t.columnInfo.find((ci) => ci.c === c);
    },
    regionOf(r, c) {
      const i = indexAt(r, c);
      if (i < 0) return 'outside';
      const t = tables[i];
      const look = looks[i];
      if (look.byRow.size > 0) {
        const byRow = look.byRow.get(r);
        if (byRow) return byRow;
      }
      if (r >= t.dataRows.start && r <= t.dataRows.end && c >= t.columns.start && c <= t.columns.end) {
        return look.keys.has(c) ? 'key' : 'data';
      }
      return 'outside';
    },
  };
}
