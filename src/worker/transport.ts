// A document session across a thread boundary, both ends of it. `serveSession` stands in
// the worker in front of a DocumentSession; `connectSession` gives the main thread the same
// methods, each async (SessionApi). Between the two, large results travel in the wire
// format of wire.ts — a workbook as a skeleton and column slices, violations and fix-all's
// changes in pages — so that no single message blocks the main thread. What is handed out
// page by page is held by the served session, one list per result, until its last page
// is fetched.
//
// The ends talk through a `Call` (one request, its reply) and mark values with a `Marshal`
// (buffers to move rather than copy, callbacks to call back): Comlink over a Worker in the
// app, a structured-cloning channel in one thread for tests (`cloningChannel`), so tests
// drive the same paging and see the same copies as the app.
import type { AnalysisDelta, SheetAnalysis } from '../core/analysis/analyse.ts';
import { appendAll } from '../core/arrays.ts';
import type { Change } from '../core/changes.ts';
import type { ExportOptions } from '../core/io/export.ts';
import type { ProgressFn } from '../core/io/progress.ts';
import type { ReadOptions } from '../core/io/read.ts';
import type { FixAllProgress } from '../core/fix/runFixes.ts';
import type { Command, History } from '../core/history.ts';
import type { Column, Sheet, Workbook } from '../core/model.ts';
import type { Recipe } from '../core/recipe.ts';
import type { FixOptions, RuleId, Violation } from '../core/rules/types.ts';
import type { StructureOverride } from '../core/structure/types.ts';
import type { DocumentSession, ExportAllOptions, ExportKind, HistoryRecord, OpenResult, PreviewCallback } from './session.ts';
import {
  CHANGE_PAGE,
  type PackedColumn,
  SLICE_CELLS,
  VIOLATION_PAGE,
  buffersOf,
  joinSlices,
  packChanges,
  packColumn,
  pages,
  skeletonOf,
  sliceColumn,
  sliceRanges,
  unpackChanges,
  unpackColumn,
} from './wire.ts';

/** The DocumentSession methods the main thread calls. */
export type SessionMethod =
  | 'openFile'
  | 'adopt'
  | 'analyse'
  | 'setOverrides'
  | 'planFix'
  | 'planReplace'
  | 'fixAll'
  | 'previewFixAll'
  | 'planRecipe'
  | 'apply'
  | 'revert'
  | 'savedSessionInfo'
  | 'restore'
  | 'clearSaved'
  | 'export'
  | 'exportAll'
  | 'tableMeta';

/** Methods as they are called across a boundary: the same arguments, the result later. */
export type Promisified<T> = { [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never };

/** What the main thread may call: the session's own methods, async, and the transport's. */
export type SessionApi = Promisified<Pick<DocumentSession, SessionMethod>> & {
  /**
   * Stops a read in progress at once (the worker is replaced: a read cannot be interrupted
   * otherwise). Every pending call rejects with WorkerStopped; the new worker holds no
   * document until `adopt`.
   */
  cancel(): Promise<void>;
  /**
   * `listener` is told when the worker died and a fresh one took its place, which holds no
   * document until `adopt`; the calls pending then reject with WorkerStopped('crashed').
   * Returns what unsubscribes.
   */
  onCrash(listener: () => void): () => void;
};

/** How the sender marks values: buffers moved rather than copied, callbacks called back across. */
export interface Marshal {
  transfer<T>(value: T, buffers: Transferable[]): T;
  proxy<F extends (...args: never[]) => unknown>(fn: F): F;
}

/** A list being fetched page by page: `token` names it (0: empty, nothing is held). */
interface Held {
  token: number;
  count: number;
}

/** An analysis without its cell violations, which follow in pages. */
type WireAnalysis = SheetAnalysis & { held: Held };
type WireDelta = Omit<AnalysisDelta, 'full'> & { full?: WireAnalysis };

export type Endpoint = ReturnType<typeof serveSession>;

/** One request to the other end and its reply. */
export type Call = <K extends keyof Endpoint>(method: K, ...args: Parameters<Endpoint[K]>) => Promise<Awaited<ReturnType<Endpoint[K]>>>;

/** The worker's end: `session`'s methods, with large results held here and handed out in pieces. */
export function serveSession(session: DocumentSession, marshal: Marshal) {
  const held = new Map<number, readonly unknown[]>();
  let lastToken = 0;

  const hold = (list: readonly unknown[]): Held => {
    if (list.length === 0) return { token: 0, count: 0 };
    held.set(++lastToken, list);
    return { token: lastToken, count: list.length };
  };
  /** Pages are fetched in order: the last one lets go of the list. */
  const page = <T>(token: number, start: number, end: number): T[] => {
    const list = held.get(token) as T[] | undefined;
    if (!list) throw new Error(`no list ${token} is held`);
    if (end >= list.length) held.delete(token);
    return list.slice(start, end);
  };

  const analysis = (a: SheetAnalysis): WireAnalysis => ({ ...a, cellViolations: [], held: hold(a.cellViolations) });
  const delta = (d: AnalysisDelta): WireDelta => (d.full ? { ...d, full: analysis(d.full) } : (d as WireDelta));
  const opened = (result: OpenResult) => {
    if (!result.ok) return { result, columnCounts: [] };
    const { workbook, columnCounts } = skeletonOf(result.workbook);
    return { result: { ...result, workbook }, columnCounts };
  };

  return {
    async openFile(name: string, file: Blob | ArrayBuffer, options?: ReadOptions, onProgress?: ProgressFn, onPreview?: PreviewCallback) {
      return opened(await session.openFile(name, file, options, onProgress, onPreview));
    },
    async columnSlice(sheetId: string, c: number, start: number, end: number) {
      const packed = packColumn(sliceColumn(session.column(sheetId, c), start, end));
      return marshal.transfer(packed, buffersOf([packed]));
    },
    /** Columns c..c+n-1 whole, for sheets short enough that many fit in one message. */
    async columnBatch(sheetId: string, c: number, n: number) {
      const out: PackedColumn[] = [];
      for (let i = c; i < c + n; i++) out.push(packColumn(session.column(sheetId, i)));
      return marshal.transfer(out, buffersOf(out));
    },
    async violationPage(token: number, start: number, end: number) {
      return page<Violation>(token, start, end);
    },
    async changePage(token: number, start: number, end: number) {
      const { packed, buffers } = packChanges(page<Change>(token, start, end));
      return marshal.transfer(packed, buffers);
    },
    async adopt(workbook: Workbook, history: History, overrides: StructureOverride[]) {
      session.adopt(workbook, history, overrides);
    },
    async analyse(onProgress?: ProgressFn) {
      return session.analyse(onProgress).map(analysis);
    },
    async setOverrides(sheetId: string, overrides: StructureOverride[]) {
      return analysis(session.setOverrides(sheetId, overrides));
    },
    async planFix(sheetId: string, ruleId: RuleId, options?: FixOptions) {
      return session.planFix(sheetId, ruleId, options);
    },
    async fixAll(command: Omit<Command, 'changes'>, onProgress?: (p: FixAllProgress) => void) {
      const { changes, deltas } = session.fixAll(command, onProgress);
      return { changes: hold(changes), deltas: deltas.map(delta) };
    },
    async planReplace(sheetId: string, find: string, replace: string) {
      return session.planReplace(sheetId, find, replace);
    },
    async previewFixAll(onProgress?: (p: FixAllProgress) => void) {
      return session.previewFixAll(onProgress);
    },
    async planRecipe(recipe: Recipe) {
      return session.planRecipe(recipe);
    },
    async apply(changes: Change[], record?: HistoryRecord) {
      return session.apply(changes, record).map(delta);
    },
    async revert(changes: Change[], record?: HistoryRecord) {
      return session.revert(changes, record).map(delta);
    },
    async savedSessionInfo() {
      return session.savedSessionInfo();
    },
    async restore() {
      const restored = await session.restore();
      return restored && { ...opened(restored.result), history: restored.history };
    },
    async clearSaved() {
      return session.clearSaved();
    },
    async export(sheetId: string, what: ExportKind, options?: ExportOptions, recipeJson?: string) {
      const result = session.export(sheetId, what, options, recipeJson);
      return result.ok ? marshal.transfer(result, [result.file.bytes.buffer as ArrayBuffer]) : result;
    },
    async exportAll(options?: ExportOptions, recipeJson?: string, extra?: ExportAllOptions) {
      const result = session.exportAll(options, recipeJson, extra);
      return result.ok ? marshal.transfer(result, [result.file.bytes.buffer as ArrayBuffer]) : result;
    },
    async tableMeta(sheetId: string) {
      return session.tableMeta(sheetId);
    },
  };
}

/** How much one message carries: cells of a column slice, violations or changes per page. */
export interface PageSizes {
  cells: number;
  violations: number;
  changes: number;
}

export const PAGE_SIZES: PageSizes = { cells: SLICE_CELLS, violations: VIOLATION_PAGE, changes: CHANGE_PAGE };

/** The main thread's end: the session's methods over `call`, the pieces put back together between messages. */
export function connectSession(call: Call, marshal: Marshal, sizes: PageSizes = PAGE_SIZES): Omit<SessionApi, 'cancel' | 'onCrash'> {
  // Many narrow columns go in one message: one round trip per column made a 16,384-column
  // sheet take seconds; a slice holds about `sizes.cells` cells whatever the shape.
  const assemble = async ({ result, columnCounts }: Awaited<ReturnType<Endpoint['openFile']>>): Promise<OpenResult> => {
    if (!result.ok) return result;
    for (let i = 0; i < result.workbook.sheets.length; i++) {
      const sheet: Sheet = result.workbook.sheets[i];
      const columns: Column[] = [];
      const perMessage = Math.max(1, Math.floor(sizes.cells / Math.max(1, sheet.rowCount)));
      for (let c = 0; c < columnCounts[i]; ) {
        if (perMessage > 1) {
          const n = Math.min(perMessage, columnCounts[i] - c);
          for (const col of await call('columnBatch', sheet.id, c, n)) columns.push(unpackColumn(col));
          c += n;
          continue;
        }
        const parts: Column[] = [];
        for (const [start, end] of sliceRanges(sheet.rowCount, sizes.cells)) parts.push(unpackColumn(await call('columnSlice', sheet.id, c, start, end)));
        columns.push(joinSlices(parts, sheet.rowCount));
        c++;
      }
      sheet.columns = columns;
    }
    return result;
  };

  const analysis = async ({ held, ...a }: WireAnalysis): Promise<SheetAnalysis> => {
    const cellViolations: Violation[] = [];
    for (const [start, end] of pages(held.count, sizes.violations)) appendAll(cellViolations, await call('violationPage', held.token, start, end));
    return { ...a, cellViolations };
  };

  const deltas = async (list: WireDelta[]): Promise<AnalysisDelta[]> => {
    const out: AnalysisDelta[] = [];
    for (const d of list) out.push(d.full ? { ...d, full: await analysis(d.full) } : (d as AnalysisDelta));
    return out;
  };

  const proxied = <F extends (...args: never[]) => unknown>(fn: F | undefined) => fn && marshal.proxy(fn);

  return {
    // A File crosses as a handle (the worker reads it); bytes are handed over, not copied.
    openFile: async (name, file, options, onProgress, onPreview) =>
      assemble(await call('openFile', name, file instanceof Blob ? file : marshal.transfer(file, [file]), options, proxied(onProgress), proxied(onPreview))),
    adopt: (workbook, history, overrides) => call('adopt', workbook, history, overrides),
    analyse: async (onProgress) => {
      const out: SheetAnalysis[] = [];
      for (const a of await call('analyse', proxied(onProgress))) out.push(await analysis(a));
      return out;
    },
    setOverrides: async (sheetId, overrides) => analysis(await call('setOverrides', sheetId, overrides)),
    planFix: (sheetId, ruleId, options) => call('planFix', sheetId, ruleId, options),
    fixAll: async (command, onProgress) => {
      const result = await call('fixAll', command, proxied(onProgress));
      // Page by page, each awaited (a task of its own): one message of 200,000 changes
      // blocked the main thread for 150 ms.
      const changes: Change[] = [];
      for (const [start, end] of pages(result.changes.count, sizes.changes)) appendAll(changes, unpackChanges(await call('changePage', result.changes.token, start, end)));
      return { changes, deltas: await deltas(result.deltas) };
    },
    planReplace: (sheetId, find, replace) => call('planReplace', sheetId, find, replace),
    previewFixAll: (onProgress) => call('previewFixAll', proxied(onProgress)),
    planRecipe: (recipe) => call('planRecipe', recipe),
    apply: async (changes, record) => deltas(await call('apply', changes, record)),
    revert: async (changes, record) => deltas(await call('revert', changes, record)),
    savedSessionInfo: () => call('savedSessionInfo'),
    restore: async () => {
      const restored = await call('restore');
      return restored && { result: await assemble(restored), history: restored.history };
    },
    clearSaved: () => call('clearSaved'),
    export: (sheetId, what, options, recipeJson) => call('export', sheetId, what, options, recipeJson),
    exportAll: (options, recipeJson, extra) => call('exportAll', options, recipeJson, extra),
    tableMeta: (sheetId) => call('tableMeta', sheetId),
  };
}

/**
 * Both ends in one thread, with the worker's copying: every argument, result and callback
 * argument is structured-cloned (buffers marked for transfer are moved, as postMessage moves
 * them), so the two sides never share an object. A File or Blob crosses as it is: it is a
 * read-only handle, in the worker too. A thrown Error arrives as Comlink delivers one: a
 * plain Error with the same name and message.
 */
export function cloningChannel(serve: (marshal: Marshal) => Endpoint): { call: Call; marshal: Marshal } {
  const transfers = new WeakMap<object, Transferable[]>();
  const callbacks = new WeakSet<object>();
  const marshal: Marshal = {
    transfer: (value, buffers) => {
      if (typeof value === 'object' && value !== null) transfers.set(value, buffers);
      return value;
    },
    proxy: (fn) => {
      callbacks.add(fn);
      return fn;
    },
  };
  const across = (value: unknown): unknown => {
    if (typeof value === 'function' && callbacks.has(value)) return (...args: unknown[]) => value(...args.map(across));
    if (value instanceof Blob) return value;
    return structuredClone(value, { transfer: (typeof value === 'object' && value !== null && transfers.get(value)) || [] });
  };
  const endpoint = serve(marshal);
  const call = (async (method: keyof Endpoint, ...args: unknown[]) => {
    let result: unknown;
    try {
      result = await (endpoint[method] as (...a: unknown[]) => Promise<unknown>)(...args.map(across));
    } catch (e) {
      throw e instanceof Error ? Object.assign(new Error(e.message), { name: e.name, stack: e.stack }) : across(e);
    }
    return across(result);
  }) as Call;
  return { call, marshal };
}
