// The details bar above the grid (Excel's formula bar): what the selected cell stores,
// as opposed to what the grid shows.
import { type Sheet, cellAddress, getFormat, getFormula, getProvenance, getRaw, getValue, rangeAddress } from '../core/model.ts';
import { formatValue } from '../core/numberFormat.ts';
import { clipText, storedValueText, typeKey } from './cellDescription.ts';
import { activeSheet } from '../store/documentStore.ts';
import type { MergeIndex } from '../core/mergeIndex.ts';
import { useDoc, useT } from './context.ts';

export function CellDetails({ merges }: { merges: MergeIndex }) {
  const t = useT();
  const sheet = useDoc(activeSheet);
  const selection = useDoc((s) => s.selection);
  const date1904 = useDoc((s) => s.workbook?.date1904 ?? false);
  useDoc((s) => s.version); // re-render after edits, undo and redo
  if (!sheet) return null;
  if (!selection) {
    return (
      <div className="cell-details" aria-label={t('details.label')} data-testid="cell-details">
        <span className="muted">{t('details.none')}</span>
      </div>
    );
  }
  return <Details sheet={sheet} r={selection.r} c={selection.c} date1904={date1904} merges={merges} t={t} />;
}

function Details({ sheet, r, c, date1904, merges, t }: { sheet: Sheet; r: number; c: number; date1904: boolean; merges: MergeIndex; t: ReturnType<typeof useT> }) {
  const value = getValue(sheet, r, c);
  const format = getFormat(sheet, r, c);
  const formula = getFormula(sheet, r, c);
  const raw = getRaw(sheet, r, c);
  const history = getProvenance(sheet, r, c);
  const merge = merges.at(r, c);
  const clip = (text: string) => clipText(text, (count) => t('details.clipped', { count }));
  return (
    <div className="cell-details" aria-label={t('details.label')} data-testid="cell-details">
      <span className="address" data-testid="cell-address">{cellAddress(r, c)}</span>
      <Field label={t('details.display')} value={clip(formatValue(value, format, date1904))} testId="cell-display" />
      <Field label={t('details.value')} value={clip(storedValueText(value))} testId="cell-value" />
      <Field label={t('details.type')} value={t(typeKey(value, format))} />
      {format !== 'General' && <Field label={t('details.format')} value={format} />}
      {formula && <Field label={t('details.formula')} value={clip(`=${formula}`)} />}
      {raw !== undefined && <Field label={t('details.raw')} value={clip(raw)} />}
      {history.length > 0 && <Field label={t('details.history')} value={t('details.historyCount', { count: history.length })} />}
      {merge && <span className="tag">{t('details.merged', { range: rangeAddress(merge) })}</span>}
      {sheet.hiddenRows.includes(r) && <span className="tag">{t('details.hiddenRow')}</span>}
      {sheet.hiddenCols.includes(c) && <span className="tag">{t('details.hiddenCol')}</span>}
    </div>
  );
}

function Field({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <span className="field">
      <span className="label">{label}</span>
      <span className="value" data-testid={testId}>
        {value}
      </span>
    </span>
  );
}
