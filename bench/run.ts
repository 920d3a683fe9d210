// `npm run bench`: how long reading a big .xlsx takes, bare SheetJS against the path the
// Web Worker runs (DocumentSession.open → readWorkbook → readSpreadsheet → column store).
// Prints numbers only; nothing here asserts on speed.
//
//   npm run bench                              # 100,000 × 20
//   npm run bench -- --rows 20000 --cols 10 --runs 5 --warmup 1
//   BENCH_ROWS=20000 BENCH_COLS=10 npm run bench
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import v8 from 'node:v8';
import vm from 'node:vm';
import * as XLSX from 'xlsx';
import { SheetAnalyzer } from '../src/core/analysis/analyse.ts';
import { planFixAll } from '../src/core/fix/runFixes.ts';
import { SHEETJS_READ_OPTIONS } from '../src/core/io/readSpreadsheet.ts';
import { runBrowserBench } from './browser.ts';
import { DocumentSession, type OpenResult } from '../src/worker/session.ts';
import { DEFAULT_CAPTION, generateWorkbookBytes, totalRowCount } from './generateWorkbook.ts';

interface BenchConfig {
  rows: number;
  cols: number;
  warmup: number;
  runs: number;
  browser: boolean;
}

function intSetting(name: string, arg: string | undefined, env: string | undefined, fallback: number, min: number): number {
  const raw = arg ?? env;
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer >= ${min}, got "${raw}"`);
  return n;
}

function readConfig(): BenchConfig {
  const { values } = parseArgs({
    options: {
      rows: { type: 'string' },
      cols: { type: 'string' },
      warmup: { type: 'string' },
      runs: { type: 'string' },
      'no-browser': { type: 'boolean' },
    },
    strict: true,
  });
  return {
    rows: intSetting('rows', values.rows, process.env.BENCH_ROWS, 100_000, 1),
    cols: intSetting('cols', values.cols, process.env.BENCH_COLS, 20, 3),
    warmup: intSetting('warmup', values.warmup, process.env.BENCH_WARMUP, 1, 0),
    runs: intSetting('runs', values.runs, process.env.BENCH_RUNS, 3, 1),
    browser: !values['no-browser'] && process.env.BENCH_BROWSER !== '0',
  };
}

/** A full GC between runs so one run's garbage is not collected during the next. */
function makeGc(): () => void {
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as unknown;
    if (typeof gc === 'function') return gc as () => void;
  } catch {
    // fall through: no forced GC, numbers are just noisier
  }
  return () => {};
}
const gc = makeGc();

interface Measurement {
  label: string;
  times: number[];
  median: number;
  min: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Runs `fn` warmup + runs times; `check` sees every result (and throws if it is wrong). */
function measure<T>(label: string, cfg: BenchConfig, fn: () => T, check: (result: T) => void): Measurement {
  const times: number[] = [];
  for (let i = 0; i < cfg.warmup + cfg.runs; i++) {
    gc();
    const t0 = performance.now();
    const result = fn();
    const t = performance.now() - t0;
    check(result);
    const timed = i >= cfg.warmup;
    if (timed) times.push(t);
    console.log(`  ${label}: ${timed ? `run ${i - cfg.warmup + 1}` : 'warm-up'} ${t.toFixed(0)} ms`);
  }
  return { label, times, median: median(times), min: Math.min(...times) };
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const fmtMs = (ms: number) => ms.toFixed(0).padStart(7);

async function main(): Promise<void> {
  const cfg = readConfig();
  const cpus = os.cpus();
  console.log('Seiton read benchmark');
  console.log(`Node ${process.version} (${process.platform} ${process.arch}), V8 ${process.versions.v8}`);
  console.log(`CPU  ${cpus[0]?.model.trim() ?? 'unknown'} × ${cpus.length} cores, ${mb(os.totalmem())} MB RAM`);
  console.log(`Size ${cfg.rows.toLocaleString('en-US')} rows × ${cfg.cols} cols; ${cfg.warmup} warm-up + ${cfg.runs} timed runs each`);
  console.log('');

  const dir = mkdtempSync(path.join(os.tmpdir(), 'seiton-bench-'));
  try {
    const fileName = `municipal-stats-${cfg.rows}x${cfg.cols}.xlsx`;
    const filePath = path.join(dir, fileName);

    let t0 = performance.now();
    writeFileSync(filePath, generateWorkbookBytes({ rows: cfg.rows, cols: cfg.cols }));
    const genMs = performance.now() - t0;
    const fileBytes = statSync(filePath).size;
    console.log(`Generated ${filePath} (${mb(fileBytes)} MB) in ${fmtMs(genMs).trim()} ms`);

    t0 = performance.now();
    const buf = readFileSync(filePath);
    // What the worker gets: a Uint8Array over the file's ArrayBuffer.
    const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
    console.log(`Read back ${bytes.length.toLocaleString('en-US')} bytes in ${fmtMs(performance.now() - t0).trim()} ms`);
    console.log('');

    const expectedRows = totalRowCount(cfg.rows);
    const checkSheetJs = (wb: XLSX.WorkBook) => {
      const ws = wb.Sheets[wb.SheetNames[0]];
      const range = XLSX.utils.decode_range(ws?.['!ref'] ?? 'A1');
      if (range.e.r + 1 !== expectedRows || range.e.c + 1 !== cfg.cols) {
        throw new Error(`SheetJS read ${ws?.['!ref']}, expected ${expectedRows} rows × ${cfg.cols} cols`);
      }
    };

    const bare = measure('bare SheetJS', cfg, () => XLSX.read(bytes, { type: 'array', dense: true }), checkSheetJs);
    const ours = measure('SheetJS + SHEETJS_READ_OPTIONS', cfg, () => XLSX.read(bytes, SHEETJS_READ_OPTIONS), checkSheetJs);

    gc();
    const before = process.memoryUsage();
    const kept: { result: OpenResult | null } = { result: null };
    const worker = measure(
      'worker path (DocumentSession.open)',
      cfg,
      () => {
        kept.result = null; // the previous run's workbook is garbage before the next read, as in the app
        kept.result = new DocumentSession().open(fileName, bytes);
        return kept.result;
      },
      (result) => {
        if (!result.ok) throw new Error(`DocumentSession.open failed: ${JSON.stringify(result.error)}`);
        const sheet = result.workbook.sheets[0];
        if (!sheet) throw new Error('DocumentSession.open returned no sheet');
        if (sheet.rowCount !== expectedRows) throw new Error(`rowCount ${sheet.rowCount}, expected ${expectedRows}`);
        if (sheet.columns.length !== cfg.cols) throw new Error(`${sheet.columns.length} columns, expected ${cfg.cols}`);
        if (sheet.columns[0].values[0] !== DEFAULT_CAPTION) throw new Error(`A1 is ${JSON.stringify(sheet.columns[0].values[0])}`);
      },
    );
    const after = process.memoryUsage();
    gc();
    const retained = process.memoryUsage();
    const peakRss = process.resourceUsage().maxRSS * 1024;
    const model = kept.result?.ok ? kept.result.workbook.sheets[0] : undefined;

    if (!model) throw new Error('no workbook to analyse');
    const analysis = measure(
      'analysis (SheetAnalyzer.analyse)',
      cfg,
      () => new SheetAnalyzer(model, false).analyse(),
      (a) => {
        if (a.structure.tables.length !== 1) throw new Error(`${a.structure.tables.length} tables detected, expected 1`);
        const t = a.structure.tables[0];
        if (t.dataRows.end + 1 !== expectedRows) throw new Error(`data rows end at ${t.dataRows.end + 1}, expected ${expectedRows}`);
      },
    );

    const workbook = kept.result?.ok ? kept.result.workbook : undefined;
    if (!workbook) throw new Error('no workbook to fix');
    let fixCount = 0;
    const fixAll = measure(
      'fix-all plan (planFixAll, in the worker)',
      cfg,
      () => planFixAll(workbook),
      (changes) => {
        if (changes.length === 0) throw new Error('fix-all changed nothing');
        fixCount = changes.length;
      },
    );

    const label = (s: string) => s.padEnd(38);
    console.log('');
    console.log(`File   ${mb(fileBytes)} MB, ${cfg.rows.toLocaleString('en-US')} data rows (+4 header rows) × ${cfg.cols} cols`);
    console.log(`${label('Measurement')}${'median ms'.padStart(10)}${'min ms'.padStart(10)}   runs (ms)`);
    for (const m of [bare, ours, worker, analysis, fixAll]) {
      console.log(`${label(m.label)}${fmtMs(m.median).padStart(10)}${fmtMs(m.min).padStart(10)}   ${m.times.map((t) => t.toFixed(0)).join(', ')}`);
    }
    const ratio = (a: number, b: number) => (a / b).toFixed(2);
    console.log(`${label('ratio worker / bare SheetJS')}${ratio(worker.median, bare.median).padStart(10)}${ratio(worker.min, bare.min).padStart(10)}`);
    console.log(`${label('ratio worker / SheetJS + our options')}${ratio(worker.median, ours.median).padStart(10)}${ratio(worker.min, ours.min).padStart(10)}`);
    console.log(`${label('fix-all changes (goal: plan ≤ 1000 ms)')}${String(fixCount).padStart(10)}`);
    console.log(`${label('ratio analysis / bare SheetJS (goal ≤ 0.30)')}${ratio(analysis.median, bare.median).padStart(10)}${ratio(analysis.min, bare.min).padStart(10)}`);
    console.log('');
    console.log(`Memory after the worker-path read (workbook of ${model?.rowCount} × ${model?.columns.length} still referenced)`);
    console.log(`  rss ${mb(after.rss)} MB, heapUsed ${mb(after.heapUsed)} MB, external (incl. ArrayBuffers) ${mb(after.external)} MB`);
    console.log(`  heapUsed after GC ${mb(retained.heapUsed)} MB (before the worker runs: ${mb(before.heapUsed)} MB → model ≈ ${mb(retained.heapUsed - before.heapUsed)} MB)`);
    console.log(`  process peak RSS ${mb(peakRss)} MB (whole run, including generation)`);
    kept.result = null;

    if (cfg.browser) {
      console.log('');
      console.log('In Chromium (built app, vite preview, file dropped through the file input):');
      const b = await runBrowserBench(filePath);
      console.log(`  first rows visible in the grid     ${fmtMs(b.gridMs)} ms`);
      console.log(`  analysis shown (violation count)   ${fmtMs(b.analysedMs)} ms   (${b.violations} violations)`);
      console.log(`  longest main-thread task           ${fmtMs(b.longestTaskMs)} ms   (goal ≤ 50; ${b.longTasks} tasks over 50 ms, ${b.blockingMs.toFixed(0)} ms blocking in all)`);
      if (b.heapMB !== undefined) console.log(`  main-thread JS heap after load     ${fmtMs(b.heapMB)} MB`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
