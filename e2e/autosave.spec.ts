// Never lose work: edits are saved in the browser as they are made; after a reload the
// page offers them back, with their undo history.
import { expect, gridCell, openFile, test } from './fixtures.ts';

test('edits and undo history survive a reload', async ({ page }) => {
  await page.goto('/');
  await openFile(page, 'population.xlsx');
  await expect(page.getByTestId('violation-count')).toHaveText('132');
  for (const [r, text] of [
    [5, '130000'],
    [6, '5700'],
  ] as const) {
    await gridCell(page, r, 1).dblclick();
    await page.locator('.ag-cell-inline-editing input').fill(text);
    await page.locator('.ag-cell-inline-editing input').press('Enter');
  }
  await expect(gridCell(page, 6, 1)).toHaveText('5,700');
  await page.waitForTimeout(1500); // the autosave waits for a pause in the work

  await page.reload();
  const banner = page.getByTestId('restore-banner');
  await expect(banner).toContainText('population.xlsx');
  await expect(banner).toContainText('2 手順');
  await banner.getByRole('button', { name: '復元する' }).click();
  await expect(gridCell(page, 5, 1)).toHaveText('130,000');
  await expect(gridCell(page, 6, 1)).toHaveText('5,700');
  await expect(page.getByTestId('violation-count')).toHaveText('132');
  await page.getByRole('button', { name: '元に戻す' }).click();
  await expect(gridCell(page, 6, 1)).toHaveText('5,683');

  // The one-button clear: nothing is offered after the next reload.
  await page.getByRole('button', { name: '保存データを消去' }).click();
  await page.reload();
  await expect(page.getByText('ファイルはこのパソコンの中だけで処理されます')).toBeVisible();
  await expect(page.getByTestId('restore-banner')).toHaveCount(0);
});
