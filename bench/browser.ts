// The in-browser half of `npm run bench`: builds the app, serves it with `vite preview`,
// drops a generated file into it in Debian's Chromium and measures what the user waits
// for and whether the main thread ever blocks (PerformanceObserver 'longtask').
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';

export interface BrowserResult {
  gridMs: number;
  analysedMs: number;
  longestTaskMs: number;
  longTasks: number;
  blockingMs: number;
  heapMB?: number;
  violations: string;
}

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function runBrowserBench(filePath: string, timeoutMs = 300_000): Promise<BrowserResult> {
  await build({ logLevel: 'warn' });
  const server = await preview({ logLevel: 'warn', preview: { host: '127.0.0.1', port: 0, strictPort: false } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.addInitScript(() => {
      const w = window as unknown as { __longTasks: number[] };
      w.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longTasks.push(e.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(url);
    await page.getByTestId('file-input').waitFor({ state: 'attached' });
    // Only what happens from the drop onwards counts.
    await page.evaluate(() => ((window as unknown as { __longTasks: number[] }).__longTasks.length = 0));
    const t0 = Date.now();
    await page.getByTestId('file-input').setInputFiles(filePath);
    await page.locator('[data-testid="sheet-grid"] .ag-row[row-index="5"]').first().waitFor({ timeout: timeoutMs });
    const gridMs = Date.now() - t0;
    await page.getByTestId('violation-count').waitFor({ timeout: timeoutMs });
    const analysedMs = Date.now() - t0;
    await page.waitForTimeout(500); // let a trailing long task report
    const stats = await page.evaluate(() => {
      const tasks = (window as unknown as { __longTasks: number[] }).__longTasks;
      const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
      return {
        longest: tasks.reduce((m, d) => Math.max(m, d), 0),
        count: tasks.length,
        blocking: tasks.reduce((s, d) => s + Math.max(0, d - 50), 0),
        heap: memory ? memory.usedJSHeapSize / 1024 / 1024 : undefined,
      };
    });
    const violations = (await page.getByTestId('violation-count').textContent()) ?? '';
    return { gridMs, analysedMs, longestTaskMs: stats.longest, longTasks: stats.count, blockingMs: stats.blocking, heapMB: stats.heap, violations };
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
}
