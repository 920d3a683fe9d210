// What the user sees while a file is read in the worker: the file, the phase, and a
// percentage when the phase knows its size (an indeterminate bar otherwise).
import { useEffect, useState } from 'react';
import type { MessageKey } from './i18n.ts';
import { useDoc, useT } from './context.ts';

export function LoadProgress() {
  const t = useT();
  const loading = useDoc((s) => s.loading);
  const [, tick] = useState(0);
  useEffect(() => {
    if (!loading) return;
    const id = setInterval(() => tick((n) => n + 1), 250);
    return () => clearInterval(id);
  }, [loading]);
  if (!loading) return null;
  const pct = loading.total ? Math.min(100, Math.round(((loading.done ?? 0) / loading.total) * 100)) : undefined;
  const seconds = ((Date.now() - loading.startedAt) / 1000).toFixed(1);
  return (
    <div className="load-progress" data-testid="load-progress">
      <div className="load-title">{t('load.title', { file: loading.fileName })}</div>
      <div
        role="progressbar"
        aria-label={t(`load.phase.${loading.phase}` as MessageKey)}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        className={pct === undefined ? 'bar indeterminate' : 'bar'}
      >
        <div className="fill" style={pct === undefined ? undefined : { width: `${pct}%` }} />
      </div>
      <div className="load-phase">
        {t(`load.phase.${loading.phase}` as MessageKey)}
        {pct !== undefined ? ` ${pct}%` : '…'} · {seconds}s
      </div>
    </div>
  );
}
