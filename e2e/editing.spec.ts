// Working like in a spreadsheet program: fix options as real controls, copy and paste of
// ranges, the title row kept in view.
import { expect, gridCell, openFile, test } from './fixtures.ts';

test('和暦 fix: 「元の和暦を右の列に残す」 is a checkbox, and checking it adds the column', async ({ page }) => {
  await page.goto('/');
  await openFile(page, 'shelters-sjis.csv');
  await expect(page.getByTestId('sheet-summary')).toContainText('7 行 × 6 列');
  await page.locator('button[data-fix="wareki"]').click();
  const preview = page.getByTestId('fix-preview');
  const keep = preview.getByRole('checkbox', { name: '元の和暦を右の列に残す' });
  await expect(keep).not.toBeChecked();
  await expect(preview).not.toContainText('列を追加');
  await keep.check();
  await expect(keep).toBeChecked();
  await expect(preview).toContainText('列 1 列を追加');
  await page.getByRole('button', { name: '適用', exact: true }).click();
  await expect(page.getByTestId('sheet-summary')).toContainText('7 行 × 7 列');
  await expect(gridCell(page, 0, 5)).toHaveText('指定日（和暦）');
  await expect(gridCell(page, 1, 4)).toHaveText('2019-04-01');
  await expect(gridCell(page, 1, 5)).toHaveText('平成31年4月1日');
});
