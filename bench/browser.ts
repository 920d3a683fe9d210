// The in-browser half of `npm run bench`: builds the app (into a temporary directory, so
// `dist/` and anyone else's build are left alone), serves it with `vite preview`, and in
// Debian's Chromium:
//   - times the floor on the same bytes in a second page (context with bypassCSP, the
//     app's CSP forbids injected scripts): bare SheetJS `XLSX.read(bytes, {type:'array',
//     dense:true})`, or bare `TextDecoder` + `Papa.parse` for CSV;
//   - drops the file through the app's file input and times, in page time
//     (performance.now()), the first data row visible in the grid, the full load and the
//     analysis (violation count shown);
//   - clicks 「すべて修正」 (until its preview is shown), the preview's 「適用」 (until the
//     count changes) and 「CSVをダウンロード」 (until the download starts), and scrolls the
//     grid to the bottom for the 1,000,000-row file;
//   - attributes every main-thread long task (PerformanceObserver 'longtask', buffered)
//     to the phase it started in, and reads the JS heap after load (after a GC).
// With `profile`, each phase runs under the CDP CPU profiler on the main thread and in
// the worker (an unminified build, so the profile names functions and source modules).
// Numbers only: nothing here asserts on speed. Every scenario has a deadline; a phase
// that does not finish in time is reported as a timeout, a crashed tab as a crash.
import { readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, type CDPSession, type Page, chromium } from 'playwright-core';
import { build, preview } from 'vite';
import {
  type CdpSend,
  type ProfileSummary,
  WorkerTargets,
  moduleMapper,
  pageSend,
  startProfiler,
  stopProfiler,
  summarizeProfile,
  workerSend,
} from './cdp.ts';
import { CHROMIUM_ARGS as E2E_CHROMIUM_ARGS, CHROMIUM_PATH } from '../playwright.config.ts';

/** The e2e tests' browser and flags, plus the precise heap figures the table reports. */
export const CHROMIUM_ARGS = [...E2E_CHROMIUM_ARGS, '--enable-precise-memory-info'];
export { CHROMIUM_PATH };

export type Phase = 'load' | 'analysis' | 'fixAll' | 'export' | 'scroll';
export const PHASES: Phase[] = ['load', 'analysis', 'fixAll', 'export', 'scroll'];

export interface BrowserScenario {
  id: string;
  kind: 'xlsx' | 'csv';
  filePath: string;
  /** CSV only: what the floor decodes with. */
  encoding?: 'utf-8' | 'shift_jis';
  /** Rows the sheet has in total. */
  totalRows: number;
  /** Zero-based row of the first / last data row. */
  firstDataRow: number;
  lastDataRow: number;
  /** Column B of the first / last data row, to recognise them in the grid; undefined = any text. */
  firstDataText?: string;
  lastDataText?: string;
  /** Column A of the sheet's last row starts with this (the note row under the table). */
  lastRowPrefix?: string;
  fixAll: boolean;
  export: boolean;
  scroll: boolean;
  timeoutMs: number;
  floorRuns: number;
}

export interface LongTaskStats {
  longest: number;
  count: number;
  /** Sum over the tasks of (duration − 50 ms): Total Blocking Time of the phase. */
  blocking: number;
}

export interface BrowserFigures {
  floor: { runs: number[]; median?: number; detail?: string; error?: string };
  firstRowMs?: number;
  loadMs?: number;
  analysedMs?: number;
  violations?: number;
  violationsAfterFix?: number;
  /** 「すべて修正」 → its preview shown, plus 「適用」 → the count updated (the bench's own click between them left out). */
  fixAllMs?: number;
  /** The first part of `fixAllMs`: 「すべて修正」 → the preview of every change shown. */
  fixAllPreviewMs?: number;
  exportMs?: number;
  exported?: { bytes: number; lines: number; fileName: string };
  heapMB?: number;
  heapBeforeGcMB?: number;
  workerHeapMB?: number;
  longTasks: Partial<Record<Phase, LongTaskStats>>;
  scroll?: { ok: boolean; ms?: number; detail: string };
  /** The app reported that the analysis failed (console.error 'analysis failed …'). */
  analysisError?: string;
  /** console.error messages of the page (first lines, at most 10). */
  consoleErrors: string[];
  crashed: boolean;
  timeout?: { phase: string; afterMs: number };
  error?: string;
  profiles?: Partial<Record<Phase, ProfileSummary[]>>;
}

// ---------------------------------------------------------------- the app

export interface AppServer {
  url: string;
  outDir: string;
  close(): Promise<void>;
}

/** `vite build` into a temporary directory and `vite preview` of it on a free port. */
export async function startApp(options: { minify?: boolean; log?: (s: string) => void } = {}): Promise<AppServer> {
  const outDir = path.join(os.tmpdir(), `seiton-bench-dist-${process.pid}-${options.minify === false ? 'dev' : 'min'}`);
  const t0 = performance.now();
  await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true, ...(options.minify === false ? { minify: false, sourcemap: true } : {}) } });
  options.log?.(`built the app into ${outDir} in ${(performance.now() - t0).toFixed(0)} ms${options.minify === false ? ' (unminified, for profiles)' : ''}`);
  const server = await preview({ logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: 0, strictPort: false } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');
  return {
    url,
    outDir,
    close: async () => {
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

export async function chromiumVersion(): Promise<string> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    return browser.version();
  } finally {
    await browser.close();
  }
}

// ---------------------------------------------------------------- helpers

class PhaseTimeout extends Error {
  constructor(readonly phase: string) {
    super(`timeout in ${phase}`);
  }
}

interface Deadline {
  left(): number;
  /** Runs `work`, failing with PhaseTimeout(phase) when the scenario's deadline passes. */
  run<T>(phase: string, work: (timeoutMs: number) => Promise<T>): Promise<T>;
}

function deadline(ms: number): Deadline {
  const end = Date.now() + ms;
  const left = () => Math.max(0, end - Date.now());
  return {
    left,
    run: async <T,>(phase: string, work: (timeoutMs: number) => Promise<T>) => {
      const remaining = left();
      if (remaining <= 0) throw new PhaseTimeout(phase);
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new PhaseTimeout(phase)), remaining + 2_000);
      });
      try {
        return await Promise.race([work(remaining), timeout]);
      } catch (e) {
        if (e instanceof Error && (e.name === 'TimeoutError' || /Timeout \d+ms exceeded/.test(e.message))) throw new PhaseTimeout(phase);
        throw e;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

function median(xs: number[]): number | undefined {
  if (xs.length === 0) return undefined;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const MB = 1024 * 1024;

/** What the init script keeps in the page. */
interface BenchGlobals {
  __bench: {
    tasks: { start: number; dur: number }[];
    drop?: number;
    download?: number;
    clicks: { t: number; text: string }[];
  };
}

/** Installed before the app's own scripts: long tasks, the drop, clicks, the download. */
function benchInitScript(): void {
  const w = window as unknown as BenchGlobals;
  w.__bench = { tasks: [], clicks: [] };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__bench.tasks.push({ start: e.startTime, dur: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // no long-task support: the figures stay empty
  }
  document.addEventListener(
    'change',
    (e) => {
      const t = e.target;
      if (t instanceof HTMLInputElement && t.type === 'file') w.__bench.drop = performance.now();
    },
    true,
  );
  document.addEventListener(
    'click',
    (e) => {
      const t = e.target;
      if (t instanceof HTMLAnchorElement && t.hasAttribute('download')) {
        w.__bench.download = performance.now();
        return;
      }
      const button = t instanceof Element ? t.closest('button') : null;
      if (button) w.__bench.clicks.push({ t: performance.now(), text: (button.textContent ?? '').trim() });
    },
    true,
  );
}

// Page-side predicates (run by waitForFunction each animation frame). They return the
// page time at which they first held, or an error shown by the app.

interface RowProbe {
  row: number;
  col: number;
  text?: string;
  prefix?: string;
}

/** `t`: page time the condition first held; `error`: the app's alert instead. */
type Probe = { t?: number; count?: string; error?: string } | false;

function rowVisible(p: RowProbe): Probe {
  const alert = document.querySelector('[role="alert"]');
  if (alert && alert.textContent) return { error: alert.textContent.trim().slice(0, 300) };
  const cell = document.querySelector(`[data-testid="sheet-grid"] .ag-row[row-index="${p.row}"] .ag-cell[col-id="${p.col}"]`);
  if (!cell || cell.getClientRects().length === 0) return false;
  const text = (cell.textContent ?? '').trim();
  const ok = p.text !== undefined ? text === p.text : p.prefix !== undefined ? text.startsWith(p.prefix) : text !== '';
  return ok ? { t: performance.now() } : false;
}

function loadedProbe(p: RowProbe): Probe {
  const alert = document.querySelector('[role="alert"]');
  if (alert && alert.textContent) return { error: alert.textContent.trim().slice(0, 300) };
  if (document.querySelector('[data-testid="load-progress"]')) return false;
  if (!document.querySelector('[data-testid="sheet-summary"]')) return false;
  const cell = document.querySelector(`[data-testid="sheet-grid"] .ag-row[row-index="${p.row}"] .ag-cell[col-id="${p.col}"]`);
  if (!cell || cell.getClientRects().length === 0 || !(cell.textContent ?? '').trim()) return false;
  return { t: performance.now() };
}

function analysedProbe(): Probe {
  if (document.querySelector('[data-testid="load-progress"]')) return false;
  const count = document.querySelector('[data-testid="violation-count"]');
  if (!count) return false;
  const panel = count.closest('[aria-busy]');
  if (panel && panel.getAttribute('aria-busy') === 'true') return false;
  return { t: performance.now(), count: count.textContent ?? '' };
}

function countChangedProbe(before: string): Probe {
  const count = document.querySelector('[data-testid="violation-count"]');
  if (!count || count.textContent === before) return false;
  return { t: performance.now(), count: count.textContent ?? '' };
}

const toCount = (s: string | undefined) => (s === undefined ? undefined : Number(s.replace(/[^\d]/g, '')));

// ---------------------------------------------------------------- the floor

/** Bare SheetJS / TextDecoder + PapaParse on the same bytes, in a page of the same browser. */
async function measureFloor(browser: Browser, origin: string, s: BrowserScenario, d: Deadline, log: (s: string) => void): Promise<BrowserFigures['floor']> {
  const context = await browser.newContext({ bypassCSP: true, serviceWorkers: 'block' });
  const runs: number[] = [];
  try {
    const base = `${origin}/__seiton_bench__`;
    await context.route(`${base}/**`, (route) => {
      const url = route.request().url();
      if (url.endsWith('/floor.html')) return route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><meta charset="utf-8"><title>floor</title>' });
      return route.fulfill({ status: 200, contentType: 'application/octet-stream', path: s.filePath });
    });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await page.goto(`${base}/floor.html`);
    const lib = s.kind === 'xlsx' ? 'node_modules/xlsx/dist/xlsx.full.min.js' : 'node_modules/papaparse/papaparse.min.js';
    await page.addScriptTag({ path: path.resolve(lib) });
    const size = await page.evaluate(async (url) => {
      const w = window as unknown as { __bytes: Uint8Array };
      w.__bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
      return w.__bytes.length;
    }, `${base}/data`);
    if (size !== statSync(s.filePath).size) throw new Error(`floor page got ${size} bytes, the file has ${statSync(s.filePath).size}`);
    let detail = '';
    for (let i = 0; i < s.floorRuns; i++) {
      await cdp.send('HeapProfiler.collectGarbage');
      const r = await d.run('floor', () =>
        s.kind === 'xlsx'
          ? page.evaluate(() => {
              const w = window as unknown as { __bytes: Uint8Array; XLSX: { read(b: Uint8Array, o: object): { SheetNames: string[]; Sheets: Record<string, Record<string, unknown>> } } };
              const t0 = performance.now();
              const wb = w.XLSX.read(w.__bytes, { type: 'array', dense: true });
              const ms = performance.now() - t0;
              return { ms, detail: `${wb.SheetNames[0]}!${String(wb.Sheets[wb.SheetNames[0]]['!ref'])}` };
            })
          : page.evaluate((encoding) => {
              const w = window as unknown as { __bytes: Uint8Array; Papa: { parse(text: string): { data: unknown[][]; errors: unknown[] } } };
              const t0 = performance.now();
              const text = new TextDecoder(encoding).decode(w.__bytes);
              const parsed = w.Papa.parse(text);
              const ms = performance.now() - t0;
              return { ms, detail: `${parsed.data.length} records × ${parsed.data[0]?.length ?? 0} fields, ${parsed.errors.length} errors` };
            }, s.encoding ?? 'utf-8'),
      );
      runs.push(r.ms);
      detail = r.detail;
      log(`    floor run ${i + 1}: ${r.ms.toFixed(0)} ms (${r.detail})`);
    }
    return { runs, median: median(runs), detail };
  } catch (e) {
    return { runs, median: median(runs), error: e instanceof PhaseTimeout ? `timeout after ${runs.length} runs` : String(e instanceof Error ? e.message : e) };
  } finally {
    await context.close().catch(() => {});
  }
}

// ---------------------------------------------------------------- one scenario in the app

export interface RunOptions {
  /** Profile every phase (CPU, main thread and worker); slows the run down. */
  profile?: boolean;
  /** Skip the floor (profile runs). */
  floor?: boolean;
  log?: (s: string) => void;
}

export async function runScenario(app: AppServer, s: BrowserScenario, options: RunOptions = {}): Promise<BrowserFigures> {
  const log = options.log ?? (() => {});
  const figures: BrowserFigures = { floor: { runs: [] }, longTasks: {}, consoleErrors: [], crashed: false };
  const d = deadline(s.timeoutMs);
  const started = Date.now();
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  let context: BrowserContext | undefined;
  try {
    if (options.floor !== false) {
      log(`  floor (${s.kind === 'xlsx' ? 'bare SheetJS read, dense' : `bare TextDecoder('${s.encoding ?? 'utf-8'}') + Papa.parse`}), ${s.floorRuns} run(s)`);
      figures.floor = await measureFloor(browser, new URL(app.url).origin, s, d, log);
    }

    context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true, serviceWorkers: 'block', locale: 'ja-JP' });
    const page = await context.newPage();
    page.on('crash', () => {
      figures.crashed = true;
    });
    page.on('pageerror', (e) => log(`    page error: ${e.message}`));
    let analysisFailed: (message: string) => void = () => {};
    const analysisFailure = new Promise<string>((resolve) => (analysisFailed = resolve));
    page.on('console', (m) => {
      if (m.type() !== 'error') return;
      const text = m.text().split('\n')[0].slice(0, 300);
      if (figures.consoleErrors.length < 10) figures.consoleErrors.push(text);
      log(`    console error: ${text}`);
      if (/analysis failed/.test(text)) analysisFailed(text);
    });
    await page.addInitScript(benchInitScript);
    const cdp = await context.newCDPSession(page);
    const workers = await WorkerTargets.attach(cdp);
    await page.goto(app.url);
    await page.getByTestId('file-input').waitFor({ state: 'attached' });
    await page.waitForTimeout(500); // start-up work (creating the grid) is not the file's

    const profiler = options.profile ? new PhaseProfiler(cdp, page, workers, app) : undefined;
    const phaseStart: { phase: Phase; t: number }[] = [];

    // ---- scroll to the bottom (the 1,000,000-row file), as soon as the sheet is loaded:
    // the grid must stay usable while the analysis still runs in the worker.
    const scrollPhase = async () => {
      const t = await page.evaluate(scrollToBottom);
      if (t.error || t.t === undefined) {
        figures.scroll = { ok: false, detail: t.error ?? 'no scroll' };
      } else {
        const scrolledAt = t.t;
        phaseStart.push({ phase: 'scroll', t: scrolledAt });
        const lastData: RowProbe = { row: s.lastDataRow, col: 1, text: s.lastDataText };
        const lastRow: RowProbe = { row: s.totalRows - 1, col: 0, prefix: s.lastRowPrefix };
        try {
          const [a, b] = await d.run('scroll', (ms) =>
            Promise.all([
              page.waitForFunction(rowVisible, lastData, { polling: 'raf', timeout: Math.min(ms, 60_000) }).then((h) => h.jsonValue()),
              page.waitForFunction(rowVisible, lastRow, { polling: 'raf', timeout: Math.min(ms, 60_000) }).then((h) => h.jsonValue()),
            ]),
          );
          const done = Math.max(a ? (a.t ?? 0) : 0, b ? (b.t ?? 0) : 0);
          figures.scroll = { ok: true, ms: done - scrolledAt, detail: `rows ${s.lastDataRow + 1} and ${s.totalRows} rendered (${t.element})` };
        } catch (e) {
          if (figures.crashed) throw e;
          const seen = await page.evaluate(() => Array.from(document.querySelectorAll('[data-testid="sheet-grid"] .ag-row[row-index]')).map((r) => Number(r.getAttribute('row-index'))));
          figures.scroll = { ok: false, detail: `rows near the end did not render (rendered: ${Math.min(...seen)}–${Math.max(...seen)})` };
        }
      }
      log(`    scroll to the bottom: ${figures.scroll.ok ? `ok in ${figures.scroll.ms?.toFixed(0)} ms` : 'FAILED'} (${figures.scroll.detail})`);
      await page.waitForTimeout(500);
      if (profiler) (figures.profiles ??= {}).scroll = await profiler.stop('scroll');
      return await page.evaluate(() => performance.now());
    };

    // ---- load, first rows, analysis
    await profiler?.start();
    const first: RowProbe = { row: s.firstDataRow, col: 1, text: s.firstDataText };
    const firstRow = page.waitForFunction(rowVisible, first, { polling: 'raf', timeout: d.left() });
    const loaded = page.waitForFunction(loadedProbe, first, { polling: 'raf', timeout: d.left() });
    const analysed = page.waitForFunction(analysedProbe, undefined, { polling: 'raf', timeout: d.left() });
    // Unobserved rejections (a crash, the browser closing) must not end the process.
    for (const p of [firstRow, loaded, analysed]) p.catch(() => {});
    log('  dropping the file into the app');
    await d.run('load', (ms) => page.getByTestId('file-input').setInputFiles(s.filePath, { timeout: ms }));
    const drop = await page.evaluate(() => (window as unknown as BenchGlobals).__bench.drop);
    if (drop === undefined) throw new Error('the file input never fired change');
    phaseStart.push({ phase: 'load', t: drop });

    const firstProbe = await d.run('load (first rows)', async () => (await firstRow).jsonValue());
    if (firstProbe && firstProbe.error) throw new Error(`the app refused the file: ${firstProbe.error}`);
    if (firstProbe && firstProbe.t !== undefined) figures.firstRowMs = firstProbe.t - drop;
    log(`    first data row visible after ${figures.firstRowMs?.toFixed(0)} ms`);
    const loadedProbeValue = await d.run('load', async () => (await loaded).jsonValue());
    if (loadedProbeValue && loadedProbeValue.error) throw new Error(`the app refused the file: ${loadedProbeValue.error}`);
    if (loadedProbeValue && loadedProbeValue.t !== undefined) figures.loadMs = loadedProbeValue.t - drop;
    log(`    loaded after ${figures.loadMs?.toFixed(0)} ms`);
    if (s.scroll) {
      if (profiler) {
        (figures.profiles ??= {}).load = await profiler.stop('drop → loaded');
        await profiler.start();
      }
      const scrolled = await scrollPhase();
      phaseStart.push({ phase: 'analysis', t: scrolled });
      await profiler?.start();
    } else if (loadedProbeValue && loadedProbeValue.t !== undefined) {
      phaseStart.push({ phase: 'analysis', t: loadedProbeValue.t });
    }
    const analysedValue = await d.run('analysis', () =>
      Promise.race([analysed.then((h) => h.jsonValue()), analysisFailure.then((message): Probe => ({ error: message }))]),
    );
    if (analysedValue && analysedValue.error) {
      figures.analysisError = analysedValue.error;
      log(`    the analysis FAILED: ${analysedValue.error}`);
    } else if (analysedValue && analysedValue.t !== undefined) {
      figures.analysedMs = analysedValue.t - drop;
      figures.violations = toCount(analysedValue.count);
      log(`    analysed after ${figures.analysedMs.toFixed(0)} ms (${figures.violations} violations)`);
    }
    await page.waitForTimeout(1500); // trailing tasks of the analysis, and the autosave after open
    if (profiler) (figures.profiles ??= {})[s.scroll ? 'analysis' : 'load'] = await profiler.stop(s.scroll ? 'scrolled → analysed' : 'drop → analysed');

    // ---- heap after load
    const heap = await d.run('heap', async () => {
      const before = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize);
      await cdp.send('HeapProfiler.collectGarbage');
      const after = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize);
      let worker: number | undefined;
      const id = workers.find('seiton.worker');
      if (id) {
        const send = workerSend(workers, id);
        await send('HeapProfiler.collectGarbage').catch(() => {});
        worker = (await send<{ usedSize: number }>('Runtime.getHeapUsage').catch(() => undefined))?.usedSize;
      }
      return { before, after, worker };
    });
    if (heap.after !== undefined) figures.heapMB = heap.after / MB;
    if (heap.before !== undefined) figures.heapBeforeGcMB = heap.before / MB;
    if (heap.worker !== undefined) figures.workerHeapMB = heap.worker / MB;
    log(`    JS heap after load: main ${figures.heapMB?.toFixed(0)} MB (before GC ${figures.heapBeforeGcMB?.toFixed(0)}), worker ${figures.workerHeapMB?.toFixed(0)} MB`);

    // ---- すべて修正
    if (s.fixAll && !figures.analysisError) {
      const button = page.getByRole('button', { name: 'すべて修正', exact: true });
      await d.run('fix-all', async (ms) => {
        await button.waitFor({ timeout: ms });
        await page.waitForFunction(() => Array.from(document.querySelectorAll('button')).some((b) => b.textContent?.trim() === 'すべて修正' && !b.disabled), undefined, { timeout: ms });
      });
      const before = (await page.getByTestId('violation-count').textContent()) ?? '';
      const clicksBefore = await page.evaluate(() => (window as unknown as BenchGlobals).__bench.clicks.length);
      await profiler?.start();
      const changed = page.waitForFunction(countChangedProbe, before, { polling: 'raf', timeout: d.left() });
      changed.catch(() => {});
      const shown = page.waitForFunction(() => (document.querySelector('[data-testid="fixall-preview"]') ? performance.now() : 0), undefined, { polling: 'raf', timeout: d.left() });
      shown.catch(() => {});
      log('  clicking すべて修正');
      await d.run('fix-all', (ms) => button.click({ timeout: ms }));
      const click = await page.evaluate((n) => (window as unknown as BenchGlobals).__bench.clicks.slice(n).find((c) => c.text === 'すべて修正')?.t, clicksBefore);
      if (click === undefined) throw new Error('the click on すべて修正 was not seen');
      phaseStart.push({ phase: 'fixAll', t: click });
      const previewAt = (await d.run('fix-all', async () => (await shown).jsonValue())) as number;
      figures.fixAllPreviewMs = previewAt - click;
      log(`    preview shown after ${figures.fixAllPreviewMs.toFixed(0)} ms; clicking 適用`);
      await d.run('fix-all', (ms) => page.getByTestId('fixall-preview').getByRole('button', { name: '適用', exact: true }).click({ timeout: ms }));
      const apply = await page.evaluate((n) => (window as unknown as BenchGlobals).__bench.clicks.slice(n).find((c) => c.text === '適用')?.t, clicksBefore);
      if (apply === undefined) throw new Error('the click on 適用 was not seen');
      const after = await d.run('fix-all', async () => (await changed).jsonValue());
      if (after) {
        figures.fixAllMs = figures.fixAllPreviewMs + (after.t ?? apply) - apply;
        figures.violationsAfterFix = toCount(after.count);
      }
      // Wait until the button is back (fixing done), then for trailing work.
      await d.run('fix-all', (ms) =>
        page.waitForFunction(() => Array.from(document.querySelectorAll('button')).some((b) => b.textContent?.trim() === 'すべて修正' && !b.disabled), undefined, { timeout: ms }),
      );
      await page.waitForTimeout(1500);
      log(`    count ${toCount(before)} → ${figures.violationsAfterFix} after ${figures.fixAllMs?.toFixed(0)} ms`);
      if (profiler) (figures.profiles ??= {}).fixAll = await profiler.stop('fix-all');
    }

    // ---- CSVをダウンロード
    if (s.export) {
      const button = page.getByRole('button', { name: 'CSVをダウンロード', exact: true });
      await d.run('export', (ms) => button.waitFor({ timeout: ms }));
      const clicksBefore = await page.evaluate(() => {
        const b = (window as unknown as BenchGlobals).__bench;
        b.download = undefined;
        return b.clicks.length;
      });
      await profiler?.start();
      log('  clicking CSVをダウンロード');
      const download = page.waitForEvent('download', { timeout: d.left() });
      download.catch(() => {});
      await d.run('export', (ms) => button.click({ timeout: ms }));
      const dl = await d.run('export', () => download);
      const marks = await page.evaluate((n) => {
        const b = (window as unknown as BenchGlobals).__bench;
        return { click: b.clicks.slice(n).find((c) => c.text === 'CSVをダウンロード')?.t, download: b.download };
      }, clicksBefore);
      if (marks.click === undefined) throw new Error('the click on CSVをダウンロード was not seen');
      phaseStart.push({ phase: 'export', t: marks.click });
      if (marks.download !== undefined) figures.exportMs = marks.download - marks.click;
      const file = await d.run('export', () => dl.path());
      const bytes = readFileSync(file);
      let lines = 0;
      for (let i = bytes.indexOf(10); i >= 0; i = bytes.indexOf(10, i + 1)) lines++;
      figures.exported = { bytes: bytes.length, lines, fileName: dl.suggestedFilename() };
      await page.waitForTimeout(1000);
      log(`    download of ${figures.exported.fileName} (${(bytes.length / MB).toFixed(1)} MB, ${lines} lines) started after ${figures.exportMs?.toFixed(0)} ms`);
      if (profiler) (figures.profiles ??= {}).export = await profiler.stop('export');
    }

    // ---- long tasks, by the phase they started in
    const tasks = await page.evaluate(() => (window as unknown as BenchGlobals).__bench.tasks);
    figures.longTasks = attributeLongTasks(tasks, phaseStart);
  } catch (e) {
    if (e instanceof PhaseTimeout) {
      figures.timeout = { phase: e.phase, afterMs: Date.now() - started };
      log(`    TIMEOUT in ${e.phase} after ${((Date.now() - started) / 1000).toFixed(0)} s`);
    } else if (figures.crashed) {
      figures.error = 'the tab crashed';
      log('    the tab CRASHED');
    } else {
      figures.error = e instanceof Error ? e.message.split('\n')[0] : String(e);
      log(`    ERROR ${figures.error}`);
    }
    if (figures.scroll === undefined && s.scroll && figures.crashed) figures.scroll = { ok: false, detail: 'the tab crashed' };
  } finally {
    await context?.close().catch(() => {});
    await browser.close().catch(() => {});
  }
  return figures;
}

function attributeLongTasks(tasks: { start: number; dur: number }[], starts: { phase: Phase; t: number }[]): Partial<Record<Phase, LongTaskStats>> {
  const out: Partial<Record<Phase, LongTaskStats>> = {};
  const sorted = [...starts].sort((a, b) => a.t - b.t);
  for (const p of sorted) out[p.phase] = { longest: 0, count: 0, blocking: 0 };
  for (const task of tasks) {
    // A task belongs to the last phase that started before it ended: the task in which a
    // phase's mark was taken (the click's own handler) is the new phase's.
    const end = task.start + task.dur;
    let phase: Phase | undefined;
    for (const p of sorted) if (p.t <= end) phase = p.phase;
    if (!phase) continue;
    const stats = out[phase]!;
    stats.longest = Math.max(stats.longest, task.dur);
    stats.count++;
    stats.blocking += Math.max(0, task.dur - 50);
  }
  return out;
}

/** Scrolls the grid's scrolling viewport to the end; returns the page time. */
function scrollToBottom(): { t?: number; element?: string; error?: string } {
  const grid = document.querySelector('[data-testid="sheet-grid"]');
  if (!grid) return { error: 'no grid' };
  for (const selector of ['.ag-body-viewport', '.ag-grid-viewport', '.ag-body-vertical-scroll-viewport']) {
    const el = grid.querySelector(selector);
    if (el && el.scrollHeight > el.clientHeight * 2) {
      el.scrollTop = el.scrollHeight;
      el.dispatchEvent(new Event('scroll'));
      return { t: performance.now(), element: `${selector} scrollHeight ${el.scrollHeight}px` };
    }
  }
  return { error: 'no scrollable grid viewport found' };
}

// ---------------------------------------------------------------- profiles

/** CPU profiles of one phase, on the main thread and in the seiton worker. */
class PhaseProfiler {
  private main: CdpSend;
  private worker?: CdpSend;
  private moduleOf?: ReturnType<typeof moduleMapper>;

  private mark?: number;

  constructor(
    cdp: CDPSession,
    private readonly page: Page,
    private readonly workers: WorkerTargets,
    private readonly app: AppServer,
  ) {
    this.main = pageSend(cdp);
  }

  async start(): Promise<void> {
    const id = this.workers.find('seiton.worker');
    this.worker = id ? workerSend(this.workers, id) : undefined;
    await startProfiler(this.main);
    if (this.worker) await startProfiler(this.worker);
    // A few ms in a function of a known name at a known page time: lines the profile's
    // clock up with performance.now(), so long tasks can be looked up in the profile.
    // (Runtime.evaluate of a string: a function passed to page.evaluate would be rewritten
    // by the TypeScript loader and lose its name.)
    const { result } = await this.main<{ result: { value?: number } }>('Runtime.evaluate', {
      expression: '(function __seitonBenchMark() { const t = performance.now(); while (performance.now() - t < 4) {} return t; })()',
      returnByValue: true,
    });
    this.mark = result.value;
  }

  async stop(label: string): Promise<ProfileSummary[]> {
    if (!this.moduleOf) {
      const dir = path.join(this.app.outDir, 'assets');
      const read = (suffix: string, strip = '') =>
        new Map(
          readdirSync(dir)
            .filter((f) => f.endsWith(suffix))
            .map((f) => [f.slice(0, f.length - strip.length), readFileSync(path.join(dir, f), 'utf8')]),
        );
      this.moduleOf = moduleMapper(read('.js'), read('.js.map', '.map'), (source) => {
        // `../../node_modules/xlsx/xlsx.mjs` → `xlsx/xlsx.mjs`; `../../src/core/model.ts` → `src/core/model.ts`
        const pkg = source.lastIndexOf('node_modules/');
        if (pkg >= 0) return source.slice(pkg + 'node_modules/'.length);
        const m = /(?:^|\/)(src\/.*)$/.exec(source);
        return m ? m[1] : source;
      });
    }
    const mark = this.mark;
    const tasks = await this.page.evaluate((from) => (window as unknown as BenchGlobals).__bench.tasks.filter((t) => from === undefined || t.start >= from), mark);
    const out = [summarizeProfile(await stopProfiler(this.main), `main thread (${label})`, this.moduleOf, 12, mark === undefined ? undefined : { mark, markFunction: '__seitonBenchMark', tasks })];
    if (this.worker) out.push(summarizeProfile(await stopProfiler(this.worker), `worker (${label})`, this.moduleOf));
    return out;
  }
}

// ---------------------------------------------------------------- the old entry point

export interface BrowserResult {
  gridMs: number;
  analysedMs: number;
  longestTaskMs: number;
  longTasks: number;
  blockingMs: number;
  heapMB?: number;
  violations: string;
}

/**
 * Kept for scripts that call it: builds, serves, drops `filePath` (an .xlsx from
 * generateWorkbook.ts: data from row 5) and reports load figures.
 */
export async function runBrowserBench(filePath: string, timeoutMs = 300_000): Promise<BrowserResult> {
  const app = await startApp();
  try {
    const f = await runScenario(
      app,
      { id: 'file', kind: 'xlsx', filePath, totalRows: 0, firstDataRow: 5, lastDataRow: 5, fixAll: false, export: false, scroll: false, timeoutMs, floorRuns: 0 },
      { floor: false },
    );
    if (f.error || f.timeout) throw new Error(f.error ?? `timeout in ${f.timeout?.phase}`);
    const tasks = Object.values(f.longTasks);
    return {
      gridMs: f.firstRowMs ?? NaN,
      analysedMs: f.analysedMs ?? NaN,
      longestTaskMs: Math.max(0, ...tasks.map((t) => t.longest)),
      longTasks: tasks.reduce((s, t) => s + t.count, 0),
      blockingMs: tasks.reduce((s, t) => s + t.blocking, 0),
      heapMB: f.heapBeforeGcMB,
      violations: String(f.violations ?? ''),
    };
  } finally {
    await app.close();
  }
}
