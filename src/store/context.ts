// What the slices of the document store share: the session, zustand's set and get, which
// document is open (its generation), and the one wrapper every async action runs in. An
// async action ends in its result or in a failure shown to the user; the busy flags it set
// are cleared however it ends.
import type { StoreApi } from 'zustand/vanilla';
import type { SessionApi } from '../worker/transport.ts';
import { WorkerStopped } from '../worker/workerStopped.ts';
import type { DocumentActions, DocumentState } from './documentStore.ts';

export type Store = DocumentState & DocumentActions;

/** The actions whose failure the user is told about; `mirror`, `sync` and `worker` are the worker's replica going out of step (slices/replica.ts). */
export type ActionName = 'fixAll' | 'previewFix' | 'applyRecipe' | 'export' | 'exportAll' | 'setOverrides' | 'clearSaved' | 'mirror' | 'sync' | 'worker';

export interface ActionFailure {
  action: ActionName;
  /** The worker died meanwhile: a fresh one took over the document. */
  workerStopped: boolean;
  /** The error as it was thrown, for the details. */
  detail: string;
}

/** Set while an async action runs: the UI goes read-only (`fixing`) or says it is busy (`analysing`). */
export type BusyFlag = 'fixing' | 'analysing';

export interface BusySlice {
  /** 「すべて修正」 or a recipe is running: nothing may change the document meanwhile. */
  fixing: boolean;
  analysing: boolean;
  /** The last action that failed, shown until dismissed. */
  failure: ActionFailure | null;
  dismissFailure(): void;
}

export interface StoreContext {
  session: SessionApi;
  set: StoreApi<Store>['setState'];
  get: StoreApi<Store>['getState'];
  /** The open document's number; a result computed for another number is dropped. */
  generation(): number;
  /** Something replaces what the open document's results are about: returns the new number. */
  newGeneration(): number;
  /** `work` with `flags` set while it runs; they are cleared however it ends. */
  busy<T>(flags: readonly BusyFlag[], work: () => Promise<T>): Promise<T>;
  /**
   * Runs an async action: `flags` set while it runs, cleared however it ends. If it throws,
   * the error becomes the failure of `action` and the action resolves to undefined.
   */
  run<T>(action: ActionName, work: () => Promise<T>, flags?: readonly BusyFlag[]): Promise<T | undefined>;
  /** Records an error caught elsewhere as the failure of `action`. */
  fail(action: ActionName, e: unknown): void;
}

export function errorText(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}

export function createContext(session: SessionApi, set: StoreContext['set'], get: StoreContext['get']): { ctx: StoreContext; slice: BusySlice } {
  let generation = 0;
  // Several actions may hold one flag at once (two structure corrections in flight): a flag
  // is down only when the last of them is done.
  const holders: Record<BusyFlag, number> = { fixing: 0, analysing: 0 };
  const hold = (flags: readonly BusyFlag[], by: 1 | -1) => {
    if (flags.length === 0) return;
    const patch: Partial<Record<BusyFlag, boolean>> = {};
    for (const flag of flags) {
      holders[flag] += by;
      patch[flag] = holders[flag] > 0;
    }
    set(patch);
  };

  const fail = (action: ActionName, e: unknown) => {
    console.error(`${action} failed`, e);
    // The user stopped the worker (Cancel): what was open comes back, nothing failed.
    if (e instanceof WorkerStopped && e.reason === 'cancelled') return;
    set({ failure: { action, workerStopped: e instanceof WorkerStopped, detail: errorText(e) } });
  };

  const busy = async <T>(flags: readonly BusyFlag[], work: () => Promise<T>): Promise<T> => {
    hold(flags, 1);
    try {
      return await work();
    } finally {
      hold(flags, -1);
    }
  };

  const ctx: StoreContext = {
    session,
    set,
    get,
    generation: () => generation,
    newGeneration: () => ++generation,
    busy,
    run: async (action, work, flags = []) => {
      try {
        return await busy(flags, work);
      } catch (e) {
        fail(action, e);
        return undefined;
      }
    },
    fail,
  };
  return { ctx, slice: { fixing: false, analysing: false, failure: null, dismissFailure: () => set({ failure: null }) } };
}
