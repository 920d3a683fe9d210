// Chrome DevTools Protocol helpers for the browser benchmark: a session on the app's Web
// Worker (auto-attached through the page's own CDP session, non-flattened, so it works
// next to Playwright's own connection), and CPU-profile summaries (self time per
// function, mapped back to the source module through the `// src/…` comments an
// unminified Vite/Rolldown bundle keeps at the start of every module).
import type { CDPSession } from 'playwright-core';

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

/** Sends CDP commands to the page's dedicated workers. */
export class WorkerTargets {
  private readonly sessions = new Map<string, TargetInfo>();
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private nextId = 1;

  private constructor(private readonly cdp: CDPSession) {
    cdp.on('Target.attachedToTarget', (e: { sessionId: string; targetInfo: TargetInfo }) => {
      if (e.targetInfo.type === 'worker') this.sessions.set(e.sessionId, e.targetInfo);
    });
    cdp.on('Target.detachedFromTarget', (e: { sessionId: string }) => this.sessions.delete(e.sessionId));
    cdp.on('Target.receivedMessageFromTarget', (e: { sessionId: string; message: string }) => {
      const msg = JSON.parse(e.message) as { id?: number; result?: unknown; error?: { message: string } };
      if (msg.id === undefined) return;
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if (msg.error) p.reject(new Error(msg.error.message));
      else p.resolve(msg.result);
    });
  }

  /** Call before the page creates its workers (before `goto`). */
  static async attach(cdp: CDPSession): Promise<WorkerTargets> {
    const t = new WorkerTargets(cdp);
    await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
    return t;
  }

  /** The session of the first worker whose script URL contains `name`. */
  find(name: string): string | undefined {
    for (const [id, info] of this.sessions) if (info.url.includes(name)) return id;
    return undefined;
  }

  send<T = unknown>(sessionId: string, method: string, params: object = {}, timeoutMs = 60_000): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`worker CDP ${method} timed out`));
      }, timeoutMs);
      this.pending.set(id, {
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v as T);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      this.cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch((e: Error) => {
        clearTimeout(timer);
        this.pending.delete(id);
        reject(e);
      });
    });
  }
}

/** Something that speaks CDP: the page's session, or one worker through WorkerTargets. */
export type CdpSend = <T = unknown>(method: string, params?: object) => Promise<T>;

export function pageSend(cdp: CDPSession): CdpSend {
  return <T,>(method: string, params: object = {}) => cdp.send(method as 'Runtime.evaluate', params as never) as Promise<T>;
}

export function workerSend(targets: WorkerTargets, sessionId: string): CdpSend {
  return <T,>(method: string, params: object = {}) => targets.send<T>(sessionId, method, params);
}

// ---------------------------------------------------------------- CPU profiles

export interface CpuProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

export interface CpuProfile {
  nodes: CpuProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export async function startProfiler(send: CdpSend, intervalUs = 250): Promise<void> {
  await send('Profiler.enable');
  await send('Profiler.setSamplingInterval', { interval: intervalUs });
  await send('Profiler.start');
}

export async function stopProfiler(send: CdpSend): Promise<CpuProfile> {
  const { profile } = await send<{ profile: CpuProfile }>('Profiler.stop');
  return profile;
}

/** Maps a position in a bundle to the source it came from (`src/core/model.ts:120`). */
export type ModuleOf = (url: string, line: number, column: number) => string | undefined;

const B64 = new Map([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].map((ch, i) => [ch, i]));

/** Decodes a source map's `mappings` into, per generated line, [column, source, line] triples. */
function decodeMappings(mappings: string): Int32Array[] {
  const lines: Int32Array[] = [];
  let source = 0;
  let srcLine = 0;
  for (const lineText of mappings.split(';')) {
    const out: number[] = [];
    let col = 0;
    for (const seg of lineText.split(',')) {
      if (!seg) continue;
      const fields: number[] = [];
      let value = 0;
      let shift = 0;
      for (const ch of seg) {
        const digit = B64.get(ch) ?? 0;
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      col += fields[0];
      if (fields.length >= 4) {
        source += fields[1];
        srcLine += fields[2];
        // fields[3] (source column) and fields[4] (name) are not needed: a line is enough.
        out.push(col, source, srcLine);
      }
    }
    lines.push(Int32Array.from(out));
  }
  return lines;
}

/**
 * Maps bundle positions to sources through the build's source maps (`name.js.map` next to
 * `name.js`); without a map, through the `// src/…` module comments an unminified
 * Rolldown bundle keeps (coarser: some modules have none).
 */
export function moduleMapper(bundles: Map<string, string>, maps: Map<string, string> = new Map(), resolveSource: (source: string) => string = (x) => x): ModuleOf {
  const decoded = new Map<string, { sources: string[]; lines: Int32Array[] }>();
  for (const [name, json] of maps) {
    const map = JSON.parse(json) as { sources: string[]; mappings: string };
    decoded.set(name, { sources: map.sources.map(resolveSource), lines: decodeMappings(map.mappings) });
  }
  const index = new Map<string, { line: number; module: string }[]>();
  for (const [name, text] of bundles) {
    const marks: { line: number; module: string }[] = [];
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const m = /^\/\/ ((?:src|node_modules)\/\S+)$/.exec(lines[i]);
      if (m) marks.push({ line: i, module: m[1].replace(/^node_modules\//, '') });
    }
    index.set(name, marks);
  }
  return (url, line, column) => {
    const name = url.replace(/[?#].*$/, '').split('/').pop() ?? '';
    const map = decoded.get(name);
    const segs = map?.lines[line];
    if (map && segs && segs.length) {
      let best = -1;
      for (let i = 0; i < segs.length; i += 3) if (segs[i] <= column) best = i;
      if (best < 0) best = 0;
      return `${map.sources[segs[best + 1]]}:${segs[best + 2] + 1}`;
    }
    const marks = index.get(name);
    if (!marks || marks.length === 0 || line < marks[0].line) return undefined;
    let lo = 0;
    let hi = marks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (marks[mid].line <= line) lo = mid;
      else hi = mid - 1;
    }
    return marks[lo].module;
  };
}

export interface FunctionTime {
  name: string;
  where: string;
  selfMs: number;
}

export interface ProfileSummary {
  thread: string;
  /** Wall time the profile covers. */
  spanMs: number;
  /** Sampled time not idle. */
  busyMs: number;
  gcMs: number;
  top: FunctionTime[];
  /** Self time per module (src file or package). */
  modules: { module: string; selfMs: number }[];
  /** The longest stretch without an idle sample, and what ran in it. */
  longest?: { ms: number; top: FunctionTime[] };
  /** The longest long tasks (PerformanceObserver) of the phase, and what ran in each. */
  longTasks?: { start: number; ms: number; samples: number; top: FunctionTime[]; modules: { module: string; selfMs: number }[] }[];
}

/** Lines up a main-thread profile with page time (see PhaseProfiler) to look up long tasks. */
export interface TaskAlignment {
  /** performance.now() when `markFunction` started running. */
  mark: number;
  markFunction: string;
  tasks: { start: number; dur: number }[];
}

const SPECIAL = new Set(['(idle)', '(program)', '(garbage collector)', '(root)']);

export function summarizeProfile(profile: CpuProfile, thread: string, moduleOf: ModuleOf = () => undefined, topN = 12, align?: TaskAlignment): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const label = (n: CpuProfileNode) => {
    const f = n.callFrame;
    if (SPECIAL.has(f.functionName)) return { name: f.functionName, where: '' };
    const module = f.url ? moduleOf(f.url, f.lineNumber, f.columnNumber) : undefined;
    const file = module ?? (f.url ? `${f.url.split('/').pop()}:${f.lineNumber + 1}` : '(native)');
    return { name: f.functionName || '(anonymous)', where: file };
  };
  const self = new Map<string, FunctionTime>();
  const modules = new Map<string, number>();
  let busy = 0;
  let gc = 0;
  // Stretches of consecutive non-idle samples.
  let stretch: { ms: number; samples: number[] } | null = null;
  let longest: { ms: number; samples: number[] } | null = null;
  const samples = profile.samples;
  for (let i = 0; i < samples.length; i++) {
    const node = byId.get(samples[i]);
    if (!node) continue;
    // timeDeltas[i] is the time before sample i; the sample stands for the time until the next one.
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const fn = node.callFrame.functionName;
    if (fn === '(idle)') {
      stretch = null;
      continue;
    }
    busy += ms;
    if (fn === '(garbage collector)') gc += ms;
    const { name, where } = label(node);
    const key = `${name}\u0000${where}`;
    const entry = self.get(key) ?? { name, where, selfMs: 0 };
    entry.selfMs += ms;
    self.set(key, entry);
    const mod = where ? where.replace(/:\d+$/, '') : name;
    modules.set(mod, (modules.get(mod) ?? 0) + ms);
    if (!stretch) stretch = { ms: 0, samples: [] };
    stretch.ms += ms;
    stretch.samples.push(i);
    if (!longest || stretch.ms > longest.ms) longest = stretch;
  }
  const sortTop = (m: Map<string, FunctionTime>) => [...m.values()].sort((a, b) => b.selfMs - a.selfMs).slice(0, topN);
  let longestSummary: ProfileSummary['longest'];
  if (longest) {
    const m = new Map<string, FunctionTime>();
    for (const i of longest.samples) {
      const node = byId.get(samples[i])!;
      const { name, where } = label(node);
      const key = `${name}\u0000${where}`;
      const entry = m.get(key) ?? { name, where, selfMs: 0 };
      entry.selfMs += (profile.timeDeltas[i + 1] ?? 0) / 1000;
      m.set(key, entry);
    }
    longestSummary = { ms: longest.ms, top: sortTop(m).slice(0, 6) };
  }
  let longTasks: ProfileSummary['longTasks'];
  if (align) {
    // Sample i was taken at startTime + Σ timeDeltas[0..i] (µs, the profiler's clock).
    const at = new Float64Array(samples.length);
    let t = profile.startTime;
    for (let i = 0; i < samples.length; i++) at[i] = t += profile.timeDeltas[i];
    const first = samples.findIndex((id) => byId.get(id)?.callFrame.functionName === align.markFunction);
    if (first >= 0) {
      const offset = at[first] - align.mark * 1000;
      longTasks = [...align.tasks]
        .sort((a, b) => b.dur - a.dur)
        .slice(0, 3)
        .map((task) => {
          const m = new Map<string, FunctionTime>();
          const mods = new Map<string, number>();
          let n = 0;
          const from = task.start * 1000 + offset;
          const to = (task.start + task.dur) * 1000 + offset;
          for (let i = 0; i < samples.length; i++) {
            if (at[i] < from || at[i] > to) continue;
            const node = byId.get(samples[i]);
            if (!node || node.callFrame.functionName === '(idle)') continue;
            n++;
            const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
            const { name, where } = label(node);
            const key = `${name}\u0000${where}`;
            const entry = m.get(key) ?? { name, where, selfMs: 0 };
            entry.selfMs += ms;
            m.set(key, entry);
            const mod = where ? where.replace(/:\d+$/, '') : name;
            mods.set(mod, (mods.get(mod) ?? 0) + ms);
          }
          return {
            start: task.start,
            ms: task.dur,
            samples: n,
            top: sortTop(m).slice(0, 8),
            modules: [...mods.entries()].map(([module, selfMs]) => ({ module, selfMs })).sort((a, b) => b.selfMs - a.selfMs).slice(0, 6),
          };
        });
    }
  }
  return {
    thread,
    spanMs: (profile.endTime - profile.startTime) / 1000,
    longTasks,
    busyMs: busy,
    gcMs: gc,
    top: sortTop(self),
    modules: [...modules.entries()].map(([module, selfMs]) => ({ module, selfMs })).sort((a, b) => b.selfMs - a.selfMs).slice(0, 8),
    longest: longestSummary,
  };
}

export function formatProfile(s: ProfileSummary): string[] {
  const out: string[] = [];
  out.push(`${s.thread}: ${s.busyMs.toFixed(0)} ms busy of ${s.spanMs.toFixed(0)} ms (GC ${s.gcMs.toFixed(0)} ms)`);
  out.push(`  by module: ${s.modules.map((m) => `${m.module} ${m.selfMs.toFixed(0)}`).join(', ')}`);
  for (const f of s.top) out.push(`  ${f.selfMs.toFixed(0).padStart(7)} ms  ${f.name}  ${f.where}`);
  for (const t of s.longTasks ?? []) {
    out.push(`  long task of ${t.ms.toFixed(0)} ms at ${t.start.toFixed(0)} (${t.samples} samples); by module: ${t.modules.map((m) => `${m.module} ${m.selfMs.toFixed(0)}`).join(', ')}`);
    for (const f of t.top) out.push(`    ${f.selfMs.toFixed(0).padStart(5)} ms  ${f.name}  ${f.where}`);
  }
  if (s.longest) {
    out.push(`  longest busy stretch ${s.longest.ms.toFixed(0)} ms: ${s.longest.top.map((f) => `${f.name} (${f.where}) ${f.selfMs.toFixed(0)}`).join('; ')}`);
  }
  return out;
}
