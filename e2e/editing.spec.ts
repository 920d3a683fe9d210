// Working like in a spreadsheet program: fix options as real controls, copy and paste of
// ranges, the title row kept in view.
import { expect, fixedPopulation, gridCell, openFile, test } from './fixtures.ts';

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

test('a 3×3 range copied with Ctrl+C is TSV on the clipboard; Ctrl+V pastes it elsewhere as one undoable step', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await fixedPopulation(page);
  const texts = async (r0: number, c0: number) => {
    const out: string[][] = [];
    for (let r = r0; r < r0 + 3; r++) {
      const row: string[] = [];
      for (let c = c0; c < c0 + 3; c++) row.push((await gridCell(page, r, c).innerText()).trim());
      out.push(row);
    }
    return out;
  };
  const copied = await texts(1, 1);
  const before = await texts(10, 1);
  // Shift-arrows stretch the range from the clicked cell.
  await gridCell(page, 1, 1).click();
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(page.locator('[data-testid="sheet-grid"] .cell-in-range')).toHaveCount(9);
  await page.keyboard.press('Control+c');
  const clipboard = await page.evaluate(() => navigator.clipboard.readText());
  expect(clipboard).toBe(copied.map((row) => `${row.join('\t')}\r\n`).join(''));

  // Shift-click selects a range too.
  await gridCell(page, 20, 2).click();
  await gridCell(page, 21, 4).click({ modifiers: ['Shift'] });
  await expect(page.locator('[data-testid="sheet-grid"] .cell-in-range')).toHaveCount(6);

  await gridCell(page, 10, 1).click();
  await expect(page.locator('[data-testid="sheet-grid"] .cell-in-range')).toHaveCount(0);
  await page.keyboard.press('Control+v');
  await expect.poll(() => texts(10, 1)).toEqual(copied);
  await expect(page.getByRole('button', { name: '元に戻す' })).toHaveAttribute('title', /B11:D13 への貼り付け/);
  await page.keyboard.press('Control+z');
  await expect.poll(() => texts(10, 1)).toEqual(before);
});

test('the title row stays at the top after scrolling to the last row', async ({ page }) => {
  await fixedPopulation(page);
  const frozen = page.locator('[data-testid="sheet-grid"] .ag-grid-pinned-top-rows .ag-row .ag-cell[col-id="0"]');
  // At the top the title row shows once, as itself; its copy stays in view after scrolling.
  await expect(gridCell(page, 0, 0)).toHaveText('都道府県');
  await expect(frozen).toHaveCount(0);
  await page.locator('[data-testid="sheet-grid"] .ag-grid-viewport').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(gridCell(page, 48, 0)).toBeInViewport();
  await expect(gridCell(page, 0, 0)).not.toBeInViewport();
  await expect(frozen).toBeInViewport();
  await expect(frozen).toHaveText('都道府県');
});

test('typing 1,234 into a column of numbers stores the number 1234, as Excel does; in a text column it stays as typed', async ({ page }) => {
  await page.goto('/');
  await openFile(page, 'population.xlsx');
  await expect(page.getByTestId('violation-count')).toHaveText('132');
  const type = async (r: number, c: number, text: string) => {
    await gridCell(page, r, c).dblclick();
    await page.locator('.ag-cell-inline-editing input').fill(text);
    await page.locator('.ag-cell-inline-editing input').press('Enter');
  };
  await type(6, 1, '1,234');
  await gridCell(page, 6, 1).click();
  // A number is shown as it is stored, without quotes; a text in quotes.
  await expect(page.getByTestId('cell-value')).toHaveText('1234');
  await type(6, 0, '1,234');
  await gridCell(page, 6, 0).click();
  await expect(page.getByTestId('cell-value')).toHaveText('"1,234"');
});

test('検索と置換: Ctrl+H, the cells that change shown first, すべて置換 as one undoable step', async ({ page }) => {
  await page.goto('/');
  await openFile(page, 'population.xlsx');
  await expect(page.getByTestId('violation-count')).toHaveText('132');
  await gridCell(page, 6, 0).click();
  await page.keyboard.press('Control+h');
  await expect(page.getByTestId('replace-find')).toBeFocused();
  await page.getByTestId('replace-find').fill('(1,000人)');
  await page.getByTestId('replace-with').fill('(千人)');
  await page.getByRole('button', { name: '置換する箇所を表示' }).click();
  const preview = page.getByTestId('replace-preview');
  await expect(preview).toContainText('4 個のセルが変わります。');
  await expect(preview).toContainText('B5');
  await expect(gridCell(page, 4, 1)).toHaveText('(1,000人)');
  await preview.getByRole('button', { name: 'すべて置換' }).click();
  await expect(gridCell(page, 4, 1)).toHaveText('(千人)');
  await expect(gridCell(page, 4, 5)).toHaveText('(千人)');
  await expect(page.getByRole('button', { name: '元に戻す' })).toHaveAttribute('title', /置換「\(1,000人\)」→「\(千人\)」/);
  await page.keyboard.press('Control+z');
  await expect(gridCell(page, 4, 1)).toHaveText('(1,000人)');
});

test('rows and columns inserted and deleted from the context menu, each one undoable step', async ({ page }) => {
  await page.goto('/');
  await openFile(page, 'population.xlsx');
  await expect(page.getByTestId('violation-count')).toHaveText('132');
  const summary = page.getByTestId('sheet-summary');
  await expect(summary).toContainText('58 行 × 9 列');
  await gridCell(page, 6, 0).click({ button: 'right' });
  await page.getByTestId('rows-insert').click();
  await expect(summary).toContainText('59 行 × 9 列');
  await expect(gridCell(page, 6, 0)).toHaveText('');
  await expect(gridCell(page, 7, 0)).toHaveText('北海道');
  await expect(page.getByRole('button', { name: '元に戻す' })).toHaveAttribute('title', /7行目に1行を挿入/);
  await page.keyboard.press('Control+z');
  await expect(summary).toContainText('58 行 × 9 列');
  await gridCell(page, 6, 2).click({ button: 'right' });
  await page.getByTestId('column-delete').click();
  await expect(summary).toContainText('58 行 × 8 列');
  await page.keyboard.press('Control+z');
  await expect(summary).toContainText('58 行 × 9 列');
  await expect(gridCell(page, 6, 0)).toHaveText('北海道');
});
