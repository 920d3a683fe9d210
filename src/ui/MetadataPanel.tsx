// The table's Level 2 metadata, prefilled by the fixes (caption, notes, source, units)
// and editable here. Every edit is an undoable command (a metadata change), like a cell
// edit. Column titles are the title row's cells, so editing one edits that cell.
import { useState } from 'react';
import { type TableMeta, type TableNote, columnLetter, emptyMeta } from '../core/model.ts';
import { activeSheet } from '../store/documentStore.ts';
import { useDoc, useT } from './context.ts';

export const DEFAULT_LICENSE = 'CC BY 4.0';
const DATE = /^\d{4}-\d{2}-\d{2}$/;

type TextField = 'caption' | 'creator' | 'source' | 'date' | 'language' | 'license';

export function MetadataPanel() {
  const t = useT();
  const sheet = useDoc(activeSheet);
  useDoc((s) => s.version);
  const setMeta = useDoc((s) => s.setMeta);
  const [invalidDate, setInvalidDate] = useState(false);
  if (!sheet) return null;
  const meta: TableMeta = sheet.meta ?? emptyMeta();

  const update = (patch: Partial<TableMeta>) => setMeta(sheet.id, { ...meta, ...patch });
  const field = (name: TextField, label: string, placeholder?: string) => (
    <label className="meta-field">
      <span>{label}</span>
      <input
        key={`${sheet.id}-${name}-${meta[name] ?? ''}`}
        defaultValue={meta[name] ?? ''}
        placeholder={placeholder}
        data-testid={`meta-input-${name}`}
        onBlur={(e) => {
          const value = e.target.value.trim();
          if (name === 'date' && value !== '' && !DATE.test(value)) {
            setInvalidDate(true);
            return;
          }
          if (name === 'date') setInvalidDate(false);
          if ((meta[name] ?? '') !== value) update({ [name]: value === '' ? undefined : value });
        }}
      />
    </label>
  );

  const setNote = (i: number, note: TableNote | undefined) => {
    const notes = [...meta.notes];
    if (note) notes[i] = note;
    else notes.splice(i, 1);
    update({ notes });
  };

  const setColumn = (c: number, patch: Partial<NonNullable<TableMeta['columns'][number]>>) => {
    const columns = [...meta.columns];
    const next = { ...columns[c], ...patch };
    for (const key of Object.keys(next) as (keyof typeof next)[]) if (next[key] === undefined || next[key] === '') delete next[key];
    columns[c] = Object.keys(next).length ? next : undefined;
    update({ columns });
  };

  return (
    <section className="metadata-panel" aria-label={t('meta.title')} data-testid="metadata">
      <h3>{t('meta.title')}</h3>
      {field('caption', t('meta.caption'))}
      {field('creator', t('meta.creator'))}
      {field('date', t('meta.date'), 'YYYY-MM-DD')}
      {invalidDate && (
        <div role="alert" className="alert error">
          {t('meta.dateInvalid')}
        </div>
      )}
      {field('source', t('meta.source'))}
      {field('language', t('meta.language'), 'ja')}
      {field('license', t('meta.license'), DEFAULT_LICENSE)}
      <h4>{t('meta.notes')}</h4>
      <ol className="notes" data-testid="meta-notes">
        {meta.notes.map((n, i) => (
          <li key={`${i}-${n.mark ?? ''}-${n.text}`}>
            <input className="mark" defaultValue={n.mark ?? ''} aria-label={t('meta.noteMark')} onBlur={(e) => e.target.value !== (n.mark ?? '') && setNote(i, { ...n, mark: e.target.value || undefined })} />
            <input className="text" defaultValue={n.text} aria-label={t('meta.noteText')} onBlur={(e) => e.target.value !== n.text && setNote(i, { ...n, text: e.target.value })} />
            <button type="button" className="small" aria-label={t('meta.noteRemove')} onClick={() => setNote(i, undefined)}>
              ×
            </button>
          </li>
        ))}
      </ol>
      <button type="button" className="small" onClick={() => update({ notes: [...meta.notes, { text: '' }] })}>
        {t('meta.noteAdd')}
      </button>
      <h4>{t('meta.columns')}</h4>
      <table className="meta-columns" data-testid="meta-columns">
        <thead>
          <tr>
            <th />
            <th>{t('meta.unit')}</th>
            <th>{t('meta.baseval')}</th>
            <th>{t('meta.datatype')}</th>
          </tr>
        </thead>
        <tbody>
          {sheet.columns.map((_, c) => {
            const cm = meta.columns[c] ?? {};
            return (
              <tr key={`${sheet.id}-${c}-${cm.unit ?? ''}-${cm.baseval ?? ''}-${cm.datatype ?? ''}`}>
                <th>{columnLetter(c)}</th>
                <td>
                  <input defaultValue={cm.unit ?? ''} aria-label={`${columnLetter(c)} ${t('meta.unit')}`} onBlur={(e) => e.target.value !== (cm.unit ?? '') && setColumn(c, { unit: e.target.value || undefined })} />
                </td>
                <td>
                  <input
                    defaultValue={cm.baseval ?? ''}
                    inputMode="numeric"
                    aria-label={`${columnLetter(c)} ${t('meta.baseval')}`}
                    onBlur={(e) => {
                      const n = e.target.value.trim() === '' ? undefined : Number(e.target.value);
                      if (n !== undefined && !(Number.isFinite(n) && n > 0)) return;
                      if (n !== cm.baseval) setColumn(c, { baseval: n });
                    }}
                  />
                </td>
                <td>
                  <select value={cm.datatype ?? ''} aria-label={`${columnLetter(c)} ${t('meta.datatype')}`} onChange={(e) => setColumn(c, { datatype: e.target.value || undefined })}>
                    <option value="">{t('meta.datatypeAuto')}</option>
                    {['xsd:string', 'xsd:integer', 'xsd:double', 'xsd:date', 'xsd:gYear'].map((d) => (
                      <option key={d} value={d}>
                        {d}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
