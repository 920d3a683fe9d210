// The document store: the workbook the grid shows, the active sheet, the selection,
// load state and the undo history. Every change to the workbook goes through
// `execute` / `undo` / `redo`, which apply it here and mirror it to the worker replica.
//
// The workbook is mutated in place (copying a 100k-row sheet per keystroke is not an
// option); `version` increments on every mutation so subscribers know to re-render.
import { createStore } from 'zustand/vanilla';
import { snapshotFromInput } from '../core/cellInput.ts';
import { type Change, MANUAL_EDIT, applyChanges, isStructural, metaChange, revertChanges, sameSnapshot, workbookMetaChange } from '../core/changes.ts';
import { DEFAULT_EXPORT, type ExportOptions } from '../core/io/export.ts';
import type { Progress } from '../core/io/progress.ts';
import type { ReadErrorInfo, ReadOptions, ReadWarning, WorkbookPreview } from '../core/io/read.ts';
import { type Sheet, type TableMeta, type Workbook, type WorkbookMeta, getCell, sheetById } from '../core/model.ts';
import { thousandsRepairChanges } from '../core/io/thousands.ts';
import type { AnalysisDelta, SheetAnalysis } from '../core/analysis/analyse.ts';
import { RECIPE_VERSION, type Recipe, type ReplayedStep, cellRef, metaPatch, serializeRecipe } from '../core/recipe.ts';
import type { FixOptions, RuleId } from '../core/rules/types.ts';
import type { StructureOverride } from '../core/structure/types.ts';
import type { ExportAllOptions, ExportAllResult, ExportKind, ExportResult, HistoryRecord, OpenResult, PreviewCallback, SavedSessionInfo } from '../worker/session.ts';
import type { SessionApi } from '../worker/transport.ts';
import { WorkerStopped } from '../worker/workerStopped.ts';
import { type SheetFindings, applyDelta, findingsFrom } from './findings.ts';
import { type Command, type History, emptyHistory, popRedo, popUndo, pushCommand } from '../core/history.ts';
import { nextTask } from '../core/nextTask.ts';

/** Changes applied per task when a long list is applied in pieces. */
const APPLY_PIECE = 20_000;

export interface LoadingState {
  fileName: string;
  phase: 'read' | Progress['phase'];
  done?: number;
  total?: number;
  /** The whole read, 0–1, when the reader can tell. */
  overall?: number;
  startedAt: number;
  /** The grid shows the first rows of the file while the rest is read (nothing can be changed yet). */
  preview?: { rows: number; declaredRows?: number };
}

export interface LoadError {
  fileName: string;
  info: ReadErrorInfo | { code: 'internal'; detail?: string };
}

export interface DocumentState {
  workbook: Workbook | null;
  activeSheetId: string | null;
  selection: { r: number; c: number } | null;
  /** Increments on every change to the workbook's content. */
  version: number;
  history: History;
  /** The command on top of `history.past` when the document was last saved (or opened). */
  savedAt: Command | null;
  loading: LoadingState | null;
  error: LoadError | null;
  warnings: ReadWarning[];
  /** Analysis results per sheet id; absent while the worker is still analysing. */
  findings: Record<string, SheetFindings>;
  analysing: boolean;
  /** Why the last analysis failed (the document stays usable; the panel says so). */
  analysisFailed: string | null;
  /** Structure corrections the user made, per sheet id. */
  overrides: Record<string, StructureOverride[]>;
  /** A request to bring a cell into view (seq changes on every request). */
  focus: { r: number; c: number; seq: number } | null;
  /** The rule whose cells the panel is showing. */
  activeRuleId: RuleId | null;
  /** A fix computed but not applied yet, shown for the user to apply or cancel. */
  preview: FixPreview | null;
  /** 「すべて修正」 is being computed. */
  fixing: boolean;
  /** An autosaved session from an earlier visit, offered for restoring. */
  savedSession: SavedSessionInfo | null;
  /** How 「CSVをダウンロード」 writes the file (Level 2, UTF-8 with BOM, CRLF… by default). */
  exportOptions: ExportOptions;
}

export interface FixPreview {
  sheetId: string;
  ruleId: RuleId;
  options: FixOptions;
  changes: Change[];
}

export interface DocumentActions {
  /** A File is read by the worker itself (a big text file previewed from its head); anything else is read here. */
  openFile(file: File | { name: string; arrayBuffer(): Promise<ArrayBuffer> }, options?: ReadOptions): Promise<boolean>;
  /** Stops the read in progress; the document open before it comes back as it was. */
  cancelLoad(): Promise<void>;
  reopen(options: ReadOptions): Promise<boolean>;
  setActiveSheet(id: string): void;
  select(r: number, c: number): void;
  /** Selects a cell and scrolls the grid to it. */
  focusCell(r: number, c: number): void;
  setActiveRule(id: RuleId | null): void;
  /** Computes one rule's fix on the active sheet and shows it (nothing is applied). */
  previewFix(ruleId: RuleId, options?: FixOptions): Promise<void>;
  applyPreview(): void;
  cancelPreview(): void;
  /** 「すべて修正」: every fix, one undoable step. */
  fixAll(): Promise<void>;
  /** Replaces a sheet's Level 2 metadata (an undoable command). */
  setMeta(sheetId: string, meta: TableMeta): void;
  /** Replaces the metadata for every table of the file (an undoable command). */
  setBookMeta(meta: WorkbookMeta): void;
  /** The recipe of everything done to this document so far. */
  recipe(): Recipe | null;
  /** Replays a recipe on the open document, one command per step; returns the report. */
  applyRecipe(recipe: Recipe): Promise<ReplayedStep[] | null>;
  /** Undoes until `count` commands remain (the history panel's "back to here"). */
  undoTo(count: number): void;
  /** Looks for an autosaved session (at start-up). */
  checkSaved(): Promise<void>;
  /** Brings back the autosaved session, edits and undo history included. */
  restoreSaved(): Promise<boolean>;
  /** Deletes the autosaved session from this browser. */
  clearSaved(): Promise<void>;
  editCell(r: number, c: number, text: string): void;
  execute(command: Command): void;
  undo(): void;
  redo(): void;
  /** The active table as a file to download (CSV with the current export options by default). */
  exportActive(what?: ExportKind): Promise<ExportResult | null>;
  /** 「すべての表をダウンロード」: the ZIP of every table, with the recipe and a report. */
  exportAll(extra?: ExportAllOptions): Promise<ExportAllResult | null>;
  setExportOptions(options: Partial<ExportOptions>): void;
  dismissError(): void;
  /** Replaces the user's structure corrections for a sheet (empty list = back to detection). */
  setOverrides(sheetId: string, overrides: StructureOverride[]): Promise<void>;
  /** Applies the repair a `thousands-separators` read warning offers (one undoable change) and drops the warning. */
  repairThousands(): void;
}

// The replica only diverges on a bug; say so loudly rather than export stale data later.
function reportReplicaError(e: unknown): void {
  console.error('worker replica out of sync', e);
}

export type DocumentStore = ReturnType<typeof createDocumentStore>;

export function isDirty(s: DocumentState): boolean {
  return (s.history.past[s.history.past.length - 1] ?? null) !== s.savedAt;
}

export function activeSheet(s: DocumentState): Sheet | undefined {
  return s.workbook && s.activeSheetId ? sheetById(s.workbook, s.activeSheetId) : undefined;
}

export { safeFileName } from '../core/io/export.ts';

export function createDocumentStore(session: SessionApi) {
  return createStore<DocumentState & DocumentActions>()((set, get) => {
    const progress = (p: Progress) => {
      const loading = get().loading;
      if (loading) set({ loading: { ...loading, phase: p.phase, done: p.done, total: p.total, overall: p.overall ?? loading.overall } });
    };

    // Results of an analysis started for an older document must not land on a newer one.
    let generation = 0;

    /** `keep`: leave the current findings on screen until the new ones arrive (they will match). */
    const analyse = async (keep = false) => {
      const mine = ++generation;
      set(keep ? { analysing: true, analysisFailed: null } : { analysing: true, analysisFailed: null, findings: {} });
      try {
        const results = await session.analyse();
        if (mine !== generation) return;
        const findings: Record<string, SheetFindings> = {};
        for (const a of results) findings[a.sheetId] = findingsFrom(a);
        set({ findings, analysing: false });
      } catch (e) {
        if (mine === generation) set({ analysing: false, analysisFailed: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
        console.error('analysis failed', e);
      }
    };

    const merge = (deltas: AnalysisDelta[]) => {
      const findings = { ...get().findings };
      for (const d of deltas) {
        const current = findings[d.sheetId];
        if (d.removed) delete findings[d.sheetId];
        else if (d.full) findings[d.sheetId] = findingsFrom(d.full);
        else if (current) findings[d.sheetId] = applyDelta(current, d);
      }
      set({ findings });
    };

    const finishOpen = (result: OpenResult & { ok: true }): boolean => {
      // The sheet the preview showed stays the active one (same id in the whole workbook).
      const shown = get().loading?.preview ? get().activeSheetId : null;
      const first = result.workbook.sheets.find((s) => !s.hidden && s.rowCount > 0) ?? result.workbook.sheets[0];
      set({
        workbook: result.workbook,
        activeSheetId: (shown && result.workbook.sheets.some((sh) => sh.id === shown) ? shown : first?.id) ?? null,
        selection: null,
        version: get().version + 1,
        history: emptyHistory(),
        savedAt: null,
        loading: null,
        error: null,
        warnings: result.warnings,
        overrides: {},
        focus: null,
        activeRuleId: null,
        preview: null,
        savedSession: null,
      });
      void analyse();
      return true;
    };

    // What a read replaces, kept until it completes: Cancel or a failure brings it back.
    type Stash = Pick<
      DocumentState,
      'workbook' | 'activeSheetId' | 'selection' | 'history' | 'savedAt' | 'findings' | 'overrides' | 'warnings' | 'activeRuleId' | 'focus' | 'preview' | 'analysing'
    >;
    const stashOf = (st: DocumentState): Stash => ({
      workbook: st.workbook,
      activeSheetId: st.activeSheetId,
      selection: st.selection,
      history: st.history,
      savedAt: st.savedAt,
      findings: st.findings,
      overrides: st.overrides,
      warnings: st.warnings,
      activeRuleId: st.activeRuleId,
      focus: st.focus,
      preview: st.preview,
      analysing: st.analysing,
    });
    let stash: Stash | null = null;
    /** The file the open document was read from (not for a restored session): 「文字コード」 reads it again. */
    let shownFile: { name: string; arrayBuffer(): Promise<ArrayBuffer> } | null = null;
    // Increments per read; a read that is no longer the latest (cancelled) drops its result.
    let loadSeq = 0;

    const bringBack = (before: Stash) => {
      generation++;
      set({ ...before, analysing: false, loading: null, version: get().version + 1 });
    };

    /** Puts the previous document back into a fresh worker (after Cancel or a crash). */
    const readopt = async (before: Stash) => {
      if (!before.workbook) return;
      await session.adopt(before.workbook, before.history, Object.values(before.overrides).flat());
      void analyse(true);
    };

    const showPreview = (p: WorkbookPreview) => {
      const loading = get().loading;
      if (!loading) return;
      generation++; // analysis results for the previous document must not land on the preview
      const sheet = sheetById(p.workbook, p.sheetId);
      set({
        workbook: p.workbook,
        activeSheetId: p.sheetId,
        selection: null,
        version: get().version + 1,
        history: emptyHistory(),
        savedAt: null,
        findings: {},
        overrides: {},
        warnings: [],
        activeRuleId: null,
        focus: null,
        preview: null,
        analysing: false,
        loading: { ...loading, preview: { rows: sheet?.rowCount ?? 0, declaredRows: p.declaredRows } },
      });
    };

    /** What the analysis found in the preview's rows: tinted while the rest is read. */
    const showPreviewFindings = (a: SheetAnalysis) => {
      if (!get().loading?.preview || get().activeSheetId !== a.sheetId) return;
      set({ findings: { [a.sheetId]: findingsFrom(a) } });
    };

    const run = async (fileName: string, work: (onPreview: PreviewCallback) => Promise<OpenResult>): Promise<boolean> => {
      if (get().loading) return false;
      const mine = ++loadSeq;
      const before = stashOf(get());
      stash = before;
      set({ loading: { fileName, phase: 'read', startedAt: Date.now() }, error: null });
      let previewed = false;
      const fail = (info: LoadError['info'], name = fileName) => {
        if (previewed) bringBack(before);
        set({ loading: null, error: { fileName: name, info } });
        return false;
      };
      try {
        const result = await work((event) => {
          if (mine !== loadSeq) return;
          if (event.kind === 'findings') return showPreviewFindings(event.analysis);
          previewed = true;
          showPreview(event);
        });
        if (mine !== loadSeq) return false;
        stash = null;
        return result.ok ? finishOpen(result) : fail(result.error, result.fileName);
      } catch (e) {
        if (mine !== loadSeq) return false; // cancelled: cancelLoad has put everything back
        stash = null;
        if (e instanceof WorkerStopped) {
          bringBack(before);
          void readopt(before).catch(reportReplicaError);
        }
        return fail({ code: 'internal', detail: e instanceof Error ? e.message : String(e) });
      }
    };

    /**
     * Applies (or reverts) changes to the workbook here and in the worker. Returns the state
     * to set: sheets whose shape or metadata changed get new objects (so views keyed on
     * them refresh), and a sheet that no longer exists stops being the active one.
     */
    const mutate = (changes: Change[], how: 'apply' | 'revert', record: HistoryRecord): Partial<DocumentState> => {
      const wb = get().workbook;
      if (!wb) return {};
      const mine = generation;
      const done = (deltas: AnalysisDelta[]) => {
        if (mine === generation) merge(deltas);
      };
      if (how === 'apply') {
        applyChanges(wb, changes);
        session.apply(changes, record).then(done, reportReplicaError);
      } else {
        revertChanges(wb, changes);
        session.revert(changes, record).then(done, reportReplicaError);
      }
      return reshapedPatch(wb, changes);
    };

    /**
     * Applies a long change list (すべて修正 on 100,000 rows: 200,000 changes) to this copy in
     * pieces with a pause between them, so the page keeps painting. Nothing can edit the
     * document meanwhile (`fixing`).
     */
    const applyInPieces = async (wb: Workbook, changes: Change[]) => {
      for (let i = 0; i < changes.length; i += APPLY_PIECE) {
        if (i > 0) await nextTask();
        applyChanges(wb, changes.slice(i, i + APPLY_PIECE));
      }
    };

    /** Applies a command here and in the worker and puts it on the undo history. */
    const record = (command: Command) => {
      if (command.changes.length === 0) return;
      const { changes, ...meta } = command;
      const patch = mutate(changes, 'apply', { op: 'do', command: meta });
      set({ ...patch, history: pushCommand(get().history, command), version: get().version + 1, preview: null });
    };

    /** New objects for the sheets whose shape or metadata `changes` altered (already applied to `wb`). */
    const reshapedPatch = (wb: Workbook, changes: Change[]): Partial<DocumentState> => {
      const reshaped = new Set(changes.filter((ch) => ch.kind !== 'cell').map((ch) => (ch.kind === 'sheet' ? ch.sheet.id : ch.sheetId)));
      if (reshaped.size === 0) return {};
      const workbook = { ...wb, sheets: wb.sheets.map((sh) => (reshaped.has(sh.id) ? { ...sh } : sh)) };
      const activeSheetId = workbook.sheets.some((sh) => sh.id === get().activeSheetId) ? get().activeSheetId : (workbook.sheets[0]?.id ?? null);
      const structural = changes.some(isStructural);
      return structural ? { workbook, activeSheetId, selection: null, focus: null, activeRuleId: null } : { workbook };
    };

    return {
      workbook: null,
      activeSheetId: null,
      selection: null,
      version: 0,
      history: emptyHistory(),
      savedAt: null,
      loading: null,
      error: null,
      warnings: [],
      findings: {},
      analysing: false,
      analysisFailed: null,
      overrides: {},
      focus: null,
      activeRuleId: null,
      preview: null,
      fixing: false,
      savedSession: null,
      exportOptions: DEFAULT_EXPORT,

      openFile: async (file, options = {}) => {
        const ok = await run(file.name, async (onPreview) => session.openFile(file.name, file instanceof Blob ? file : await file.arrayBuffer(), options, progress, onPreview));
        if (ok) shownFile = file;
        return ok;
      },

      // The user's file is read again; the worker keeps no copy of its bytes.
      reopen: async (options) => {
        if (shownFile) return get().openFile(shownFile, options);
        if (get().loading) return false;
        const fileName = get().workbook?.source.fileName ?? '';
        set({ error: { fileName, info: { code: 'internal', detail: 'the original file is not available (restored session): open it again to re-read it' } } });
        return false;
      },

      cancelLoad: async () => {
        const before = stash;
        if (!get().loading || !before) return;
        loadSeq++;
        stash = null;
        await session.cancel();
        bringBack(before);
        await readopt(before).catch(reportReplicaError);
      },

      setActiveSheet: (id) => {
        if (get().workbook && sheetById(get().workbook!, id)) set({ activeSheetId: id, selection: null, activeRuleId: null });
      },

      select: (r, c) => set({ selection: { r, c } }),

      focusCell: (r, c) => set({ selection: { r, c }, focus: { r, c, seq: (get().focus?.seq ?? 0) + 1 } }),

      setActiveRule: (id) => set({ activeRuleId: id }),

      editCell: (r, c, text) => {
        const { workbook, activeSheetId } = get();
        if (!workbook || !activeSheetId) return;
        const sheet = sheetById(workbook, activeSheetId)!;
        const before = getCell(sheet, r, c);
        const after = snapshotFromInput(text, before);
        if (sameSnapshot(before, after)) return;
        const tables = get().findings[activeSheetId]?.structure.tables;
        get().execute({
          changes: [{ kind: 'cell', sheetId: activeSheetId, r, c, before, after, ruleId: MANUAL_EDIT }],
          step: { kind: 'edit', sheet: sheet.name, ...cellRef(sheet, r, c, tables), text },
        });
      },

      execute: (command) => {
        // Nothing changes a document that is still being read (the grid may show its first
        // rows), or while 「すべて修正」 or a recipe runs (the grid and panel are read-only then).
        if (get().loading || get().fixing) return;
        record(command);
      },

      undo: () => {
        if (get().loading || get().fixing) return;
        const popped = popUndo(get().history);
        if (!popped) return;
        const patch = mutate(popped.command.changes, 'revert', { op: 'undo' });
        set({ ...patch, history: popped.history, version: get().version + 1, preview: null });
      },

      redo: () => {
        if (get().loading || get().fixing) return;
        const popped = popRedo(get().history);
        if (!popped) return;
        const patch = mutate(popped.command.changes, 'apply', { op: 'redo' });
        set({ ...patch, history: popped.history, version: get().version + 1, preview: null });
      },

      exportActive: async (what = 'csv') => {
        const state = get();
        const sheet = activeSheet(state);
        if (!state.workbook || !sheet || state.loading) return null;
        const recipe = what === 'zip' ? get().recipe() : null;
        const result = await session.export(sheet.id, what, state.exportOptions, recipe ? serializeRecipe(recipe) : undefined);
        if (result.ok && what !== 'csvw') set({ savedAt: state.history.past[state.history.past.length - 1] ?? null });
        return result;
      },

      exportAll: async (extra) => {
        const state = get();
        if (!state.workbook || state.loading) return null;
        const recipe = get().recipe();
        const result = await session.exportAll(state.exportOptions, recipe ? serializeRecipe(recipe) : undefined, extra);
        if (result.ok) set({ savedAt: state.history.past[state.history.past.length - 1] ?? null });
        return result;
      },

      setExportOptions: (options) => set({ exportOptions: { ...get().exportOptions, ...options } }),

      dismissError: () => set({ error: null }),

      previewFix: async (ruleId, options = {}) => {
        const sheetId = get().activeSheetId;
        if (!sheetId || get().fixing || get().loading) return;
        const mine = generation;
        const version = get().version;
        const changes = await session.planFix(sheetId, ruleId, options);
        // An edit in between would make the plan stale: drop it rather than apply old changes.
        if (mine !== generation || version !== get().version) return;
        set({ preview: { sheetId, ruleId, options, changes }, activeRuleId: ruleId });
      },

      applyPreview: () => {
        const preview = get().preview;
        if (!preview) return;
        const sheet = get().workbook && sheetById(get().workbook!, preview.sheetId);
        // The changes were planned on that sheet: without it there is nothing to apply them to.
        if (!sheet) return;
        get().execute({
          changes: preview.changes,
          step: { kind: 'fix', sheet: sheet.name, rule: preview.ruleId, ...(Object.keys(preview.options).length ? { options: preview.options } : {}) },
        });
      },

      cancelPreview: () => set({ preview: null }),

      recipe: () => {
        const { workbook, history, overrides, activeSheetId } = get();
        if (!workbook) return null;
        const name = (id: string) => workbook.sheets.find((sh) => sh.id === id)?.name;
        const structure = Object.entries(overrides).flatMap(([sheetId, list]) =>
          list.map(({ sheetId: _id, ...o }) => ({ kind: 'structure' as const, sheet: name(sheetId) ?? sheetId, ...o })),
        );
        const src = workbook.source;
        const { level, encoding, eol, padAtLines, numbers } = get().exportOptions;
        return {
          version: RECIPE_VERSION,
          source: {
            name: src.fileName,
            ...(activeSheetId && name(activeSheetId) ? { sheet: name(activeSheetId) } : {}),
            ...(src.encoding ? { encoding: src.encoding } : {}),
            ...(src.delimiter ? { delimiter: src.delimiter } : {}),
          },
          steps: [...structure, ...history.past.flatMap((c) => (c.step ? [c.step] : []))],
          export: { level, encoding, eol, padAtLines, numbers },
        };
      },

      applyRecipe: async (recipe) => {
        const state = get();
        if (!state.workbook || state.loading || state.fixing) return null;
        const src = state.workbook.source;
        // Read the file the way the recipe says (text encoding, delimiter) before replaying.
        if (src.encoding && ((recipe.source.encoding && recipe.source.encoding !== src.encoding) || (recipe.source.delimiter && recipe.source.delimiter !== src.delimiter))) {
          const ok = await get().reopen({ encoding: recipe.source.encoding ?? src.encoding, delimiter: recipe.source.delimiter ?? src.delimiter });
          if (!ok) return null;
        }
        const mine = generation;
        // The recipe's export options (numbers as shown or stored…) become the download's.
        if (recipe.export) set({ exportOptions: { ...get().exportOptions, ...recipe.export } });
        set({ fixing: true });
        try {
          const { steps, overrides } = await session.planRecipe(recipe);
          if (mine !== generation) return null;
          for (const done of steps) {
            if (done.changes.length === 0) continue;
            record({ step: done.step, replayed: true, changes: done.changes });
          }
          // Corrections stay only on sheets the recipe did not reshape (their rows moved).
          const reshaped = new Set(steps.flatMap((d) => d.changes.filter(isStructural).map((ch) => (ch.kind === 'sheet' ? ch.sheet.id : ch.sheetId))));
          const bySheet: Record<string, StructureOverride[]> = {};
          for (const o of overrides) if (!reshaped.has(o.sheetId)) (bySheet[o.sheetId] ??= []).push(o);
          for (const [sheetId, list] of Object.entries(bySheet)) await get().setOverrides(sheetId, list);
          if (recipe.source.sheet) {
            const wanted = get().workbook?.sheets.find((sh) => sh.name === recipe.source.sheet);
            if (wanted) get().setActiveSheet(wanted.id);
          }
          return steps;
        } finally {
          if (mine === generation) set({ fixing: false });
        }
      },

      checkSaved: async () => {
        try {
          const info = await session.savedSessionInfo();
          if (info && !get().workbook) set({ savedSession: info });
        } catch (e) {
          console.warn('no autosave available', e);
        }
      },

      restoreSaved: async () => {
        const info = get().savedSession;
        if (!info) return false;
        let history: History = emptyHistory();
        const ok = await run(info.fileName, async () => {
          const restored = await session.restore();
          if (!restored) return { ok: false, fileName: info.fileName, error: { code: 'truncated', detail: 'no saved session' } };
          history = restored.history;
          return restored.result;
        });
        if (ok) {
          shownFile = null;
          set({ history, savedSession: null });
        }
        return ok;
      },

      clearSaved: async () => {
        await session.clearSaved();
        set({ savedSession: null });
      },

      undoTo: (count) => {
        while (get().history.past.length > count) get().undo();
      },

      setMeta: (sheetId, meta) => {
        const sheet = get().workbook && sheetById(get().workbook!, sheetId);
        if (!sheet) return;
        get().execute({ changes: [metaChange(sheet, meta, 'meta')], step: { kind: 'meta', sheet: sheet.name, patch: metaPatch(sheet.meta, meta) } });
      },

      setBookMeta: (meta) => {
        const { workbook, activeSheetId } = get();
        const sheetId = activeSheetId ?? workbook?.sheets[0]?.id;
        if (!workbook || !sheetId) return;
        const before = workbook.meta ?? {};
        const patch: Partial<WorkbookMeta> = {};
        for (const key of new Set([...Object.keys(before), ...Object.keys(meta)]) as Set<keyof WorkbookMeta>) if (before[key] !== meta[key]) patch[key] = meta[key] ?? '';
        if (Object.keys(patch).length === 0) return;
        get().execute({ changes: [workbookMetaChange(workbook, sheetId, meta, 'meta')], step: { kind: 'bookMeta', patch } });
      },

      fixAll: async () => {
        if (!get().workbook || get().fixing || get().loading) return;
        const mine = generation;
        set({ fixing: true, preview: null });
        try {
          // Planned, applied, recorded and analysed in the worker in one call; nothing can
          // change the document meanwhile (execute, undo and redo wait for `fixing`).
          const command = { step: { kind: 'fixAll' as const } };
          const { changes, deltas } = await session.fixAll(command);
          // Another document was opened meanwhile: the worker holds that one now.
          if (mine !== generation || changes.length === 0) return;
          const wb = get().workbook!;
          await applyInPieces(wb, changes);
          if (mine !== generation) return;
          set({ ...reshapedPatch(wb, changes), history: pushCommand(get().history, { ...command, changes }), version: get().version + 1, preview: null });
          merge(deltas);
        } finally {
          if (mine === generation) set({ fixing: false });
        }
      },

      repairThousands: () => {
        const { workbook, warnings, history } = get();
        const warning = warnings.find((w) => w.code === 'thousands-separators');
        // A text file is read into one sheet; the repair's rows are that sheet's.
        const sheet = workbook?.sheets[0];
        if (!sheet || warning?.code !== 'thousands-separators') return;
        const changes = thousandsRepairChanges(sheet, warning);
        get().execute({ changes, step: { kind: 'thousands', sheet: sheet.name, width: warning.width, repairs: warning.repairs } });
        if (get().history !== history) set({ warnings: get().warnings.filter((w) => w !== warning) });
      },

      setOverrides: async (sheetId, overrides) => {
        if (get().loading) return;
        const mine = generation;
        set({ overrides: { ...get().overrides, [sheetId]: overrides }, analysing: true });
        const analysis = await session.setOverrides(sheetId, overrides);
        if (mine !== generation) return;
        set({ findings: { ...get().findings, [sheetId]: findingsFrom(analysis) }, analysing: false });
      },
    };
  });
}
