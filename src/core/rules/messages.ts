// Turns violations into sentences in the user's language, from the rule's own message
// templates. Shared by the grid tooltips, the violations panel and the CLI report.
import { ruleById } from './registry.ts';
import type { Localized, RuleId, RuleMeta, Violation } from './types.ts';

export type Lang = keyof Localized;

export function fillTemplate(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

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
  if (meta.guideRef.guide) parts.push(lang === 'ja' ? `ガイド ${meta.guideRef.guide}` : `Guide: ${meta.guideRef.guide}`);
  if (meta.guideRef.soumu) parts.push(lang === 'ja' ? `総務省 ${meta.guideRef.soumu}` : `MIC ${meta.guideRef.soumu}`);
  if (meta.guideRef.other) parts.push(meta.guideRef.other);
  return parts.join(' / ');
}
