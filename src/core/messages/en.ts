// Sentences the core and the CLI write, in English: one for every Japanese key (the type enforces it).
import type { CoreMessageKey } from './ja.ts';

export const en: Record<CoreMessageKey, string> = {
  'rule.guideStep': 'Guide: {step}',
  'rule.soumuItem': 'MIC {item}',

  'cli.cannotRead': 'cannot read',
  'cli.checkSummary': '{level1} Level 1 violations, {total} in all',
  'cli.advisory': ' ({count} advisory)',
  'cli.level1Remain': ' ({count} Level 1 violations remain)',
  'cli.stepNotApplied': 'step not applied',
  'cli.sheetLeftOut': 'sheet left out',
  'cli.noFiles': 'no files match',
};
