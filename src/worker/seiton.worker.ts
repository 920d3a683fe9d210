// The module worker: one DocumentSession, exposed over comlink in the wire format of
// wire.ts (skeletons and slices, so no single message blocks the main thread).
import * as Comlink from 'comlink';
import type { AnalysisDelta, SheetAnalysis } from '../core/analysis/analyse.ts';
import type { Change } from '../core/changes.ts';
import type { ExportOptions } from '../core/io/export.ts';
import type { ProgressFn } from '../core/io/progress.ts';
import type { ReadOptions } from '../core/io/read.ts';
import type { FixAllProgress } from '../core/fix/runFixes.ts';
import type { Recipe } from '../core/recipe.ts';
import type { FixOptions, RuleId, Violation } from '../core/rules/types.ts';
import type { StructureOverride } from '../core/structure/types.ts';
import { idbPersistence } from './idbPersistence.ts';
import type { Command, History } from '../core/history.ts';
import type { Workbook } from '../core/model.ts';
import { DocumentSession, type ExportAllOptions, type ExportKind, type HistoryRecord, type OpenResult, type PreviewCallback } from './session.ts';
import { type PackedColumn, buffersOf, deltaWithoutCellViolations, packChanges, packColumn, skeletonOf, sliceColumn, withoutCellViolations } from './wire.ts';

const session = new DocumentSession(idbPersistence);
/** The last full cell-violation lists per sheet, handed out page by page. */
const pendingViolations = new Map<string, Violation[]>();
/** The last fix-all's changes, handed out page by page. */
let pendingChanges: Change[] = [];

function wireOpen(result: OpenResult) {
  if (!result.ok) return { result, columnCounts: [] };
  const { workbook, columnCounts } = skeletonOf(result.workbook);
  return { result: { ...result, workbook }, columnCounts };
}

function keep(a: SheetAnalysis) {
  pendingViolations.set(a.sheetId, a.cellViolations);
  return withoutCellViolations(a);
}

function keepDelta(d: AnalysisDelta) {
  if (d.full) pendingViolations.set(d.sheetId, d.full.cellViolations);
  return deltaWithoutCellViolations(d);
}

const api = {
  async open(name: string, file: Blob | ArrayBuffer, options: ReadOptions, onProgress?: ProgressFn, onPreview?: PreviewCallback) {
    return wireOpen(await session.openFile(name, file, options, onProgress, onPreview));
  },
  async adopt(workbook: Workbook, history: History, overrides: StructureOverride[]) {
    session.adopt(workbook, history, overrides);
  },
  async columnSlice(sheetId: string, c: number, start: number, end: number) {
    const packed = packColumn(sliceColumn(session.column(sheetId, c), start, end));
    return Comlink.transfer(packed, buffersOf([packed]));
  },
  /** Columns c..c+n-1 whole, for sheets short enough that many fit in one message. */
  async columnBatch(sheetId: string, c: number, n: number) {
    const out: PackedColumn[] = [];
    for (let i = c; i < c + n; i++) out.push(packColumn(session.column(sheetId, i)));
    return Comlink.transfer(out, buffersOf(out));
  },
  async analyse(onProgress?: ProgressFn) {
    return session.analyse(onProgress).map(keep);
  },
  async violationPage(sheetId: string, start: number, end: number) {
    return (pendingViolations.get(sheetId) ?? []).slice(start, end);
  },
  async planFix(sheetId: string, ruleId: RuleId, options?: FixOptions) {
    return session.planFix(sheetId, ruleId, options);
  },
  async fixAll(command: Omit<Command, 'changes'>, onProgress?: (p: FixAllProgress) => void) {
    const { changes, deltas } = session.fixAll(command, onProgress);
    pendingChanges = changes;
    return { changeCount: changes.length, deltas: deltas.map(keepDelta) };
  },
  async changePage(start: number, end: number) {
    const { packed, buffers } = packChanges(pendingChanges.slice(start, end));
    if (end >= pendingChanges.length) pendingChanges = [];
    return Comlink.transfer(packed, buffers);
  },
  async planRecipe(recipe: Recipe) {
    return session.planRecipe(recipe);
  },
  async setOverrides(sheetId: string, overrides: StructureOverride[]) {
    return keep(session.setOverrides(sheetId, overrides));
  },
  async apply(changes: Change[], record?: HistoryRecord) {
    return session.apply(changes, record).map(keepDelta);
  },
  async revert(changes: Change[], record?: HistoryRecord) {
    return session.revert(changes, record).map(keepDelta);
  },
  async savedSessionInfo() {
    return session.savedSessionInfo();
  },
  async restore() {
    const restored = await session.restore();
    return restored && { ...wireOpen(restored.result), history: restored.history };
  },
  async clearSaved() {
    return session.clearSaved();
  },
  async export(sheetId: string, what: ExportKind, options: ExportOptions, recipeJson?: string) {
    const result = session.export(sheetId, what, options, recipeJson);
    return result.ok ? Comlink.transfer(result, [result.file.bytes.buffer]) : result;
  },
  async exportAll(options: ExportOptions, recipeJson?: string, extra?: ExportAllOptions) {
    const result = session.exportAll(options, recipeJson, extra);
    return result.ok ? Comlink.transfer(result, [result.file.bytes.buffer]) : result;
  },
};

export type WorkerApi = typeof api;

Comlink.expose(api);
