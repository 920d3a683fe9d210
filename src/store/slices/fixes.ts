// Fixes: one rule's fix previewed then applied, 「すべて修正」 as one undoable step, a
// recipe replayed step by step, and the repair a read warning offers (split thousands). While 「すべて修正」 or a recipe runs (`fixing`) nothing
// else changes the document.
import { type Change, applyChangesInPieces, reshapedSheets } from '../../core/changes.ts';
import type { FixAllSummary } from '../../core/fix/fixAllSummary.ts';
import { pushCommand } from '../../core/history.ts';
import { thousandsRepairChanges } from '../../core/io/thousands.ts';
import { sheetById } from '../../core/model.ts';
import { nextTask } from '../../core/nextTask.ts';
import { type Recipe, type ReplayedStep, recipeOf } from '../../core/recipe.ts';
import type { FixOptions, RuleId } from '../../core/rules/types.ts';
import type { StructureOverride } from '../../core/structure/types.ts';
import type { StoreContext } from '../context.ts';
import { reshapedPatch } from './document.ts';
import type { FindingsInternals } from './findings.ts';
import type { HistoryInternals } from './history.ts';
import type { ReplicaInternals } from './replica.ts';

/**
 * Changes applied per task when fix-all's list is applied here (100,000 rows: 200,000
 * changes): nothing can edit the document in between (`fixing`), and the page paints.
 */
const APPLY_PIECE = 20_000;

export interface FixPreview {
  sheetId: string;
  ruleId: RuleId;
  options: FixOptions;
  changes: Change[];
}

export interface FixesSlice {
  /** A fix computed but not applied yet, shown for the user to apply or cancel. */
  preview: FixPreview | null;
  /** Computes one rule's fix on the active sheet and shows it (nothing is applied). */
  previewFix(ruleId: RuleId, options?: FixOptions): Promise<void>;
  applyPreview(): void;
  cancelPreview(): void;
  /** 「すべて修正」: every fix (but the rules in `skip`), one undoable step. */
  fixAll(skip?: RuleId[]): Promise<void>;
  /** What 「すべて修正」 would do, shown before anything is applied. */
  fixAllPreview: FixAllSummary | null;
  /** Computes the fix-all preview (nothing is applied). */
  previewFixAll(): Promise<void>;
  cancelFixAllPreview(): void;
  /** 「検索と置換」 computed on the active sheet but not applied yet. */
  replacePreview: { sheetId: string; find: string; replace: string; changes: Change[] } | null;
  /** Computes what replacing `find` by `replace` on the active sheet changes (nothing is applied). */
  previewReplace(find: string, replace: string): Promise<void>;
  /** Applies the replacement previewed, one undoable step. */
  applyReplace(): void;
  cancelReplace(): void;
  /** The recipe of everything done to this document so far. */
  recipe(): Recipe | null;
  /** Replays a recipe on the open document, one command per step; returns the report (null: not replayed). */
  applyRecipe(recipe: Recipe): Promise<ReplayedStep[] | null>;
  /** Applies the repair a `thousands-separators` read warning offers (one undoable change) and drops the warning. */
  repairThousands(): void;
}

/** No fix, fix-all or replacement pending: what a change of the document leaves (their plans are stale). */
export const NO_PREVIEWS = { preview: null, fixAllPreview: null, replacePreview: null } as const;

export function fixesSlice(ctx: StoreContext, findings: FindingsInternals, history: HistoryInternals, replica: ReplicaInternals): FixesSlice {
  const { session, set, get } = ctx;
  const idle = () => get().workbook !== null && !get().fixing && get().loading === null;
  /**
   * `plan`'s result handed to `show`, unless the document changed meanwhile (an edit, another
   * file): a plan made on the old one is dropped rather than shown and applied.
   */
  const unlessChanged = async <T,>(plan: () => Promise<T>, show: (result: T) => void) => {
    const mine = ctx.generation();
    const version = get().version;
    const result = await plan();
    if (mine === ctx.generation() && version === get().version) show(result);
  };

  return {
    preview: null,

    previewFix: async (ruleId, options = {}) => {
      const sheetId = get().activeSheetId;
      if (!sheetId || !idle()) return;
      await ctx.run('previewFix', () =>
        unlessChanged(
          () => session.planFix(sheetId, ruleId, options),
          (changes) => set({ preview: { sheetId, ruleId, options, changes }, activeRuleId: ruleId }),
        ),
      );
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

    fixAllPreview: null,

    replacePreview: null,

    previewReplace: async (find, replace) => {
      const sheetId = get().activeSheetId;
      if (!sheetId || !idle() || find === '') return;
      await ctx.run('previewFix', () =>
        unlessChanged(
          () => session.planReplace(sheetId, find, replace),
          (changes) => set({ replacePreview: { sheetId, find, replace, changes } }),
        ),
      );
    },

    applyReplace: () => {
      const p = get().replacePreview;
      const sheet = p && get().workbook && sheetById(get().workbook!, p.sheetId);
      if (!p || !sheet || p.changes.length === 0) return;
      set({ replacePreview: null });
      get().execute({ changes: p.changes, step: { kind: 'replace', sheet: sheet.name, find: p.find, replace: p.replace } });
    },

    cancelReplace: () => set({ replacePreview: null }),

    previewFixAll: async () => {
      if (!idle()) return;
      set({ preview: null, fixAllPreview: null });
      await ctx.run(
        'fixAll',
        () =>
          unlessChanged(
            () => session.previewFixAll(),
            (summary) => set({ fixAllPreview: summary }),
          ),
        ['fixing'],
      );
    },

    cancelFixAllPreview: () => set({ fixAllPreview: null }),

    fixAll: async (skip = []) => {
      if (!idle()) return;
      set({ preview: null, fixAllPreview: null });
      await ctx.run(
        'fixAll',
        async () => {
          const mine = ctx.generation();
          // Planned, applied, recorded and analysed in the worker in one call; nothing can
          // change the document meanwhile (execute, undo and redo wait for `fixing`). If it
          // throws, the worker has put its copy back and nothing is applied here.
          const command = { step: skip.length ? { kind: 'fixAll' as const, skip } : { kind: 'fixAll' as const } };
          const { changes, deltas } = await session.fixAll(command);
          // Another document was opened meanwhile: the worker holds that one now.
          if (mine !== ctx.generation() || changes.length === 0) return;
          const wb = get().workbook!;
          try {
            await applyChangesInPieces(wb, changes, APPLY_PIECE, nextTask);
          } catch (e) {
            // The worker applied and recorded what this copy could not take: it takes this
            // copy back, which is the document as it was.
            if (mine === ctx.generation()) void replica.resync();
            throw e;
          }
          if (mine !== ctx.generation()) return;
          set({ ...reshapedPatch(get(), wb, changes), history: pushCommand(get().history, { ...command, changes }), version: get().version + 1, ...NO_PREVIEWS });
          findings.merge(deltas);
        },
        ['fixing'],
      );
    },

    recipe: () => {
      const { workbook, history: done, overrides, activeSheetId, exportOptions } = get();
      return workbook && recipeOf(workbook, done.past, Object.values(overrides).flat(), activeSheetId, exportOptions);
    },

    applyRecipe: async (recipe) => {
      if (!idle()) return null;
      const src = get().workbook!.source;
      // Read the file the way the recipe says (text encoding, delimiter) before replaying.
      if (src.encoding && ((recipe.source.encoding && recipe.source.encoding !== src.encoding) || (recipe.source.delimiter && recipe.source.delimiter !== src.delimiter))) {
        const ok = await get().reopen({ encoding: recipe.source.encoding ?? src.encoding, delimiter: recipe.source.delimiter ?? src.delimiter });
        if (!ok) return null;
      }
      // The recipe's export options (numbers as shown or stored…) become the download's.
      if (recipe.export) set({ exportOptions: { ...get().exportOptions, ...recipe.export } });
      const steps = await ctx.run(
        'applyRecipe',
        async () => {
          const mine = ctx.generation();
          // The worker leaves its copy as it was and hands back each step's changes.
          const { steps, overrides } = await session.planRecipe(recipe);
          if (mine !== ctx.generation()) return null;
          for (const done of steps) {
            if (done.changes.length === 0) continue;
            history.record({ step: done.step, replayed: true, changes: done.changes });
          }
          // Corrections stay only on sheets the recipe did not reshape (their rows moved).
          const reshaped = reshapedSheets(steps.flatMap((d) => d.changes));
          const bySheet: Record<string, StructureOverride[]> = {};
          for (const o of overrides) if (!reshaped.has(o.sheetId)) (bySheet[o.sheetId] ??= []).push(o);
          for (const [sheetId, list] of Object.entries(bySheet)) await findings.applyOverrides(sheetId, list);
          if (recipe.source.sheet) {
            const wanted = get().workbook?.sheets.find((sh) => sh.name === recipe.source.sheet);
            if (wanted) get().setActiveSheet(wanted.id);
          }
          return steps;
        },
        ['fixing'],
      );
      return steps ?? null;
    },

    repairThousands: () => {
      const { workbook, warnings, history: before } = get();
      const warning = warnings.find((w) => w.code === 'thousands-separators');
      // A text file is read into one sheet; the repair's rows are that sheet's.
      const sheet = workbook?.sheets[0];
      if (!sheet || warning?.code !== 'thousands-separators') return;
      const changes = thousandsRepairChanges(sheet, warning);
      get().execute({ changes, step: { kind: 'thousands', sheet: sheet.name, width: warning.width, repairs: warning.repairs } });
      // Only once the repair is on the history (nothing is while the document is locked).
      if (get().history !== before) set({ warnings: get().warnings.filter((w) => w !== warning) });
    },
  };
}
