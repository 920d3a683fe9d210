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

// The names of the guide's steps and of the other sources, as the rules cite them (in
// Japanese, the guide's own words), in English.
const SOURCE_NAMES_EN: Readonly<Record<string, string>> = {
  '手順1 データセットの分割': 'step 1, one table per dataset',
  '手順2 カンマ除去': 'step 2, removing commas',
  '手順2 スペース・改行除去': 'step 2, removing spaces and line breaks',
  '手順3 西暦表記': 'step 3, Gregorian years',
  '手順4 タイトル・脚注除去': 'step 4, removing titles and footnotes',
  '手順4 ラベル・脚注除去': 'step 4, removing labels and footnotes',
  '手順5 セル結合の解除': 'step 5, unmerging cells',
  '手順5 セル結合の解除・手順6 省略されたセルのコピー': 'steps 5–6, unmerging cells and filling omitted cells',
  '手順6 省略されたセルのコピー': 'step 6, filling omitted cells',
  '手順7 タイトルを1行に': 'step 7, one title row',
  '手順8-9 単位記載': 'steps 8–9, stating units',
  'レベル2 データ型': 'Level 2 datatypes',
  '内閣官房 公開ルール': "Cabinet Secretariat's publication rules",
  'デジタル庁 データ標準（日付は YYYY-MM-DD）': 'Digital Agency data standard (dates YYYY-MM-DD)',
};

function sourceName(name: string, lang: Lang): string {
  return lang === 'ja' ? name : (SOURCE_NAMES_EN[name] ?? name);
}

/** 「ガイド 手順5 / 総務省 1-4」 */
export function guideReference(meta: RuleMeta, lang: Lang): string {
  const parts: string[] = [];
  if (meta.guideRef.guide) parts.push(translate(lang, 'rule.guideStep', { step: sourceName(meta.guideRef.guide, lang) }));
  if (meta.guideRef.soumu) parts.push(translate(lang, 'rule.soumuItem', { item: meta.guideRef.soumu }));
  if (meta.guideRef.other) parts.push(sourceName(meta.guideRef.other, lang));
  return parts.join(' / ');
}

/** The guide's step alone, short: `手順5` / `step 5` (undefined for a rule the guide has no step for). */
export function guideStepShort(meta: RuleMeta, lang: Lang): string | undefined {
  const step = meta.guideRef.guide?.split(' ')[0];
  if (!step) return undefined;
  if (lang === 'ja') return step;
  const n = /^手順([\d-]+)/.exec(step)?.[1];
  return n ? `${n.includes('-') ? 'steps' : 'step'} ${n.replace('-', '–')}` : sourceName(meta.guideRef.guide!, lang);
}
