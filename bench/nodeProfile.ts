// CPU profile of the worker-side steps in Node (open, analyse, fix-all plan, apply, export),
// one profile per step, printed as top self-time functions: the quickest way to see where
// a slow worker phase spends its time without a browser.
//
//   node --import tsx bench/nodeProfile.ts xlsx100k          # a scenario id of run.ts
//   node --import tsx bench/nodeProfile.ts path/to/file.csv  # or any file
import { existsSync, readFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { DocumentSession } from '../src/worker/session.ts';
import { type CpuProfile, formatProfile, summarizeProfile } from './cdp.ts';
import { SCENARIOS, ensureFile } from './scenarios.ts';

async function main(): Promise<void> {
  const arg = process.argv[2] ?? 'xlsx100k';
  const scenario = SCENARIOS.find((s) => s.id === arg);
  const file = scenario ? ensureFile(scenario).path : arg;
  if (!existsSync(file)) throw new Error(`no scenario or file "${arg}" (scenarios: ${SCENARIOS.map((s) => s.id).join(', ')})`);
  const bytes = new Uint8Array(readFileSync(file));
  const inspector = new Session();
  inspector.connect();
  await inspector.post('Profiler.enable');
  await inspector.post('Profiler.setSamplingInterval', { interval: 200 });
  // tsx serves transpiled modules: function names are right, line numbers are not.
  const where = (url: string) => url.replace(/^file:\/\//, '').replace(`${process.cwd()}${path.sep}`, '');

  const step = async <T,>(name: string, fn: () => T): Promise<T> => {
    await inspector.post('Profiler.start');
    const t0 = performance.now();
    const result = fn();
    const ms = performance.now() - t0;
    const { profile } = (await inspector.post('Profiler.stop')) as { profile: CpuProfile };
    const summary = summarizeProfile(profile, `${name}: ${ms.toFixed(0)} ms`, where, 15);
    for (const line of formatProfile({ ...summary, longest: undefined })) console.log(line);
    console.log('');
    return result;
  };

  const session = new DocumentSession();
  const opened = await step('open (DocumentSession.open)', () => session.open(path.basename(file), bytes));
  if (!opened.ok) throw new Error(`could not open ${file}: ${JSON.stringify(opened.error)}`);
  await step('analyse (DocumentSession.analyse)', () => session.analyse());
  const { changes } = await step('fix-all: plan, apply, re-analysis (DocumentSession.fixAll)', () => session.fixAll({ step: { kind: 'fixAll' } }));
  const kinds = new Map<string, number>();
  for (const ch of changes) {
    const key = `${ch.kind}${'ruleId' in ch && ch.ruleId ? ` ${ch.ruleId}` : ''}`;
    kinds.set(key, (kinds.get(key) ?? 0) + 1);
  }
  console.log(`fix-all: ${changes.length} changes (${[...kinds].map(([k, n]) => `${k}: ${n}`).join(', ')})\n`);
  await step('export CSV (session.export)', () => session.export(opened.workbook.sheets[0].id, 'csv'));
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
