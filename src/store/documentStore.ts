// The document store: the workbook the grid shows, where the user is in it, what the
// analysis found, the undo history, reading files, fixes and downloads. Each part is a
// slice (slices/); they share the session and the wrapper every async action runs in
// (context.ts). Every change to the workbook goes through a command (slices/history.ts),
// which applies it here and mirrors it to the worker's replica.
import { createStore } from 'zustand/vanilla';
import type { Sheet } from '../core/model.ts';
import { sheetById } from '../core/model.ts';
import type { SessionApi } from '../worker/transport.ts';
import { type BusySlice, type Store, createContext } from './context.ts';
import { type DocumentSlice, documentSlice } from './slices/document.ts';
import { type ExportSlice, exportSlice } from './slices/export.ts';
import { type FindingsSlice, findingsSlice } from './slices/findings.ts';
import { type FixesSlice, fixesSlice } from './slices/fixes.ts';
import { type HistorySlice, historySlice } from './slices/history.ts';
import { type LoadingSlice, loadingSlice } from './slices/loading.ts';
import { replica } from './slices/replica.ts';

export type { ActionFailure, ActionName } from './context.ts';
export type { FixPreview } from './slices/fixes.ts';
export type { LoadError, LoadingState } from './slices/loading.ts';

type Slices = DocumentSlice & HistorySlice & FindingsSlice & LoadingSlice & FixesSlice & ExportSlice & BusySlice;

/** The store's data: every slice's fields. */
export type DocumentState = { [K in keyof Slices as Slices[K] extends (...args: never[]) => unknown ? never : K]: Slices[K] };
/** The store's actions: every slice's methods. */
export type DocumentActions = Omit<Slices, keyof DocumentState>;

export type DocumentStore = ReturnType<typeof createDocumentStore>;

export function isDirty(s: DocumentState): boolean {
  return (s.history.past[s.history.past.length - 1] ?? null) !== s.savedAt;
}

export function activeSheet(s: DocumentState): Sheet | undefined {
  return s.workbook && s.activeSheetId ? sheetById(s.workbook, s.activeSheetId) : undefined;
}

export { safeFileName } from '../core/io/export.ts';

export function createDocumentStore(session: SessionApi) {
  return createStore<Store>()((set, get) => {
    const { ctx, slice: busy } = createContext(session, set, get);
    const findings = findingsSlice(ctx);
    const worker = replica(ctx, findings.internals);
    const history = historySlice(ctx, findings.internals, worker);
    return {
      ...busy,
      ...documentSlice(ctx),
      ...history.slice,
      ...findings.slice,
      ...loadingSlice(ctx, findings.internals, worker),
      ...fixesSlice(ctx, findings.internals, history.internals, worker),
      ...exportSlice(ctx),
    };
  });
}
