// Offered at start-up when an earlier visit left an autosaved session: restore it (the
// edits and their undo history come back) or throw it away.
import { useEffect } from 'react';
import { useDoc, useLang, useT } from './context.ts';

export function RestoreBanner() {
  const t = useT();
  const lang = useLang();
  const saved = useDoc((s) => s.savedSession);
  const checkSaved = useDoc((s) => s.checkSaved);
  const restoreSaved = useDoc((s) => s.restoreSaved);
  const clearSaved = useDoc((s) => s.clearSaved);
  useEffect(() => {
    void checkSaved();
  }, [checkSaved]);
  if (!saved) return null;
  const when = new Date(saved.savedAt).toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-GB');
  return (
    <div className="alert restore" role="region" aria-label={t('restore.title')} data-testid="restore-banner">
      <div>{t('restore.message', { file: saved.fileName, when, steps: saved.steps })}</div>
      <button type="button" className="primary" onClick={() => void restoreSaved()}>
        {t('restore.restore')}
      </button>
      <button type="button" onClick={() => void clearSaved()}>
        {t('restore.discard')}
      </button>
    </div>
  );
}
