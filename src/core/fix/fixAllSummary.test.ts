import { describe, expect, it } from 'vitest';
import { fixtureBytes } from '../../../test/fixtures.ts';
import { readWorkbook } from '../io/read.ts';
import { RECIPE_VERSION, parseRecipe, replayRecipe } from '../recipe.ts';
import { summarizeFixAll } from './fixAllSummary.ts';
import { fixAllInPlace, planFixAll } from './runFixes.ts';

const open = (name: string) => readWorkbook(fixtureBytes(name), name).workbook;

describe('the fix-all preview', () => {
  it('ci-index.xlsx: per rule in the order of 「すべて修正」, with examples, and every cell the fill-down fills', () => {
    const wb = open('ci-index.xlsx');
    const { changes } = fixAllInPlace(wb);
    const s = summarizeFixAll(wb, changes);
    expect(s.changes).toBe(changes.length);
    const omitted = s.rules.find((r) => r.ruleId === 'omitted-cells')!;
    expect(omitted.cells).toBeGreaterThan(0);
    expect(s.filledCount).toBe(changes.filter((c) => c.kind === 'cell' && c.ruleId === 'omitted-cells').length);
    expect(s.filled).toHaveLength(s.filledCount);
    for (const f of s.filled) expect(f.before).toBe('');
    for (const r of s.rules) expect(r.samples.length).toBeLessThanOrEqual(3);
    const ids = s.rules.map((r) => r.ruleId);
    expect(ids.indexOf('merged-cells')).toBeLessThan(ids.indexOf('omitted-cells'));
  });

  it('a rule left out changes nothing; the recipe step says so and replays the same', () => {
    const wb = open('ci-index.xlsx');
    const all = planFixAll(wb);
    const without = planFixAll(wb, undefined, {}, [], ['omitted-cells']);
    expect(all.some((c) => c.ruleId === 'omitted-cells')).toBe(true);
    expect(without.some((c) => c.ruleId === 'omitted-cells')).toBe(false);
    const recipe = parseRecipe(JSON.stringify({ version: RECIPE_VERSION, source: { name: 'ci-index.xlsx' }, steps: [{ kind: 'fixAll', skip: ['omitted-cells'] }] }));
    const [step] = replayRecipe(wb, recipe);
    expect(step.changes.some((c) => c.ruleId === 'omitted-cells')).toBe(false);
    expect(() => parseRecipe(JSON.stringify({ ...recipe, steps: [{ kind: 'fixAll', skip: ['no-such-rule'] }] }))).toThrow(/unknown rule/);
  });
});
