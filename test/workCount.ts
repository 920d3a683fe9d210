// Test helper: how much work a rule does, counted instead of timed (a busy machine makes
// any time limit fail with correct code). One step is one read of a cell's entry in any
// per-row array of a column (values, formats, raw…) or one lookup through the view. A
// test runs the same work on n and 2n rows: linear work doubles, a scan per row quadruples.
import type { SheetView } from '../src/core/analysis/view.ts';
import { CELL_ARRAYS, type Column, type Sheet } from '../src/core/model.ts';

const ROW_ARRAYS: readonly (keyof Column)[] = ['values', ...CELL_ARRAYS];

const isIndex = (key: string | symbol): boolean => typeof key === 'string' && key.length > 0 && key.charCodeAt(0) >= 48 && key.charCodeAt(0) <= 57;

/** The view with every row array of its sheet and its lookups counting; `steps()` says how many so far. */
export function countingView(view: SheetView): { view: SheetView; steps: () => number } {
  let steps = 0;
  const counting = <T extends object>(array: T): T =>
    new Proxy(array, {
      get(target, key, receiver) {
        if (isIndex(key)) steps++;
        return Reflect.get(target, key, receiver);
      },
    });
  const columns = view.sheet.columns.map((col) => {
    const out: Column = { ...col };
    for (const key of ROW_ARRAYS) {
      const array = col[key];
      if (array) (out as unknown as Record<string, unknown>)[key] = counting(array);
    }
    return out;
  });
  const sheet: Sheet = { ...view.sheet, columns };
  const counted: SheetView = {
    ...view,
    sheet,
    tableAt: (r, c) => (steps++, view.tableAt(r, c)),
    regionOf: (r, c) => (steps++, view.regionOf(r, c)),
    columnAt: (r, c) => (steps++, view.columnAt(r, c)),
  };
  return { view: counted, steps: () => steps };
}

/** How many times more steps `work` takes on 2n rows than on n (2 for linear work). */
export function growth(work: (rows: number) => number, n: number): number {
  return work(2 * n) / work(n);
}

/** Below this growth the work is linear in the rows (n log n is about 2.2 at 5,000 rows; quadratic, 4). */
export const LINEAR = 2.1;
