// The shape every rule module has (SPEC §1, modelled on ESLint rule modules): `meta`,
// a pure `detect`, and a `fix` that returns changes and applies nothing. The engine and
// the UI know rules only through this shape and the registry.
import type { Change } from '../changes.ts';
import type { CellRange, Sheet } from '../model.ts';

export type RuleId =
  | 'one-table'
  | 'caption-notes'
  | 'merged-cells'
  | 'omitted-cells'
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
  | 'style-meaning';

export interface Localized {
  ja: string;
  en: string;
}

export interface RuleMeta {
  id: RuleId;
  /** Machine-readability level the rule belongs to (1 = Level 1 CSV, 2 = Level 2). */
  level: 1 | 2;
  severity: 'error' | 'warning' | 'info';
  /** Where the rule comes from: 「ガイド 手順5」, 「総務省 1-4」… */
  guideRef: { guide?: string; soumu?: string; other?: string };
  title: Localized;
  /** General explanation shown in tooltips and the violations panel. */
  message: Localized;
}

/** What a rule sees of a sheet. Structure detection results join here (issue 4). */
export interface SheetView {
  sheet: Sheet;
  date1904: boolean;
}

export interface Violation {
  ruleId: RuleId;
  sheetId: string;
  /** The offending cells. */
  range: CellRange;
  message: Localized;
  /** What the one-click fix would do here. */
  suggestion?: Localized;
}

export interface RuleModule<Options = Record<string, unknown>> {
  meta: RuleMeta;
  detect(view: SheetView): Violation[];
  fix?(view: SheetView, options: Options): Change[];
}
