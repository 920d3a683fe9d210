// Main-thread handle on the worker, with the SessionApi the store uses. Large results
// arrive in slices (wire.ts) and are put back together here, between messages, so the
// main thread never spends long in one piece. `createInProcessSession` gives the same
// API without a worker, for unit tests of the store.
import * as Comlink from 'comlink';
import type { AnalysisDelta, SheetAnalysis } from '../core/analysis/analyse.ts';
import type { ProgressFn } from '../core/io/progress.ts';
import type { Change } from '../core/changes.ts';
import { appendAll } from '../core/arrays.ts';
import type { Column, Sheet } from '../core/model.ts';
import type { Violation } from '../core/rules/types.ts';
import type { WorkerApi } from './seiton.worker.ts';
import { DocumentSession, type OpenResult, type SessionApi, type SessionPersistence } from './session.ts';
import { CHANGE_PAGE, SLICE_CELLS, joinSlices, pages, sliceRanges, unpackChanges, unpackColumn } from './wire.ts';
import { WorkerStopped } from './workerStopped.ts';

export function createWorkerSession(): { api: SessionApi; terminate: () => void } {
  let worker!: Worker;
  let remote!: Comlink.Remote<WorkerApi>;
  // Every call races this: stopping the worker rejects it, so no caller waits forever.
  let stopped!: Promise<never>;
  let stop!: (e: WorkerStopped) => void;

  const start = () => {
    worker = new Worker(new URL('./seiton.worker.ts', import.meta.url), { type: 'module', name: 'seiton' });
    remote = Comlink.wrap<WorkerApi>(worker);
    stopped = new Promise<never>((_, reject) => (stop = reject));
    stopped.catch(() => {}); // rejected for whoever is waiting; nobody may be
    const current = worker;
    worker.addEventListener('error', (e) => {
      if (current !== worker) return;
      console.error('worker error', e.message);
      restart('crashed');
    });
  };
  const restart = (reason: WorkerStopped['reason']) => {
    worker.terminate();
    const fail = stop;
    start();
    fail(new WorkerStopped(reason));
  };
  start();
  const track = <P extends Promise<unknown>>(p: P): P => Promise.race([p, stopped]) as P;

  // Many narrow columns go in one message: one round trip per column made a 16,384-column
  // sheet take seconds; a slice holds about SLICE_CELLS cells whatever the shape.
  const assemble = async ({ result, columnCounts }: Awaited<ReturnType<WorkerApi['open']>>): Promise<OpenResult> => {
    if (!result.ok) return result;
    for (let i = 0; i < result.workbook.sheets.length; i++) {
      const sheet: Sheet = result.workbook.sheets[i];
      const columns: Column[] = [];
      const ranges = sliceRanges(sheet.rowCount);
      const perMessage = Math.max(1, Math.floor(SLICE_CELLS / Math.max(1, sheet.rowCount)));
      for (let c = 0; c < columnCounts[i]; ) {
        if (perMessage > 1) {
          const n = Math.min(perMessage, columnCounts[i] - c);
          for (const col of await track(remote.columnBatch(sheet.id, c, n))) columns.push(unpackColumn(col));
          c += n;
          continue;
        }
        const parts: Column[] = [];
        for (const [start, end] of ranges) parts.push(unpackColumn(await track(remote.columnSlice(sheet.id, c, start, end))));
        columns.push(joinSlices(parts, sheet.rowCount));
        c++;
      }
      sheet.columns = columns;
    }
    return result;
  };

  const violationsOf = async (sheetId: string, count: number): Promise<Violation[]> => {
    const out: Violation[] = [];
    for (const [start, end] of pages(count)) for (const v of await track(remote.violationPage(sheetId, start, end))) out.push(v);
    return out;
  };

  const fullAnalysis = async (a: SheetAnalysis & { cellViolationCount: number }): Promise<SheetAnalysis> => {
    const { cellViolationCount, ...rest } = a;
    return { ...rest, cellViolations: await violationsOf(a.sheetId, cellViolationCount) };
  };

  const fullDeltas = async (deltas: (AnalysisDelta & { cellViolationCount?: number })[]): Promise<AnalysisDelta[]> => {
    const out: AnalysisDelta[] = [];
    for (const d of deltas) {
      if (!d.full) out.push(d);
      else out.push({ ...d, full: await fullAnalysis({ ...d.full, cellViolationCount: d.cellViolationCount ?? 0 }) });
    }
    return out;
  };

  const api: SessionApi = {
    // A File crosses as a handle (the worker reads it); bytes are handed over, not copied.
    open: async (name, file, options, onProgress, onPreview) =>
      assemble(
        await track(
          remote.open(
            name,
            file instanceof Blob ? file : Comlink.transfer(file, [file]),
            options,
            onProgress && wrapProgress(onProgress),
            onPreview && Comlink.proxy(onPreview),
          ),
        ),
      ),
    cancel: async () => restart('cancelled'),
    adopt: (workbook, history, overrides) => track(remote.adopt(workbook, history, overrides)),
    analyse: async (onProgress) => {
      const stripped = await track(remote.analyse(onProgress && wrapProgress(onProgress)));
      const out: SheetAnalysis[] = [];
      for (const a of stripped) out.push(await fullAnalysis(a));
      return out;
    },
    planFix: (sheetId, ruleId, options) => track(remote.planFix(sheetId, ruleId, options)),
    fixAll: async (command, onProgress) => {
      const { changeCount, deltas } = await track(remote.fixAll(command, onProgress && Comlink.proxy(onProgress)));
      // Page by page, each awaited (a task of its own): one message of 200,000 changes
      // blocked the main thread for 150 ms.
      const changes: Change[] = [];
      for (const [start, end] of pages(changeCount, CHANGE_PAGE)) appendAll(changes, unpackChanges(await track(remote.changePage(start, end))));
      return { changes, deltas: await fullDeltas(deltas) };
    },
    planRecipe: (recipe) => track(remote.planRecipe(recipe)),
    setOverrides: async (sheetId, overrides) => fullAnalysis(await track(remote.setOverrides(sheetId, overrides))),
    apply: async (changes, record) => fullDeltas(await track(remote.apply(changes, record))),
    revert: async (changes, record) => fullDeltas(await track(remote.revert(changes, record))),
    savedSessionInfo: () => track(remote.savedSessionInfo()),
    restore: async () => {
      const restored = await track(remote.restore());
      return restored && { result: await assemble(restored), history: restored.history };
    },
    clearSaved: () => track(remote.clearSaved()),
    export: (sheetId, what, options, recipeJson) => track(remote.export(sheetId, what, options, recipeJson)),
    exportAll: (options, recipeJson, extra) => track(remote.exportAll(options, recipeJson, extra)),
  };
  return { api, terminate: () => worker.terminate() };
}

function wrapProgress(fn: ProgressFn): ProgressFn {
  return Comlink.proxy(fn);
}

export function createInProcessSession(persistence?: SessionPersistence): SessionApi {
  const s = new DocumentSession(persistence);
  // What crosses the worker boundary is copied (structured clone), so the store's copy of
  // the document and the session's are two objects, as they are with a real worker.
  const copy = structuredClone;
  return {
    open: async (name, file, options, onProgress, onPreview) => copy(await s.openFile(name, file, options, onProgress, onPreview)),
    // A read in the same thread cannot be interrupted: by the time Cancel is possible it is over.
    cancel: async () => {},
    adopt: async (workbook, history, overrides) => s.adopt(copy(workbook), copy(history), copy(overrides)),
    analyse: async (onProgress) => s.analyse(onProgress),
    setOverrides: async (sheetId, overrides) => s.setOverrides(sheetId, overrides),
    planFix: async (sheetId, ruleId, options) => s.planFix(sheetId, ruleId, options),
    fixAll: async (command, onProgress) => copy(s.fixAll(command, onProgress)),
    planRecipe: async (recipe) => copy(s.planRecipe(recipe)),
    apply: async (changes, record) => s.apply(copy(changes), record),
    revert: async (changes, record) => s.revert(copy(changes), record),
    savedSessionInfo: () => s.savedSessionInfo(),
    restore: async () => copy(await s.restore()),
    clearSaved: () => s.clearSaved(),
    export: async (sheetId, what, options, recipeJson) => s.export(sheetId, what, options, recipeJson),
    exportAll: async (options, recipeJson, extra) => s.exportAll(options, recipeJson, extra),
  };
}
