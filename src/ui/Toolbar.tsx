// The top bar: open, text-encoding and delimiter choice for text files, undo/redo,
// download, language switch.
import type { TextEncodingName } from '../core/model.ts';
import { isDirty } from '../store/documentStore.ts';
import { settingsStore } from '../store/settingsStore.ts';
import { useDoc, useDocumentStore, useLang, useT } from './context.ts';
import { FileButton } from './FileDrop.tsx';
import { ExportMenu } from './ExportMenu.tsx';
import { RecipeButtons, type RecipeReportData } from './RecipeControls.tsx';
import { describeCommand } from './describeCommand.ts';
import { DELIMITERS, DELIMITER_KEYS, ENCODING_KEYS } from './messageKeys.ts';

const ENCODINGS: TextEncodingName[] = ['utf-8', 'utf-8-bom', 'shift_jis', 'euc-jp', 'utf-16le', 'utf-16be'];

export function Toolbar({ onFile, onRecipeReport }: { onFile: (f: File) => void; onRecipeReport: (r: RecipeReportData) => void }) {
  const t = useT();
  const lang = useLang();
  const store = useDocumentStore();
  const source = useDoc((s) => s.workbook?.source);
  const loading = useDoc((s) => s.loading !== null);
  const past = useDoc((s) => s.history.past);
  const future = useDoc((s) => s.history.future);
  const undo = useDoc((s) => s.undo);
  const redo = useDoc((s) => s.redo);
  const hasSheet = useDoc((s) => s.activeSheetId !== null);
  const fixing = useDoc((s) => s.fixing);
  const analysed = useDoc((s) => s.activeSheetId !== null && s.findings[s.activeSheetId] !== undefined);

  const label = (cmd: (typeof past)[number] | undefined) => (cmd ? describeCommand(cmd, lang) : t('toolbar.nothing'));

  const reread = (options: { encoding?: TextEncodingName; delimiter?: string }) => {
    if (!source) return;
    if (isDirty(store.getState()) && !window.confirm(t('confirm.reencode'))) return;
    void store.getState().reopen({ encoding: options.encoding ?? source.encoding, delimiter: options.delimiter ?? source.delimiter });
  };


  return (
    <header className="toolbar">
      {/* With a file open the tagline (the welcome page's heading) gives way to the tools. */}
      <div className="brand" title={source ? t('app.tagline') : undefined}>
        <span className="name">{t('app.name')}</span>
        {!source && <span className="tagline">{t('app.tagline')}</span>}
      </div>
      <FileButton onFile={onFile} disabled={loading} />
      {source && (
        <span className="file-name" title={`${t('file.current')}: ${source.fileName}`}>
          {source.fileName}
        </span>
      )}
      {source?.encoding && (
        <label className="select">
          {t('encoding.label')}
          <select
            value={source.encoding}
            disabled={loading}
            data-testid="encoding-select"
            onChange={(e) => reread({ encoding: e.target.value as TextEncodingName })}
          >
            {ENCODINGS.map((enc) => (
              <option key={enc} value={enc}>
                {t(ENCODING_KEYS[enc])}
                {source.encodingDetected && enc === source.encoding ? ` (${t('encoding.detected')})` : ''}
              </option>
            ))}
          </select>
        </label>
      )}
      {source?.delimiter && (
        <label className="select">
          {t('delimiter.label')}
          <select value={source.delimiter} disabled={loading} onChange={(e) => reread({ delimiter: e.target.value })}>
            {DELIMITERS.map((d) => (
              <option key={d} value={d}>
                {t(DELIMITER_KEYS[d])}
              </option>
            ))}
          </select>
        </label>
      )}
      <span className="spacer" />
      <RecipeButtons onReport={onRecipeReport} />
      <button
        type="button"
        className="primary"
        onClick={() => void store.getState().previewFixAll()}
        disabled={!hasSheet || loading || fixing || !analysed}
        title={t('fix.allTitle')}
      >
        {fixing ? t('fix.allRunning') : t('fix.all')}
      </button>
      {/* Undo and redo as Excel shows them, arrows; the name stays the words (and the tooltip says what they undo). */}
      <button type="button" className="icon" onClick={undo} disabled={past.length === 0} title={t('toolbar.undoTitle', { label: label(past[past.length - 1]) })}>
        <span aria-hidden="true">↶</span>
        <span className="visually-hidden">{t('toolbar.undo')}</span>
      </button>
      <button type="button" className="icon" onClick={redo} disabled={future.length === 0} title={t('toolbar.redoTitle', { label: label(future[0]) })}>
        <span aria-hidden="true">↷</span>
        <span className="visually-hidden">{t('toolbar.redo')}</span>
      </button>
      <ExportMenu />
      <button type="button" className="subtle" onClick={() => void store.getState().clearSaved()} title={t('toolbar.clearSavedTitle')}>
        {t('toolbar.clearSaved')}
      </button>
      <button
        type="button"
        lang={lang === 'ja' ? 'en' : 'ja'}
        title={t('toolbar.languageTitle')}
        onClick={() => settingsStore.getState().setLang(lang === 'ja' ? 'en' : 'ja')}
      >
        {t('toolbar.language')}
      </button>
    </header>
  );
}
