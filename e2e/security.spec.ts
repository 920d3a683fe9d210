// Security promises: a strict Content-Security-Policy that the app itself never trips,
// and not a single request outside the page's origin during a whole working session.
import { download, expect, fixedPopulation, openFile, test } from './fixtures.ts';

test('a full session (load, fix all, export) raises no CSP violation and no outside request', async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto('/');
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("connect-src 'self'");
  expect(csp).not.toContain('unsafe-eval');

  await fixedPopulation(page);
  await download(page, () => page.getByRole('button', { name: 'CSVをダウンロード' }).click());
  await openFile(page, 'shelters-sjis.csv');
  await expect(page.getByRole('grid').getByText('中央小学校')).toBeVisible();

  const violations = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
  expect(violations).toEqual([]);
  // The fixture's auto check asserts no request left 127.0.0.1 during the test.
});
