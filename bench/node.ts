// The Node half of `npm run bench`: the same core the Web Worker runs, timed without a
// browser, next to the bare parser on the same bytes. Gives the worker-side cost of each
// step (read, analysis, fix-all plan, applying it, export) without the main thread.
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import Papa from 'papaparse';
import * as XLSX from 'xlsx';
import { type SheetAnalysis, SheetAnalyzer } from '../src/core/analysis/analyse.ts';
import type { Change } from '../src/core/changes.ts';
import { SHEETJS_READ_OPTIONS } from '../src/core/io/readSpreadsheet.ts';
import { DocumentSession, type OpenResult } from '../src/worker/session.ts';

export interface NodeConfig {
  warmup: number;
  runs: number;
  log: (s: string) => void;
}

export interface Measurement {
  label: string;
  times: number[];
  median: number;
  min: number;
  note?: string;
}

export interface NodeFigures {
  /** Bare SheetJS dense read, or TextDecoder + Papa.parse. */
  bare?: Measurement;
  /** SheetJS with the app's options (xlsx only). */
  ours?: Measurement;
  open?: Measurement;
  analysis?: Measurement;
  /** DocumentSession.fixAll: plan, apply, record and re-analyse, as the app does it. */
  fixAll?: Measurement;
  export?: Measurement;
  changes?: number;
  violations?: number;
  violationsAfterFix?: number;
  exportedBytes?: number;
  heapMB?: number;
  error?: string;
  /** The step that threw (`analysis`…); the steps after it did not run. */
  failedStep?: NodeStep;
}

export type NodeStep = 'bare' | 'ours' | 'open' | 'analysis' | 'fixAll' | 'export';

/** A full GC between runs so one run's garbage is not collected during the next. */
function makeGc(): () => void {
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as unknown;
    if (typeof gc === 'function') return gc as () => void;
  } catch {
    // no forced GC: numbers are just noisier
  }
  return () => {};
}
export const gc = makeGc();

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Runs `fn` warmup + runs times; `before` (untimed) prepares each run, `check` sees each result. */
function measure<T>(label: string, cfg: NodeConfig, fn: () => T, check: (result: T) => void = () => {}, before: () => void = () => {}): Measurement {
  const times: number[] = [];
  for (let i = 0; i < cfg.warmup + cfg.runs; i++) {
    before();
    gc();
    const t0 = performance.now();
    const result = fn();
    const t = performance.now() - t0;
    check(result);
    if (i >= cfg.warmup) times.push(t);
    cfg.log(`    ${label}: ${i >= cfg.warmup ? `run ${i - cfg.warmup + 1}` : 'warm-up'} ${t.toFixed(0)} ms`);
  }
  return { label, times, median: median(times), min: Math.min(...times) };
}

export interface NodeScenario {
  kind: 'xlsx' | 'csv';
  fileName: string;
  bytes: Uint8Array;
  encoding?: 'utf-8' | 'shift_jis';
  totalRows: number;
  cols: number;
  /** Skip fix-all and export (the 1,000,000-row file). */
  fix: boolean;
}

export function runNode(s: NodeScenario, cfg: NodeConfig): NodeFigures {
  const out: NodeFigures = {};
  let step: NodeStep = 'bare';
  try {
    if (s.kind === 'xlsx') {
      const check = (wb: XLSX.WorkBook) => {
        const range = XLSX.utils.decode_range(wb.Sheets[wb.SheetNames[0]]?.['!ref'] ?? 'A1');
        if (range.e.r + 1 !== s.totalRows || range.e.c + 1 !== s.cols) throw new Error(`SheetJS read ${range.e.r + 1} × ${range.e.c + 1}, expected ${s.totalRows} × ${s.cols}`);
      };
      step = 'bare';
      out.bare = measure('bare SheetJS read (dense)', cfg, () => XLSX.read(s.bytes, { type: 'array', dense: true }), check);
      step = 'ours';
      out.ours = measure('SheetJS + SHEETJS_READ_OPTIONS', cfg, () => XLSX.read(s.bytes, SHEETJS_READ_OPTIONS), check);
    } else {
      const encoding = s.encoding ?? 'utf-8';
      step = 'bare';
      out.bare = measure(`bare TextDecoder('${encoding}') + Papa.parse`, cfg, () => Papa.parse<string[]>(new TextDecoder(encoding).decode(s.bytes)), (r) => {
        if (r.data.length < s.totalRows) throw new Error(`Papa.parse gave ${r.data.length} records, expected ${s.totalRows}`);
      });
    }

    let session = new DocumentSession();
    let opened: OpenResult | undefined;
    step = 'open';
    out.open = measure(
      'worker path (DocumentSession.open)',
      cfg,
      () => session.open(s.fileName, s.bytes),
      (result) => {
        if (!result.ok) throw new Error(`DocumentSession.open failed: ${JSON.stringify(result.error)}`);
        opened = result;
        const sheet = result.workbook.sheets[0];
        if (sheet.rowCount !== s.totalRows || sheet.columns.length !== s.cols) throw new Error(`read ${sheet.rowCount} × ${sheet.columns.length}, expected ${s.totalRows} × ${s.cols}`);
      },
      () => {
        opened = undefined;
        session = new DocumentSession(); // the previous run's workbook is garbage, as in the app
      },
    );

    if (!opened?.ok) throw new Error('DocumentSession.open failed');
    const { workbook } = opened;
    const sheet = workbook.sheets[0];
    step = 'analysis';
    out.analysis = measure('analysis (SheetAnalyzer.analyse)', cfg, () => new SheetAnalyzer(sheet, workbook.date1904).analyse(), (a) => {
      out.violations = totalOf(a);
    });
    gc();
    out.heapMB = process.memoryUsage().heapUsed / 1024 / 1024;
    session.analyse(); // the analyzers fix-all and apply use
    if (!s.fix) return out;

    let changes: Change[] = [];
    step = 'fixAll';
    out.fixAll = measure(
      'fix-all: plan, apply, re-analysis (DocumentSession.fixAll)',
      cfg,
      () => session.fixAll({ step: { kind: 'fixAll' } }),
      (r) => {
        if (r.changes.length === 0) throw new Error('fix-all changed nothing');
        changes = r.changes;
        out.changes = r.changes.length;
        const full = r.deltas.find((d) => d.full)?.full;
        if (full) out.violationsAfterFix = totalOf(full);
      },
      () => {
        // Undo it (as the app's undo does) so the next run starts from the same document.
        if (changes.length > 0) session.revert(changes, { op: 'undo' });
        changes = [];
      },
    );
    // The last run is not undone: the export measures the fixed document.
    step = 'export';
    out.export = measure('export CSV after fix-all (session.export)', cfg, () => session.export(sheet.id, 'csv'), (r) => {
      if (!r.ok) throw new Error(`export refused: ${r.encoding}`);
      out.exportedBytes = r.file.bytes.length;
    });
  } catch (e) {
    out.error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    out.failedStep = step;
    cfg.log(`    ERROR in ${step}: ${out.error}`);
  }
  return out;
}

/** What the violations panel shows as the total (store/findings.ts: every finding of every rule). */
function totalOf(a: SheetAnalysis): number {
  return a.rules.reduce((n, r) => n + r.count, 0);
}
