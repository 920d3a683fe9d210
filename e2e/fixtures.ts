// Shared e2e setup: every test records the page's requests and fails if any left the
// app's own origin (the product promise: files never leave the PC), and fails on any error
// AG Grid logs (a grid feature used without its module registered logs one and does nothing).
import { test as base, expect, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const FIXTURES = path.resolve(here, '..', 'test', 'fixtures');

export function fixture(name: string): string {
  return path.join(FIXTURES, name);
}

function isLocal(url: string): boolean {
  if (url.startsWith('blob:') || url.startsWith('data:')) return true;
  try {
    const u = new URL(url);
    return u.hostname === '127.0.0.1' || u.hostname === 'localhost';
  } catch {
    return false;
  }
}

export const test = base.extend<{ offOrigin: string[]; gridErrors: string[] }>({
  gridErrors: [
    async ({ page }, use) => {
      const seen: string[] = [];
      page.on('console', (m) => {
        if ((m.type() === 'error' || m.type() === 'warning') && m.text().includes('AG Grid')) seen.push(m.text());
      });
      await use(seen);
      expect(seen, 'AG Grid errors and warnings').toEqual([]);
    },
    { auto: true },
  ],
  offOrigin: [
    async ({ context }, use) => {
      const seen: string[] = [];
      context.on('request', (req) => {
        if (!isLocal(req.url())) seen.push(req.url());
      });
      await use(seen);
      expect(seen, 'requests that left 127.0.0.1').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Opens a file through the page's file input and waits for the grid. */
export async function openFile(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  await page.getByTestId('file-input').setInputFiles(typeof file === 'string' ? fixture(file) : file);
}

/** The grid cell at zero-based row r and zero-based column c (colId). */
export function gridCell(page: Page, r: number, c: number) {
  return page.locator(`[data-testid="sheet-grid"] .ag-row[row-index="${r}"] .ag-cell[col-id="${c}"]`);
}

/** Clicks something that downloads a file; returns its suggested name and its bytes. */
export async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const pending = page.waitForEvent('download');
  await click();
  const d = await pending;
  return { name: d.suggestedFilename(), bytes: fs.readFileSync(await d.path()) };
}

/**
 * 「すべて修正」 as the user does it: the button shows what it will do, 「適用」 does it.
 * `leaveOut`: rules whose box is unticked first.
 */
export async function fixAll(page: Page, options: { lang?: 'ja' | 'en'; leaveOut?: string[] } = {}): Promise<void> {
  const en = options.lang === 'en';
  await page.getByRole('button', { name: en ? 'Fix all' : 'すべて修正' }).click();
  const preview = page.getByTestId('fixall-preview');
  await expect(preview).toBeVisible({ timeout: 60_000 });
  for (const rule of options.leaveOut ?? []) await preview.getByTestId(`fixall-rule-${rule}`).getByRole('checkbox').uncheck();
  await preview.getByRole('button', { name: en ? 'Apply' : '適用' }).click();
}

/** population.xlsx opened and cleaned with 「すべて修正」: one title row and 48 data rows. */
export async function fixedPopulation(page: Page): Promise<void> {
  await page.goto('/');
  await openFile(page, 'population.xlsx');
  await expect(page.getByTestId('violation-count')).toHaveText('132');
  await fixAll(page);
  await expect(page.getByTestId('sheet-summary')).toHaveText('49 行 × 9 列');
}
