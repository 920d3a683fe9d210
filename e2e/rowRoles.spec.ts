// 「行の役割」: right click (or Shift+F10) on a row of the grid says what the row is; the
// correction wins over the detection in 「すべて修正」 and the metadata. Published files are
// read from ../shared/corpus at run time; those tests are skipped, saying so, when it is absent.
import fs from 'node:fs';
import * as XLSX from 'xlsx';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, gridCell, openFile, test, fixAll } from './fixtures.ts';

const CORPUS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'corpus');
const corpus = (name: string) => path.join(CORPUS, name);
const corpusFile = (name: string) => ({ name: path.basename(name), mimeType: 'application/octet-stream', buffer: fs.readFileSync(corpus(name)) });

test('population.xlsx: the first data row marked 見出し from the keyboard joins the header', async ({ page }) => {
  await page.goto('/');
  await openFile(page, 'population.xlsx');
  await expect(page.getByTestId('violation-count')).toHaveText('132');
  await expect(page.getByTestId('structure-header')).toHaveText('3〜5行目');
  await expect(page.getByTestId('structure-data')).toHaveText('6〜53行目');
  await gridCell(page, 5, 0).click();
  await page.keyboard.press('Shift+F10');
  const menu = page.getByTestId('row-role-menu');
  await expect(menu).toBeVisible();
  await expect(menu).toHaveAccessibleName('6 の役割');
  await expect(page.getByTestId('row-role-caption')).toBeFocused();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('row-role-header')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(menu).toHaveCount(0);
  await expect(page.getByTestId('structure-header')).toHaveText('3〜6行目');
  await expect(page.getByTestId('structure-data')).toHaveText('7〜53行目');
  await expect(page.getByTestId('structure-marked')).toHaveText('役割を指定した行: 6 見出し');
  await expect(page.getByText('手動で修正済み')).toBeVisible();
  // Escape closes the menu without a change; 「自動検出に戻す」 takes the mark away.
  await gridCell(page, 10, 0).click({ button: 'right' });
  await expect(menu).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(page.getByTestId('structure-data')).toHaveText('7〜53行目');
  await page.getByRole('button', { name: '自動検出に戻す' }).click();
  await expect(page.getByTestId('structure-data')).toHaveText('6〜53行目');
  await expect(page.getByTestId('violation-count')).toHaveText('132');
});

test('jinkou2708.xls: the 2015年8月1日現在 row marked 日付 → すべて修正 → @Date and @Creator filled, neither in a title', async ({ page }) => {
  test.skip(!fs.existsSync(corpus('kobe-opendata/jinkou2708.xls')), `kobe-opendata/jinkou2708.xls is not in ${CORPUS}`);
  test.setTimeout(120_000);
  await page.goto('/');
  await openFile(page, corpusFile('kobe-opendata/jinkou2708.xls'));
  await expect(page.getByTestId('violation-count')).toBeVisible({ timeout: 60_000 });
  // Row 6 holds 平成27年８月1日現在 in A and 神戸市企画調整局政策企画部総合計画課 in L.
  await expect(gridCell(page, 5, 0)).toContainText('平成27年');
  await gridCell(page, 5, 0).click({ button: 'right' });
  await page.getByTestId('row-role-date').click();
  await expect(page.getByTestId('structure-marked').first()).toHaveText('役割を指定した行: 6 日付');
  await fixAll(page);
  await expect(page.getByRole('button', { name: '修正中…' })).toHaveCount(0, { timeout: 60_000 });
  await expect(page.getByTestId('meta-input-date')).toHaveValue('2015-08-01');
  await expect(page.getByTestId('meta-input-creator')).toHaveValue(/^神戸市企画調整局/);
  const titles = await page.locator('[data-testid="sheet-grid"] .ag-row[row-index="0"] .ag-cell').allTextContents();
  for (const title of titles) expect(title).not.toMatch(/現在|企画調整局/);
});

test('two tables one under another, read as one: 「ここで表を分ける」 makes two, and すべて修正 gives each its sheet', async ({ page }) => {
  const ws = XLSX.utils.aoa_to_sheet([['地区', '人口'], ['北区', 100], ['南区', 200], ['東区', 300], ['区分', '件数'], ['A', 5], ['B', 6], ['C', 7]]);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '集計');
  const buffer = Buffer.from(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }));
  await page.goto('/');
  await openFile(page, { name: 'stacked.xlsx', mimeType: 'application/octet-stream', buffer });
  await expect(page.getByTestId('structure-t1')).toBeVisible();
  await expect(page.getByTestId('structure-t2')).toHaveCount(0);
  await gridCell(page, 4, 0).click({ button: 'right' });
  await page.getByTestId('row-split').click();
  await expect(page.getByTestId('structure-t2')).toBeVisible();
  await expect(page.getByTestId('structure-t1').getByTestId('structure-data')).toHaveText('2〜4行目');
  await expect(page.getByTestId('structure-t2').getByTestId('structure-header')).toHaveText('5');
  await expect(page.getByTestId('structure-t2').getByTestId('structure-data')).toHaveText('6〜8行目');
  // 「次の表とつなげる」 takes the split back; splitting again gives the two tables.
  await gridCell(page, 1, 0).click({ button: 'right' });
  await page.getByTestId('row-join').click();
  await expect(page.getByTestId('structure-t2')).toHaveCount(0);
  await expect(page.getByTestId('structure-t1').getByTestId('structure-data')).toHaveText('2〜8行目');
  await gridCell(page, 4, 0).click({ button: 'right' });
  await page.getByTestId('row-split').click();
  await expect(page.getByTestId('structure-t2')).toBeVisible();
  await fixAll(page);
  await expect(page.getByRole('tab')).toHaveCount(2);
  await page.getByRole('tab', { name: '集計 (2)' }).click();
  await expect(gridCell(page, 0, 0)).toHaveText('区分');
});
