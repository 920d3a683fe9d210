// The worker side of a document: it keeps a replica of the workbook so that heavy work
// (reading, analysis, fixes, export) runs off the main thread on the same data the
// grid shows. The main thread sends every change it applies; the replica stays equal.
// Plain class with no worker globals, so tests drive it directly in Node.
import { type AnalysisDelta, type SheetAnalysis, SheetAnalyzer } from '../core/analysis/analyse.ts';
import { type Change, applyChanges, reshapedSheets, revertChanges } from '../core/changes.ts';
import { type FixAllSummary, summarizeFixAll } from '../core/fix/fixAllSummary.ts';
import { replaceChanges } from '../core/findReplace.ts';
import { detectStructure } from '../core/structure/detect.ts';
import { type FixAllProgress, type SheetSeed, fixAllInPlace, planFix } from '../core/fix/runFixes.ts';
import type { FixOptions, RuleId } from '../core/rules/types.ts';
import { type Recipe, type ReplayedStep, replayRecipe } from '../core/recipe.ts';
import { UnrepresentableCharactersError, type UnrepresentableChar } from '../core/io/encodeText.ts';
import { DEFAULT_EXPORT, type ExportOptions, type ExportedFile, type TableSummary, exportAllZip, exportCsv, exportCsvwFile, exportMeta, exportZip } from '../core/io/export.ts';
import type { Level2ValueLine } from '../core/io/level2.ts';
import type { Lang } from '../core/messages/template.ts';
import type { ProgressFn } from '../core/io/progress.ts';
import { PREVIEW_HEAD_BYTES, ReadError, type ReadErrorInfo, type ReadOptions, type ReadWarning, type WorkbookPreview, readWorkbook, textPreview } from '../core/io/read.ts';
import { type Command, type History, emptyHistory, popRedo, popUndo, pushCommand } from '../core/history.ts';
import { type Column, type Sheet, type TableMeta, type Workbook, sheetById } from '../core/model.ts';
import type { SheetStructure, StructureOverride } from '../core/structure/types.ts';

export type OpenResult =
  | { ok: true; workbook: Workbook; warnings: ReadWarning[] }
  | { ok: false; fileName: string; error: ReadErrorInfo };

export type ExportKind = 'csv' | 'csvw' | 'zip';

/** `empty`: for a CSV, the @ lines of the guide's header written without a value. */
export type ExportResult = { ok: true; file: ExportedFile; empty?: Level2ValueLine[] } | { ok: false; encoding: string; chars: UnrepresentableChar[] };

/** 「すべての表をダウンロード」: besides the ZIP, what it holds (for the menu to say). */
export type ExportAllResult = ({ ok: true; file: ExportedFile; tables: TableSummary[]; left: { sheet: string; kind: string }[] }) | { ok: false; encoding: string; chars: UnrepresentableChar[] };

export interface ExportAllOptions {
  /** Also the sheets that are not data tables (目次, notes pages, stray cells). */
  includeAll?: boolean;
  /** Language of the report in the ZIP. */
  lang?: Lang;
}

/**
 * What a file still being read shows: its first rows as soon as they are parsed, then what
 * the analysis finds in them (sent apart, so the rows reach the screen without waiting).
 */
export type PreviewEvent = ({ kind: 'rows' } & WorkbookPreview) | { kind: 'findings'; analysis: SheetAnalysis };
export type PreviewCallback = (event: PreviewEvent) => void;

/** Files smaller than this arrive whole before a preview would be on screen: none is sent. */
export const PREVIEW_MIN_BYTES = 1 << 20;

/** What the worker keeps of the session so that closing the tab loses nothing. */
export interface SavedSession {
  version: 1;
  savedAt: string;
  workbook: Workbook;
  history: History;
  overrides: StructureOverride[];
}

export interface SavedSessionInfo {
  fileName: string;
  savedAt: string;
  steps: number;
}

/** Where a session is kept: IndexedDB in the browser, memory in tests, nothing in the CLI. */
export interface SessionPersistence {
  save(session: SavedSession): Promise<void>;
  load(): Promise<SavedSession | undefined>;
  clear(): Promise<void>;
}

/** How a change list relates to the history: a new command, a redo, or an undo. */
export type HistoryRecord = { op: 'do'; command: Omit<Command, 'changes'> } | { op: 'redo' } | { op: 'undo' };

/** Autosave waits for a pause in the user's work, then writes once. */
const SAVE_DELAY_MS = 800;

export class DocumentSession {
  private workbook: Workbook | null = null;
  private analyzers = new Map<string, SheetAnalyzer>();
  private overrides: StructureOverride[] = [];
  /** A mirror of the main thread's undo history, for the autosave. */
  private history: History = emptyHistory();
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private saving: Promise<void> = Promise.resolve();

  constructor(private readonly persistence?: SessionPersistence) {}

  /**
   * Reads the user's file (or bytes): a big text file shows its first rows from its head (a
   * slice of the file) while the whole of it is still being read from disk.
   */
  async openFile(name: string, file: Blob | ArrayBuffer, options: ReadOptions = {}, onProgress?: ProgressFn, onPreview?: PreviewCallback): Promise<OpenResult> {
    if (!(file instanceof Blob)) return this.open(name, file, options, onProgress, onPreview);
    const whole = file.arrayBuffer();
    whole.catch(() => {}); // awaited below; a failed head read must not leave it unobserved
    let preview = onPreview;
    if (onPreview && file.size >= PREVIEW_MIN_BYTES) {
      const head = textPreview(new Uint8Array(await file.slice(0, PREVIEW_HEAD_BYTES).arrayBuffer()), name, file.size, options);
      if (head) {
        sendPreview(head, onPreview);
        preview = undefined;
      }
    }
    return this.open(name, await whole, options, onProgress, preview);
  }

  /** Reads a file. On failure the current document is left exactly as it was. */
  open(name: string, buffer: ArrayBuffer | Uint8Array, options: ReadOptions = {}, onProgress?: ProgressFn, onPreview?: PreviewCallback): OpenResult {
    const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
    const preview = onPreview && bytes.length >= PREVIEW_MIN_BYTES ? (p: WorkbookPreview) => sendPreview(p, onPreview) : undefined;
    try {
      const { workbook, warnings } = readWorkbook(bytes, name, options, onProgress, preview);
      this.workbook = workbook;
      this.analyzers.clear();
      this.overrides = [];
      this.history = emptyHistory();
      this.scheduleSave();
      return { ok: true, workbook, warnings };
    } catch (e) {
      const error: ReadErrorInfo =
        e instanceof ReadError ? e.info : { code: 'truncated', detail: e instanceof Error ? e.message : String(e) };
      return { ok: false, fileName: name, error };
    }
  }

  /**
   * Takes over a document the main thread holds (after a cancelled read stopped the worker
   * that had it): its workbook, undo history and structure corrections. Call `analyse` next.
   */
  adopt(workbook: Workbook, history: History, overrides: StructureOverride[]): void {
    this.workbook = workbook;
    this.analyzers.clear();
    this.overrides = overrides;
    this.history = history;
    this.scheduleSave();
  }

  /** Detects structure and violations on every sheet (after open, before any edit). */
  analyse(onProgress?: ProgressFn): SheetAnalysis[] {
    const wb = this.requireWorkbook();
    return wb.sheets.map((sheet, i) => {
      onProgress?.({ phase: 'analyse', done: i, total: wb.sheets.length });
      const analyzer = new SheetAnalyzer(sheet, wb.date1904, this.overrides.filter((o) => o.sheetId === sheet.id));
      this.analyzers.set(sheet.id, analyzer);
      return analyzer.analyse();
    });
  }

  /**
   * The user corrected the detection of one sheet: replace its overrides and re-analyse it.
   * If the analysis throws, the sheet keeps the corrections it had.
   */
  setOverrides(sheetId: string, overrides: StructureOverride[]): SheetAnalysis {
    const analyzer = this.analyzers.get(sheetId);
    if (!analyzer) throw new Error(`sheet ${sheetId} has not been analysed`);
    const before = this.overrides;
    this.overrides = [...before.filter((o) => o.sheetId !== sheetId), ...overrides];
    try {
      return analyzer.setOverrides(overrides);
    } catch (e) {
      this.overrides = before;
      this.rejudge(sheetId, () => analyzer.setOverrides(before.filter((o) => o.sheetId === sheetId)));
      throw e;
    }
  }

  /** The changes one rule's fix would make on a sheet (the preview); nothing is applied. */
  planFix(sheetId: string, ruleId: RuleId, options?: FixOptions): Change[] {
    return planFix(this.requireWorkbook(), sheetId, ruleId, options, this.overrides);
  }

  /** 「検索と置換」: the changes of replacing `find` by `replace` on the sheet (nothing is applied). */
  planReplace(sheetId: string, find: string, replace: string): Change[] {
    const wb = this.requireWorkbook();
    const sheet = sheetById(wb, sheetId);
    if (!sheet) return [];
    return replaceChanges(wb, sheet, find, replace, this.structureOf(sheet).tables);
  }

  /**
   * The tables of a sheet as the grid and the panel show them: the analysis' (it follows
   * every edit), or detection with the user's corrections for a sheet not analysed.
   */
  private readonly structureOf = (sheet: Sheet): SheetStructure => {
    const seed = this.analyzers.get(sheet.id)?.seed();
    return seed && seed.sheet === sheet ? seed.structure : detectStructure(sheet, undefined, this.overrides);
  };

  /**
   * 「すべて修正」 done here and kept: applied to this document, recorded in the history as
   * `command`, analysed again from what the fixes already know of each sheet. Returns the
   * changes (for the main thread's copy, which must apply them without sending them back)
   * and the new analysis. One round trip instead of plan → revert → send → apply.
   * All or nothing: when a fix or the analysis after them throws, the document, the
   * history, the corrections and the analyses are left as they were and the error goes
   * on (the main thread then applies nothing).
   */
  fixAll(command: Omit<Command, 'changes'>, onProgress?: (p: FixAllProgress) => void): { changes: Change[]; deltas: AnalysisDelta[] } {
    const wb = this.requireWorkbook();
    // fixAllInPlace puts the workbook back itself when a fix throws.
    const skip = command.step.kind === 'fixAll' ? (command.step.skip ?? []) : [];
    const { changes, views } = fixAllInPlace(wb, onProgress, {}, this.overrides, this.seeds(), skip);
    if (changes.length === 0) return { changes, deltas: [] };
    // The user's corrections moved with the rows the fixes deleted: they still hold.
    const deltas = this.reanalyseOrRevert(changes, (sheet) => views.seedOf(sheet), views.currentOverrides());
    this.history = pushCommand(this.history, { ...command, changes });
    this.scheduleSave();
    return { changes, deltas };
  }

  /** What the analyses know of each sheet, for a fix-all run to start from. */
  private seeds(): Map<string, SheetSeed> {
    const seeds = new Map<string, SheetSeed>();
    for (const [id, analyzer] of this.analyzers) {
      const seed = analyzer.seed();
      if (seed) seeds.set(id, seed);
    }
    return seeds;
  }

  /**
   * What 「すべて修正」 would do, the document left as it was: per rule the cells, rows,
   * columns and sheets it changes with examples, and every cell the fill-down fills.
   */
  previewFixAll(onProgress?: (p: FixAllProgress) => void): FixAllSummary {
    const wb = this.requireWorkbook();
    const { changes } = fixAllInPlace(wb, onProgress, {}, this.overrides, this.seeds());
    try {
      return summarizeFixAll(wb, changes);
    } finally {
      revertChanges(wb, changes);
    }
  }

  /**
   * Replays a recipe: returns each step with its changes and outcome (the document is left
   * as it was; the main thread applies the steps as commands) and the structure
   * corrections the recipe makes, which become this session's.
   */
  planRecipe(recipe: Recipe): { steps: ReplayedStep[]; overrides: StructureOverride[] } {
    const wb = this.requireWorkbook();
    const overrides = [...this.overrides];
    const steps = replayRecipe(wb, recipe, overrides);
    for (let i = steps.length - 1; i >= 0; i--) revertChanges(wb, steps[i].changes);
    return { steps, overrides };
  }

  apply(changes: Change[], record?: HistoryRecord): AnalysisDelta[] {
    applyChanges(this.requireWorkbook(), changes);
    if (record?.op === 'do') this.history = pushCommand(this.history, { ...record.command, changes });
    if (record?.op === 'redo') this.history = popRedo(this.history)?.history ?? this.history;
    if (record) this.scheduleSave();
    return this.reanalyse(changes);
  }

  revert(changes: Change[], record?: HistoryRecord): AnalysisDelta[] {
    revertChanges(this.requireWorkbook(), changes);
    if (record?.op === 'undo') {
      this.history = popUndo(this.history)?.history ?? this.history;
      this.scheduleSave();
    }
    return this.reanalyse(changes);
  }

  // --- autosave ------------------------------------------------------------------------

  private scheduleSave(): void {
    if (!this.persistence) return;
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.saveNow(), SAVE_DELAY_MS);
  }

  /** Writes the session now (tests and "before the tab closes" call this directly). */
  saveNow(): Promise<void> {
    clearTimeout(this.saveTimer);
    if (!this.persistence || !this.workbook) return this.saving;
    const snapshot: SavedSession = { version: 1, savedAt: new Date().toISOString(), workbook: this.workbook, history: this.history, overrides: this.overrides };
    const persistence = this.persistence;
    this.saving = this.saving.then(() => persistence.save(snapshot)).catch((e) => console.error('autosave failed', e));
    return this.saving;
  }

  async savedSessionInfo(): Promise<SavedSessionInfo | undefined> {
    const saved = await this.persistence?.load();
    if (!saved || saved.version !== 1) return undefined;
    return { fileName: saved.workbook.source.fileName, savedAt: saved.savedAt, steps: saved.history.past.length };
  }

  /** Brings back the saved session: its workbook (with every edit) and its history. */
  async restore(): Promise<{ result: OpenResult; history: History } | undefined> {
    const saved = await this.persistence?.load();
    if (!saved || saved.version !== 1) return undefined;
    this.workbook = saved.workbook;
    this.analyzers.clear();
    this.overrides = saved.overrides;
    this.history = saved.history;
    return { result: { ok: true, workbook: saved.workbook, warnings: [] }, history: saved.history };
  }

  async clearSaved(): Promise<void> {
    clearTimeout(this.saveTimer);
    await this.saving;
    await this.persistence?.clear();
  }

  /** `known`: row summaries and structure of a reshaped sheet already worked out (by fix-all). */
  private reanalyse(changes: Change[], known?: (sheet: Sheet) => SheetSeed, overridesRebased = false): AnalysisDelta[] {
    const wb = this.requireWorkbook();
    const reshaped = reshapedSheets(changes);
    const deltas: AnalysisDelta[] = [];
    for (const sheetId of reshaped) {
      const sheet = sheetById(wb, sheetId);
      // Row numbers in the user's corrections no longer mean the same rows, unless they were moved with them.
      if (!overridesRebased) this.overrides = this.overrides.filter((o) => o.sheetId !== sheetId);
      if (!sheet) {
        this.analyzers.delete(sheetId);
        deltas.push({ sheetId, removed: true });
        continue;
      }
      const analyzer = new SheetAnalyzer(sheet, wb.date1904, this.overrides.filter((o) => o.sheetId === sheetId));
      this.analyzers.set(sheetId, analyzer);
      deltas.push({ sheetId, full: analyzer.analyse(known?.(sheet)) });
    }
    for (const [sheetId, list] of changedCells(changes, reshaped)) {
      const analyzer = this.analyzers.get(sheetId);
      if (analyzer) deltas.push(analyzer.update(list));
    }
    return deltas;
  }

  /**
   * `reanalyse` after `changes` were applied here, with `rebased`: the corrections as the
   * changes moved them. When it throws, the changes are reverted, the corrections and
   * analyses are those of before, and the error goes on.
   */
  private reanalyseOrRevert(changes: Change[], known: (sheet: Sheet) => SheetSeed, rebased: StructureOverride[]): AnalysisDelta[] {
    const overrides = this.overrides;
    const analyzers = new Map(this.analyzers);
    try {
      this.overrides = rebased;
      return this.reanalyse(changes, known, true);
    } catch (e) {
      revertChanges(this.requireWorkbook(), changes);
      this.overrides = overrides;
      this.analyzers = analyzers;
      // A reshaped sheet got a new analyzer (now dropped); a sheet whose cells changed had
      // its own updated in place, so it judges those cells again as they are back.
      for (const [sheetId, list] of changedCells(changes, reshapedSheets(changes))) {
        const analyzer = analyzers.get(sheetId);
        if (analyzer) this.rejudge(sheetId, () => analyzer.update(list));
      }
      throw e;
    }
  }

  /**
   * Brings an analyzer back in line with its sheet after a failed step. An analyzer that
   * cannot judge the sheet as it was is dropped rather than kept half-updated: the sheet
   * then gives no findings until the next full analysis, instead of wrong ones.
   */
  private rejudge(sheetId: string, redo: () => unknown): void {
    try {
      redo();
    } catch (e) {
      console.error(`analysis of ${sheetId} could not be restored`, e);
      this.analyzers.delete(sheetId);
    }
  }

  /** One column of a sheet, to be sent to the main thread in slices. */
  column(sheetId: string, c: number): Column {
    const sheet = sheetById(this.requireWorkbook(), sheetId);
    if (!sheet || !sheet.columns[c]) throw new Error(`unknown column ${sheetId}:${c}`);
    return sheet.columns[c];
  }

  /**
   * The download of one table: the CSV (Level 1 or 2), its CSVW sidecar, or a ZIP of both
   * with the recipe. Characters the chosen encoding cannot hold come back as a list, for
   * the user to decide; nothing is replaced.
   */
  export(sheetId: string, what: ExportKind, options: ExportOptions = DEFAULT_EXPORT, recipeJson?: string): ExportResult {
    const wb = this.requireWorkbook();
    // Every sheet's corrections: the file name depends on which sheets are data tables.
    const overrides = this.overrides;
    try {
      if (what === 'csv') return { ok: true, ...exportCsv(wb, sheetId, options, overrides, this.structureOf) };
      const file = what === 'csvw' ? exportCsvwFile(wb, sheetId, options, overrides, this.structureOf) : exportZip(wb, sheetId, options, recipeJson, overrides, this.structureOf);
      return { ok: true, file };
    } catch (e) {
      if (e instanceof UnrepresentableCharactersError) return { ok: false, encoding: e.encoding, chars: e.chars };
      throw e;
    }
  }

  /**
   * The metadata the export writes for a table: its own, what its caption, date, source and
   * note rows still in the grid say, and the file's where it has none (the metadata panel
   * shows it before 「すべて修正」 has moved those rows into the table's own).
   */
  tableMeta(sheetId: string): TableMeta {
    const wb = this.requireWorkbook();
    const sheet = sheetById(wb, sheetId);
    if (!sheet) throw new Error(`unknown sheet ${sheetId}`);
    return exportMeta(wb, sheet, this.overrides, this.structureOf(sheet));
  }

  /**
   * The ZIP of every table of the workbook (CSV and CSVW sidecar each), the recipe and a
   * report of what the history changed per rule and what the analysis still finds.
   */
  exportAll(options: ExportOptions = DEFAULT_EXPORT, recipeJson?: string, extra: ExportAllOptions = {}): ExportAllResult {
    const wb = this.requireWorkbook();
    try {
      const done = exportAllZip(wb, {
        options,
        overrides: this.overrides,
        structureOf: this.structureOf,
        includeAll: extra.includeAll,
        recipeJson,
        changes: this.history.past.flatMap((c) => c.changes),
        open: (sheetId) => this.analyzers.get(sheetId)?.results(),
        lang: extra.lang,
      });
      return { ok: true, ...done };
    } catch (e) {
      if (e instanceof UnrepresentableCharactersError) return { ok: false, encoding: e.encoding, chars: e.chars };
      throw e;
    }
  }

  private requireWorkbook(): Workbook {
    if (!this.workbook) throw new Error('no document is open');
    return this.workbook;
  }
}

/** The cells each change list edits, per sheet, leaving out the sheets in `skip`. */
function changedCells(changes: readonly Change[], skip: ReadonlySet<string>): Map<string, { r: number; c: number }[]> {
  const cells = new Map<string, { r: number; c: number }[]>();
  for (const ch of changes) {
    if (ch.kind !== 'cell' || skip.has(ch.sheetId)) continue;
    const list = cells.get(ch.sheetId);
    if (list) list.push({ r: ch.r, c: ch.c });
    else cells.set(ch.sheetId, [{ r: ch.r, c: ch.c }]);
  }
  return cells;
}

/**
 * The preview's rows, then its findings. The preview is analysed on its own: the session's
 * document stays the previous one until the whole file is read.
 */
function sendPreview(p: WorkbookPreview, onPreview: PreviewCallback): void {
  onPreview({ kind: 'rows', ...p });
  const sheet = sheetById(p.workbook, p.sheetId);
  if (sheet) onPreview({ kind: 'findings', analysis: new SheetAnalyzer(sheet, p.workbook.date1904).analyse() });
}
