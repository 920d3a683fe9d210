// 「CSVをダウンロード」 (the Level 2 CSV of the active table straight away, with the current
// options), 「すべての表をダウンロード」 (one ZIP with every table of the file, the recipe and a
// report) and the export menu: Level 1 / Level 2, encoding, line ending, numbers as shown or
// stored, padding, injection guard, sheets that are not data tables, and the CSVW sidecar
// or a ZIP of one table. After a download the menu says which @ lines were written empty.
// Characters Shift_JIS cannot hold are listed before anything is saved — never replaced.
import { useState } from 'react';
import type { UnrepresentableChar } from '../core/io/encodeText.ts';
import type { Level2ValueLine } from '../core/io/level2.ts';
import type { ExportKind } from '../worker/session.ts';
import { useDoc, useDocumentStore, useLang, useT } from './context.ts';
import { saveBytes } from './download.ts';

const MIME: Record<ExportKind, string> = { csv: 'text/csv;charset=utf-8', csvw: 'application/csvm+json', zip: 'application/zip' };

export function ExportMenu() {
  const t = useT();
  const lang = useLang();
  const store = useDocumentStore();
  const options = useDoc((s) => s.exportOptions);
  const setOptions = useDoc((s) => s.setExportOptions);
  const disabled = useDoc((s) => s.activeSheetId === null || s.loading !== null);
  const hasWorkbook = useDoc((s) => s.workbook !== null && s.loading === null);
  const [problem, setProblem] = useState<{ encoding: string; chars: UnrepresentableChar[] } | null>(null);
  const [includeAll, setIncludeAll] = useState(false);
  /** What the last download left empty: per file, the @ lines written without a value. */
  const [empty, setEmpty] = useState<{ fileName: string; lines: Level2ValueLine[] }[] | null>(null);
  const [written, setWritten] = useState<{ tables: number; left: number } | null>(null);

  const download = async (what: ExportKind) => {
    setProblem(null);
    setWritten(null);
    const result = await store.getState().exportActive(what);
    if (!result) return;
    if (!result.ok) {
      setProblem({ encoding: result.encoding, chars: result.chars });
      return;
    }
    const mime = what === 'csv' && options.encoding === 'shift_jis' ? 'text/csv;charset=shift_jis' : MIME[what];
    saveBytes(result.file.fileName, result.file.bytes, mime);
    setEmpty(result.empty ? [{ fileName: result.file.fileName, lines: result.empty }] : null);
  };

  const downloadAll = async () => {
    setProblem(null);
    const result = await store.getState().exportAll({ includeAll, lang });
    if (!result) return;
    if (!result.ok) {
      setProblem({ encoding: result.encoding, chars: result.chars });
      return;
    }
    saveBytes(result.file.fileName, result.file.bytes, MIME.zip);
    setWritten({ tables: result.tables.length, left: result.left.length });
    setEmpty(options.level === 2 ? result.tables.map((x) => ({ fileName: x.fileName, lines: x.empty })) : null);
  };

  // One line per @ line: how many of the files written leave it empty.
  const emptyCounts = new Map<Level2ValueLine, number>();
  for (const f of empty ?? []) for (const line of f.lines) emptyCounts.set(line, (emptyCounts.get(line) ?? 0) + 1);

  return (
    <>
      <button type="button" className="primary" onClick={() => void download('csv')} disabled={disabled} title={t('toolbar.downloadTitle')}>
        {t('toolbar.download')}
      </button>
      <button type="button" onClick={() => void downloadAll()} disabled={!hasWorkbook} title={t('toolbar.downloadAllTitle')}>
        {t('toolbar.downloadAll')}
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
          <label>
            {t('export.numbers')}
            <select value={options.numbers} data-testid="export-numbers" onChange={(e) => setOptions({ numbers: e.target.value as typeof options.numbers })}>
              <option value="shown">{t('export.numbersShown')}</option>
              <option value="stored">{t('export.numbersStored')}</option>
            </select>
          </label>
          <label className="check">
            <input type="checkbox" checked={options.padAtLines} onChange={(e) => setOptions({ padAtLines: e.target.checked })} />
            {t('export.pad')}
          </label>
          <label className="check">
            <input type="checkbox" checked={includeAll} data-testid="export-include-all" onChange={(e) => setIncludeAll(e.target.checked)} />
            {t('export.includeAll')}
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
      {(empty || written) && (
        <div className="export-summary" data-testid="export-summary">
          {written && <span>{t('export.written', { tables: written.tables, left: written.left })}</span>}
          {empty && (
            <span data-testid="export-empty">
              {emptyCounts.size === 0
                ? t('export.emptyNone')
                : t('export.empty', {
                    lines: [...emptyCounts].map(([line, n]) => (empty.length > 1 ? t('export.emptyIn', { line, count: n }) : line)).join(t('export.listSeparator')),
                  })}
            </span>
          )}
          <button type="button" className="small" aria-label={t('error.dismiss')} onClick={() => (setEmpty(null), setWritten(null))}>
            ×
          </button>
        </div>
      )}
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
