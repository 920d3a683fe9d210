// How the value fixes visit a sheet: only text cells, row by row.
import type { SheetView } from '../../analysis/view.ts';

/**
 * The text cells of each view's sheet (rows and columns, row by row), found once: 「すべて修正」
 * runs six value fixes over the same view, and text is a tenth of a statistics table's
 * cells. A view is built for the sheet as it is and never outlives a change to it.
 */
const textCellsOf = new WeakMap<SheetView, { rows: Int32Array; cols: Int32Array }>();

function textCells(view: SheetView): { rows: Int32Array; cols: Int32Array } {
  let cells = textCellsOf.get(view);
  if (cells) return cells;
  const { columns, rowCount } = view.sheet;
  const rows: number[] = [];
  const cols: number[] = [];
  for (let r = 0; r < rowCount; r++) {
    for (let c = 0; c < columns.length; c++) {
      if (typeof columns[c].values[r] !== 'string') continue;
      rows.push(r);
      cols.push(c);
    }
  }
  cells = { rows: Int32Array.from(rows), cols: Int32Array.from(cols) };
  textCellsOf.set(view, cells);
  return cells;
}

/**
 * Every text cell of the sheet, row by row, as the engine visits them. The value fixes
 * only ever change text; numbers (nearly all of a statistics table) are skipped here
 * rather than in each fix's callback. `visit` must not change the sheet (a fix returns
 * its changes; they are applied after it).
 */
export function forEachText(view: SheetView, visit: (r: number, c: number) => void): void {
  const { rows, cols } = textCells(view);
  for (let i = 0; i < rows.length; i++) visit(rows[i], cols[i]);
}
