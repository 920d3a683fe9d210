// Broken and hostile inputs as a user meets them. Unreadable files: a Japanese
// alert names the file and the problem, the document already open stays as it was (with
// its edits) and editable, and the next good file opens. Odd but readable files: they load
// and show correctly. The files come from test/hostile.ts; nothing is committed.
import type { Page } from '@playwright/test';
import { fixtureBytes } from '../test/fixtures.ts';
import * as H from '../test/hostile.ts';
import { download, expect, gridCell, openFile, test } from './fixtures.ts';

const file = (name: string, bytes: Uint8Array) => ({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) });

const editor = (page: Page) => page.locator('.ag-cell-inline-editing input');

async function edit(page: Page, r: number, c: number, text: string) {
  await gridCell(page, r, c).dblclick();
  await editor(page).fill(text);
  await editor(page).press('Enter');
}

/** population.xlsx with B6 edited to 130,000: the document whose loss would hurt. */
async function openEditedDocument(page: Page) {
  // Opening another file over unsaved edits asks first: the user says yes.
  page.on('dialog', (d) => void d.accept());
  await page.goto('/');
  await openFile(page, 'population.xlsx');
  await expect(page.getByRole('tab', { name: '2-2' })).toBeVisible();
  await edit(page, 5, 1, '130000');
  await expect(gridCell(page, 5, 1)).toHaveText('130,000');
}

/** The edited document is still shown, still editable, its history still there. */
async function expectDocumentIntact(page: Page) {
  await expect(page.getByRole('tab', { name: '2-2' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('sheet-summary')).toContainText('58 行 × 9 列');
  await expect(gridCell(page, 5, 1)).toHaveText('130,000');
  const before = await gridCell(page, 6, 1).textContent();
  await edit(page, 6, 1, '42');
  await expect(gridCell(page, 6, 1)).toHaveText('42');
  await page.getByRole('button', { name: '元に戻す' }).click();
  await expect(gridCell(page, 6, 1)).toHaveText(before ?? '');
  await page.getByRole('button', { name: '元に戻す' }).click();
  await expect(gridCell(page, 5, 1)).toHaveText('126,926');
}

const population = fixtureBytes('population.xlsx');

const unreadable: { title: string; name: string; bytes: () => Uint8Array; reason: string | RegExp }[] = [
  { title: 'empty file', name: 'empty.csv', bytes: () => new Uint8Array(0), reason: 'ファイルが空です' },
  { title: '0-byte .xlsx', name: 'empty.xlsx', bytes: () => new Uint8Array(0), reason: 'ファイルが空です' },
  { title: 'PDF renamed .xlsx', name: 'report.xlsx', bytes: H.pdf, reason: '表計算ファイルではありません(中身は PDF ファイルです)' },
  { title: 'PNG renamed .xlsx', name: 'chart.xlsx', bytes: H.png, reason: '中身は PNG ファイルです' },
  { title: 'ZIP renamed .xlsx', name: 'archive.xlsx', bytes: H.plainZip, reason: '中身は ZIP ファイルです' },
  { title: 'Word document renamed .xlsx', name: 'letter.xlsx', bytes: H.docx, reason: '中身は Word ファイルです' },
  { title: 'truncated .xlsx', name: 'half.xlsx', bytes: () => H.truncated(population), reason: 'ファイルが壊れているか、途中までしかありません' },
  { title: 'password-protected .xlsx', name: 'secret.xlsx', bytes: H.encryptedXlsx, reason: 'パスワードで保護されています' },
  { title: 'zip bomb (1.1 GB of XML in 1.1 MB)', name: 'bomb.xlsx', bytes: () => H.zipBomb(), reason: /展開すると大きくなりすぎるため\(上限 1 GB\).*zip bomb/ },
  { title: 'zip bomb with its sizes faked', name: 'bomb2.xlsx', bytes: () => H.zipBomb({ lie: 'plausible' }), reason: /展開すると大きくなりすぎる.*zip bomb/ },
  { title: 'ODS repeating one cell 100 million times', name: 'repeat.ods', bytes: () => H.odsRepeatBomb(), reason: 'シートが大きすぎます(1 シートあたり 3,000 万セル・16,384 列まで)' },
  { title: 'cell at row 2,000,000,000', name: 'far.xlsx', bytes: H.farRow, reason: 'シートが大きすぎます' },
  { title: 'SpreadsheetML .xls merging one cell over the whole sheet', name: 'merge.xls', bytes: H.spreadsheetMlMergeBomb, reason: 'シートが大きすぎます' },
];

for (const c of unreadable) {
  test(`unreadable: ${c.title} — alert names ${c.name}, the open document is kept`, async ({ page }) => {
    await openEditedDocument(page);
    await openFile(page, file(c.name, c.bytes()));
    const alert = page.getByRole('alert');
    await expect(alert).toContainText(`${c.name} を開けませんでした。`);
    await expect(alert).toContainText(c.reason);
    await expect(alert).toContainText('前に開いていたデータはそのまま使えます。');
    await expectDocumentIntact(page);
    // And the next good file opens normally.
    await openFile(page, 'ci-index.xlsx');
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(page.getByRole('tab', { name: 'CI' })).toBeVisible();
    await expect(gridCell(page, 0, 0)).toHaveText('景気動向指数・長期系列');
  });
}

test('.xlsb loads', async ({ page }) => {
  await page.goto('/');
  await openFile(page, file('data.xlsb', H.xlsb()));
  await expect(page.getByRole('tab', { name: '人口' })).toBeVisible();
  await expect(page.getByTestId('sheet-summary')).toContainText('3 行 × 3 列');
  await expect(gridCell(page, 1, 0)).toHaveText('北区');
  await expect(gridCell(page, 1, 1)).toHaveText('1200');
});

test('a sheet 16,384 columns wide loads, and its last column (XFD) can be reached', async ({ page }) => {
  // Decision: such a sheet loads and the grid shows it (AG Grid draws only the columns in
  // view). It is slow to arrive (≈15 s here: the worker sends it column by column).
  test.setTimeout(120_000);
  await page.goto('/');
  await openFile(page, file('wide.xlsx', H.wideSheet()));
  await expect(page.getByTestId('sheet-summary')).toContainText(/3 行 × 16,?384 列/, { timeout: 60_000 });
  await expect(gridCell(page, 0, 0)).toHaveText('列1');
  await page.locator('[data-testid="sheet-grid"] .ag-body-horizontal-scroll-viewport').evaluate((el) => el.scrollTo(el.scrollWidth, 0));
  await expect(page.locator('[data-testid="sheet-grid"] .ag-header-cell[col-id="16383"]')).toHaveText('XFD');
  await expect(gridCell(page, 1, 16383)).toHaveText('116383');
  await gridCell(page, 1, 16383).click();
  await expect(page.getByTestId('cell-address')).toHaveText('XFD2');
  // Still responsive: edit the last cell.
  await edit(page, 1, 16383, '7');
  await expect(gridCell(page, 1, 16383)).toHaveText('7');
});

test('a dimension claiming 1,048,576 rows over ten cells loads with its real size', async ({ page }) => {
  await page.goto('/');
  await openFile(page, file('dimension.xlsx', H.hugeDimension()));
  await expect(page.getByTestId('sheet-summary')).toContainText('5 行 × 2 列');
  await expect(gridCell(page, 4, 0)).toHaveText('西区');
  await expect(page.locator('[data-testid="sheet-grid"] .ag-row[row-index="5"]')).toHaveCount(0);
});

/**
 * The longest text node in the page, in characters. A cell may hold a megabyte; the grid,
 * its tooltip and the details bar print the first thousand characters and the full length,
 * because the whole value in the DOM stalled painting for seconds.
 */
async function longestText(page: Page): Promise<number> {
  return page.evaluate(() => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let longest = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) longest = Math.max(longest, node.nodeValue?.length ?? 0);
    return longest;
  });
}

/** What the page prints of one cell at most: the clipped text and its note of the full length. */
const SHOWN_AT_MOST = 1000 + '…(全 1,048,576 文字)'.length;

test('a cell of 1 MB of text loads; the grid shows it cut, and stays responsive', async ({ page }) => {
  await page.goto('/');
  await openFile(page, file('long.xlsx', H.longTextCell()));
  await expect(page.getByTestId('sheet-summary')).toContainText('3 行 × 2 列');
  const cell = gridCell(page, 1, 1);
  // Read in the page: Playwright's text matching would ship the whole megabyte each poll.
  await expect.poll(() => cell.evaluate((el) => el.textContent?.slice(0, 12) ?? '')).toBe('長い説明文。長い説明文。');
  // Cut to the column's width on screen, one line high.
  const box = await cell.boundingBox();
  expect(box!.width).toBeLessThan(400);
  expect(box!.height).toBeLessThan(40);
  // The megabyte never reaches the page, and typing in the next cell right after works.
  await expect(cell).toContainText('…(全 1,048,576 文字)');
  expect(await longestText(page)).toBeLessThanOrEqual(SHOWN_AT_MOST);
  await edit(page, 2, 1, '短い');
  await expect(gridCell(page, 2, 1)).toHaveText('短い');
  await expect(page.getByTestId('cell-address')).toHaveText('B3');
});

// The whole 1 MB value in the details bar or AG Grid's tooltip stalled painting for ~30 s;
// both now print the first characters and the full length.
test('selecting or hovering the 1 MB cell does not freeze the page', async ({ page }) => {
  await page.goto('/');
  await openFile(page, file('long.xlsx', H.longTextCell()));
  await gridCell(page, 2, 1).click();
  await page.keyboard.press('ArrowUp');
  await expect(page.getByTestId('cell-address')).toHaveText('B2');
  await expect(page.getByTestId('cell-value')).toContainText(/…\(全 [\d,]+ 文字\)/);
  await gridCell(page, 1, 1).hover();
  // The tooltip quotes the stored text: two characters more than the cell holds.
  await expect(page.locator('.ag-tooltip')).toContainText('…(全 1,048,578 文字)');
  expect(await longestText(page)).toBeLessThanOrEqual(SHOWN_AT_MOST);
  // The tooltip opens under the pointer, over the next row: away first, so the double click
  // reaches the cell (on a busy machine it may otherwise still be there).
  await page.mouse.move(0, 0);
  await expect(page.locator('.ag-tooltip').first()).toBeHidden();
  await edit(page, 2, 1, '短い');
  await expect(gridCell(page, 2, 1)).toHaveText('短い');
});

test('10,000 merges load, and the last one is drawn merged', async ({ page }) => {
  await page.goto('/');
  await openFile(page, file('merges.xlsx', H.manyMerges()));
  await expect(page.getByTestId('sheet-summary')).toContainText(/10,?000 行 × 3 列/);
  await expect(page.getByTestId('sheet-summary')).toContainText(/結合 10,?000/);
  await expect(gridCell(page, 0, 0)).toHaveClass(/cell-merged/);
  // Scroll to the bottom: the rows there are drawn with their merges too.
  await page.locator('[data-testid="sheet-grid"] .ag-body-vertical-scroll-viewport').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(gridCell(page, 9999, 0)).toHaveText('見出し10000');
  await gridCell(page, 9999, 2).click();
  await expect(page.getByTestId('cell-address')).toHaveText('C10000');
  await expect(gridCell(page, 9999, 0)).toHaveClass(/cell-merged/);
});

test('sheet names with / \\ : * ? [ ] show as tabs; the CSV file name is safe', async ({ page }) => {
  await page.goto('/');
  await openFile(page, file('names.xlsx', H.badSheetNames()));
  for (const name of H.BAD_SHEET_NAMES) await expect(page.getByRole('tab', { name, exact: true })).toBeVisible();
  await page.getByRole('tab', { name: '何?', exact: true }).click();
  await expect(gridCell(page, 1, 1)).toHaveText('50');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'CSVをダウンロード' }).click();
  const name = (await download).suggestedFilename();
  expect(name).toMatch(/\.csv$/);
  expect(name).not.toMatch(/[\\/:*?"<>|]/);
  expect(name).toContain('何');
});

test('CSV with bytes Shift_JIS cannot decode: a warning with their count', async ({ page }) => {
  await page.goto('/');
  await openFile(page, file('broken-sjis.csv', H.sjisWithInvalidBytes(3)));
  await expect(page.getByRole('status')).toContainText('Shift_JIS(CP932) として読めない文字が 3 個あり、「�」に置き換わっています。');
  await expect(gridCell(page, 1, 0)).toHaveText('北町');
  await expect(gridCell(page, 2, 0)).toHaveText('南町���');
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('CSV with mixed line endings and an unbalanced quote: rows split, the warning names row 3', async ({ page }) => {
  await page.goto('/');
  await openFile(page, file('mixed.csv', H.mixedLineEndingsCsv()));
  await expect(page.getByTestId('sheet-summary')).toContainText('5 行 × 2 列');
  await expect(gridCell(page, 3, 0)).toHaveText('東区');
  await expect(gridCell(page, 4, 0)).toHaveText('西区 ↵ (旧)');
  await expect(page.getByRole('status')).toHaveCount(0);

  await openFile(page, file('quotes.csv', H.unbalancedQuotesCsv()));
  await expect(page.getByRole('status')).toContainText('引用符(")が閉じていない箇所が 1 か所あります(3 行目)');
  await expect(page.getByTestId('sheet-summary')).toContainText('5 行 × 2 列');
  await expect(gridCell(page, 2, 0)).toHaveText('"南区');
  await expect(gridCell(page, 3, 1)).toHaveText('900');
});

test('CSV whose numbers were split by bare thousands separators: a warning naming the row, repaired only when the user asks, undoable', async ({ page }) => {
  await page.goto('/');
  const csv = ['地区,人口,世帯', '北区,13515,6690', '南区,12044,5872', '西区,11,180,6,001', '東区,9811,4410', ''].join('\r\n');
  await openFile(page, file('split.csv', new TextEncoder().encode(csv)));
  const status = page.getByRole('status');
  await expect(status).toContainText('見出しより列の多い行が 1 行あります(4 行目)');
  // Nothing changed yet: the row is as the file has it.
  await expect(page.getByTestId('sheet-summary')).toContainText('5 行 × 5 列');
  await expect(gridCell(page, 3, 2)).toHaveText('180');
  await status.getByRole('button', { name: '修復する' }).click();
  await expect(page.getByTestId('sheet-summary')).toContainText('5 行 × 3 列');
  await expect(gridCell(page, 3, 1)).toHaveText('11,180');
  await expect(gridCell(page, 3, 2)).toHaveText('6,001');
  await expect(page.getByRole('status')).toHaveCount(0);
  await page.getByRole('button', { name: '元に戻す' }).click();
  await expect(page.getByTestId('sheet-summary')).toContainText('5 行 × 5 列');
  await expect(gridCell(page, 3, 1)).toHaveText('11');
});

async function downloadText(page: Page): Promise<string> {
  const { bytes } = await download(page, () => page.getByRole('button', { name: 'CSVをダウンロード' }).click());
  return bytes.toString('utf-8').replace(/^\uFEFF/, '');
}

test('formula-like text in a CSV and formula cells in an xlsx download safely', async ({ page }) => {
  await page.goto('/');
  await openFile(page, file('injection.csv', H.injectionCsv()));
  await expect(gridCell(page, 1, 0)).toHaveText('=HYPERLINK("http://evil.example/","x")');
  let lines = (await downloadText(page)).split('\r\n');
  expect(lines).toContain(`"'=HYPERLINK(""http://evil.example/"",""x"")",1`);
  expect(lines).toContain(`'=cmd|' /C calc'!A0,2`);
  expect(lines).toContain('ふつう,-5');

  await openFile(page, file('injection.xlsx', H.injectionXlsx()));
  await expect(page.getByRole('tab', { name: '式' })).toBeVisible();
  lines = (await downloadText(page)).split('\r\n');
  expect(lines).toContain('リンク,x');
  expect(lines).toContain(`DDE,'=cmd|' /C calc'!A0`);
  expect(lines.join('\n')).not.toContain('HYPERLINK');
});

test('small files that would expand inside the parser load at once', async ({ page }) => {
  await page.goto('/');
  await openFile(page, file('link.xlsx', H.hyperlinkRangeBomb()));
  await expect(page.getByTestId('sheet-summary')).toContainText('3 行 × 3 列', { timeout: 5000 });
  await openFile(page, file('cols.xlsx', H.columnRangeBomb()));
  await expect(page.getByRole('tab', { name: '列' })).toBeVisible({ timeout: 5000 });
  await openFile(page, file('span.xls', H.spreadsheetMlSpanBomb()));
  await expect(page.getByRole('tab', { name: '列幅' })).toBeVisible({ timeout: 5000 });
  await expect(page.getByTestId('sheet-summary')).toContainText('2 行 × 2 列');
  await openFile(page, file('padded.ods', H.odsLibreOfficePadding()));
  await expect(page.getByRole('tab', { name: 'ODS' })).toBeVisible({ timeout: 5000 });
  await expect(gridCell(page, 2, 0)).toHaveText('南区');
});
