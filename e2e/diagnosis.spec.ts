// The diagnosis as a user sees it: every fixture's violations counted in the panel,
// highlighted on the grid, explained on hover, walked through from the panel, kept up to
// date after an edit, and re-run when the user corrects the detected structure.
import { expect, gridCell, openFile, test } from './fixtures.ts';

const EXPECTED: Record<string, { total: number; rules: Record<string, string>; highlight: [number, number, RegExp] }> = {
  'population.xlsx': {
    total: 132,
    rules: { 'merged-cells': '9', wareki: '5', 'caption-notes': '5', 'number-as-text': '2', 'one-table': '適合' },
    highlight: [5, 7, /\bv-value\b/], // a)343.4
  },
  'crushed-stone.xlsx': { total: 94, rules: { 'one-table': '3', 'special-symbols': '18', wareki: '38' }, highlight: [9, 1, /\bv-value\b/] }, // ... in B10
  'ci-index.xlsx': { total: 33, rules: { 'omitted-cells': '8', wareki: '1' }, highlight: [5, 0, /\bv-merge\b/] }, // blank year A6
  'industry.xlsx': { total: 18, rules: { 'caption-notes': '3', 'merged-cells': '3' }, highlight: [3, 2, /\bv\b/] }, // 従業者数\n(人)
  'county-income.csv': { total: 65, rules: { 'number-as-text': '63' }, highlight: [1, 4, /\bv-value\b/] }, // "2,069,212"
  'shelters-sjis.csv': { total: 22, rules: { wareki: '6', 'special-symbols': '1' }, highlight: [1, 4, /\bv-date\b/] }, // 平成31年4月1日
};

for (const [file, expected] of Object.entries(EXPECTED)) {
  test(`${file}: the panel counts every violation`, async ({ page }) => {
    await page.goto('/');
    await openFile(page, file);
    await expect(page.getByTestId('violation-count')).toHaveText(String(expected.total));
    for (const [rule, count] of Object.entries(expected.rules)) {
      await expect(page.getByTestId(`rule-count-${rule}`)).toHaveText(count);
    }
    await expect(page.getByTestId('conformance-score')).toContainText('ルール');
    const [r, c, cls] = expected.highlight;
    await expect(gridCell(page, r, c)).toHaveClass(cls);
  });
}

test('population.xlsx: highlights, tooltip, walking through a rule, live update after an edit', async ({ page }) => {
  await page.goto('/');
  await openFile(page, 'population.xlsx');
  await expect(page.getByTestId('violation-count')).toHaveText('132');

  // Highlighted per rule family: a)343.4 is a value problem, the merged caption a merge.
  await expect(gridCell(page, 5, 7)).toHaveClass(/\bv-value\b/);
  await expect(gridCell(page, 0, 0)).toHaveClass(/\bv\b/);
  await expect(gridCell(page, 6, 1)).not.toHaveClass(/\bv\b/); // 北海道 2000: a clean number

  // The tooltip names the rule, says what is wrong and where the rule comes from.
  await gridCell(page, 5, 7).hover();
  const tooltip = page.locator('.ag-tooltip');
  await expect(tooltip).toContainText('a)');
  await expect(tooltip).toContainText('343.4');
  await expect(tooltip).toContainText('総務省 1-2');
  // One line per thing it tells: the value, then each finding.
  await expect(tooltip).toHaveCSS('white-space', 'pre-line');
  expect((await tooltip.innerText()).split('\n').length).toBeGreaterThan(1);

  // Clicking a rule goes to its first cell, clicking again to the next.
  await page.locator('button[data-rule="merged-cells"]').click();
  await expect(page.getByTestId('cell-address')).toHaveText('A1');
  await expect(page.locator('.violations-panel [role="status"]')).toContainText('1 / 9 件目');
  await page.locator('button[data-rule="merged-cells"]').click();
  await expect(page.getByTestId('cell-address')).toHaveText('A3');
  await expect(gridCell(page, 2, 0)).toHaveClass(/v-active/);

  // Walking to a cell far down scrolls the grid to it.
  await page.locator('button[data-rule="caption-notes"]').click();
  await page.locator('button[data-rule="caption-notes"]').click();
  await expect(page.getByTestId('cell-address')).toHaveText('A55');
  await expect(gridCell(page, 54, 0)).toBeVisible();

  // Fixing a)343.4 by hand removes its violation; undo brings it back. The panel brings
  // the cell back into view: H3, D4, then H6.
  for (let i = 0; i < 3; i++) await page.locator('button[data-rule="labels-in-values"]').click();
  await expect(page.getByTestId('cell-address')).toHaveText('H6');
  await gridCell(page, 5, 7).dblclick();
  await page.locator('.ag-cell-inline-editing input').fill('343.4');
  await page.locator('.ag-cell-inline-editing input').press('Enter');
  await expect(page.getByTestId('violation-count')).toHaveText('131');
  await expect(page.getByTestId('rule-count-labels-in-values')).toHaveText('2');
  await expect(gridCell(page, 5, 7)).not.toHaveClass(/\bv\b/);
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('violation-count')).toHaveText('132');
});

test('the user corrects the detected header and everything re-runs', async ({ page }) => {
  await page.goto('/');
  await openFile(page, 'population.xlsx');
  await expect(page.getByTestId('structure-header')).toHaveText('3〜5行目');
  await expect(page.getByTestId('structure-data')).toHaveText('6〜53行目');
  await page.getByTestId('structure-t1').getByRole('button', { name: '修正' }).click();
  await page.getByTestId('override-header-end').fill('3');
  await page.getByTestId('override-data-start').fill('4');
  await page.getByRole('button', { name: '適用', exact: true }).click();
  await expect(page.getByTestId('structure-header')).toHaveText('3');
  await expect(page.getByTestId('structure-data')).toHaveText('4〜53行目');
  await expect(page.getByText('手動で修正済み')).toBeVisible();
  // A one-row header now: no multi-row-header violation.
  await expect(page.getByTestId('rule-count-multi-row-header')).toHaveText('適合');
  await page.getByRole('button', { name: '自動検出に戻す' }).click();
  await expect(page.getByTestId('structure-header')).toHaveText('3〜5行目');
  await expect(page.getByTestId('violation-count')).toHaveText('132');
});

test('crushed-stone.xlsx: a finding about a whole table is told on its first cell, not on each of its cells', async ({ page }) => {
  await page.goto('/');
  await openFile(page, 'crushed-stone.xlsx');
  await expect(page.getByTestId('violation-count')).toHaveText('94');
  const tooltip = page.locator('.ag-tooltip');
  await gridCell(page, 0, 0).hover();
  await expect(tooltip).toContainText('1シートに1つの表');
  await page.mouse.move(0, 0);
  await expect(tooltip).toHaveCount(0);
  await gridCell(page, 10, 3).hover();
  await expect(tooltip).toBeVisible();
  await expect(tooltip).not.toContainText('1シートに1つの表');
});

test('the side panel\'s parts are one click away: 表の構造 and 履歴 without scrolling past the rules', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto('/');
  await openFile(page, 'population.xlsx');
  await expect(page.getByTestId('violation-count')).toHaveText('132');
  const nav = page.getByRole('navigation', { name: '右の欄の見出しへ' });
  await expect(page.getByTestId('structure-t1')).not.toBeInViewport();
  await nav.getByRole('button', { name: '表の構造' }).click();
  await expect(page.getByTestId('structure-t1')).toBeInViewport();
  await nav.getByRole('button', { name: '履歴' }).click();
  await expect(page.getByTestId('history')).toBeInViewport();
  await expect(nav).toBeInViewport();
});
