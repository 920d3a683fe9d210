// 「すべて修正」 that fails, as a user meets it: a Japanese alert says what failed and why,
// the grid and the undo history are as they were, and the next press works.
//
// The failure is injected from outside the app, at the one boundary it has with its
// worker: a wrapper around the page's Worker (installed before the app's scripts run)
// changes the next fixAll request on its way. The built app carries no test switch, and
// everything from the worker's throw to the alert is the code users run. The wrapper reads
// Comlink's request format ({ type: 'APPLY', path, argumentList }), which is the only thing
// it assumes.
import type { Page } from '@playwright/test';
import { expect, gridCell, openFile, test, fixAll } from './fixtures.ts';

/**
 * `throw`: the worker's real fixAll throws — its progress argument is replaced by a value
 * that is not a function, so the first progress report fails inside fix-all (which rolls
 * back and rethrows). `crash`: the worker dies instead of answering (terminated, and the
 * `error` event a dying worker fires is sent).
 */
async function failNextFixAll(page: Page, how: 'throw' | 'crash'): Promise<void> {
  await page.addInitScript((how) => {
    const RealWorker = window.Worker;
    let armed = true;
    window.Worker = class extends RealWorker {
      postMessage(message: unknown, transfer?: Transferable[] | StructuredSerializeOptions) {
        const request = message as { type?: string; path?: string[]; argumentList?: unknown[] };
        if (armed && request?.type === 'APPLY' && request.path?.[request.path.length - 1] === 'fixAll') {
          armed = false;
          if (how === 'crash') {
            this.terminate();
            // As a browser reports a dead worker: in a task of its own, after the request was sent.
            setTimeout(() => this.dispatchEvent(new ErrorEvent('error', { message: 'injected crash' })));
            return;
          }
          const [command] = request.argumentList ?? [];
          message = { ...request, argumentList: [command, { type: 'RAW', value: 'not a function' }] };
        }
        super.postMessage(message, transfer as Transferable[]);
      }
    };
  }, how);
}

async function edit(page: Page, r: number, c: number, text: string) {
  await gridCell(page, r, c).dblclick();
  await page.locator('.ag-cell-inline-editing input').fill(text);
  await page.locator('.ag-cell-inline-editing input').press('Enter');
}

/** population.xlsx with B6 edited: one step on the undo history. */
async function editedPopulation(page: Page) {
  await page.goto('/');
  await openFile(page, 'population.xlsx');
  await expect(page.getByTestId('violation-count')).toHaveText('132');
  await edit(page, 5, 1, '130000');
  await expect(gridCell(page, 5, 1)).toHaveText('130,000');
}

/** What the user sees of the document and its history before 「すべて修正」 (`redo`: fix-all undone, ready to redo). */
async function expectUnfixed(page: Page, redo = false) {
  await expect(page.getByTestId('sheet-summary')).toContainText('58 行 × 9 列');
  await expect(page.getByTestId('sheet-summary')).toContainText('結合 9');
  await expect(gridCell(page, 0, 0)).toHaveText('2-2 都道府県別人口と人口増加率');
  await expect(gridCell(page, 5, 1)).toHaveText('130,000');
  await expect(page.getByTestId('history').locator('li')).toHaveCount(1);
  await expect(page.getByTestId('history').locator('li')).toContainText('B6');
  await expect(page.getByRole('button', { name: '元に戻す' })).toBeEnabled();
  await expect(page.getByRole('button', { name: 'やり直し' })).toBeEnabled({ enabled: redo });
}

/** The next press works on the same document, and one undo brings back the edited one. */
async function expectFixAllWorks(page: Page) {
  await fixAll(page);
  await expect(page.getByTestId('sheet-summary')).toHaveText('49 行 × 9 列');
  await expect(page.getByTestId('history').locator('li')).toHaveCount(2);
  await page.getByRole('button', { name: '元に戻す' }).click();
  await expectUnfixed(page, true);
}

test('すべて修正 that throws in the worker: a Japanese alert, the grid and the undo history as they were', async ({ page }) => {
  await failNextFixAll(page, 'throw');
  await editedPopulation(page);
  const violations = await page.getByTestId('violation-count').textContent();
  await fixAll(page);
  const alert = page.getByTestId('action-failure');
  await expect(alert).toHaveAttribute('role', 'alert');
  await expect(alert).toContainText('すべて修正に失敗しました: TypeError');
  await expect(alert).toContainText('文書と元に戻す履歴は元のままです。');
  await expectUnfixed(page);
  await expect(page.getByTestId('violation-count')).toHaveText(violations ?? '');
  await expect(page.getByRole('button', { name: 'すべて修正' })).toBeEnabled();
  await alert.getByRole('button', { name: '閉じる' }).click();
  await expect(alert).toHaveCount(0);
  await expectFixAllWorks(page);
});

test('すべて修正 when the worker dies: reported, a fresh worker takes over the document with its history', async ({ page }) => {
  await failNextFixAll(page, 'crash');
  await editedPopulation(page);
  await fixAll(page);
  await expect(page.getByRole('alert')).toContainText('すべて修正に失敗しました: 作業用スレッドが止まりました');
  await expectUnfixed(page);
  await expectFixAllWorks(page);
});

test('in English the alert is in English', async ({ page }) => {
  await failNextFixAll(page, 'throw');
  await editedPopulation(page);
  await page.getByRole('button', { name: 'English' }).click();
  await fixAll(page, { lang: 'en' });
  await expect(page.getByTestId('action-failure')).toContainText('Fix all failed: TypeError');
  await expect(page.getByTestId('action-failure')).toContainText('The document and its undo history are as they were.');
});
