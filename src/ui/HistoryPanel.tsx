// Every step taken so far, newest last; the user can go back to any of them.
import { useDoc, useLang, useT } from './context.ts';
import { describeCommand } from './describeCommand.ts';

export function HistoryPanel() {
  const t = useT();
  const lang = useLang();
  const past = useDoc((s) => s.history.past);
  const undoTo = useDoc((s) => s.undoTo);
  return (
    <section className="history-panel" aria-label={t('history.title')} data-testid="history">
      <h3>{t('history.title')}</h3>
      {past.length === 0 && <p className="muted">{t('history.empty')}</p>}
      <ol>
        {past.map((cmd, i) => (
          <li key={i}>
            <span>{describeCommand(cmd, lang)}</span>
            {i < past.length - 1 && (
              <button type="button" className="small" onClick={() => undoTo(i + 1)} title={t('history.backTitle')}>
                {t('history.back')}
              </button>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
