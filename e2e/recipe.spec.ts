// Next year's file in one click: clean this year's table, save the recipe, apply it to
// next year's edition, download — and get byte for byte what the CLI makes of the same
// file with the same recipe.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { nextPopulationEdition } from '../test/nextEdition.ts';
import { download, expect, fixedPopulation, gridCell, openFile, test } from './fixtures.ts';

test('a recipe saved in the browser cleans next year\'s file exactly as the CLI does', async ({ page }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seiton-recipe-'));
  await fixedPopulation(page);
  // A manual edit, recorded by row key (北海道) and column title.
  await gridCell(page, 2, 7).dblclick();
  await page.locator('.ag-cell-inline-editing input').fill('70.3');
  await page.locator('.ag-cell-inline-editing input').press('Enter');
  // 「すべて修正」 found 2010-10-01 (10月1日現在); the user sets another date, typed as 和暦.
  await page.getByTestId('meta-input-date').fill('平成22年9月30日');
  await page.getByTestId('meta-input-date').blur();

  const recipe = await download(page, () => page.getByRole('button', { name: 'レシピを保存' }).click());
  expect(recipe.name).toBe('population.recipe.json');
  const recipePath = path.join(dir, recipe.name);
  fs.writeFileSync(recipePath, recipe.bytes);
  const steps = JSON.parse(recipe.bytes.toString('utf8')).steps.map((s: { kind: string }) => s.kind);
  expect(steps).toEqual(['fixAll', 'edit', 'meta']);

  // Next year's edition, in the browser.
  const next = Buffer.from(nextPopulationEdition());
  const nextPath = path.join(dir, 'population.xlsx');
  fs.writeFileSync(nextPath, next);
  await page.reload();
  await openFile(page, { name: 'population.xlsx', mimeType: 'application/octet-stream', buffer: next });
  await expect(page.getByTestId('violation-count')).toHaveText('132');
  await page.getByTestId('recipe-input').setInputFiles(recipePath);
  await expect(page.getByTestId('recipe-report')).toContainText('3 / 3 手順');
  await expect(page.getByTestId('sheet-summary')).toHaveText('49 行 × 9 列');
  const browserCsv = await download(page, () => page.getByRole('button', { name: 'CSVをダウンロード' }).click());

  // The same file and recipe through the CLI.
  const out = path.join(dir, 'out');
  execFileSync(process.execPath, ['cli/seiton.mjs', 'clean', nextPath, '--recipe', recipePath, '--out', out, '--jobs', '1'], { stdio: 'pipe' });
  const cliCsv = fs.readFileSync(path.join(out, browserCsv.name));
  expect(browserCsv.bytes.equals(cliCsv)).toBe(true);
  const text = cliCsv.toString('utf8');
  expect(text).toContain('@Date,2010-09-30');
  expect(text).toMatch(/\r\n北海道,5684,[^\r]*,70\.3,/); // +1 from the new edition, the edit found by its key
  fs.rmSync(dir, { recursive: true, force: true });
});
