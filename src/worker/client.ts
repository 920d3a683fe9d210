// Main-thread handle on the worker, with the SessionApi the store uses. Large results
// arrive in slices (wire.ts) and are put back together here, between messages, so the
// main thread never spends long in one piece. `createInProcessSession` gives the same
// API without a worker, for unit tests of the store.
import * as Comlink from 'comlink';
import type { AnalysisDelta, SheetAnalysis } from '../core/analysis/analyse.ts';
import type { ProgressFn } from '../core/io/progress.ts';
import type { Column, Sheet } from '../core/model.ts';
import type { Violation } from '../core/rules/types.ts';
import type { WorkerApi } from './seiton.worker.ts';
import { DocumentSession, type OpenResult, type SessionApi, type SessionPersistence } from './session.ts';
import { joinSlices, pages, sliceRanges } from './wire.ts';

export function createWorkerSession(): { api: SessionApi; terminate: () => void } {
  const worker = new Worker(new URL('./seiton.worker.ts', import.meta.url), { type: 'module', name: 'seiton' });
  const remote = Comlink.wrap<WorkerApi>(worker);

  const assemble = async ({ result, columnCounts }: Awaited<ReturnType<WorkerApi['open']>>): Promise<OpenResult> => {
    if (!result.ok) return result;
    for (let i = 0; i < result.workbook.sheets.length; i++) {
      const sheet: Sheet = result.workbook.sheets[i];
      const columns: Column[] = [];
      for (let c = 0; c < columnCounts[i]; c++) {
        const parts: Column[] = [];
        for (const [start, end] of sliceRanges(sheet.rowCount)) parts.push(await remote.columnSlice(sheet.id, c, start, end));
        columns.push(joinSlices(parts, sheet.rowCount));
      }
      sheet.columns = columns;
    }
    return result;
  };

  const violationsOf = async (sheetId: string, count: number): Promise<Violation[]> => {
    const out: Violation[] = [];
    for (const [start, end] of pages(count)) for (const v of await remote.violationPage(sheetId, start, end)) out.push(v);
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
    open: async (name, buffer, options, onProgress) =>
      assemble(await remote.open(name, Comlink.transfer(buffer, [buffer]), options, onProgress && wrapProgress(onProgress))),
    reopen: async (options, onProgress) => assemble(await remote.reopen(options, onProgress && wrapProgress(onProgress))),
    analyse: async (onProgress) => {
      const stripped = await remote.analyse(onProgress && wrapProgress(onProgress));
      const out: SheetAnalysis[] = [];
      for (const a of stripped) out.push(await fullAnalysis(a));
      return out;
    },
    planFix: (sheetId, ruleId, options) => remote.planFix(sheetId, ruleId, options),
    planFixAll: (onProgress) => remote.planFixAll(onProgress && Comlink.proxy(onProgress)),
    planRecipe: (recipe) => remote.planRecipe(recipe),
    setOverrides: async (sheetId, overrides) => fullAnalysis(await remote.setOverrides(sheetId, overrides)),
    apply: async (changes, record) => fullDeltas(await remote.apply(changes, record)),
    revert: async (changes, record) => fullDeltas(await remote.revert(changes, record)),
    savedSessionInfo: () => remote.savedSessionInfo(),
    restore: async () => {
      const restored = await remote.restore();
      return restored && { result: await assemble(restored), history: restored.history };
    },
    clearSaved: () => remote.clearSaved(),
    export: (sheetId, what, options, recipeJson) => remote.export(sheetId, what, options, recipeJson),
  };
  return { api, terminate: () => worker.terminate() };
}

function wrapProgress(fn: ProgressFn): ProgressFn {
  return Comlink.proxy(fn);
}

export function createInProcessSession(persistence?: SessionPersistence): SessionApi {
  const s = new DocumentSession(persistence);
  return {
    open: async (name, buffer, options, onProgress) => s.open(name, buffer, options, onProgress),
    reopen: async (options, onProgress) => s.reopen(options, onProgress),
    analyse: async (onProgress) => s.analyse(onProgress),
    setOverrides: async (sheetId, overrides) => s.setOverrides(sheetId, overrides),
    planFix: async (sheetId, ruleId, options) => s.planFix(sheetId, ruleId, options),
    planFixAll: async (onProgress) => s.planFixAll(onProgress),
    planRecipe: async (recipe) => s.planRecipe(recipe),
    apply: async (changes, record) => s.apply(changes, record),
    revert: async (changes, record) => s.revert(changes, record),
    savedSessionInfo: () => s.savedSessionInfo(),
    restore: () => s.restore(),
    clearSaved: () => s.clearSaved(),
    export: async (sheetId, what, options, recipeJson) => s.export(sheetId, what, options, recipeJson),
  };
}
