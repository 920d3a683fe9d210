// 「検索と置換」: the cells of the sheet whose text holds a string, what each becomes with
// it replaced (shown first, marked on the grid like a fix's preview), and 「すべて置換」 as
// one undoable step that the recipe repeats on next year's file. Ctrl+H goes to it.
import { useEffect, useRef, useState } from 'react';
import { CellDiffTable } from './CellDiffTable.tsx';
import { useDoc, useT } from './context.ts';

const SHOWN = 40;

export function FindReplace() {
  const t = useT();
  const preview = useDoc((s) => s.replacePreview);
  const previewReplace = useDoc((s) => s.previewReplace);
  const applyReplace = useDoc((s) => s.applyReplace);
  const cancelReplace = useDoc((s) => s.cancelReplace);
  const [find, setFind] = useState('');
  const [replace, setReplace] = useState('');
  const findBox = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'h') {
        e.preventDefault();
        findBox.current?.scrollIntoView({ block: 'nearest' });
        findBox.current?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  const cells = preview?.changes.filter((c) => c.kind === 'cell') ?? [];
  return (
    <section className="find-replace-panel metadata-panel" aria-label={t('replace.title')} data-testid="find-replace">
      <h3>{t('replace.title')}</h3>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void previewReplace(find, replace);
        }}
      >
        <label className="meta-field">
          {t('replace.find')}
          <input ref={findBox} value={find} data-testid="replace-find" onChange={(e) => setFind(e.target.value)} />
        </label>
        <label className="meta-field">
          {t('replace.with')}
          <input value={replace} data-testid="replace-with" onChange={(e) => setReplace(e.target.value)} />
        </label>
        <div className="buttons">
          <button type="submit" className="small" disabled={find === ''}>
            {t('replace.preview')}
          </button>
        </div>
      </form>
      {preview && (
        <div data-testid="replace-preview">
          <p>{cells.length === 0 ? t('replace.none', { find: preview.find }) : t('replace.count', { count: cells.length })}</p>
          <CellDiffTable changes={preview.changes} limit={SHOWN} />
          <div className="buttons">
            <button type="button" className="primary small" disabled={cells.length === 0} onClick={applyReplace}>
              {t('replace.all')}
            </button>
            <button type="button" className="small" onClick={cancelReplace}>
              {t('fix.cancel')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
