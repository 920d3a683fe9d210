// The rule registry: the only list of rules. The violations panel, 「すべて修正」, the
// CLI and the recipe replayer discover rules here and never import a rule directly.
import type { RuleId, RuleModule } from './types.ts';

// Rule modules are added here, one import per file in this folder.
export const RULES: readonly RuleModule[] = [];

export function ruleById(id: RuleId): RuleModule | undefined {
  return RULES.find((r) => r.meta.id === id);
}
