// One-click fixes as a user applies them: preview, apply, 「すべて修正」 as one step, undo.
import fs from 'node:fs';
import { download, expect, fixedPopulation, fixture, gridCell, openFile, test, fixAll } from './fixtures.ts';

test('merged-cells: preview shows the changes, apply unmerges, undo restores the merges', async ({ page }) => {
  await page.goto('/');
  await openFile(page, 'population.xlsx');
  await expect(page.getByTestId('violation-count')).toHaveText('132');
  await page.locator('button[data-fix="merged-cells"]').click();
  const preview = page.getByTestId('fix-preview');
  await expect(preview).toContainText('セルの結合');
  await expect(preview).toContainText('手順5');
  await expect(preview).toContainText('結合 9 個を解除');
  await expect(preview.locator('.diff')).toContainText('D3'); // D3 (under the C3:D3 merge) gets 17年
  await expect(preview.locator('.diff')).toContainText('"17年"');
  await page.getByRole('button', { name: 'キャンセル' }).click();
  await expect(preview).toHaveCount(0);
  await expect(page.getByTestId('sheet-summary')).toContainText('結合 9');

  await page.locator('button[data-fix="merged-cells"]').click();
  await page.getByRole('button', { name: '適用', exact: true }).click();
  await expect(page.getByTestId('rule-count-merged-cells')).toHaveText('適合');
  await expect(page.getByTestId('sheet-summary')).not.toContainText('結合');
  await expect(gridCell(page, 2, 3)).toHaveText('17年');
  await page.getByRole('button', { name: '元に戻す' }).click();
  await expect(page.getByTestId('sheet-summary')).toContainText('結合 9');
  await expect(page.getByTestId('violation-count')).toHaveText('132');
});

test('population.xlsx: すべて修正 gives one title row and 48 data rows, caption and notes in the metadata; one undo brings it all back', async ({ page }) => {
  await fixedPopulation(page);
  await expect(gridCell(page, 0, 0)).toHaveText('都道府県');
  await expect(gridCell(page, 1, 0)).toHaveText('全国');
  await expect(gridCell(page, 2, 0)).toHaveText('北海道');
  await expect(page.getByTestId('meta-input-caption')).toHaveValue('2-2 都道府県別人口と人口増加率');
  await expect(page.getByTestId('meta-notes').locator('li')).toHaveCount(4);
  await expect(page.getByTestId('meta-input-source')).toHaveValue(/総務省統計局/);
  await expect(page.getByTestId('meta-input-creator')).toHaveValue('総務省統計局統計調査部国勢統計課');
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('sheet-summary')).toContainText('58 行 × 9 列');
  await expect(page.getByTestId('sheet-summary')).toContainText('結合 9');
  await expect(gridCell(page, 0, 0)).toHaveText('2-2 都道府県別人口と人口増加率');
  await expect(page.getByTestId('violation-count')).toHaveText('132');
  await page.keyboard.press('Control+y');
  await expect(page.getByTestId('sheet-summary')).toHaveText('49 行 × 9 列');
});

test('crushed-stone.xlsx: すべて修正 makes two tables', async ({ page }) => {
  await page.goto('/');
  await openFile(page, 'crushed-stone.xlsx');
  await expect(page.getByTestId('violation-count')).toHaveText('94');
  await fixAll(page);
  await expect(page.getByRole('tab')).toHaveCount(2);
  await expect(page.getByRole('tab', { name: '推移 (2)' })).toBeVisible();
  // The sheet tabs work from the keyboard: one tab stop, arrows move and show the sheet.
  const first = page.getByRole('tab', { name: '推移', exact: true });
  const second = page.getByRole('tab', { name: '推移 (2)' });
  await expect(first).toHaveAttribute('tabindex', '0');
  await expect(second).toHaveAttribute('tabindex', '-1');
  await expect(first).toHaveAttribute('aria-controls', 'sheet-panel');
  await expect(page.getByRole('tabpanel')).toHaveAccessibleName('推移');
  await first.focus();
  await page.keyboard.press('ArrowRight');
  await expect(second).toBeFocused();
  await expect(second).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel')).toHaveAccessibleName('推移 (2)');
  await page.keyboard.press('Home');
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('End');
  await expect(second).toHaveAttribute('aria-selected', 'true');
  // The caption loses what the layout-spaces rule calls layout (whether the space after an item number is, is the rule's call).
  await expect(page.getByTestId('meta-input-caption')).toHaveValue(/^\(2\) ?砕石の出荷\(用途別\)/);
  await page.getByRole('button', { name: '元に戻す' }).click();
  await expect(page.getByRole('tab')).toHaveCount(1);
  await expect(page.getByTestId('violation-count')).toHaveText('94');
});

test('ci-index.xlsx: すべて修正 fills every year cell in both year columns under one title row', async ({ page }) => {
  await page.goto('/');
  await openFile(page, 'ci-index.xlsx');
  await expect(page.getByTestId('violation-count')).toHaveText('33'); // 44 blank year cells count as 8 runs
  await fixAll(page);
  await expect(page.getByTestId('rule-count-omitted-cells')).toHaveText('適合');
  await expect(page.getByTestId('rule-count-multi-row-header')).toHaveText('適合');
  await expect(gridCell(page, 0, 3)).toHaveText(/^CI指数 \((H17|2005)=100\) 先行指数$/);
  // Row 2 (first data row) and row 3 (second month of the same year) both carry the year.
  await expect(gridCell(page, 2, 0)).not.toHaveText('');
  await expect(gridCell(page, 2, 1)).toHaveText('2009');
});

test('population.xlsx: after すべて修正 the downloaded CSV\'s data rows equal the guide\'s clean table', async ({ page }) => {
  const guide = fs.readFileSync(fixture('population-level1.tsv'), 'utf8').trim().split('\n').slice(2).map((l) => l.split('\t'));
  await fixedPopulation(page);
  const { bytes } = await download(page, () => page.getByRole('button', { name: 'CSVをダウンロード' }).click());
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const rows = text.trimEnd().split('\r\n').filter((l) => !l.startsWith('@')).map((l) => l.split(','));
  const data = rows.slice(-48);
  expect(data).toHaveLength(48);
  data.forEach((row, i) => {
    expect(row[0]).toBe(guide[i][0]);
    for (let c = 1; c < 9; c++) expect(Number(row[c]), `${guide[i][0]} column ${c + 1}`).toBeCloseTo(Number(guide[i][c]), 10);
  });
});

test('metadata edits are undoable commands', async ({ page }) => {
  await fixedPopulation(page);
  await expect(page.getByTestId('meta-input-caption')).toHaveValue('2-2 都道府県別人口と人口増加率');
  await expect(page.getByTestId('meta-input-date')).toHaveValue('2010-10-01'); // 10月1日現在 + 2010
  await page.getByTestId('meta-input-caption').fill('都道府県別人口と人口増加率');
  await page.getByTestId('meta-input-date').fill('平成22年9月30日');
  await page.getByTestId('meta-input-date').blur();
  await expect(page.getByTestId('meta-input-caption')).toHaveValue('都道府県別人口と人口増加率');
  await expect(page.getByTestId('meta-input-date')).toHaveValue('2010-09-30');
  await page.getByTestId('meta-input-date').fill('2010/13/01');
  await page.getByTestId('meta-input-date').blur();
  await expect(page.getByRole('alert')).toContainText('日付として読めません');
  await page.getByRole('button', { name: '元に戻す' }).click(); // the date
  await expect(page.getByTestId('meta-input-date')).toHaveValue('2010-10-01');
  await page.getByRole('button', { name: '元に戻す' }).click(); // the caption
  await expect(page.getByTestId('meta-input-caption')).toHaveValue('2-2 都道府県別人口と人口増加率');
});

test('ci-index.xlsx: すべて修正 shows first what it will do, with every cell the fill-down fills; a rule left out leaves its cells as they were', async ({ page }) => {
  await page.goto('/');
  await openFile(page, 'ci-index.xlsx');
  await expect(page.getByTestId('violation-count')).toHaveText('33');
  await page.getByRole('button', { name: 'すべて修正' }).click();
  const preview = page.getByTestId('fixall-preview');
  await expect(preview).toBeVisible();
  // Nothing is applied yet.
  await expect(page.getByRole('button', { name: '元に戻す' })).toBeDisabled();
  await expect(page.getByTestId('violation-count')).toHaveText('33');
  await expect(preview.getByTestId('fixall-rule-omitted-cells')).toContainText('省略されたセル');
  const filled = preview.getByTestId('fixall-filled');
  await expect(filled).toContainText('下へのコピーで埋まるセル');
  await expect(filled.locator('li').first()).toContainText('!A');
  // キャンセル: nothing happened.
  await preview.getByRole('button', { name: 'キャンセル' }).click();
  await expect(preview).toHaveCount(0);
  await expect(page.getByRole('button', { name: '元に戻す' })).toBeDisabled();
  // Left out, the fill-down fills nothing: its blanks are still reported.
  await fixAll(page, { leaveOut: ['omitted-cells'] });
  await expect(page.getByTestId('rule-count-multi-row-header')).toHaveText('適合');
  await expect(page.getByTestId('rule-count-omitted-cells')).not.toHaveText('適合');
  await expect(page.getByTestId('history').locator('li').last()).toContainText('すべて修正');
  // The next press does the rest.
  await fixAll(page);
  await expect(page.getByTestId('rule-count-omitted-cells')).toHaveText('適合');
});
