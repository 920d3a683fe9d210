// Reading a file (or the autosaved session) into the store. A big file shows its first rows
// while it is read; nothing can change it until it is whole. Cancel or a failure brings
// back the document that was open before, edits and undo history included.
import { NO_PREVIEWS } from './fixes.ts';
import { emptyHistory, type History } from '../../core/history.ts';
import type { Progress } from '../../core/io/progress.ts';
import type { ReadErrorInfo, ReadOptions, ReadWarning, WorkbookPreview } from '../../core/io/read.ts';
import { sheetById } from '../../core/model.ts';
import type { SheetAnalysis } from '../../core/analysis/analyse.ts';
import type { OpenResult, PreviewCallback, SavedSessionInfo } from '../../worker/session.ts';
import { WorkerStopped } from '../../worker/workerStopped.ts';
import type { StoreContext } from '../context.ts';
import type { DocumentState } from '../documentStore.ts';
import { findingsFrom } from '../findings.ts';
import type { FindingsInternals } from './findings.ts';
import type { ReplicaInternals } from './replica.ts';

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

/** Something that can be read: the user's File (the worker reads it itself) or anything that gives bytes. */
type Readable = File | { name: string; arrayBuffer(): Promise<ArrayBuffer> };

export interface LoadingSlice {
  loading: LoadingState | null;
  /** Why the last read failed (the open document, if any, stays). */
  error: LoadError | null;
  warnings: ReadWarning[];
  /** An autosaved session from an earlier visit, offered for restoring. */
  savedSession: SavedSessionInfo | null;
  /** A File is read by the worker itself (a big text file previewed from its head); anything else is read here. */
  openFile(file: Readable, options?: ReadOptions): Promise<boolean>;
  /** Stops the read in progress; the document open before it comes back as it was. */
  cancelLoad(): Promise<void>;
  reopen(options: ReadOptions): Promise<boolean>;
  /** Looks for an autosaved session (at start-up). */
  checkSaved(): Promise<void>;
  /** Brings back the autosaved session, edits and undo history included. */
  restoreSaved(): Promise<boolean>;
  /** Deletes the autosaved session from this browser. */
  clearSaved(): Promise<void>;
  dismissError(): void;
}

// What a read replaces, kept until it completes: Cancel or a failure brings it back.
type Stash = Pick<DocumentState, 'workbook' | 'activeSheetId' | 'selection' | 'history' | 'savedAt' | 'findings' | 'overrides' | 'warnings' | 'activeRuleId' | 'focus' | 'preview'>;

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
});

export function loadingSlice(ctx: StoreContext, findings: FindingsInternals, replica: ReplicaInternals): LoadingSlice {
  const { session, set, get } = ctx;

  const progress = (p: Progress) => {
    const loading = get().loading;
    if (loading) set({ loading: { ...loading, phase: p.phase, done: p.done, total: p.total, overall: p.overall ?? loading.overall } });
  };

  let stash: Stash | null = null;
  /** The file the open document was read from (not for a restored session): 「文字コード」 reads it again. */
  let shownFile: Readable | null = null;
  // Increments per read; a read that is no longer the latest (cancelled) drops its result.
  let loadSeq = 0;

  const finishOpen = (result: OpenResult & { ok: true }): boolean => {
    // The sheet the preview showed stays the active one (same id in the whole workbook).
    const shown = get().loading?.preview ? get().activeSheetId : null;
    const first = result.workbook.sheets.find((s) => !s.hidden && s.rowCount > 0) ?? result.workbook.sheets[0];
    ctx.newGeneration();
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
      ...NO_PREVIEWS,
      savedSession: null,
    });
    void findings.analyse();
    return true;
  };

  const bringBack = (before: Stash) => {
    ctx.newGeneration();
    set({ ...before, loading: null, version: get().version + 1 });
  };

  /** Puts the previous document back into a fresh worker (after Cancel or a crash). */
  const readopt = (before: Stash) => ctx.run('sync', () => replica.adopt(before));

  const showPreview = (p: WorkbookPreview) => {
    const loading = get().loading;
    if (!loading) return;
    ctx.newGeneration(); // analysis results for the previous document must not land on the preview
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
      ...NO_PREVIEWS,
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
        void readopt(before);
      }
      return fail({ code: 'internal', detail: e instanceof Error ? e.message : String(e) });
    }
  };

  return {
    loading: null,
    error: null,
    warnings: [],
    savedSession: null,

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
      await readopt(before);
    },

    checkSaved: async () => {
      try {
        const info = await session.savedSessionInfo();
        if (info && !get().workbook) set({ savedSession: info });
      } catch (e) {
        // Only an offer: without storage there is nothing to offer, and nothing failed that the user asked for.
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
      await ctx.run('clearSaved', async () => {
        await session.clearSaved();
        set({ savedSession: null });
      });
    },

    dismissError: () => set({ error: null }),
  };
}
