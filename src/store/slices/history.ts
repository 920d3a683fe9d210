// The undo history. Every change to the workbook goes through a command: applied here,
// mirrored to the worker's replica, put on the history, undoable and redoable.
import { NO_PREVIEWS } from './fixes.ts';
import { type Change, applyChanges, revertChanges } from '../../core/changes.ts';
import { type Command, type History, emptyHistory, popRedo, popUndo, pushCommand } from '../../core/history.ts';
import type { AnalysisDelta } from '../../core/analysis/analyse.ts';
import type { HistoryRecord } from '../../worker/session.ts';
import type { StoreContext } from '../context.ts';
import type { DocumentState } from '../documentStore.ts';
import { reshapedPatch } from './document.ts';
import type { FindingsInternals } from './findings.ts';
import type { ReplicaInternals } from './replica.ts';

export interface HistorySlice {
  history: History;
  /** The command on top of `history.past` when the document was last saved (or opened). */
  savedAt: Command | null;
  execute(command: Command): void;
  undo(): void;
  redo(): void;
  /** Undoes until `count` commands remain (the history panel's "back to here"). */
  undoTo(count: number): void;
}

export interface HistoryInternals {
  /** Applies a command here and in the worker and puts it on the undo history. */
  record(command: Command): void;
}

export function historySlice(ctx: StoreContext, findings: FindingsInternals, replica: ReplicaInternals): { slice: HistorySlice; internals: HistoryInternals } {
  const { session, set, get } = ctx;

  /**
   * Applies (or reverts) changes to the workbook here and in the worker. Returns the state
   * to set: sheets whose shape or metadata changed get new objects (so views keyed on
   * them refresh), and a sheet that no longer exists stops being the active one.
   */
  const mutate = (changes: Change[], how: 'apply' | 'revert', record: HistoryRecord): Partial<DocumentState> => {
    const wb = get().workbook;
    if (!wb) return {};
    const mine = ctx.generation();
    const done = (deltas: AnalysisDelta[]) => {
      if (mine === ctx.generation()) findings.merge(deltas);
    };
    if (how === 'apply') {
      applyChanges(wb, changes);
      session.apply(changes, record).then(done, replica.mirrorFailed);
    } else {
      revertChanges(wb, changes);
      session.revert(changes, record).then(done, replica.mirrorFailed);
    }
    return reshapedPatch(get(), wb, changes);
  };

  const record = (command: Command) => {
    if (command.changes.length === 0) return;
    const { changes, ...meta } = command;
    const patch = mutate(changes, 'apply', { op: 'do', command: meta });
    set({ ...patch, history: pushCommand(get().history, command), version: get().version + 1, ...NO_PREVIEWS });
  };

  /** Undo or redo: the command taken off one stack is reverted or applied, the history moves. */
  const step = (popped: ReturnType<typeof popUndo>, how: 'apply' | 'revert', record: HistoryRecord) => {
    if (!popped) return;
    const patch = mutate(popped.command.changes, how, record);
    set({ ...patch, history: popped.history, version: get().version + 1, ...NO_PREVIEWS });
  };

  // Nothing changes a document that is still being read (the grid may show its first
  // rows), or while 「すべて修正」 or a recipe runs (the grid and panel are read-only then).
  const locked = () => get().loading !== null || get().fixing;

  return {
    slice: {
      history: emptyHistory(),
      savedAt: null,

      execute: (command) => {
        if (locked()) return;
        record(command);
      },

      undo: () => {
        if (!locked()) step(popUndo(get().history), 'revert', { op: 'undo' });
      },

      redo: () => {
        if (!locked()) step(popRedo(get().history), 'apply', { op: 'redo' });
      },

      undoTo: (count) => {
        if (locked()) return; // undo would do nothing: the loop would never end
        while (get().history.past.length > count) get().undo();
      },
    },
    internals: { record },
  };
}
