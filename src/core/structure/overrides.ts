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
