// Running rule fixes on a workbook. A fix computes its changes from the sheet as it is;
// the next fix must see the result, so each step is applied before the next one is
// computed, and the structure is detected again in between (unmerging and deleting
// caption rows move the header). The caller gets the whole list, the workbook unchanged:
// the list then goes through the store like any other command (one undoable step).
import { buildSheetView, type SheetView } from '../analysis/view.ts';
import { type Change, applyChanges, revertChanges } from '../changes.ts';
import { type Sheet, type Workbook, sheetById } from '../model.ts';
import { RULES, ruleById } from '../rules/registry.ts';
import { FIX_PHASES, type FixOptions, type RuleId, type RuleModule } from '../rules/types.ts';
import { detectStructure, withCurrentTitles } from '../structure/detect.ts';
import { rebaseOverride, rebaseStructure } from '../structure/rebase.ts';
import { type RowFeatures, allRowFeatures } from '../structure/rowFeatures.ts';
import type { SheetStructure, StructureOverride } from '../structure/types.ts';

/**
 * The order of 「すべて修正」: every rule with a fix, by the phase and order its
 * `meta.fixAll` gives (see `FIX_PHASES`); within a phase the reasons are at each rule.
 */
export const FIX_ORDER: readonly RuleId[] = RULES.flatMap((r) => (r.fix && r.meta.fixAll ? [{ id: r.meta.id, ...r.meta.fixAll }] : []))
  .sort((a, b) => FIX_PHASES.indexOf(a.phase) - FIX_PHASES.indexOf(b.phase) || a.order - b.order)
  .map((x) => x.id);

/** Some fixes need a second look after their first step (a split leaves a repeated column). */
const MAX_PASSES = 3;

/** Rounds of the whole of 「すべて修正」 before it stops looking for more to do. */
const MAX_ROUNDS = 3;

export function defaultOptions(rule: RuleModule): FixOptions {
  const out: FixOptions = {};
  for (const [name, spec] of Object.entries(rule.fixOptions ?? {})) out[name] = spec.default;
  return out;
}

export function viewOfSheet(sheet: Sheet, date1904: boolean): SheetView {
  return buildSheetView(sheet, date1904, detectStructure(sheet));
}

/** What an analysis already knows of a sheet: a run of fixes starts from it instead of from scratch. */
export interface SheetSeed {
  sheet: Sheet;
  features: readonly RowFeatures[];
  structure: SheetStructure;
}

/**
 * What the fixes of one run know about each sheet. The structure of a sheet is decided once,
 * when the run first looks at it (from the analysis it is handed, or by detection with the
 * user's corrections), and from then on follows every change: rows and columns that move
 * take their roles with them (rebase.ts). Unmerging a header, deleting the caption rows and
 * flattening the titles take away the very signals the detection read; judging the sheet
 * again half-way through would see another table. A sheet a split creates is detected when
 * the run first looks at it.
 */
export class SheetViews {
  private readonly views = new Map<string, SheetView>();
  private readonly structures = new Map<string, SheetStructure>();
  /** What the run detected on a sheet it has not changed since: the analysis after it starts from there. */
  private readonly detected = new Map<string, SheetSeed>();
  /** Sheets whose titles changed since their view was built. */
  private readonly staleTitles = new Set<string>();
  /** Sheets changed since the run began: the analysis handed in no longer describes them. */
  private readonly touched = new Set<string>();
  private overrides: StructureOverride[];

  /** `overrides`: the user's structure corrections; they follow the changes like the structure does. */
  constructor(
    private readonly wb: Workbook,
    overrides: readonly StructureOverride[] = [],
    private readonly seeds: ReadonlyMap<string, SheetSeed> = new Map(),
  ) {
    this.overrides = [...overrides];
  }

  get(sheet: Sheet): SheetView {
    const known = this.views.get(sheet.id);
    if (known && known.sheet === sheet) return known;
    let structure = this.structures.get(sheet.id);
    if (!structure) {
      const seed = this.seeds.get(sheet.id);
      // The analysis handed in describes the sheet only while nothing has changed it.
      const fresh = seed && seed.sheet === sheet && seed.features.length === sheet.rowCount && !this.touched.has(sheet.id);
      if (fresh) structure = seed.structure;
      else {
        const features = allRowFeatures(sheet);
        structure = detectStructure(sheet, features, this.overrides);
        this.detected.set(sheet.id, { sheet, features, structure });
      }
      this.staleTitles.delete(sheet.id);
    } else if (this.staleTitles.has(sheet.id)) {
      structure = { ...structure, tables: structure.tables.map((t) => withCurrentTitles(sheet, t)) };
      this.staleTitles.delete(sheet.id);
    }
    this.structures.set(sheet.id, structure);
    const view = buildSheetView(sheet, this.wb.date1904, structure, this.wb.sheets.map((x) => ({ id: x.id, name: x.name })));
    this.views.set(sheet.id, view);
    return view;
  }

  /** The sheet as the run left it, for an analysis to start from: its row summaries and structure detected afresh. */
  seedOf(sheet: Sheet): SheetSeed {
    const known = this.detected.get(sheet.id);
    if (known && known.sheet === sheet && !this.touched.has(sheet.id)) return known;
    const features = allRowFeatures(sheet);
    return { sheet, features, structure: detectStructure(sheet, features, this.overrides) };
  }

  /** The user's corrections, moved with the rows and columns they name. */
  currentOverrides(): StructureOverride[] {
    return [...this.overrides];
  }

  /** Called after `ch` was applied. */
  changed(ch: Change): void {
    const id = ch.kind === 'sheet' ? ch.sheet.id : ch.sheetId;
    this.touched.add(id);
    this.views.delete(id);
    if (ch.kind === 'sheet') {
      // Every view lists the workbook's sheet names: a split must see the ones just added.
      this.views.clear();
      this.structures.delete(id);
      if (ch.op === 'remove') this.overrides = this.overrides.filter((o) => o.sheetId !== id);
      return;
    }
    const structure = this.structures.get(id);
    if (structure) this.structures.set(id, rebaseStructure(structure, ch));
    if (ch.kind === 'cell' || ch.kind === 'rows' || ch.kind === 'columns') this.staleTitles.add(id);
    if (ch.kind === 'rows' || ch.kind === 'columns') {
      this.overrides = this.overrides.flatMap((o) => (o.sheetId === id ? (rebaseOverride(o, ch) ?? []) : [o]));
    }
  }
}

/**
 * Applies one rule's fix to one sheet, pass after pass, into `wb`, appending what it
 * applied to `done` as it goes (so a failure midway still knows what to revert).
 */
function fixSheet(wb: Workbook, sheetId: string, rule: RuleModule, options: FixOptions, done: Change[], views = new SheetViews(wb)): void {
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const sheet = sheetById(wb, sheetId);
    if (!sheet || !rule.fix) return;
    // A fix returns nothing when nothing on the sheet is wrong in its eyes.
    const changes = rule.fix(views.get(sheet), options);
    if (changes.length === 0) return;
    for (const ch of changes) {
      applyChanges(wb, [ch]);
      done.push(ch);
      views.changed(ch);
    }
    if (rule.fixCompleteInOnePass) return;
  }
}

/** The changes of one rule's fix on one sheet (the preview); `wb` is left as it was. */
export function planFix(wb: Workbook, sheetId: string, ruleId: RuleId, options?: FixOptions, overrides: readonly StructureOverride[] = []): Change[] {
  const rule = ruleById(ruleId);
  if (!rule?.fix) return [];
  const changes: Change[] = [];
  try {
    fixSheet(wb, sheetId, rule, { ...defaultOptions(rule), ...options }, changes, new SheetViews(wb, overrides));
  } finally {
    revertChanges(wb, changes);
  }
  return changes;
}

export interface FixAllProgress {
  ruleId: RuleId;
  step: number;
  steps: number;
}

/**
 * 「すべて修正」 applied to `wb` and kept: every rule's fix with its default options, in
 * FIX_ORDER, on every sheet (including sheets a split adds). Returns the changes and
 * what the run knows of each sheet afterwards. If a fix throws, `wb` is put back as it
 * was and the error goes on.
 */
export function fixAllInPlace(
  wb: Workbook,
  onProgress?: (p: FixAllProgress) => void,
  options: Partial<Record<RuleId, FixOptions>> = {},
  overrides: readonly StructureOverride[] = [],
  seeds?: ReadonlyMap<string, SheetSeed>,
  skip: readonly RuleId[] = [],
): { changes: Change[]; views: SheetViews } {
  const all: Change[] = [];
  let corrections = [...overrides];
  let views = new SheetViews(wb, corrections, seeds);
  try {
    // A round's result is judged afresh by the next round; 「すべて修正」 ends where a round
    // changes nothing, so a second press has nothing left to do (docs/fix-all.md: idempotent).
    for (let round = 0; round < MAX_ROUNDS; round++) {
      if (round > 0) views = new SheetViews(wb, corrections);
      const before = all.length;
      FIX_ORDER.forEach((ruleId, step) => {
        if (round === 0) onProgress?.({ ruleId, step, steps: FIX_ORDER.length });
        const rule = ruleById(ruleId);
        // A rule the user left out in the preview does nothing this time.
        if (!rule?.fix || skip.includes(ruleId)) return;
        const merged = { ...defaultOptions(rule), ...options[ruleId] };
        for (const sheet of [...wb.sheets]) fixSheet(wb, sheet.id, rule, merged, all, views);
      });
      corrections = views.currentOverrides();
      if (all.length === before) break;
    }
  } catch (e) {
    revertChanges(wb, all);
    throw e;
  }
  return { changes: all, views };
}

/** 「すべて修正」's changes, `wb` left as it was (recipes, the CLI, tests). */
export function planFixAll(
  wb: Workbook,
  onProgress?: (p: FixAllProgress) => void,
  options: Partial<Record<RuleId, FixOptions>> = {},
  overrides: readonly StructureOverride[] = [],
  skip: readonly RuleId[] = [],
): Change[] {
  const { changes } = fixAllInPlace(wb, onProgress, options, overrides, undefined, skip);
  revertChanges(wb, changes);
  return changes;
}
