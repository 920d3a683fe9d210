// After the first visit the app works with the network off: the service worker serves
// every file of the build from the cache, the worker included.
import { expect, openFile, test } from './fixtures.ts';

test('works offline after the first visit', async ({ page, context }) => {
  await page.goto('/');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // The page that registered the worker is not controlled yet; the next load is.
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByText('ファイルはこのパソコンの中だけで処理されます')).toBeVisible();
  await openFile(page, 'population.xlsx');
  await expect(page.getByTestId('violation-count')).toHaveText('132');
  await context.setOffline(false);
});
