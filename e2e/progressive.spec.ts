// Big files: the first rows are on screen while the rest is read (the progress bar still
// showing), nothing can be changed until the file is whole, and Cancel brings back the
// document that was open before, edits and undo history included.
import { generateWorkbookBytes, districtName } from '../bench/generateWorkbook.ts';
import { encodeCsv } from '../src/core/io/encodeText.ts';
import { expect, gridCell, openFile, test } from './fixtures.ts';
import type { Page } from '@playwright/test';

test.describe.configure({ timeout: 180_000 });

let xlsx: Buffer;
test.beforeAll(() => {
  xlsx = Buffer.from(generateWorkbookBytes({ rows: 100_000, cols: 20 }));
});

function bigCsv(rows: number): Buffer {
  const lines = ['地区名,団体コード,' + Array.from({ length: 18 }, (_, i) => `項目${i + 1}`).join(',')];
  for (let r = 0; r < rows; r++) lines.push([districtName(r), String(10000 + (r % 90000)), ...Array.from({ length: 18 }, (_, i) => String((r * 31 + i * 7) % 100000))].join(','));
  return Buffer.from(encodeCsv(lines.join('\r\n') + '\r\n', 'shift_jis'));
}

/** Waits for a moment when the first data row is drawn and the progress bar is still up. */
async function previewWhileLoading(page: Page, r: number, text: string) {
  await page.waitForFunction(
    ({ r, text }) => {
      const progress = document.querySelector('[data-testid="load-progress"]');
      const cell = document.querySelector(`[data-testid="sheet-grid"] .ag-row[row-index="${r}"] .ag-cell[col-id="0"]`);
      return progress !== null && cell?.textContent === text;
    },
    { r, text },
    { timeout: 60_000, polling: 50 },
  );
}

async function editedPopulation(page: Page) {
  await page.goto('/');
  await openFile(page, 'population.xlsx');
  await expect(page.getByTestId('violation-count')).toHaveText('132');
  await gridCell(page, 5, 1).dblclick();
  await page.keyboard.type('999');
  await page.keyboard.press('Enter');
  await expect(gridCell(page, 5, 1)).toHaveText('999');
}

test('100k-row .xlsx: first rows while the progress bar is still up, read-only until whole, then all rows in place', async ({ page }) => {
  page.on('dialog', (d) => void d.accept()); // "discard the edits?" when opening over the edited document
  await editedPopulation(page);
  await openFile(page, { name: 'big.xlsx', mimeType: 'application/octet-stream', buffer: xlsx });
  await previewWhileLoading(page, 4, districtName(0));
  await expect(page.getByTestId('sheet-summary')).toContainText('先頭');
  await expect(page.getByRole('note')).toContainText('読み込みが終わるまで編集・修正・ダウンロードはできません');
  // The progress is a real percentage.
  await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', /\d+/);
  // Read-only: a double click opens no editor; the panel's controls are disabled.
  await gridCell(page, 6, 0).dblclick();
  await expect(page.locator('[data-testid="sheet-grid"] .ag-cell-inline-editing')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'CSVをダウンロード' })).toBeDisabled();
  // The user scrolls down the preview; the whole sheet arrives without moving the view.
  await gridCell(page, 6, 0).click();
  await page.keyboard.press('PageDown');
  await page.keyboard.press('PageDown');
  const focusedRow = Number(await page.locator('[data-testid="sheet-grid"] .ag-row:has(.ag-cell-focus)').first().getAttribute('row-index'));
  expect(focusedRow).toBeGreaterThan(20);
  await expect(page.getByTestId('load-progress')).toHaveCount(0, { timeout: 120_000 });
  await expect(page.getByTestId('sheet-summary')).toContainText('100004 行 × 20 列');
  await expect(gridCell(page, focusedRow, 0)).toBeInViewport();
  await expect(gridCell(page, 0, 0)).not.toBeInViewport();
  // Editable now.
  await gridCell(page, focusedRow, 0).dblclick();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('編集できる');
  await page.keyboard.press('Enter');
  await expect(gridCell(page, focusedRow, 0)).toHaveText('編集できる');
});

test('Cancel stops the read and brings back the previous document with its edit and undo', async ({ page }) => {
  page.on('dialog', (d) => void d.accept());
  await editedPopulation(page);
  await openFile(page, { name: 'big.xlsx', mimeType: 'application/octet-stream', buffer: xlsx });
  await previewWhileLoading(page, 4, districtName(0));
  await page.getByTestId('load-cancel').click();
  await expect(page.getByTestId('load-progress')).toHaveCount(0);
  await expect(gridCell(page, 5, 1)).toHaveText('999');
  await expect(page.getByTestId('violation-count')).toHaveText(/\d+/);
  await expect(page.getByRole('alert')).toHaveCount(0);
  // The adopted document is fully usable: undo reaches the worker, and export works.
  await page.keyboard.press('Control+z');
  await expect(gridCell(page, 5, 1)).not.toHaveText('999');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'CSVをダウンロード' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.csv$/);
});

test('100k-row Shift_JIS CSV: first rows while the rest is parsed', async ({ page }) => {
  await page.goto('/');
  await openFile(page, { name: 'big.csv', mimeType: 'text/csv', buffer: bigCsv(100_000) });
  await previewWhileLoading(page, 1, districtName(0));
  await expect(page.getByTestId('load-progress')).toHaveCount(0, { timeout: 120_000 });
  await expect(page.getByTestId('sheet-summary')).toContainText('100001 行 × 20 列');
});
