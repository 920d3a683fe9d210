// Read errors (role="alert", naming the file and the reason) and read warnings.
import { useDoc, useLang, useT } from './context.ts';
import { ENCODING_KEYS } from './messageKeys.ts';

export function ErrorAlert() {
  const t = useT();
  // Japanese sentences follow each other without a space; English ones need one.
  const gap = useLang() === 'ja' ? '' : ' ';
  const error = useDoc((s) => s.error);
  const hasDocument = useDoc((s) => s.workbook !== null);
  const dismiss = useDoc((s) => s.dismissError);
  if (!error) return null;
  const { info } = error;
  const reason =
    info.code === 'not-spreadsheet'
      ? 'detected' in info && info.detected && info.detected !== 'binary' && info.detected !== 'text'
        ? t('error.not-spreadsheet', { detected: info.detected })
        : t('error.not-spreadsheet.unknown')
      : t(`error.${info.code}`);
  return (
    <div role="alert" className="alert error">
      <div>
        <strong>{t('error.title', { file: error.fileName })}</strong>
        {gap}
        {reason}
        {hasDocument && gap + t('error.keep')}
      </div>
      {info.detail && (
        <details>
          <summary>{t('error.detail')}</summary>
          <code>{info.detail}</code>
        </details>
      )}
      <button type="button" onClick={dismiss}>
        {t('error.dismiss')}
      </button>
    </div>
  );
}

export function ReadWarnings() {
  const t = useT();
  const warnings = useDoc((s) => s.warnings);
  if (warnings.length === 0) return null;
  return (
    <div className="alert warning" role="status">
      {warnings.map((w) => (
        <div key={w.code}>
          {w.code === 'invalid-characters'
            ? t('warning.invalid-characters', { count: w.count, encoding: t(ENCODING_KEYS[w.encoding]) })
            : w.code === 'level2'
              ? t('warning.level2', { count: w.metaLines })
              : t('warning.csv-problems', { count: w.count, row: w.firstRow })}
        </div>
      ))}
    </div>
  );
}
