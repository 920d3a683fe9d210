// The preview of one rule's fix: what it will change (cells before → after, merges, rows,
// sheets, metadata), its options, and Apply / Cancel. Changed cells are also marked on
// the grid while the preview is open.
import type { Change } from '../core/changes.ts';
import { guideReference } from '../core/rules/messages.ts';
import { ruleById } from '../core/rules/registry.ts';
import { CellDiffTable } from './CellDiffTable.tsx';
import { useDoc, useLang, useT } from './context.ts';
import type { Lang, MessageKey } from './i18n.ts';
import type { RuleModule } from '../core/rules/types.ts';

const SHOWN = 40;

function summary(changes: Change[]): { key: MessageKey; count: number }[] {
  const cells = changes.filter((c) => c.kind === 'cell').length;
  const merges = changes.filter((c) => c.kind === 'merge').length;
  const rows = changes.reduce((n, c) => n + (c.kind === 'rows' && c.op === 'delete' ? c.rows.length : 0), 0);
  const columns = changes.reduce((n, c) => n + (c.kind === 'columns' && c.op === 'delete' ? c.columns.length : 0), 0);
  const sheets = changes.filter((c) => c.kind === 'sheet' && c.op === 'add').length;
  const hidden = changes.filter((c) => c.kind === 'hidden').length;
  const meta = changes.filter((c) => c.kind === 'meta').length;
  const out: { key: MessageKey; count: number }[] = [];
  const added = changes.reduce((n, c) => n + (c.kind === 'columns' && c.op === 'insert' ? c.columns.length : 0), 0);
  if (cells) out.push({ key: 'fix.summary.cells', count: cells });
  if (merges) out.push({ key: 'fix.summary.merges', count: merges });
  if (rows) out.push({ key: 'fix.summary.rows', count: rows });
  if (columns) out.push({ key: 'fix.summary.columns', count: columns });
  if (added) out.push({ key: 'fix.summary.addedColumns', count: added });
  if (sheets) out.push({ key: 'fix.summary.sheets', count: sheets });
  if (hidden) out.push({ key: 'fix.summary.hidden', count: hidden });
  if (meta) out.push({ key: 'fix.summary.meta', count: meta });
  return out;
}

type OptionSpec = NonNullable<RuleModule['fixOptions']>[string];
type OptionValue = OptionSpec['default'];

/**
 * One fix option as the control its type calls for: a checkbox for a yes/no option, a
 * select for a choice, a number or text box otherwise. The value keeps the type of the
 * option's default (a boolean stays a boolean: the fix tests `=== true`). The controls keep
 * what the user set while the fix is computed again with it (they are not reset by props).
 */
function FixOption({ spec, value, lang, onChange }: { spec: OptionSpec; value: OptionValue; lang: Lang; onChange(value: OptionValue): void }) {
  if (typeof spec.default === 'boolean') {
    return (
      <label className="option option-check">
        <input type="checkbox" defaultChecked={value === true} onChange={(e) => onChange(e.target.checked)} />
        {spec.label[lang]}
      </label>
    );
  }
  if (spec.choices) {
    return (
      <label className="option">
        {spec.label[lang]}
        <select defaultValue={String(value)} onChange={(e) => onChange(e.target.value)}>
          {spec.choices.map((ch) => (
            <option key={ch.value} value={ch.value}>
              {ch.label[lang]}
            </option>
          ))}
        </select>
      </label>
    );
  }
  const numeric = typeof spec.default === 'number';
  const commit = (text: string) => {
    const next = numeric ? Number(text) : text;
    if (numeric && !Number.isFinite(next)) return;
    if (next !== value) onChange(next);
  };
  return (
    <label className="option">
      {spec.label[lang]}
      <input
        type={numeric ? 'number' : 'text'}
        defaultValue={String(value)}
        onBlur={(e) => commit(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit(e.currentTarget.value);
        }}
      />
    </label>
  );
}

export function FixPreview() {
  const t = useT();
  const lang = useLang();
  const preview = useDoc((s) => s.preview);
  const applyPreview = useDoc((s) => s.applyPreview);
  const cancelPreview = useDoc((s) => s.cancelPreview);
  const previewFix = useDoc((s) => s.previewFix);
  if (!preview) return null;
  const rule = ruleById(preview.ruleId);
  if (!rule) return null;
  return (
    <section className="fix-preview" aria-label={t('fix.preview')} data-testid="fix-preview">
      <h3>
        {t('fix.preview')}: {rule.meta.title[lang]}
      </h3>
      <div className="muted">{guideReference(rule.meta, lang)}</div>
      {preview.changes.length === 0 ? (
        <p>{t('fix.nothing')}</p>
      ) : (
        <ul className="summary">
          {summary(preview.changes).map((s) => (
            <li key={s.key}>{t(s.key, { count: s.count })}</li>
          ))}
        </ul>
      )}
      {Object.entries(rule.fixOptions ?? {}).map(([name, spec]) => (
        <FixOption
          key={`${preview.ruleId}:${name}`}
          spec={spec}
          value={preview.options[name] ?? spec.default}
          lang={lang}
          onChange={(value) => void previewFix(preview.ruleId, { ...preview.options, [name]: value })}
        />
      ))}
      <CellDiffTable changes={preview.changes} limit={SHOWN} />
      <div className="buttons">
        <button type="button" className="primary" onClick={applyPreview} disabled={preview.changes.length === 0}>
          {t('fix.apply')}
        </button>
        <button type="button" onClick={cancelPreview}>
          {t('fix.cancel')}
        </button>
      </div>
    </section>
  );
}
