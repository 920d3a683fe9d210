// The rule registry: the only list of rules, one line per rule, keyed by its id (the
// `RuleId` type is this list's keys). The violations panel, 「すべて修正」, the CLI and the
// recipe replayer discover rules here and never import a rule directly.
// Order = the guide's order of steps, which is also the panel's order; the order of
// 「すべて修正」 is each rule's `meta.fixAll`.
import { rule as captionNotes } from './caption-notes.ts';
import { rule as dataSplit } from './data-split.ts';
import { rule as datatypes } from './datatypes.ts';
import { rule as dates } from './dates.ts';
import { rule as deviceChars } from './device-chars.ts';
import { rule as formulas } from './formulas.ts';
import { rule as hidden } from './hidden.ts';
import { rule as labelsInValues } from './labels-in-values.ts';
import { rule as layoutSpaces } from './layout-spaces.ts';
import { rule as mergedCells } from './merged-cells.ts';
import { rule as multiRowHeader } from './multi-row-header.ts';
import { rule as multiValue } from './multi-value.ts';
import { rule as numberAsText } from './number-as-text.ts';
import { rule as omittedCells } from './omitted-cells.ts';
import { rule as oneTable } from './one-table.ts';
import { rule as regionNames } from './region-names.ts';
import { rule as specialSymbols } from './special-symbols.ts';
import { rule as stubLabels } from './stub-labels.ts';
import { rule as styleMeaning } from './style-meaning.ts';
import { rule as units } from './units.ts';
import { rule as wareki } from './wareki.ts';
import type { RuleModule } from './types.ts';

/** The modules by id; each module's `meta.id` must be its key. */
function registry<T extends { [K in keyof T]: { meta: { id: K } } }>(modules: T): T {
  return modules;
}

const MODULES = registry({
  'one-table': oneTable,
  'data-split': dataSplit,
  'layout-spaces': layoutSpaces,
  'number-as-text': numberAsText,
  'multi-value': multiValue,
  wareki,
  dates,
  'caption-notes': captionNotes,
  'labels-in-values': labelsInValues,
  'merged-cells': mergedCells,
  'stub-labels': stubLabels,
  'omitted-cells': omittedCells,
  'multi-row-header': multiRowHeader,
  units,
  'special-symbols': specialSymbols,
  'device-chars': deviceChars,
  'region-names': regionNames,
  hidden,
  formulas,
  'style-meaning': styleMeaning,
  datatypes,
});

export type RuleId = keyof typeof MODULES;

export const RULES: readonly RuleModule[] = Object.values(MODULES);

const BY_ID = new Map<string, RuleModule>(RULES.map((r) => [r.meta.id, r]));

export function ruleById(id: RuleId): RuleModule | undefined {
  return BY_ID.get(id);
}

/** Whether `id` names a registered rule (an id read from a recipe or the command line). */
export function isRuleId(id: string): id is RuleId {
  return BY_ID.has(id);
}
