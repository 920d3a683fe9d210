// The user's corrections of one sheet's structure, as the 「行の役割」 menu edits them: one
// correction per table, a row's latest role replacing an earlier one.
import type { Band, RowRole, StructureOverride, TableStructure } from './types.ts';

/**
 * The table a row belongs to: the one whose range holds it, else the first one below it
 * (a caption line the detection left above its table), else the last one above it.
 */
export function tableForRow(tables: readonly TableStructure[], row: number): number {
  const inside = tables.findIndex((t) => row >= t.range.s.r && row <= t.range.e.r);
  if (inside >= 0) return inside;
  const below = tables.findIndex((t) => t.range.s.r > row);
  return below >= 0 ? below : Math.max(0, tables.length - 1);
}

/** The sheet's corrections with the rows of `rows` given `role` in table `table`'s correction. */
export function markRows(overrides: readonly StructureOverride[], sheetId: string, table: number, rows: Band, role: RowRole): StructureOverride[] {
  const own = overrides.find((o) => o.sheetId === sheetId && o.table === table);
  const marks = new Map((own?.rows ?? []).map((m) => [m.row, m.role]));
  for (let r = rows.start; r <= rows.end; r++) marks.set(r, role);
  const next: StructureOverride = { ...(own ?? { sheetId, table }), rows: [...marks].sort((a, b) => a[0] - b[0]).map(([row, role]) => ({ row, role })) };
  return [...overrides.filter((o) => o !== own), next];
}

/**
 * The sheet's corrections with table `table` split at `row` (「ここで表を分ける」): the
 * corrections of the tables after it now name them one further on, and the rows marked in
 * the split table from `row` on belong to its second part.
 */
export function splitAt(overrides: readonly StructureOverride[], sheetId: string, table: number, row: number): StructureOverride[] {
  const out: StructureOverride[] = [];
  for (const o of overrides) {
    if (o.sheetId !== sheetId || o.splitAt !== undefined || o.joinNext) {
      out.push(o);
      continue;
    }
    if (o.table > table) out.push({ ...o, table: o.table + 1 });
    else if (o.table < table) out.push(o);
    else {
      // Bands, ranges and marks of the split table: each part keeps what lies in it.
      const upper = (o.rows ?? []).filter((m) => m.row < row);
      const lower = (o.rows ?? []).filter((m) => m.row >= row);
      const { rows: _rows, range: _range, headerRows, dataRows, ...rest } = o;
      const first: StructureOverride = { ...rest };
      if (upper.length) first.rows = upper;
      if (headerRows && headerRows.end < row) first.headerRows = headerRows;
      if (dataRows && dataRows.end < row) first.dataRows = dataRows;
      if (first.rows || first.headerRows || first.dataRows) out.push(first);
      if (lower.length) out.push({ sheetId, table: table + 1, rows: lower });
    }
  }
  // Splits and joins first, in their order (detect.ts applies them so).
  const structural = out.filter((o) => o.splitAt !== undefined || o.joinNext);
  return [...structural, { sheetId, table, splitAt: row }, ...out.filter((o) => !structural.includes(o))];
}

/**
 * The sheet's corrections with table `table` joined to the one after it (「表をつなげる」):
 * the corrections of both become the joined table's (its bands and marks), the tables
 * after them name one table fewer.
 */
export function joinNext(overrides: readonly StructureOverride[], sheetId: string, table: number): StructureOverride[] {
  const out: StructureOverride[] = [];
  for (const o of overrides) {
    if (o.sheetId !== sheetId || o.splitAt !== undefined || o.joinNext) out.push(o);
    else if (o.table > table + 1) out.push({ ...o, table: o.table - 1 });
    else if (o.table === table + 1) {
      if (o.rows?.length) out.push({ sheetId, table, rows: o.rows });
    } else out.push(o);
  }
  // Joins after the splits and the joins before them (detect.ts applies them in that order).
  const structural = out.filter((o) => o.splitAt !== undefined || o.joinNext);
  return [...structural, { sheetId, table, joinNext: true }, ...out.filter((o) => !structural.includes(o))];
}
