// The diagnosis panel: the sheet's conformance score, the total of violations, and every
// rule grouped by level with its count. Clicking a rule highlights its cells and walks
// through them one by one in the grid.
import { useMemo, useState } from 'react';
import type { RuleResult } from '../core/analysis/analyse.ts';
import { guideReference, guideStepShort, violationFix, violationMessage } from '../core/rules/messages.ts';
import { ruleById } from '../core/rules/registry.ts';
import type { RuleId } from '../core/rules/types.ts';
import { violationsOfRule } from '../store/findings.ts';
import { useDoc, useLang, useT } from './context.ts';

export function ViolationsPanel() {
  const t = useT();
  const lang = useLang();
  const sheetId = useDoc((s) => s.activeSheetId);
  const findings = useDoc((s) => (s.activeSheetId ? s.findings[s.activeSheetId] : undefined));
  const analysing = useDoc((s) => s.analysing);
  const failed = useDoc((s) => s.analysisFailed);
  const activeRuleId = useDoc((s) => s.activeRuleId);
  const setActiveRule = useDoc((s) => s.setActiveRule);
  const focusCell = useDoc((s) => s.focusCell);
  const previewFix = useDoc((s) => s.previewFix);
  const busy = useDoc((s) => s.fixing || s.loading !== null);
  const [cursor, setCursor] = useState<{ sheetId: string; ruleId: RuleId; index: number } | null>(null);

  const activeList = useMemo(() => (findings && activeRuleId ? violationsOfRule(findings, activeRuleId) : []), [findings, activeRuleId]);

  if (!sheetId) return null;
  if (!findings && failed) {
    return (
      <section className="violations-panel" aria-label={t('panel.label')}>
        <div role="alert" className="alert error">
          {t('panel.analysisFailed')}
          <details>
            <summary>{t('error.detail')}</summary>
            <code>{failed}</code>
          </details>
        </div>
      </section>
    );
  }
  if (!findings) {
    return (
      <section className="violations-panel" aria-label={t('panel.label')} aria-busy="true">
        <p className="muted">{t('panel.analysing')}</p>
      </section>
    );
  }

  const pick = (rule: RuleResult) => {
    const list = violationsOfRule(findings, rule.ruleId);
    if (list.length === 0) return;
    const index = cursor && cursor.sheetId === sheetId && cursor.ruleId === rule.ruleId ? (cursor.index + 1) % list.length : 0;
    setCursor({ sheetId, ruleId: rule.ruleId, index });
    setActiveRule(rule.ruleId);
    focusCell(list[index].range.s.r, list[index].range.s.c);
  };

  const current = cursor && cursor.sheetId === sheetId && cursor.ruleId === activeRuleId ? activeList[cursor.index] : undefined;
  const levels: (1 | 2)[] = [1, 2];

  return (
    <section className="violations-panel" aria-label={t('panel.label')} aria-busy={analysing}>
      <div className="score" data-testid="conformance-score">
        <span className="label">{t('panel.score')}</span>
        <strong>{t('panel.scoreValue', { passed: findings.score.passed, applicable: findings.score.applicable })}</strong>
        <span className="levels">
          {t('panel.level1')} {t('panel.levelScore', { ...findings.score.byLevel[1] })} · {t('panel.level2')} {t('panel.levelScore', { ...findings.score.byLevel[2] })}
        </span>
      </div>
      <div className="total">
        {t('panel.violations')} <strong data-testid="violation-count">{findings.total}</strong> {t('panel.violationsUnit')}
      </div>
      {findings.total === 0 && <p className="muted">{t('panel.none')}</p>}
      {levels.map((level) => (
        <div key={level} className="level">
          <h3>{t(level === 1 ? 'panel.level1' : 'panel.level2')}</h3>
          <ul>
            {findings.rules
              .filter((r) => r.level === level)
              .map((r) => {
                const meta = ruleById(r.ruleId)!.meta;
                const active = activeRuleId === r.ruleId;
                return (
                  <li key={r.ruleId} className={`rule family-${meta.family}${active ? ' active' : ''}${r.failing === 0 ? ' ok' : ''}`}>
                    <button
                      type="button"
                      data-rule={r.ruleId}
                      disabled={r.count === 0}
                      aria-pressed={active}
                      title={`${meta.description[lang]}${r.count > 0 ? `\n${t('panel.next')}` : ''}`}
                      onClick={() => pick(r)}
                    >
                      <span className="dot" aria-hidden="true" />
                      <span className="title">{meta.title[lang]}</span>
                      <span className="count" data-testid={`rule-count-${r.ruleId}`}>
                        {!r.applicable
                          ? t('panel.notApplicable')
                          : r.count === 0
                            ? t('panel.passed')
                            : r.failing === 0
                              ? t('panel.advisory', { count: r.count })
                              : r.count}
                      </span>
                    </button>
                    <div className="ref">
                      {guideReference(meta, lang)}
                      {ruleById(r.ruleId)?.fix && r.failing > 0 && (
                        <button
                          type="button"
                          className="small fix"
                          data-fix={r.ruleId}
                          disabled={busy}
                          title={t('fix.buttonTitle', { step: guideReference(meta, lang) })}
                          onClick={() => void previewFix(r.ruleId)}
                        >
                          {guideStepShort(meta, lang) ? t('fix.buttonStep', { step: guideStepShort(meta, lang)! }) : t('fix.button')}
                        </button>
                      )}
                    </div>
                    {active && current && (
                      <div className="current" role="status">
                        <div className="position">{t('panel.position', { index: (cursor?.index ?? 0) + 1, count: activeList.length })}</div>
                        <div>{violationMessage(current, lang)}</div>
                        {violationFix(current, lang) && <div className="fix">→ {violationFix(current, lang)}</div>}
                      </div>
                    )}
                  </li>
                );
              })}
          </ul>
        </div>
      ))}
    </section>
  );
}
