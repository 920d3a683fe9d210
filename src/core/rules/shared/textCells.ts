// How the value fixes visit a sheet: only text cells, row by row.
import type { SheetView } from '../../analysis/view.ts';

/**
 * Every text cell of the sheet, row by row, as the engine visits them. The value fixes
 * only ever change text; numbers (nearly all of a statistics table) are skipped here
 * rather than in each fix's callback.
 */
export function forEachText(view: SheetView, visit: (r: number, c: number) => void): void {
  const { sheet } = view;
  const columns = sheet.columns;
  for (let r = 0; r < sheet.rowCount; r++) {
    for (let c = 0; c < columns.length; c++) if (typeof columns[c].values[r] === 'string') visit(r, c);
  }
}
