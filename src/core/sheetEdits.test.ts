import { describe, expect, it } from 'vitest';
import { sheetFromRows } from '../../test/sheets.ts';
import { applyChanges, revertChanges } from './changes.ts';
import { type Workbook, getValue } from './model.ts';
import { RECIPE_VERSION, parseRecipe, replayRecipe } from './recipe.ts';
import { shapeChanges } from './sheetEdits.ts';

function book() {
  const sheet = sheetFromRows([['地区', '人口', '世帯'], ['北区', 100, 40], ['南区', 200, 50], ['東区', 300, 60]]);
  const wb: Workbook = { source: { fileName: 'a.xlsx', format: 'xlsx', byteLength: 0 }, date1904: false, sheets: [sheet] };
  return { wb, sheet };
}
const rowsOf = (wb: Workbook) => {
  const s = wb.sheets[0];
  return Array.from({ length: s.rowCount }, (_, r) => s.columns.map((_, c) => getValue(s, r, c)));
};

describe('rows and columns inserted and deleted by the user', () => {
  it('insert and delete rows and columns, each undone exactly', () => {
    for (const [what, op, at] of [['rows', 'insert', 2], ['rows', 'delete', 1], ['columns', 'insert', 1], ['columns', 'delete', 2]] as const) {
      const { wb, sheet } = book();
      const before = rowsOf(wb);
      const changes = shapeChanges(sheet, what, op, at, 1);
      applyChanges(wb, changes);
      const after = rowsOf(wb);
      if (what === 'rows') expect(after.length).toBe(before.length + (op === 'insert' ? 1 : -1));
      else expect(after[0].length).toBe(before[0].length + (op === 'insert' ? 1 : -1));
      revertChanges(wb, changes);
      expect(rowsOf(wb)).toEqual(before);
    }
  });

  it('a merge the edit would cut is undone in the same step', () => {
    const { wb, sheet } = book();
    sheet.merges = [{ s: { r: 1, c: 0 }, e: { r: 2, c: 0 } }];
    const changes = shapeChanges(sheet, 'rows', 'insert', 2, 1);
    expect(changes[0]).toMatchObject({ kind: 'merge', op: 'remove' });
    applyChanges(wb, changes);
    expect(sheet.merges).toEqual([]);
    revertChanges(wb, changes);
    expect(sheet.merges).toEqual([{ s: { r: 1, c: 0 }, e: { r: 2, c: 0 } }]);
  });

  it('a recipe finds the row by its key on next year\'s file', () => {
    const { wb } = book();
    const recipe = parseRecipe(JSON.stringify({ version: RECIPE_VERSION, source: { name: 'a.xlsx' }, steps: [{ kind: 'rows', sheet: wb.sheets[0].name, op: 'delete', row: { index: 9, key: ['南区'] }, count: 1 }] }));
    replayRecipe(wb, recipe);
    expect(rowsOf(wb).map((r) => r[0])).toEqual(['地区', '北区', '東区']);
    expect(() => parseRecipe(JSON.stringify({ ...recipe, steps: [{ kind: 'columns', sheet: 'x', op: 'move', column: { index: 0 }, count: 1 }] }))).toThrow(/columns/);
  });
});
