// The shape every rule module has (docs/rules.md; modelled on ESLint rule modules): `meta`
// with its messages, a pure `detect` (or `detectCell` for rules that judge one cell at a
// time, which lets the engine re-check only edited cells) that reports what it finds
// through `report`, and, for most rules, a `fix` that returns changes and applies nothing. The engine and
// the UI know rules only through this shape and the registry.
//
// A rule is written with `sheetRule` / `cellRule` (and its meta with `ruleMeta`): they
// keep the literal message ids and templates, so `report('numberUnit', …)` must name a
// message of the rule and give the `{placeholders}` its template has.
import type { Change } from '../changes.ts';
import type { CellRange } from '../model.ts';
import type { SheetView } from '../analysis/view.ts';
import type { RuleId } from './registry.ts';

export type { RuleId, SheetView };

export interface Localized {
  ja: string;
  en: string;
}

/** Message templates by id; placeholders are written `{name}`. */
export type Messages = Record<string, Localized>;

/** Colour group on the grid: rules of one family share a highlight colour. */
export type RuleFamily = 'structure' | 'merge' | 'value' | 'text' | 'date' | 'source';

/**
 * The phases of 「すべて修正」, in order: sheet-level clean-up first (hidden rows and
 * columns, formulas), then the guide's structural steps (split tables, unmerge, units and
 * 和暦 out of the titles, fill-down, flatten the header, caption and notes out), then the
 * fixes of values and text.
 */
export const FIX_PHASES = ['clean-up', 'structure', 'values'] as const;
export type FixPhase = (typeof FIX_PHASES)[number];

export interface RuleMeta<M extends Messages = Messages, I extends string = RuleId> {
  id: I;
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
   * Message templates by id, ESLint style: a finding names one and gives its
   * parameters (`{text}`, `{value}`…), so thousands of findings share one string.
   */
  messages: M;
  /**
   * Where the rule's fix runs in 「すべて修正」 (and the CLI): its phase, then `order`
   * within the phase. Every rule with a fix has one.
   */
  fixAll?: { phase: FixPhase; order: number };
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
  params?: FindingParams;
  /**
   * Softer than the rule's own severity for this finding (an advisory such as "this count
   * column states no unit"). `info` findings are shown but do not fail the rule's score.
   */
  severity?: 'error' | 'warning' | 'info';
}

/** The values a finding gives its message's placeholders (more are allowed). */
export type FindingParams = Record<string, string | number>;

/** One cell, for a finding on a single cell. */
export interface CellAt {
  r: number;
  c: number;
}

/** `'text' | 'value'` for `「{text}」は {value}`. */
export type Placeholders<S extends string> = string extends S ? never : S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;

export type MessageId<M extends Messages> = keyof M & string;

/** The parameters message `K` needs, in either language. */
export type MessageParams<M extends Messages, K extends keyof M> = { [P in Placeholders<M[K]['ja']> | Placeholders<M[K]['en']>]: string | number };

export interface ReportOptions<F extends string = string> {
  /** The message that says what the one-click fix does here (its placeholders come from the same params). */
  fixId?: F;
  severity?: 'error' | 'warning' | 'info';
}

/** The arguments after the cell: params (required when the message has placeholders) and options. */
export type ReportArgs<M extends Messages, K extends keyof M> = K extends unknown
  ? [keyof MessageParams<M, K>] extends [never]
    ? [params?: FindingParams, options?: ReportOptions<MessageId<M>>]
    : [params: MessageParams<M, K> & FindingParams, options?: ReportOptions<MessageId<M>>]
  : never;

/** How the engine hears of a finding: any message id, any params. */
export type AnyReport = (messageId: string, at: CellRange | CellAt, params?: FindingParams, options?: ReportOptions) => void;

/**
 * What a rule calls for each finding, ESLint's `context.report`: the message, the cell or
 * range, the template's parameters and the fix message; the engine adds the rule id and
 * the sheet. For a rule whose messages are known, the id must be one of them and the
 * params must fill its placeholders.
 */
export type Report<M extends Messages = Messages> = string extends keyof M
  ? AnyReport
  : <K extends MessageId<M>>(messageId: K, at: CellRange | CellAt, ...args: ReportArgs<M, K>) => void;

/** Options of a rule's fix, by name (`joiner`, `mode`…); absent ones take their defaults. */
export type FixOptions = Record<string, string | number | boolean | undefined>;

interface RuleBase<M extends Messages, I extends string> {
  meta: RuleMeta<M, I>;
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
export interface SheetRule<M extends Messages = Messages, I extends string = RuleId> extends RuleBase<M, I> {
  scope: 'sheet';
  detect(view: SheetView, report: Report<M>): void;
}

/**
 * A rule that judges each cell on its own (given where the cell is). The engine calls it
 * for every non-empty cell, and after an edit only for the edited cells.
 */
export interface CellRule<M extends Messages = Messages, I extends string = RuleId> extends RuleBase<M, I> {
  scope: 'cell';
  /** Reports what is wrong with cell (r, c), on that cell. Runs for every non-empty cell: cheap, and allocates nothing when it finds nothing. */
  detectCell(view: SheetView, r: number, c: number, report: Report<M>): void;
  /**
   * `detectCell` finds nothing in a cell that holds no text (a number, date, boolean): the
   * engine does not call it for those, most of a statistics table.
   */
  textOnly?: boolean;
}

export type RuleModule = SheetRule | CellRule;

/** A rule's meta, its message ids and templates kept literal (see `Report`). */
export function ruleMeta<const M extends Messages, const I extends string>(meta: RuleMeta<M, I>): RuleMeta<M, I> {
  return meta;
}

/** A sheet rule, its `report` typed by its own messages. */
export function sheetRule<const M extends Messages, const I extends string>(rule: SheetRule<M, I>): SheetRule<M, I> {
  return rule;
}

/** A cell rule, its `report` typed by its own messages. */
export function cellRule<const M extends Messages, const I extends string>(rule: CellRule<M, I>): CellRule<M, I> {
  return rule;
}
