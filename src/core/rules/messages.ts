// Turns violations into sentences in the user's language, from the rule's own message
// templates. Shared by the grid tooltips, the violations panel and the CLI report.
import { type Lang, fillTemplate } from '../messages/template.ts';
import { translate } from '../messages/translate.ts';
import { ruleById } from './registry.ts';
import type { RuleId, RuleMeta, Violation } from './types.ts';

export type { Lang };

function metaOf(id: RuleId): RuleMeta | undefined {
  return ruleById(id)?.meta;
}

export function violationMessage(v: Violation, lang: Lang): string {
  const t = metaOf(v.ruleId)?.messages[v.messageId];
  return t ? fillTemplate(t[lang], v.params) : `${v.ruleId}: ${v.messageId}`;
}

export function violationFix(v: Violation, lang: Lang): string | undefined {
  const t = v.fixId ? metaOf(v.ruleId)?.messages[v.fixId] : undefined;
  return t ? fillTemplate(t[lang], v.params) : undefined;
}

/** 「ガイド 手順5 / 総務省 1-4」 */
export function guideReference(meta: RuleMeta, lang: Lang): string {
  const parts: string[] = [];
  if (meta.guideRef.guide) parts.push(translate(lang, 'rule.guideStep', { step: meta.guideRef.guide }));
  if (meta.guideRef.soumu) parts.push(translate(lang, 'rule.soumuItem', { item: meta.guideRef.soumu }));
  if (meta.guideRef.other) parts.push(meta.guideRef.other);
  return parts.join(' / ');
}
