// The rule registry: the only list of rules. The violations panel, 「すべて修正」, the
// CLI and the recipe replayer discover rules here and never import a rule directly.
// Order = the guide's order of steps, which is also the panel's order.
import { rule as captionNotes } from './caption-notes.ts';
import { rule as datatypes } from './datatypes.ts';
import { rule as deviceChars } from './device-chars.ts';
import { rule as formulas } from './formulas.ts';
import { rule as hidden } from './hidden.ts';
import { rule as labelsInValues } from './labels-in-values.ts';
import { rule as layoutSpaces } from './layout-spaces.ts';
import { rule as mergedCells } from './merged-cells.ts';
import { rule as multiRowHeader } from './multi-row-header.ts';
import { rule as numberAsText } from './number-as-text.ts';
import { rule as omittedCells } from './omitted-cells.ts';
import { rule as oneTable } from './one-table.ts';
import { rule as specialSymbols } from './special-symbols.ts';
import { rule as stubLabels } from './stub-labels.ts';
import { rule as styleMeaning } from './style-meaning.ts';
import { rule as units } from './units.ts';
import { rule as wareki } from './wareki.ts';
import type { RuleId, RuleModule } from './types.ts';

export const RULES: readonly RuleModule[] = [
  oneTable,
  layoutSpaces,
  numberAsText,
  wareki,
  captionNotes,
  labelsInValues,
  mergedCells,
  stubLabels,
  omittedCells,
  multiRowHeader,
  units,
  specialSymbols,
  deviceChars,
  hidden,
  formulas,
  styleMeaning,
  datatypes,
];

export function ruleById(id: RuleId): RuleModule | undefined {
  return RULES.find((r) => r.meta.id === id);
}
