// The one table `npm run bench` prints (and writes into docs/benchmarks.md): every figure
// of every scenario next to its goal, ✓ / ✗ where a goal applies. Numbers only; nothing
// fails when a goal is missed.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import type { BrowserFigures, LongTaskStats, Phase } from './browser.ts';
import type { Measurement, NodeFigures, NodeStep } from './node.ts';
import type { Scenario, ScenarioFile } from './scenarios.ts';

export interface ScenarioResult {
  scenario: Scenario;
  file: ScenarioFile;
  browser?: BrowserFigures;
  node?: NodeFigures;
  /** CPU busy (%, all cores) in the 2 s before the Node / browser part started: other work on the machine. */
  cpuBusy?: { node?: number; browser?: number };
  /** CPU profiles per phase (--profile): main thread and worker. */
  profiles?: BrowserFigures['profiles'];
}

export interface Machine {
  cpu: string;
  cores: number;
  ramGB: number;
  os: string;
  node: string;
  chromium?: string;
  date: string;
  commit?: string;
  /** Hash of the app's files under src/ (tests left out): tells whether two runs measured the same code. */
  srcHash: string;
}

function srcFingerprint(dir = 'src'): string {
  const h = createHash('sha256');
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (!/\.test\.tsx?$/.test(e.name)) {
        h.update(p);
        h.update(readFileSync(p));
      }
    }
  };
  try {
    walk(dir);
  } catch {
    return 'unknown';
  }
  return h.digest('hex').slice(0, 12);
}

export function describeMachine(chromium?: string): Machine {
  const cpus = os.cpus();
  let commit: string | undefined;
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    commit = dirty ? `${head} + uncommitted changes in src/` : head;
  } catch {
    // not a git checkout
  }
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    ramGB: os.totalmem() / 1024 ** 3,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    chromium,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    commit,
    srcHash: srcFingerprint(),
  };
}

export function machineLines(m: Machine): string[] {
  return [
    `CPU       ${m.cpu}, ${m.cores} cores, ${m.ramGB.toFixed(1)} GB RAM`,
    `System    ${m.os}`,
    `Node      ${m.node}`,
    `Chromium  ${m.chromium ?? '(not run)'}`,
    `Date      ${m.date}`,
    ...(m.commit ? [`Commit    ${m.commit}`] : []),
    `src/      sha256 ${m.srcHash} (of the app's files under src/, tests left out)`,
  ];
}

// ---------------------------------------------------------------- cells

interface Cell {
  text: string;
  /** true: goal met, false: missed, undefined: no goal for this scenario. */
  ok?: boolean;
}

interface Row {
  figure: string;
  goal: string;
  cell(r: ScenarioResult): Cell;
  /** Only shown when some scenario has it. */
  when?: (r: ScenarioResult) => boolean;
}

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const NA: Cell = { text: '—' };

/** Why a browser figure is missing: not run, timed out, crashed, failed. */
function missing(b: BrowserFigures | undefined): Cell {
  if (!b) return NA;
  if (b.crashed) return { text: 'crash', ok: false };
  if (b.timeout) return { text: `timeout (${b.timeout.phase})`, ok: false };
  if (b.analysisError) return { text: `analysis failed: ${/\b(\w*Error)\b/.exec(b.analysisError)?.[1] ?? 'error'}`, ok: false };
  if (b.error) return { text: 'error', ok: false };
  return NA;
}

function browserMs(get: (b: BrowserFigures) => number | undefined, goal?: (r: ScenarioResult) => number | undefined) {
  return (r: ScenarioResult): Cell => {
    const v = r.browser ? get(r.browser) : undefined;
    if (v === undefined) return missing(r.browser);
    const g = goal?.(r);
    return { text: int(v), ok: g === undefined ? undefined : v <= g };
  };
}

function longTask(phase: Phase) {
  return (r: ScenarioResult): Cell => {
    const b = r.browser;
    const t: LongTaskStats | undefined = b?.longTasks[phase];
    if (!t) return missing(b);
    return { text: t.count === 0 ? '< 50 (0)' : `${int(t.longest)} (${t.count})`, ok: t.longest <= 50 };
  };
}

function nodeMs(step: NodeStep) {
  return (r: ScenarioResult): Cell => {
    const m: Measurement | undefined = r.node?.[step];
    if (!m) return r.node?.failedStep === step ? { text: `failed: ${/^(\w+)/.exec(r.node.error ?? '')?.[1] ?? 'error'}` } : NA;
    return { text: int(m.median) };
  };
}

const upTo100k = (r: ScenarioResult) => r.scenario.rows <= 100_000;

const ROWS: Row[] = [
  {
    figure: 'file size (MB)',
    goal: '',
    cell: (r) => ({ text: (r.file.bytes / 1024 / 1024).toFixed(1) }),
  },
  {
    figure: 'dirty cells (of numeric cells)',
    goal: '~1 %',
    cell: (r) => ({ text: `${int(r.file.facts.dirtyCells)} (${((100 * r.file.facts.dirtyCells) / r.file.facts.numericCells).toFixed(2)} %)` }),
  },
  {
    figure: 'CPU busy before the start: browser / Node (%)',
    goal: '',
    cell: (r) => {
      const f = (n: number | undefined) => (n === undefined ? '—' : n.toFixed(0));
      return r.cpuBusy ? { text: `${f(r.cpuBusy.browser)} / ${f(r.cpuBusy.node)}` } : NA;
    },
  },
  {
    figure: 'floor in Chromium: bare SheetJS read / TextDecoder+Papa (ms)',
    goal: '',
    cell: (r) => {
      const f = r.browser?.floor;
      if (!f || f.median === undefined) return f?.error ? { text: f.error.startsWith('timeout') ? 'timeout' : 'error' } : NA;
      return { text: int(f.median) };
    },
  },
  {
    figure: 'load + analyse: drop -> violation count (ms)',
    goal: '',
    cell: browserMs((b) => b.analysedMs),
  },
  {
    figure: 'ratio load + analyse / floor',
    goal: '<= 1.30x',
    cell: (r) => {
      const b = r.browser;
      if (!b || b.analysedMs === undefined || b.floor.median === undefined) return missing(b);
      const ratio = b.analysedMs / b.floor.median;
      return { text: `${ratio.toFixed(2)}x`, ok: ratio <= 1.3 };
    },
  },
  {
    figure: 'first data row visible in the grid (ms)',
    goal: '<= 1,500 xlsx / <= 300 CSV',
    cell: browserMs(
      (b) => b.firstRowMs,
      (r) => (!upTo100k(r) ? undefined : r.scenario.kind === 'xlsx' ? 1500 : 300),
    ),
  },
  {
    figure: 'full load: drop -> whole sheet in the grid (ms)',
    goal: '',
    cell: browserMs((b) => b.loadMs),
  },
  { figure: 'longest main-thread task: load (ms; tasks > 50 ms)', goal: '<= 50', cell: longTask('load') },
  { figure: 'longest main-thread task: analysis', goal: '<= 50', cell: longTask('analysis') },
  { figure: 'longest main-thread task: fix-all', goal: '<= 50', cell: longTask('fixAll'), when: (r) => r.scenario.fix },
  { figure: 'longest main-thread task: export', goal: '<= 50', cell: longTask('export'), when: (r) => r.scenario.fix },
  { figure: 'longest main-thread task: scroll to bottom', goal: '<= 50', cell: longTask('scroll'), when: (r) => r.scenario.scroll },
  {
    figure: 'fix-all in the browser: click -> preview shown (ms)',
    goal: '',
    cell: browserMs((b) => b.fixAllPreviewMs),
    when: (r) => r.scenario.fix,
  },
  {
    figure: 'fix-all in the browser: click -> count updated (ms; preview + apply)',
    goal: '<= 1,000 at 100k x 20',
    cell: browserMs(
      (b) => b.fixAllMs,
      (r) => (upTo100k(r) ? 1000 : undefined),
    ),
    when: (r) => r.scenario.fix,
  },
  {
    figure: 'violations: after load -> after fix-all',
    goal: '',
    cell: (r) => {
      const b = r.browser;
      if (!b || b.violations === undefined) return missing(b);
      return { text: b.violationsAfterFix === undefined ? int(b.violations) : `${int(b.violations)} -> ${int(b.violationsAfterFix)}` };
    },
  },
  {
    figure: 'export CSV: click -> download starts (ms)',
    goal: '<= 1,000 for 2M cells',
    cell: browserMs(
      (b) => b.exportMs,
      (r) => (upTo100k(r) ? 1000 : undefined),
    ),
    when: (r) => r.scenario.fix,
  },
  {
    figure: 'exported cells (data rows x columns)',
    goal: '',
    cell: (r) => (r.scenario.fix ? { text: int(r.scenario.rows * r.scenario.cols) } : NA),
    when: (r) => r.scenario.fix,
  },
  {
    figure: 'JS heap after load, main thread (MB, after GC)',
    goal: '<= 400 at 100k x 20',
    cell: (r) => {
      const b = r.browser;
      if (!b || b.heapMB === undefined) return missing(b);
      return { text: int(b.heapMB), ok: upTo100k(r) ? b.heapMB <= 400 : undefined };
    },
  },
  {
    figure: 'JS heap after load, worker (MB, after GC)',
    goal: '',
    cell: browserMs((b) => b.workerHeapMB),
  },
  {
    figure: 'loads and scrolls to the last row without crashing',
    goal: 'yes',
    cell: (r) => {
      const b = r.browser;
      if (!b) return NA;
      if (b.scroll?.ok) return { text: `yes (${int(b.scroll.ms ?? 0)} ms)`, ok: true };
      if (b.crashed) return { text: 'no: crash', ok: false };
      if (b.timeout) return { text: `no: timeout (${b.timeout.phase})`, ok: false };
      return { text: `no${b.error ? ': error' : ''}`, ok: false };
    },
    when: (r) => r.scenario.scroll,
  },
  { figure: 'Node: bare SheetJS read / TextDecoder+Papa (ms)', goal: '', cell: nodeMs('bare') },
  { figure: 'Node: SheetJS + app read options (ms)', goal: '', cell: nodeMs('ours'), when: (r) => r.scenario.kind === 'xlsx' },
  { figure: 'Node: worker path, DocumentSession.open (ms)', goal: '', cell: nodeMs('open') },
  {
    figure: 'Node: ratio open / bare',
    goal: '',
    cell: (r) => (r.node?.open && r.node.bare ? { text: `${(r.node.open.median / r.node.bare.median).toFixed(2)}x` } : NA),
  },
  { figure: 'Node: analysis (ms)', goal: '', cell: nodeMs('analysis') },
  { figure: 'Node: fix-all, DocumentSession.fixAll: plan + apply + re-analysis (ms)', goal: '', cell: nodeMs('fixAll'), when: (r) => r.scenario.fix },
  { figure: 'Node: export CSV after fix-all (ms)', goal: '', cell: nodeMs('export'), when: (r) => r.scenario.fix },
];

function tableRows(results: ScenarioResult[]): { figure: string; goal: string; cells: Cell[] }[] {
  return ROWS.filter((row) => !row.when || results.some(row.when)).map((row) => ({
    figure: row.figure,
    goal: row.goal,
    cells: results.map((r) => {
      if (row.when && !row.when(r)) return NA;
      const c = row.cell(r);
      return row.goal === '' ? { text: c.text } : c;
    }),
  }));
}

const mark = (c: Cell) => (c.ok === undefined ? c.text : `${c.text} ${c.ok ? '✓' : '✗'}`);

export function textTable(results: ScenarioResult[]): string[] {
  const rows = tableRows(results);
  const header = ['Figure', 'Goal', ...results.map((r) => r.scenario.title)];
  const body = rows.map((r) => [r.figure, r.goal, ...r.cells.map(mark)]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cols: string[]) => cols.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)];
}

export function markdownTable(results: ScenarioResult[]): string[] {
  const rows = tableRows(results);
  const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/->/g, '→').replace(/<=/g, '≤');
  const out = [`| Figure | Goal | ${results.map((r) => esc(r.scenario.title)).join(' | ')} |`, `|---|---|${results.map(() => '---:').join('|')}|`];
  for (const r of rows) out.push(`| ${esc(r.figure)} | ${esc(r.goal)} | ${r.cells.map((c) => esc(mark(c))).join(' | ')} |`);
  return out;
}

/** Goals met / missed, for the summary line. */
export function goalSummary(results: ScenarioResult[]): { met: number; missed: number; list: string[] } {
  let met = 0;
  let missed = 0;
  const list: string[] = [];
  for (const row of tableRows(results)) {
    row.cells.forEach((c, i) => {
      if (c.ok === true) met++;
      if (c.ok === false) {
        missed++;
        list.push(`${results[i].scenario.title}: ${row.figure} = ${c.text} (goal ${row.goal})`);
      }
    });
  }
  return { met, missed, list };
}

// ---------------------------------------------------------------- docs/benchmarks.md

export const BEGIN = '<!-- bench:begin (written by `npm run bench -- --write`; edit outside these markers) -->';
export const END = '<!-- bench:end -->';

export function generatedSection(results: ScenarioResult[], machine: Machine, command: string): string {
  const { met, missed } = goalSummary(results);
  return [
    BEGIN,
    '',
    `Measured with \`${command}\`.`,
    '',
    '```',
    ...machineLines(machine),
    '```',
    '',
    ...markdownTable(results),
    '',
    `Goals: ${met} met, ${missed} missed (✓ / ✗). Times in ms; "longest task" cells give the longest main-thread task and, in parentheses, how many tasks over 50 ms the phase had.`,
    '',
    END,
  ].join('\n');
}

/** Replaces the generated section of the file (or writes the file with `skeleton` around it). */
export function writeDocs(file: string, section: string, skeleton: (section: string) => string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  if (existsSync(file)) {
    const text = readFileSync(file, 'utf8');
    const a = text.indexOf(BEGIN);
    const b = text.indexOf(END);
    if (a >= 0 && b > a) {
      writeFileSync(file, text.slice(0, a) + section + text.slice(b + END.length));
      return;
    }
  }
  writeFileSync(file, skeleton(section));
}
