// Read errors (role="alert", naming the file and the reason), failed actions (naming what
// failed and why) and read warnings; read errors and warnings in the sentences of the core
// catalogue (core/io/readMessages.ts) that the CLI prints too.
import { READ_ERROR_FRAME, THOUSANDS_REPAIR, readErrorText, readWarningText } from '../core/io/readMessages.ts';
import { fillTemplate } from '../core/messages/template.ts';
import type { ActionName } from '../store/documentStore.ts';
import type { MessageKey } from './i18n.ts';
import { useDoc, useLang, useT } from './context.ts';
import { ENCODING_KEYS } from './messageKeys.ts';

export function ErrorAlert() {
  const t = useT();
  const lang = useLang();
  // Japanese sentences follow each other without a space; English ones need one.
  const gap = lang === 'ja' ? '' : ' ';
  const error = useDoc((s) => s.error);
  const hasDocument = useDoc((s) => s.workbook !== null);
  const dismiss = useDoc((s) => s.dismissError);
  if (!error) return null;
  const { info } = error;
  return (
    <div role="alert" className="alert error">
      <div>
        <strong>{fillTemplate(READ_ERROR_FRAME.title[lang], { file: error.fileName })}</strong>
        {gap}
        {readErrorText(info, lang)}
        {hasDocument && gap + READ_ERROR_FRAME.keep[lang]}
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

const FAILED: Record<ActionName, MessageKey> = {
  fixAll: 'failure.fixAll',
  previewFix: 'failure.previewFix',
  applyRecipe: 'failure.applyRecipe',
  export: 'failure.export',
  exportAll: 'failure.exportAll',
  setOverrides: 'failure.setOverrides',
  clearSaved: 'failure.clearSaved',
  mirror: 'failure.mirror',
  sync: 'failure.sync',
  worker: 'failure.worker',
};

/** Actions that change nothing when they fail: the worker puts its copy back, nothing is applied here. */
const LEAVES_DOCUMENT: ReadonlySet<ActionName> = new Set(['fixAll', 'previewFix', 'export', 'exportAll', 'setOverrides']);

export function FailureAlert() {
  const t = useT();
  const gap = useLang() === 'ja' ? '' : ' ';
  const failure = useDoc((s) => s.failure);
  const dismiss = useDoc((s) => s.dismissFailure);
  if (!failure) return null;
  const reason = failure.workerStopped ? t('failure.workerStopped') : failure.detail;
  return (
    <div role="alert" className="alert error" data-testid="action-failure">
      <div>
        <strong>{t(FAILED[failure.action], { reason })}</strong>
        {LEAVES_DOCUMENT.has(failure.action) && gap + t('failure.unchanged')}
      </div>
      <button type="button" onClick={dismiss}>
        {t('error.dismiss')}
      </button>
    </div>
  );
}

export function ReadWarnings() {
  const t = useT();
  const lang = useLang();
  const warnings = useDoc((s) => s.warnings);
  const repair = useDoc((s) => s.repairThousands);
  const busy = useDoc((s) => s.fixing || s.loading !== null);
  if (warnings.length === 0) return null;
  return (
    <div className="alert warning" role="status">
      {warnings.map((w) => (
        <div key={w.code}>
          {readWarningText(w, lang, 'app', w.code === 'invalid-characters' ? t(ENCODING_KEYS[w.encoding]) : undefined)}
          {w.code === 'thousands-separators' && w.repairs.length > 0 && (
            <>
              {' '}
              <button type="button" onClick={repair} disabled={busy}>
                {THOUSANDS_REPAIR.button[lang]}
              </button>
            </>
          )}
        </div>
      ))}
    </div>
  );
}
