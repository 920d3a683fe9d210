// The preview of 「すべて修正」: per rule what it changes (cells, rows, columns, sheets, the
// metadata) with examples, every cell the fill-down fills, a checkbox per rule to leave it
// out, and Apply / Cancel. Nothing is applied before 「適用」.
import { useState } from 'react';
import type { FixAllSummary, RuleSummary } from '../core/fix/fixAllSummary.ts';
import { ruleById } from '../core/rules/registry.ts';
import type { RuleId } from '../core/rules/types.ts';
import { useDoc, useLang, useT } from './context.ts';
import type { MessageKey } from './i18n.ts';

function counts(r: RuleSummary): { key: MessageKey; count: number }[] {
  const out: { key: MessageKey; count: number }[] = [];
  if (r.cells) out.push({ key: 'fix.summary.cells', count: r.cells });
  if (r.rowsRemoved) out.push({ key: 'fix.summary.rows', count: r.rowsRemoved });
  if (r.columnsRemoved) out.push({ key: 'fix.summary.columns', count: r.columnsRemoved });
  if (r.columnsAdded) out.push({ key: 'fix.summary.addedColumns', count: r.columnsAdded });
  if (r.sheetsAdded) out.push({ key: 'fix.summary.sheets', count: r.sheetsAdded });
  if (r.meta) out.push({ key: 'fix.summary.meta', count: r.meta });
  return out;
}

// Each preview gets its own key, so the rules left out of one are not left out of the next.
const keys = new WeakMap<FixAllSummary, number>();
let lastKey = 0;
const keyOf = (s: FixAllSummary) => {
  let k = keys.get(s);
  if (k === undefined) keys.set(s, (k = ++lastKey));
  return k;
};

export function FixAllPreview() {
  const summary = useDoc((s) => s.fixAllPreview);
  return summary ? <FixAllPreviewOf key={keyOf(summary)} summary={summary} /> : null;
}

function FixAllPreviewOf({ summary }: { summary: FixAllSummary }) {
  const t = useT();
  const lang = useLang();
  const fixAll = useDoc((s) => s.fixAll);
  const cancel = useDoc((s) => s.cancelFixAllPreview);
  const [left, setLeft] = useState<ReadonlySet<RuleId>>(new Set());
  const empty = (v: string) => (v === '' ? t('fix.empty') : v);
  const toggle = (id: RuleId, on: boolean) => {
    const next = new Set(left);
    if (on) next.delete(id);
    else next.add(id);
    setLeft(next);
  };
  return (
    <section className="fix-preview fixall-preview" aria-label={t('fixAll.preview')} data-testid="fixall-preview">
      <h3>{t('fixAll.preview')}</h3>
      {summary.changes === 0 ? (
        <p>{t('fixAll.nothing')}</p>
      ) : (
        <>
          <p className="muted">{t('fixAll.intro')}</p>
          <p data-testid="fixall-total">{t('fixAll.changes', { count: summary.changes })}</p>
          <ul className="fixall-rules">
            {summary.rules.map((r) => {
              const title = ruleById(r.ruleId)?.meta.title[lang] ?? r.ruleId;
              return (
                <li key={r.ruleId} data-testid={`fixall-rule-${r.ruleId}`}>
                  <label className="option-check">
                    <input type="checkbox" checked={!left.has(r.ruleId)} onChange={(e) => toggle(r.ruleId, e.target.checked)} />
                    <strong>{title}</strong>
                  </label>
                  <div className="muted">{counts(r).map((c) => t(c.key, { count: c.count })).join('・')}</div>
                  {r.samples.length > 0 && (
                    <table className="diff">
                      <tbody>
                        {r.samples.map((s, i) => (
                          <tr key={i}>
                            <th>{s.cell}</th>
                            <td className="before">{empty(s.before)}</td>
                            <td>→</td>
                            <td className="after">{empty(s.after)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  )}
                </li>
              );
            })}
          </ul>
          {summary.filledCount > 0 && (
            <details className="fixall-filled" data-testid="fixall-filled" open={summary.filledCount <= 20}>
              <summary>{t('fixAll.filled', { count: summary.filledCount })}</summary>
              <ul>
                {summary.filled.map((s, i) => (
                  <li key={i}>
                    <code>
                      {s.sheet}!{s.cell}
                    </code>{' '}
                    ← {empty(s.after)}
                  </li>
                ))}
              </ul>
              {summary.filledCount > summary.filled.length && <div className="muted">{t('fixAll.filledMore', { count: summary.filledCount - summary.filled.length })}</div>}
            </details>
          )}
        </>
      )}
      <div className="buttons">
        <button type="button" className="primary" disabled={summary.changes === 0 || left.size === summary.rules.length} onClick={() => void fixAll([...left])}>
          {t('fix.apply')}
        </button>
        <button type="button" onClick={cancel}>
          {t('fix.cancel')}
        </button>
      </div>
    </section>
  );
}
