// The table's Level 2 metadata, prefilled by the fixes (caption, notes, source, units)
// and editable here, and the metadata of the whole file: what is entered there applies to
// every table that has no value of its own (a table's own value, typed or found on its
// sheet, wins). Every edit is an undoable command (a metadata change), like a cell edit.
// A date may be typed as 2015/8/1, 2015年8月1日, 平成27年8月1日 or H27.8.1; it is stored
// as 2015-08-01. Column titles are the title row's cells, so editing one edits that cell.
// An empty field shows, greyed, what the export writes there instead: what the table's
// caption, date, source and note rows say (before 「すべて修正」 moves them into the
// table's own metadata), or the whole file's value; notes read from the rows are listed
// under the table's own.
import { useEffect, useState } from 'react';
import { type TableMeta, type TableNote, type WorkbookMeta, columnLetter, emptyMeta } from '../core/model.ts';
import { parseDateInput } from '../core/text/dateLine.ts';
import { activeSheet } from '../store/documentStore.ts';
import { useDoc, useT } from './context.ts';

export const DEFAULT_LICENSE = 'CC BY 4.0';

type TextField = 'caption' | 'creator' | 'source' | 'date' | 'language' | 'license';
type BookField = keyof WorkbookMeta;

/** The value to store for what was typed, or undefined when a date is not one (nothing is stored). */
function stored(name: TextField, typed: string): { value: string | undefined } | undefined {
  const value = typed.trim();
  if (name !== 'date') return { value: value === '' ? undefined : value };
  const date = parseDateInput(value);
  return date.ok ? { value: date.date } : undefined;
}

export function MetadataPanel() {
  const t = useT();
  const sheet = useDoc(activeSheet);
  const book = useDoc((s) => s.workbook?.meta);
  const version = useDoc((s) => s.version);
  const setMeta = useDoc((s) => s.setMeta);
  const setBookMeta = useDoc((s) => s.setBookMeta);
  const tableMeta = useDoc((s) => s.tableMeta);
  const sheetId = sheet?.id;
  const structure = useDoc((s) => (sheetId ? s.findings[sheetId]?.structure : undefined));
  const [invalidDate, setInvalidDate] = useState<'table' | 'book' | null>(null);
  /** What the export writes for the table, as the worker reads it; asked again after every change. */
  const [found, setFound] = useState<{ sheetId: string; meta: TableMeta } | null>(null);
  useEffect(() => {
    if (!sheetId) return;
    let live = true;
    void tableMeta(sheetId).then((m) => {
      if (live) setFound(m ? { sheetId, meta: m } : null);
    });
    return () => {
      live = false;
    };
  }, [sheetId, version, book, structure, tableMeta]);
  if (!sheet) return null;
  const meta: TableMeta = sheet.meta ?? emptyMeta();
  const bookMeta: WorkbookMeta = book ?? {};
  const written = found?.sheetId === sheet.id ? found.meta : undefined;
  const rowNotes = (written?.notes ?? []).filter((n) => (n.text !== '' || n.mark) && !meta.notes.some((x) => x.mark === n.mark && x.text === n.text));

  const update = (patch: Partial<TableMeta>) => setMeta(sheet.id, { ...meta, ...patch });
  const field = (name: TextField, label: string, placeholder?: string) => {
    const inherited = name !== 'caption' ? bookMeta[name as BookField] : undefined;
    const read = written?.[name];
    const hint = read && read !== inherited ? t('meta.found', { value: read }) : inherited ? t('meta.inherited', { value: inherited }) : placeholder;
    return (
      <label className="meta-field">
        <span>{label}</span>
        <input
          key={`${sheet.id}-${name}-${meta[name] ?? ''}`}
          defaultValue={meta[name] ?? ''}
          placeholder={hint}
          data-testid={`meta-input-${name}`}
          onBlur={(e) => {
            const next = stored(name, e.target.value);
            if (!next) {
              setInvalidDate('table');
              return;
            }
            if (name === 'date') setInvalidDate(null);
            if ((meta[name] ?? undefined) !== next.value) update({ [name]: next.value });
            // A date typed as 2015/8/1 shows as it is stored.
            else if (name === 'date') e.target.value = next.value ?? '';
          }}
        />
      </label>
    );
  };
  const bookField = (name: BookField, label: string, placeholder?: string) => (
    <label className="meta-field">
      <span>{label}</span>
      <input
        key={`book-${name}-${bookMeta[name] ?? ''}`}
        defaultValue={bookMeta[name] ?? ''}
        placeholder={placeholder}
        data-testid={`book-input-${name}`}
        onBlur={(e) => {
          const next = stored(name, e.target.value);
          if (!next) {
            setInvalidDate('book');
            return;
          }
          if (name === 'date') setInvalidDate(null);
          if (bookMeta[name] === next.value) {
            if (name === 'date') e.target.value = next.value ?? '';
            return;
          }
          const after: WorkbookMeta = { ...bookMeta };
          if (next.value === undefined) delete after[name];
          else after[name] = next.value;
          setBookMeta(after);
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
      {invalidDate === 'table' && (
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
      {rowNotes.length > 0 && (
        <div className="found-notes" data-testid="meta-found-notes">
          <p className="hint">{t('meta.foundNotes')}</p>
          <ul>
            {rowNotes.map((n, i) => (
              <li key={`${i}-${n.mark ?? ''}-${n.text}`}>
                {n.mark ? `${n.mark} ` : ''}
                {n.text}
              </li>
            ))}
          </ul>
        </div>
      )}
      <button type="button" className="small" onClick={() => update({ notes: [...meta.notes, { text: '' }] })}>
        {t('meta.noteAdd')}
      </button>
      <h4>{t('meta.book')}</h4>
      <p className="hint">{t('meta.bookHint')}</p>
      <div data-testid="metadata-book">
        {bookField('creator', t('meta.creator'))}
        {bookField('date', t('meta.date'), 'YYYY-MM-DD')}
        {invalidDate === 'book' && (
          <div role="alert" className="alert error">
            {t('meta.dateInvalid')}
          </div>
        )}
        {bookField('source', t('meta.source'))}
        {bookField('language', t('meta.language'), 'ja')}
        {bookField('license', t('meta.license'), DEFAULT_LICENSE)}
      </div>
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
