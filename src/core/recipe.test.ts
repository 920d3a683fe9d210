import { describe, expect, it } from 'vitest';
import { nextPopulationEdition } from '../../test/nextEdition.ts';
import { sheetFromRows } from '../../test/sheets.ts';
import { readWorkbook } from './io/read.ts';
import { type Workbook, getValue } from './model.ts';
import { emptyHistory, pushCommand } from './history.ts';
import { DEFAULT_EXPORT } from './io/export.ts';
import { type Recipe, type RecipeStep, RecipeError, cellRef, metaPatch, parseRecipe, recipeOf, replayRecipe, resolveCell, serializeRecipe } from './recipe.ts';

function open(bytes: Uint8Array, name = 'population.xlsx'): Workbook {
  return readWorkbook(bytes, name).workbook;
}

describe('recipes', () => {
  it('validation says where and what is wrong', () => {
    expect(() => parseRecipe('not json')).toThrow(RecipeError);
    expect(() => parseRecipe('{"version":2,"source":{"name":"a"},"steps":[]}')).toThrow(/version/);
    expect(() => parseRecipe('{"version":1,"source":{"name":"a"},"steps":[{"kind":"fix","sheet":"S","rule":"nope"}]}')).toThrow(/steps\[0\]\.rule/);
    expect(() => parseRecipe('{"version":1,"source":{"name":"a"},"steps":[{"kind":"dance"}]}')).toThrow(/steps\[0\]\.kind/);
    const ok: Recipe = { version: 1, source: { name: 'a.xlsx' }, steps: [{ kind: 'fixAll' }, { kind: 'fix', sheet: 'S', rule: 'hidden', options: { mode: 'drop' } }] };
    expect(parseRecipe(serializeRecipe(ok))).toEqual(ok);
  });

  it('a cell is found again by its row key and column title after rows move', () => {
    const sheet = sheetFromRows([['地区', '人口', '世帯'], ['北区', 100, 40], ['南区', 200, 80]]);
    const ref = cellRef(sheet, 2, 1);
    expect(ref).toEqual({ row: { index: 2, key: ['南区'] }, column: { index: 1, title: '人口' } });
    const moved = sheetFromRows([['地区', '世帯', '人口'], ['南区', 81, 201], ['北区', 41, 101], ['東区', 5, 9]]);
    expect(resolveCell(moved, ref.row, ref.column)).toEqual({ r: 1, c: 2 });
    const gone = sheetFromRows([['地区', '人口'], ['北区', 100]]);
    expect(resolveCell(gone, ref.row, ref.column)).toEqual({ missing: 'row' });
  });

  it('metaPatch records only the fields that changed', () => {
    expect(metaPatch({ notes: [], columns: [], caption: 'a' }, { notes: [], columns: [], caption: 'b', date: '2010-10-01' })).toEqual({ caption: 'b', date: '2010-10-01' });
  });

  it('replays on next year\'s file: fix-all, an edit by row key, a metadata patch; a missing row is reported', () => {
    const recipe: Recipe = {
      version: 1,
      source: { name: 'population.xlsx', sheet: '2-2' },
      steps: [
        { kind: 'fixAll' },
        { kind: 'edit', sheet: '2-2', row: { index: 2, key: ['北海道'] }, column: { index: 1, title: '2000年' }, text: '5700' },
        { kind: 'edit', sheet: '2-2', row: { index: 9, key: ['どこにもない県'] }, column: { index: 1 }, text: '1' },
        { kind: 'meta', sheet: '2-2', patch: { date: '2010-10-01' } },
        { kind: 'fix', sheet: 'なし', rule: 'hidden' },
      ],
    };
    const wb = open(nextPopulationEdition());
    const done = replayRecipe(wb, recipe);
    expect(done.map((d) => d.outcome.status)).toEqual(['applied', 'applied', 'skipped', 'applied', 'skipped']);
    expect(done[2].outcome).toEqual({ status: 'skipped', reason: 'row-missing' });
    expect(done[4].outcome).toEqual({ status: 'skipped', reason: 'sheet-missing' });
    const s = wb.sheets[0];
    // 北海道 is on row 3 in the new edition (青森 moved up): found by its key, not its place.
    const hokkaido = Array.from({ length: s.rowCount }, (_, r) => getValue(s, r, 0)).indexOf('北海道');
    expect(getValue(s, hokkaido, 1)).toBe(5700);
    expect(getValue(s, 1, 1)).toBe(126927); // 全国 2000 of the new edition (+1)
    expect(s.meta?.date).toBe('2010-10-01');
    expect(s.meta?.caption).toBe('2-2 都道府県別人口と人口増加率');
  });

  it('metadata of the whole file: recorded as a patch, validated, replayed (and cleared by an empty value)', () => {
    expect(() => parseRecipe('{"version":1,"source":{"name":"a"},"steps":[{"kind":"bookMeta","patch":{"caption":"x"}}]}')).toThrow(/steps\[0\]\.patch\.caption/);
    expect(() => parseRecipe('{"version":1,"source":{"name":"a"},"steps":[],"export":{"numbers":"all"}}')).toThrow(/export\.numbers/);
    const recipe = parseRecipe(
      serializeRecipe({
        version: 1,
        source: { name: 'population.xlsx' },
        steps: [{ kind: 'bookMeta', patch: { creator: '神戸市', date: '2015-08-01' } }, { kind: 'bookMeta', patch: { date: '' } }],
        export: { numbers: 'stored' },
      }),
    );
    const wb = open(nextPopulationEdition());
    expect(replayRecipe(wb, recipe).map((d) => d.outcome.status)).toEqual(['applied', 'applied']);
    expect(wb.meta).toEqual({ creator: '神戸市' });
  });

  it('a step that throws leaves the workbook as it was, the steps before it included', () => {
    const wb: Workbook = { source: { fileName: 't.csv', format: 'csv', byteLength: 0 }, date1904: false, sheets: [sheetFromRows([['地区', '人口'], ['北区', 100]], { name: 'S' })] };
    const broken = {
      kind: 'meta',
      sheet: 'S',
      get patch(): never {
        throw new Error('unreadable step');
      },
    } as unknown as RecipeStep;
    const recipe: Recipe = { version: 1, source: { name: 't.csv' }, steps: [{ kind: 'edit', sheet: 'S', row: { index: 1, key: ['北区'] }, column: { index: 1, title: '人口' }, text: '7' }, broken] };
    expect(() => replayRecipe(wb, recipe)).toThrow('unreadable step');
    expect(getValue(wb.sheets[0], 1, 1)).toBe(100);
    expect(wb.sheets[0].meta).toBeUndefined();
  });

  it('the recipe of a document: how it was read, the sheet shown, corrections first, then every step, and the export options', () => {
    const sheet = sheetFromRows([['地区', '人口'], ['北区', 100]], { name: '人口' });
    const wb: Workbook = { source: { fileName: 't.csv', format: 'csv', byteLength: 0, encoding: 'shift_jis', delimiter: ',' }, date1904: false, sheets: [sheet] };
    let history = pushCommand(emptyHistory(), { step: { kind: 'fixAll' }, changes: [] });
    history = pushCommand(history, { step: { kind: 'meta', sheet: '人口', patch: { creator: '統計課' } }, replayed: true, changes: [] });
    const recipe = recipeOf(wb, history.past, [{ sheetId: sheet.id, table: 0, headerRows: { start: 0, end: 0 } }], sheet.id, { ...DEFAULT_EXPORT, numbers: 'stored' });
    expect(recipe).toEqual({
      version: 1,
      source: { name: 't.csv', sheet: '人口', encoding: 'shift_jis', delimiter: ',' },
      steps: [{ kind: 'structure', sheet: '人口', table: 0, headerRows: { start: 0, end: 0 } }, { kind: 'fixAll' }, { kind: 'meta', sheet: '人口', patch: { creator: '統計課' } }],
      // The export options the recipe format records; the injection guard is not one of them.
      export: { level: 2, encoding: 'utf-8-bom', eol: 'crlf', padAtLines: true, numbers: 'stored' },
    });
    expect(parseRecipe(serializeRecipe(recipe))).toEqual(recipe);
  });
});
