// Undo/redo as a stack of commands, each a list of changes. Our own history, not AG
// Grid's: the grid's undo stack is cleared by any non-edit change.
import type { Change } from './changes.ts';
import type { RecipeStep } from './recipe.ts';

export interface Command {
  /** What the user did, as the recipe records it; the UI names the command from it (`describeCommand`). */
  step: RecipeStep;
  /** The step was replayed from a recipe rather than taken by hand. */
  replayed?: true;
  changes: Change[];
}

export interface History {
  past: Command[];
  future: Command[];
}

export const emptyHistory = (): History => ({ past: [], future: [] });

export function pushCommand(h: History, cmd: Command): History {
  return { past: [...h.past, cmd], future: [] };
}

export function popUndo(h: History): { history: History; command: Command } | undefined {
  const command = h.past[h.past.length - 1];
  if (!command) return undefined;
  return { history: { past: h.past.slice(0, -1), future: [command, ...h.future] }, command };
}

export function popRedo(h: History): { history: History; command: Command } | undefined {
  const command = h.future[0];
  if (!command) return undefined;
  return { history: { past: [...h.past, command], future: h.future.slice(1) }, command };
}
