import { describe, expect, it } from 'vitest';
import { fixtureBytes } from '../../test/fixtures.ts';
import { sheetFromRows } from '../../test/sheets.ts';
import { applyChanges } from './changes.ts';
import { findReplacements, replaceChanges } from './findReplace.ts';
import { readWorkbook } from './io/read.ts';
import { getValue } from './model.ts';
import { RECIPE_VERSION, parseRecipe, replayRecipe } from './recipe.ts';
import { detectStructure } from './structure/detect.ts';

describe('find and replace', () => {
  it('every cell whose text holds the string, each occurrence replaced; numbers by the text that types them', () => {
    const sheet = sheetFromRows([['地区', '人口'], ['北 区', 100], ['南 区 南', 2100]]);
    expect(findReplacements(sheet, ' ', '')).toEqual([
      { r: 1, c: 0, before: '北 区', after: '北区' },
      { r: 2, c: 0, before: '南 区 南', after: '南区南' },
    ]);
    expect(findReplacements(sheet, '21', '31')).toEqual([{ r: 2, c: 1, before: '2100', after: '3100' }]);
    expect(findReplacements(sheet, '', 'x')).toEqual([]);
  });

  it('a replaced text is typed into its cell: in a column of numbers `1,234` is the number', () => {
    const { workbook } = readWorkbook(fixtureBytes('population.xlsx'), 'population.xlsx');
    const sheet = workbook.sheets[0];
    const changes = replaceChanges(workbook, sheet, '(1,000人)', '(千人)', detectStructure(sheet).tables);
    expect(changes.map((c) => (c.kind === 'cell' ? `${c.r},${c.c}` : ''))).toEqual(['4,1', '4,2', '4,3', '4,5']);
    applyChanges(workbook, changes);
    expect(getValue(sheet, 4, 1)).toBe('(千人)');
  });

  it('is a recipe step that next year\'s file gets', () => {
    const { workbook } = readWorkbook(fixtureBytes('population.xlsx'), 'population.xlsx');
    const recipe = parseRecipe(JSON.stringify({ version: RECIPE_VERSION, source: { name: 'population.xlsx' }, steps: [{ kind: 'replace', sheet: workbook.sheets[0].name, find: '(1,000人)', replace: '(千人)' }] }));
    const [step] = replayRecipe(workbook, recipe);
    expect(step.changes).toHaveLength(4);
    expect(getValue(workbook.sheets[0], 4, 5)).toBe('(千人)');
    expect(() => parseRecipe(JSON.stringify({ ...recipe, steps: [{ kind: 'replace', sheet: 'x', find: '', replace: 'y' }] }))).toThrow(/replace/);
  });
});
