// Next year's file in one click: clean this year's table, save the recipe, apply it to
// next year's edition, download — and get byte for byte what the CLI makes of the same
// file with the same recipe.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as XLSX from 'xlsx';
import type { Page } from '@playwright/test';
import { expect, fixture, gridCell, openFile, test } from './fixtures.ts';

/** population.xlsx as next year's edition: every 2000 population +1, 北海道 and 青森 swapped. */
function nextEdition(): Buffer {
  const wb = XLSX.read(fs.readFileSync(fixture('population.xlsx')), { cellStyles: true, cellNF: true });
  const ws = wb.Sheets['2-2'];
  for (let r = 6; r <= 53; r++) {
    const cell = ws[`B${r}`];
    if (cell && cell.t === 'n') cell.v = (cell.v as number) + 1;
  }
  for (const col of 'ABCDEFGHI') {
    const a = ws[`${col}7`];
    ws[`${col}7`] = ws[`${col}8`];
    ws[`${col}8`] = a;
  }
  return Buffer.from(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', cellStyles: true }));
}

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const pending = page.waitForEvent('download');
  await click();
  const d = await pending;
  return { name: d.suggestedFilename(), bytes: fs.readFileSync(await d.path()) };
}

test('a recipe saved in the browser cleans next year\'s file exactly as the CLI does', async ({ page }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seiton-recipe-'));
  await page.goto('/');
  await openFile(page, 'population.xlsx');
  await expect(page.getByTestId('violation-count')).toHaveText('86');
  await page.getByRole('button', { name: 'すべて修正' }).click();
  await expect(page.getByTestId('sheet-summary')).toHaveText('49 行 × 9 列');
  // A manual edit, recorded by row key (北海道) and column title.
  await gridCell(page, 2, 7).dblclick();
  await page.locator('.ag-cell-inline-editing input').fill('70.3');
  await page.locator('.ag-cell-inline-editing input').press('Enter');
  await page.getByTestId('meta-input-date').fill('2010-10-01');
  await page.getByTestId('meta-input-date').blur();

  const recipe = await download(page, () => page.getByRole('button', { name: 'レシピを保存' }).click());
  expect(recipe.name).toBe('population.recipe.json');
  const recipePath = path.join(dir, recipe.name);
  fs.writeFileSync(recipePath, recipe.bytes);
  const steps = JSON.parse(recipe.bytes.toString('utf8')).steps.map((s: { kind: string }) => s.kind);
  expect(steps).toEqual(['fixAll', 'edit', 'meta']);

  // Next year's edition, in the browser.
  const next = nextEdition();
  const nextPath = path.join(dir, 'population.xlsx');
  fs.writeFileSync(nextPath, next);
  await page.reload();
  await openFile(page, { name: 'population.xlsx', mimeType: 'application/octet-stream', buffer: next });
  await expect(page.getByTestId('violation-count')).toHaveText('86');
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
  expect(text).toContain('@Date,2010-10-01');
  expect(text).toMatch(/\r\n北海道,5684,[^\r]*,70\.3,/); // +1 from the new edition, the edit found by its key
  fs.rmSync(dir, { recursive: true, force: true });
});
