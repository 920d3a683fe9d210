// What the user sees while a file is read in the worker: the file, the phase, a real
// percentage (bytes or rows done) with the time left, and a button that stops the read
// and brings back what was open before.
import { useEffect, useState } from 'react';
import type { LoadingState } from '../store/documentStore.ts';
import { formatCount } from './i18n.ts';
import { LOAD_PHASE_KEYS } from './messageKeys.ts';
import { useDoc, useT } from './context.ts';

/** Whole-read fraction if known, else the phase's own. */
function fractionOf(loading: LoadingState): number | undefined {
  if (loading.overall !== undefined) return loading.overall;
  return loading.total ? (loading.done ?? 0) / loading.total : undefined;
}

/** Seconds left at the pace so far; only once the pace means something. */
function secondsLeft(loading: LoadingState, now: number): number | undefined {
  const f = loading.overall;
  const elapsed = (now - loading.startedAt) / 1000;
  if (f === undefined || f < 0.05 || f >= 1 || elapsed < 0.5) return undefined;
  return Math.max(1, Math.round((elapsed * (1 - f)) / f));
}

export function LoadProgress() {
  const t = useT();
  const loading = useDoc((s) => s.loading);
  const cancel = useDoc((s) => s.cancelLoad);
  // The clock is state, ticking while a read runs: render itself stays pure. Until its first
  // tick after a read starts it may still hold an earlier time, hence the max.
  const [clock, setClock] = useState(Date.now);
  useEffect(() => {
    if (!loading) return;
    const id = setInterval(() => setClock(Date.now()), 250);
    return () => clearInterval(id);
  }, [loading]);
  if (!loading) return null;
  const fraction = fractionOf(loading);
  const pct = fraction === undefined ? undefined : Math.min(100, Math.floor(fraction * 100));
  const now = Math.max(clock, loading.startedAt);
  const seconds = ((now - loading.startedAt) / 1000).toFixed(1);
  const left = secondsLeft(loading, now);
  const phase = t(LOAD_PHASE_KEYS[loading.phase]);
  return (
    <div className={loading.preview ? 'load-progress compact' : 'load-progress'} data-testid="load-progress">
      <div className="load-head">
        <div className="load-title">{t('load.title', { file: loading.fileName })}</div>
        <button type="button" onClick={() => void cancel()} data-testid="load-cancel">
          {t('load.cancel')}
        </button>
      </div>
      <div
        role="progressbar"
        aria-label={phase}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        className={pct === undefined ? 'bar indeterminate' : 'bar'}
      >
        <div className="fill" style={pct === undefined ? undefined : { width: `${pct}%` }} />
      </div>
      <div className="load-phase" data-testid="load-phase">
        {phase}
        {pct !== undefined ? ` ${pct}%` : '…'} · {seconds}s{left !== undefined && <> · {t('load.remaining', { seconds: left })}</>}
      </div>
      {loading.preview && (
        <div className="load-preview-note" role="note">
          {t('load.preview', { rows: formatCount(loading.preview.rows) })}
        </div>
      )}
    </div>
  );
}
