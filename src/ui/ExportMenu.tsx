// 「CSVをダウンロード」 (the Level 2 CSV straight away, with the current options) and the
// export menu: Level 1 / Level 2, encoding, line ending, padding, injection guard, and the
// CSVW sidecar or a ZIP with everything. Characters Shift_JIS cannot hold are listed
// before anything is saved — never replaced.
import { useState } from 'react';
import type { UnrepresentableChar } from '../core/io/encodeText.ts';
import type { ExportKind } from '../worker/session.ts';
import { useDoc, useDocumentStore, useT } from './context.ts';
import { saveBytes } from './download.ts';

const MIME: Record<ExportKind, string> = { csv: 'text/csv;charset=utf-8', csvw: 'application/csvm+json', zip: 'application/zip' };

export function ExportMenu() {
  const t = useT();
  const store = useDocumentStore();
  const options = useDoc((s) => s.exportOptions);
  const setOptions = useDoc((s) => s.setExportOptions);
  const disabled = useDoc((s) => s.activeSheetId === null || s.loading !== null);
  const [problem, setProblem] = useState<{ encoding: string; chars: UnrepresentableChar[] } | null>(null);

  const download = async (what: ExportKind) => {
    setProblem(null);
    const result = await store.getState().exportActive(what);
    if (!result) return;
    if (!result.ok) {
      setProblem({ encoding: result.encoding, chars: result.chars });
      return;
    }
    const mime = what === 'csv' && options.encoding === 'shift_jis' ? 'text/csv;charset=shift_jis' : MIME[what];
    saveBytes(result.file.fileName, result.file.bytes, mime);
  };

  return (
    <>
      <button type="button" className="primary" onClick={() => void download('csv')} disabled={disabled} title={t('toolbar.downloadTitle')}>
        {t('toolbar.download')}
      </button>
      <details className="export-menu">
        <summary aria-label={t('export.menu')} title={t('export.menu')}>
          ▾
        </summary>
        <div className="export-panel" data-testid="export-panel">
          <label>
            {t('export.level')}
            <select value={options.level} data-testid="export-level" onChange={(e) => setOptions({ level: Number(e.target.value) as 1 | 2 })}>
              <option value={2}>{t('export.level2')}</option>
              <option value={1}>{t('export.level1')}</option>
            </select>
          </label>
          <label>
            {t('export.encoding')}
            <select value={options.encoding} data-testid="export-encoding" onChange={(e) => setOptions({ encoding: e.target.value as typeof options.encoding })}>
              <option value="utf-8-bom">{t('encoding.utf-8-bom')}</option>
              <option value="utf-8">{t('encoding.utf-8')}</option>
              <option value="shift_jis">{t('encoding.shift_jis')}</option>
            </select>
          </label>
          <label>
            {t('export.eol')}
            <select value={options.eol} data-testid="export-eol" onChange={(e) => setOptions({ eol: e.target.value as 'crlf' | 'lf' })}>
              <option value="crlf">CRLF (Windows)</option>
              <option value="lf">LF</option>
            </select>
          </label>
          <label className="check">
            <input type="checkbox" checked={options.padAtLines} onChange={(e) => setOptions({ padAtLines: e.target.checked })} />
            {t('export.pad')}
          </label>
          <label className="check">
            <input type="checkbox" checked={options.injectionGuard} onChange={(e) => setOptions({ injectionGuard: e.target.checked })} />
            {t('export.guard')}
          </label>
          <div className="buttons">
            <button type="button" onClick={() => void download('csvw')} disabled={disabled}>
              {t('export.csvw')}
            </button>
            <button type="button" onClick={() => void download('zip')} disabled={disabled}>
              {t('export.zip')}
            </button>
          </div>
        </div>
      </details>
      {problem && (
        <div role="alert" className="alert error export-problem">
          <div>
            {t('export.unrepresentable', { encoding: t('encoding.shift_jis'), count: problem.chars.length })}
            <ul>
              {problem.chars.slice(0, 30).map((c) => (
                <li key={c.codePoint}>
                  「{c.char}」 U+{c.codePoint.toString(16).toUpperCase().padStart(4, '0')} × {c.count}
                </li>
              ))}
            </ul>
          </div>
          <button type="button" onClick={() => setProblem(null)}>
            {t('error.dismiss')}
          </button>
        </div>
      )}
    </>
  );
}
