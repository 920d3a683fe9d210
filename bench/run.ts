// `npm run bench`: how fast Seiton reads, analyses, fixes and exports big municipal
// spreadsheets, in Node (the worker's code without a browser) and in Chromium against the
// built app, each next to its floor (bare SheetJS / TextDecoder + PapaParse on the same
// bytes) measured in the same run. Prints one table with every figure and its goal.
// Numbers only: nothing here fails when a goal is missed.
//
//   npm run bench                                  # everything (~10 min on 2 cores)
//   npm run bench -- --only xlsx100k               # one scenario (ids below)
//   npm run bench -- --only xlsx20k,csv20k --no-node
//   npm run bench -- --no-browser                  # Node figures only
//   npm run bench -- --only xlsx100k --profile     # + CPU profiles of every phase (main thread and worker)
//   npm run bench -- --only xlsx100k --profile-only  # the profiles alone (no Node, no timed browser run)
//   npm run bench -- --write                       # + the table into docs/benchmarks.md
//   npm run bench -- --rows 20000 --cols 10        # a custom-size .xlsx instead of the set
//   npm run bench -- --wait-quiet                  # wait (≤ 10 min) for an idle CPU before each scenario
//   npm run bench -- --floor-runs 5 --runs 5 --warmup 1 --timeout 900 --json out.json --fresh
//   node --import tsx bench/nodeProfile.ts xlsx100k  # CPU profile of each worker step, in Node
//
// --runs / --warmup: Node timed runs (median) and warm-ups; --floor-runs: floor reads in
// Chromium (median); --timeout: seconds per browser scenario (a phase that overruns is
// reported as "timeout", not a crash). Results and goals: docs/benchmarks.md.
//
// Scenarios: xlsx20k, xlsx100k (.xlsx), csv20k, csv100k (Shift_JIS CSV), csv1m (UTF-8
// CSV, 1,000,000 × 10: load and scroll only). Files are generated (municipal.ts) and
// cached in the temp directory; --fresh writes them again.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type AppServer, chromiumVersion, runScenario, startApp } from './browser.ts';
import { formatProfile } from './cdp.ts';
import { type NodeFigures, gc, runNode } from './node.ts';
import { cpuBusy, waitForQuiet } from './quiet.ts';
import { type ScenarioResult, describeMachine, generatedSection, goalSummary, machineLines, textTable, writeDocs } from './report.ts';
import { SCENARIOS, type Scenario, type ScenarioFile, cacheDir, customScenario, ensureFile, fileNameOf, gridLandmarks } from './scenarios.ts';

interface Config {
  scenarios: Scenario[];
  node: boolean;
  browser: boolean;
  profile: boolean;
  profileOnly: boolean;
  write: boolean;
  json?: string;
  warmup: number;
  runs: number;
  floorRuns?: number;
  timeoutMs?: number;
  fresh: boolean;
  waitQuiet: boolean;
}

function intSetting(name: string, raw: string | undefined, fallback: number, min: number): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer >= ${min}, got "${raw}"`);
  return n;
}

function readConfig(): Config {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      'no-browser': { type: 'boolean' },
      'no-node': { type: 'boolean' },
      profile: { type: 'boolean' },
      'profile-only': { type: 'boolean' },
      write: { type: 'boolean' },
      json: { type: 'string' },
      warmup: { type: 'string' },
      runs: { type: 'string' },
      'floor-runs': { type: 'string' },
      timeout: { type: 'string' },
      rows: { type: 'string' },
      cols: { type: 'string' },
      fresh: { type: 'boolean' },
      'wait-quiet': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    const src = readFileSync(new URL(import.meta.url), 'utf8');
    console.log(src.split('\n').filter((l) => l.startsWith('//')).map((l) => l.replace(/^\/\/ ?/, '')).join('\n'));
    process.exit(0);
  }
  const rowsRaw = values.rows ?? process.env.BENCH_ROWS;
  const colsRaw = values.cols ?? process.env.BENCH_COLS;
  let scenarios = SCENARIOS;
  if (rowsRaw || colsRaw) scenarios = [customScenario(intSetting('rows', rowsRaw, 100_000, 1), intSetting('cols', colsRaw, 20, 4))];
  if (values.only) {
    const ids = values.only.split(',').map((s) => s.trim().toLowerCase());
    const known = [...SCENARIOS, ...scenarios];
    scenarios = ids.map((id) => {
      const s = known.find((k) => k.id.toLowerCase() === id);
      if (!s) throw new Error(`--only: unknown scenario "${id}" (known: ${SCENARIOS.map((k) => k.id).join(', ')})`);
      return s;
    });
  }
  return {
    scenarios,
    node: !values['no-node'],
    browser: !values['no-browser'] && process.env.BENCH_BROWSER !== '0',
    profile: !!values.profile || !!values['profile-only'],
    profileOnly: !!values['profile-only'],
    write: !!values.write,
    json: values.json,
    warmup: intSetting('warmup', values.warmup ?? process.env.BENCH_WARMUP, 1, 0),
    runs: intSetting('runs', values.runs ?? process.env.BENCH_RUNS, 3, 1),
    floorRuns: values['floor-runs'] ? intSetting('floor-runs', values['floor-runs'], 3, 1) : undefined,
    timeoutMs: values.timeout ? intSetting('timeout', values.timeout, 600, 10) * 1000 : undefined,
    fresh: !!values.fresh,
    waitQuiet: !!values['wait-quiet'],
  };
}

const log = (s: string) => console.log(s);
const mb = (n: number) => (n / 1024 / 1024).toFixed(1);

async function main(): Promise<void> {
  const cfg = readConfig();
  const srcAtStart = describeMachine().srcHash;
  const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
  console.log(`Seiton benchmark: ${cfg.scenarios.map((s) => s.id).join(', ')}${cfg.node ? '' : ' (no Node)'}${cfg.browser ? '' : ' (no browser)'}`);
  console.log('');

  // ---- files
  const files = new Map<string, ScenarioFile>();
  console.log(`Files (cached in ${cacheDir()})`);
  for (const s of cfg.scenarios) {
    const f = ensureFile(s, cfg.fresh);
    files.set(s.id, f);
    const d = f.facts.dirty;
    console.log(
      `  ${fileNameOf(s).padEnd(34)} ${mb(f.bytes).padStart(6)} MB  ${f.facts.totalRows.toLocaleString('en-US')} rows × ${s.cols}` +
        `  dirty ${f.facts.dirtyCells} (${Object.entries(d).map(([k, v]) => `${k} ${v}`).join(', ')})` +
        (f.generatedMs !== undefined ? `  generated in ${(f.generatedMs / 1000).toFixed(1)} s` : '  (cached)'),
    );
  }

  const results: ScenarioResult[] = cfg.scenarios.map((scenario) => ({ scenario, file: files.get(scenario.id)! }));

  // ---- Node
  if (cfg.node && !cfg.profileOnly) {
    console.log('');
    console.log(`Node (${cfg.warmup} warm-up + ${cfg.runs} timed runs, median)`);
    for (const r of results) {
      const s = r.scenario;
      console.log(`  ${s.title}`);
      (r.cpuBusy ??= {}).node = await beforeScenario(cfg);
      const buf = readFileSync(r.file.path);
      const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
      const oneRun = s.rows > 100_000;
      r.node = runNode(
        { kind: s.kind, fileName: fileNameOf(s), bytes, encoding: s.encoding, totalRows: r.file.facts.totalRows, cols: s.cols, fix: s.fix },
        { warmup: oneRun ? 0 : cfg.warmup, runs: oneRun ? Math.min(cfg.runs, 2) : cfg.runs, log: (l) => console.log(`  ${l}`) },
      );
      gc();
    }
  }

  // ---- browser
  let chromium: string | undefined;
  if (cfg.browser) {
    console.log('');
    chromium = await chromiumVersion();
    console.log(`Chromium ${chromium} (built app, vite preview, file dropped through the file input)`);
    if (!cfg.profileOnly) {
      let app: AppServer | undefined;
      try {
        app = await startApp({ log: (l) => console.log(`  ${l}`) });
        for (const r of results) {
          console.log(`  ${r.scenario.title}`);
          (r.cpuBusy ??= {}).browser = await beforeScenario(cfg);
          r.browser = await runScenario(app, browserScenario(r, cfg), { log: (l) => console.log(`  ${l}`) });
        }
      } finally {
        await app?.close();
      }
    }

    if (cfg.profile) {
      console.log('');
      console.log('CPU profiles (unminified build; times are inflated by the profiler, see the table for real ones)');
      let dev: AppServer | undefined;
      try {
        dev = await startApp({ minify: false, log: (l) => console.log(`  ${l}`) });
        for (const r of results) {
          console.log(`  ${r.scenario.title}`);
          await beforeScenario(cfg);
          const p = await runScenario(dev, browserScenario(r, cfg), { profile: true, floor: false, log: (l) => console.log(`  ${l}`) });
          r.profiles = p.profiles;
          for (const [phase, summaries] of Object.entries(p.profiles ?? {})) {
            console.log(`    -- ${phase}`);
            for (const s of summaries ?? []) for (const l of formatProfile(s)) console.log(`    ${l}`);
          }
        }
      } finally {
        await dev?.close();
      }
    }
  }

  if (cfg.profileOnly) {
    if (cfg.json) writeFileSync(cfg.json, JSON.stringify({ command, results: results.map(stripForJson) }, null, 1));
    return;
  }

  // ---- the table
  const machine = describeMachine(chromium);
  console.log('');
  for (const l of machineLines(machine)) console.log(l);
  if (machine.srcHash !== srcAtStart) {
    console.log(`WARNING   src/ changed during the run (sha256 ${srcAtStart} at the start): the figures may mix two versions of the app`);
    machine.srcHash = `${srcAtStart} → ${machine.srcHash} (changed during the run)`;
  }
  console.log('');
  for (const l of textTable(results)) console.log(l);
  const goals = goalSummary(results);
  console.log('');
  console.log(`Goals: ${goals.met} met, ${goals.missed} missed${goals.missed ? ':' : '.'}`);
  for (const l of goals.list) console.log(`  ✗ ${l}`);

  if (cfg.json) {
    writeFileSync(cfg.json, JSON.stringify({ machine, command, results: results.map(stripForJson) }, null, 1));
    console.log(`\nRaw figures written to ${cfg.json}`);
  }
  if (cfg.write) {
    const file = path.resolve('docs/benchmarks.md');
    writeDocs(file, generatedSection(results, machine, command), docsSkeleton);
    console.log(`\nTable written to ${file}`);
  }
}

/** How busy the CPU is just before a scenario (waiting for a quiet moment with --wait-quiet). */
async function beforeScenario(cfg: Config): Promise<number | undefined> {
  const busy = cfg.waitQuiet ? await waitForQuiet(15, 600_000, log) : await cpuBusy();
  if (busy !== undefined) log(`    CPU ${busy.toFixed(0)} % busy before the start`);
  return busy;
}

function browserScenario(r: ScenarioResult, cfg: Config) {
  const s = r.scenario;
  return {
    id: s.id,
    kind: s.kind,
    filePath: r.file.path,
    encoding: s.encoding,
    ...gridLandmarks(s),
    fixAll: s.fix,
    export: s.fix,
    scroll: s.scroll,
    timeoutMs: cfg.timeoutMs ?? s.timeoutMs,
    floorRuns: cfg.floorRuns ?? (s.rows > 100_000 ? 2 : 3),
  };
}

function stripForJson(r: ScenarioResult) {
  const node: NodeFigures | undefined = r.node;
  return { scenario: r.scenario, file: r.file, cpuBusy: r.cpuBusy, node, browser: r.browser, profiles: r.profiles };
}

function docsSkeleton(section: string): string {
  return [
    '# Benchmarks',
    '',
    'Re-run with `npm run bench -- --write` (the section between the markers is replaced; the rest of this file is kept).',
    '',
    section,
    '',
    '## Findings',
    '',
    '(Where a goal is missed: the profile of the slow phase and what would fix it.)',
    '',
  ].join('\n');
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
