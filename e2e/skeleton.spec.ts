// The walking skeleton as a user meets it: open, look, edit, undo, download, errors.
import fs from 'node:fs';
import * as XLSX from 'xlsx';
import { expect, fixture, gridCell, openFile, test } from './fixtures.ts';

test('population.xlsx: grid, edit, undo/redo, CSV download', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByText('ファイルはこのパソコンの中だけで処理されます')).toBeVisible();
  await openFile(page, 'population.xlsx');

  await expect(page.getByRole('grid')).toBeVisible();
  await expect(page.getByRole('tab', { name: '2-2' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('sheet-summary')).toContainText('58 行 × 9 列');
  await expect(page.getByTestId('sheet-summary')).toContainText('結合 9');
  // Formatted as Excel shows it (#,##0), and the text cell as typed.
  await expect(gridCell(page, 5, 1)).toHaveText('126,926');
  await expect(gridCell(page, 5, 7)).toHaveText('a)343.4');
  await expect(gridCell(page, 0, 0)).toHaveText('2-2 都道府県別人口と人口増加率');
  await expect(gridCell(page, 0, 0)).toHaveClass(/cell-merged/);

  // Selecting a cell shows the stored value next to the formatted one.
  await gridCell(page, 5, 1).click();
  await expect(page.getByTestId('cell-address')).toHaveText('B6');
  await expect(page.getByTestId('cell-display')).toHaveText('126,926');
  await expect(page.getByTestId('cell-value')).toHaveText('126926');

  // Edit B6 through the grid's editor.
  await gridCell(page, 5, 1).dblclick();
  const editor = page.locator('.ag-cell-inline-editing input');
  await expect(editor).toHaveValue('126926');
  await editor.fill('130000');
  await editor.press('Enter');
  await expect(gridCell(page, 5, 1)).toHaveText('130,000');

  // And a text cell: the label glued to the number.
  await gridCell(page, 5, 7).dblclick();
  await page.locator('.ag-cell-inline-editing input').fill('343.4');
  await page.locator('.ag-cell-inline-editing input').press('Enter');
  await expect(gridCell(page, 5, 7)).toHaveText('343.4');

  // Undo both with the keyboard, redo one with the button, undo it with the button.
  await gridCell(page, 10, 3).click();
  await page.keyboard.press('Control+z');
  await expect(gridCell(page, 5, 7)).toHaveText('a)343.4');
  await page.keyboard.press('Control+z');
  await expect(gridCell(page, 5, 1)).toHaveText('126,926');
  await expect(page.getByRole('button', { name: '元に戻す' })).toBeDisabled();
  await page.keyboard.press('Control+y');
  await expect(gridCell(page, 5, 1)).toHaveText('130,000');
  await page.keyboard.press('Control+Shift+Z');
  await expect(gridCell(page, 5, 7)).toHaveText('343.4');
  await page.getByRole('button', { name: '元に戻す' }).click();
  await expect(gridCell(page, 5, 7)).toHaveText('a)343.4');

  // Download (Level 2 by default): B6 edited, H6 back to the original; the caption still
  // in the grid goes to @Caption rather than being lost.
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'CSVをダウンロード' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe('population.csv');
  const bytes = fs.readFileSync(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.subarray(3).toString('utf-8');
  const lines = text.split('\r\n');
  expect(lines[0]).toBe('@Caption,2-2 都道府県別人口と人口増加率,ja,,,,,,');
  expect(lines).toContain('@Title,ja,,,,,,,');
  expect(lines.find((l) => l.startsWith('全 国'))).toBe('全 国,130000,127768,84331,0.7,128057,94.8,a)343.4,0.2');
  expect(text).not.toMatch(/[^\r]\n(?![^"]*")/); // every record ends in CRLF; bare LF only inside quotes
  expect(text.endsWith('\r\n')).toBe(true);
});

test('shelters-sjis.csv: Shift_JIS detected and shown as Japanese', async ({ page }) => {
  await page.goto('/');
  await openFile(page, 'shelters-sjis.csv');
  await expect(page.getByRole('grid')).toBeVisible();
  await expect(page.getByRole('grid').getByText('中央小学校')).toBeVisible();
  await expect(page.getByTestId('encoding-select')).toHaveValue('shift_jis');
  // Overriding the encoding re-reads the same bytes: as UTF-8 they are garbage, and we say so.
  await page.getByTestId('encoding-select').selectOption('utf-8');
  await expect(page.getByRole('status')).toContainText('UTF-8 として読めない文字');
  await page.getByTestId('encoding-select').selectOption('shift_jis');
  await expect(page.getByRole('grid').getByText('中央小学校')).toBeVisible();
  await expect(page.getByRole('status')).toHaveCount(0);
});

test('unreadable file: alert names the file, the open document stays usable', async ({ page }) => {
  await page.goto('/');
  await openFile(page, 'shelters-sjis.csv');
  await expect(page.getByRole('grid').getByText('中央小学校')).toBeVisible();

  await openFile(page, { name: 'report.xlsx', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n') });
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('report.xlsx を開けませんでした');
  await expect(alert).toContainText('PDF');
  await expect(alert).toContainText('前に開いていたデータはそのまま使えます');
  await expect(page.getByRole('grid').getByText('中央小学校')).toBeVisible();

  await openFile(page, { name: 'empty.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.alloc(0) });
  await expect(page.getByRole('alert')).toContainText('empty.xlsx を開けませんでした。ファイルが空です');

  const pop = fs.readFileSync(fixture('population.xlsx'));
  await openFile(page, { name: 'broken.xlsx', mimeType: 'application/octet-stream', buffer: pop.subarray(0, pop.length >> 1) });
  await expect(page.getByRole('alert')).toContainText('broken.xlsx を開けませんでした。ファイルが壊れているか');

  // A good file afterwards loads normally and clears the alert.
  await openFile(page, 'ci-index.xlsx');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('tab', { name: 'CI' })).toBeVisible();
  await expect(gridCell(page, 0, 0)).toHaveText('景気動向指数・長期系列');
});

test('drop a file anywhere on the page', async ({ page }) => {
  await page.goto('/');
  const bytes = [...fs.readFileSync(fixture('crushed-stone.xlsx'))];
  const dataTransfer = await page.evaluateHandle((data) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(data)], 'crushed-stone.xlsx'));
    return dt;
  }, bytes);
  await page.dispatchEvent('body', 'dragenter', { dataTransfer });
  await expect(page.getByText('ドロップして開く')).toBeVisible();
  await page.dispatchEvent('body', 'drop', { dataTransfer });
  await expect(page.getByRole('tab', { name: '推移' })).toBeVisible();
  await expect(gridCell(page, 1, 0)).toHaveText('(1) 砕石及び再生骨材の生産(用途・品種別)');
});

test('English switch', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('button', { name: 'Open file' })).toBeVisible();
  await openFile(page, { name: 'x.xlsx', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]) });
  await expect(page.getByRole('alert')).toContainText('Could not open x.xlsx');
  await page.getByRole('button', { name: '日本語' }).click();
  await expect(page.getByRole('alert')).toContainText('x.xlsx を開けませんでした');
});

test('at 1,400 × 900 the toolbar is one row, in Japanese and in English', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto('/');
  await openFile(page, 'population.xlsx');
  await expect(page.getByTestId('violation-count')).toHaveText('132');
  for (const next of ['English', '日本語']) {
    const tops = await page.locator('.toolbar > :not(.visually-hidden)').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).filter((b) => b.width > 0).map((b) => b.top + b.height / 2));
    expect(Math.max(...tops) - Math.min(...tops), `toolbar rows before switching to ${next}`).toBeLessThan(8);
    await page.getByRole('button', { name: next }).click();
  }
});

test('hidden rows and columns are marked, not lost', async ({ page }) => {
  const ws = XLSX.utils.aoa_to_sheet([
    ['地区', '人口', '内部コード', '世帯数'],
    ['北区', 1200, 'X-1', 500],
    ['旧南区', 300, 'X-2', 100],
    ['東区', 900, 'X-3', 400],
  ]);
  ws['!rows'] = [{}, {}, { hidden: true }];
  ws['!cols'] = [{}, {}, { hidden: true }];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '人口');
  const buffer = Buffer.from(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', cellStyles: true }));

  await page.goto('/');
  await openFile(page, { name: 'hidden.xlsx', mimeType: 'application/octet-stream', buffer });
  await expect(page.getByTestId('sheet-summary')).toContainText('非表示 行 1・列 1');
  await expect(gridCell(page, 2, 0)).toHaveText('旧南区');
  await expect(page.locator('.ag-row[row-index="2"] .ag-cell[col-id="__row"]')).toHaveClass(/row-header-hidden/);
  await expect(page.locator('.ag-header-cell[col-id="2"]')).toHaveClass(/col-hidden/);
  await gridCell(page, 2, 2).click();
  await expect(page.getByTestId('cell-details')).toContainText('非表示の行');
  await expect(page.getByTestId('cell-details')).toContainText('非表示の列');
});
