// The shape every rule module has (SPEC §1, modelled on ESLint rule modules): `meta`
// with its messages, a pure `detect` (or `detectCell` for rules that judge one cell at a
// time, which lets the engine re-check only edited cells), and later a `fix` that
// returns changes and applies nothing. The engine and the UI know rules only through
// this shape and the registry.
import type { Change } from '../changes.ts';
import type { CellRange } from '../model.ts';
import type { SheetView } from '../analysis/view.ts';

export type { SheetView };

export type RuleId =
  | 'one-table'
  | 'caption-notes'
  | 'merged-cells'
  | 'omitted-cells'
  | 'stub-labels'
  | 'multi-row-header'
  | 'layout-spaces'
  | 'number-as-text'
  | 'wareki'
  | 'labels-in-values'
  | 'units'
  | 'special-symbols'
  | 'device-chars'
  | 'region-names'
  | 'hidden'
  | 'formulas'
  | 'style-meaning'
  | 'datatypes';

export interface Localized {
  ja: string;
  en: string;
}

/** Colour group on the grid: rules of one family share a highlight colour. */
export type RuleFamily = 'structure' | 'merge' | 'value' | 'text' | 'date' | 'source';

export interface RuleMeta {
  id: RuleId;
  /** Machine-readability level the rule belongs to (1 = required, 2 = recommended). */
  level: 1 | 2;
  severity: 'error' | 'warning' | 'info';
  family: RuleFamily;
  /** Where the rule comes from: guide 「手順5」, 総務省 「1-4」, … */
  guideRef: { guide?: string; soumu?: string; other?: string };
  title: Localized;
  /** What the rule asks for, in a sentence (panel and tooltip). */
  description: Localized;
  /**
   * Message templates by id, ESLint style: a violation names one and gives its
   * parameters (`{text}`, `{value}`…), so thousands of violations share one string.
   */
  messages: Record<string, Localized>;
}

export interface Violation {
  ruleId: RuleId;
  sheetId: string;
  /** The offending cell or cells. */
  range: CellRange;
  /** Key into the rule's `meta.messages`: what is wrong here. */
  messageId: string;
  /** Key into `meta.messages`: what the one-click fix would do here. */
  fixId?: string;
  params?: Record<string, string | number>;
  /**
   * Softer than the rule's own severity for this finding (an advisory such as "this count
   * column states no unit"). `info` findings are shown but do not fail the rule's score.
   */
  severity?: 'error' | 'warning' | 'info';
}

/** Options of a rule's fix, by name (`joiner`, `mode`…); absent ones take their defaults. */
export type FixOptions = Record<string, string | number | boolean | undefined>;

interface RuleBase {
  meta: RuleMeta;
  /** False when the rule cannot apply to this sheet (it then does not count in the score). */
  applies?(view: SheetView): boolean;
  /**
   * The one-click fix for every violation of this rule on the sheet. Pure: reads the view,
   * returns the changes in the order they must be applied (each `before` is the state the
   * earlier changes of the list leave), applies nothing. Nothing may be lost: text taken out
   * of a cell goes to a cell note, the metadata or a new column.
   */
  fix?(view: SheetView, options: FixOptions): Change[];
  /**
   * The fix changes every cell it will ever change in one call (cell-local value fixes):
   * no second pass to look for what the first one left. Structural fixes (a split that
   * leaves a repeated column) are run again until nothing changes.
   */
  fixCompleteInOnePass?: boolean;
  /** The options `fix` understands, with their defaults (shown in the fix preview). */
  fixOptions?: Record<string, { default: string | number | boolean; label: Localized; choices?: { value: string; label: Localized }[] }>;
}

/** A rule that looks at the sheet as a whole (structure, merges, headers). */
export interface SheetRule extends RuleBase {
  scope: 'sheet';
  detect(view: SheetView): Violation[];
}

/**
 * A rule that judges each cell on its own (given where the cell is). The engine calls it
 * for every non-empty cell, and after an edit only for the edited cells.
 */
export interface CellRule extends RuleBase {
  scope: 'cell';
  detectCell(view: SheetView, r: number, c: number): Violation[] | undefined;
  /**
   * `detectCell` finds nothing in a cell that holds no text (a number, date, boolean): the
   * engine does not call it for those, most of a statistics table.
   */
  textOnly?: boolean;
}

export type RuleModule = SheetRule | CellRule;
