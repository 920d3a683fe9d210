// What the detector found on the sheet, table by table, and a form to correct it: header
// rows, data rows and the table range. Everything downstream (rules, score) re-runs.
import { useState } from 'react';
import type { Band, StructureOverride, TableStructure } from '../core/structure/types.ts';
import { columnLetter, parseAddress, rangeAddress } from '../core/model.ts';
import { useDoc, useLang, useT } from './context.ts';
import { minMax } from '../core/arrays.ts';

function rows(t: ReturnType<typeof useT>, list: number[] | Band): string {
  const extent = Array.isArray(list) ? minMax(list) : undefined;
  const band = !Array.isArray(list) ? list : list.length ? { start: extent!.min, end: extent!.max } : { start: 0, end: -1 };
  if (band.end < band.start) return t('structure.none');
  return band.start === band.end ? `${band.start + 1}` : t('structure.rows', { start: band.start + 1, end: band.end + 1 });
}

/** The rows the user gave a role in table `i`'s correction. */
function marksOf(overrides: readonly StructureOverride[], i: number): NonNullable<StructureOverride['rows']> {
  return overrides.find((o) => o.table === i)?.rows ?? [];
}

// A stable empty list: zustand selectors must not return a new object on every call.
const NO_OVERRIDES: StructureOverride[] = [];

export function StructurePanel() {
  const t = useT();
  const lang = useLang();
  const sheetId = useDoc((s) => s.activeSheetId);
  const findings = useDoc((s) => (s.activeSheetId ? s.findings[s.activeSheetId] : undefined));
  const overrides = useDoc((s) => (s.activeSheetId ? s.overrides[s.activeSheetId] : undefined)) ?? NO_OVERRIDES;
  const setOverrides = useDoc((s) => s.setOverrides);
  const [editing, setEditing] = useState<number | null>(null);
  if (!sheetId || !findings) return null;
  const tables = findings.structure.tables;
  return (
    <section className="structure-panel" aria-label={t('structure.title')}>
      <h3>
        {t('structure.title')}
        {findings.structure.overridden && <span className="tag">{t('structure.overridden')}</span>}
      </h3>
      {tables.map((table, i) =>
        editing === i ? (
          <StructureForm
            key={table.id}
            table={table}
            onCancel={() => setEditing(null)}
            onApply={(o) => {
              setEditing(null);
              const marks = marksOf(overrides, i);
              void setOverrides(sheetId, [...overrides.filter((x) => x.table !== i), { ...o, sheetId, table: i, ...(marks.length ? { rows: marks } : {}) }]);
            }}
          />
        ) : (
          <div key={table.id} className="table-structure" data-testid={`structure-${table.id}`}>
            <div className="head">
              <strong>{t('structure.table', { index: i + 1 })}</strong> <code>{rangeAddress(table.range)}</code>{' '}
              <span className="muted" title={table.reasons.map((r) => r[lang]).join('\n')}>
                {t('structure.confidence', { value: Math.round(table.confidence * 100) })}
              </span>
              <button type="button" className="small" onClick={() => setEditing(i)}>
                {t('structure.edit')}
              </button>
            </div>
            <dl>
              <dt>{t('structure.caption')}</dt>
              <dd>{rows(t, table.captionRows)}</dd>
              <dt>{t('structure.header')}</dt>
              <dd data-testid="structure-header">{rows(t, table.headerRows)}</dd>
              <dt>{t('structure.unit')}</dt>
              <dd>{rows(t, table.unitRows)}</dd>
              <dt>{t('structure.data')}</dt>
              <dd data-testid="structure-data">{rows(t, table.dataRows)}</dd>
              <dt>{t('structure.note')}</dt>
              <dd>{rows(t, table.noteRows)}</dd>
              <dt>{t('structure.keys')}</dt>
              <dd>{table.columnInfo.filter((c) => c.key).map((c) => columnLetter(c.c)).join(', ') || t('structure.none')}</dd>
            </dl>
            {marksOf(overrides, i).length > 0 && (
              <p className="muted" data-testid="structure-marked">
                {t('structure.marked', { rows: marksOf(overrides, i).map((m) => `${m.row + 1} ${t(`rowRole.${m.role}`)}`).join(', ') })}
              </p>
            )}
          </div>
        ),
      )}
      {overrides.length > 0 && (
        <button type="button" className="small" onClick={() => void setOverrides(sheetId, [])}>
          {t('structure.reset')}
        </button>
      )}
    </section>
  );
}

function StructureForm({ table, onApply, onCancel }: { table: TableStructure; onApply: (o: Omit<StructureOverride, 'sheetId' | 'table'>) => void; onCancel: () => void }) {
  const t = useT();
  const [headerStart, setHeaderStart] = useState(String(table.headerRows.start + 1));
  const [headerEnd, setHeaderEnd] = useState(String(table.headerRows.end + 1));
  const [dataStart, setDataStart] = useState(String(table.dataRows.start + 1));
  const [dataEnd, setDataEnd] = useState(String(table.dataRows.end + 1));
  const [range, setRange] = useState(rangeAddress(table.range));
  const [invalid, setInvalid] = useState(false);

  const submit = () => {
    const [hs, he, ds, de] = [headerStart, headerEnd, dataStart, dataEnd].map((x) => Number(x) - 1);
    let parsed;
    try {
      const [a, b] = range.trim().toUpperCase().split(':');
      parsed = { s: parseAddress(a), e: parseAddress(b ?? a) };
    } catch {
      parsed = undefined;
    }
    const ok = parsed && [hs, he, ds, de].every((n) => Number.isInteger(n) && n >= 0) && hs <= he && he < ds && ds <= de && parsed.s.r <= hs && parsed.e.r >= de;
    if (!ok || !parsed) {
      setInvalid(true);
      return;
    }
    onApply({ headerRows: { start: hs, end: he }, dataRows: { start: ds, end: de }, range: parsed });
  };

  const field = (label: string, value: string, set: (v: string) => void, testId: string) => (
    <label>
      {label}
      <input value={value} inputMode="numeric" data-testid={testId} onChange={(e) => set(e.target.value)} />
    </label>
  );

  return (
    <form
      className="structure-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {field(t('structure.headerStart'), headerStart, setHeaderStart, 'override-header-start')}
      {field(t('structure.headerEnd'), headerEnd, setHeaderEnd, 'override-header-end')}
      {field(t('structure.dataStart'), dataStart, setDataStart, 'override-data-start')}
      {field(t('structure.dataEnd'), dataEnd, setDataEnd, 'override-data-end')}
      <label>
        {t('structure.rangeInput')}
        <input value={range} data-testid="override-range" onChange={(e) => setRange(e.target.value)} />
      </label>
      {invalid && (
        <div role="alert" className="alert error">
          {t('structure.invalid')}
        </div>
      )}
      <div className="buttons">
        <button type="submit" className="primary small">
          {t('structure.apply')}
        </button>
        <button type="button" className="small" onClick={onCancel}>
          {t('structure.cancel')}
        </button>
      </div>
    </form>
  );
}
