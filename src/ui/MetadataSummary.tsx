// What the fixes have put into the table's Level 2 metadata so far (caption, source,
// notes, units). Read-only here; the editable metadata panel comes with the export.
import { columnLetter } from '../core/model.ts';
import { activeSheet } from '../store/documentStore.ts';
import { useDoc, useT } from './context.ts';

export function MetadataSummary() {
  const t = useT();
  const sheet = useDoc(activeSheet);
  useDoc((s) => s.version);
  const meta = sheet?.meta;
  if (!meta) return null;
  const units = meta.columns
    .map((m, c) => (m && (m.unit || m.baseval) ? `${columnLetter(c)}: ${[m.baseval ? `×${m.baseval}` : '', m.unit ?? ''].filter(Boolean).join(' ')}` : ''))
    .filter(Boolean);
  return (
    <section className="metadata-summary" aria-label={t('meta.title')} data-testid="metadata">
      <h3>{t('meta.title')}</h3>
      <dl>
        {meta.caption && (
          <>
            <dt>{t('meta.caption')}</dt>
            <dd data-testid="meta-caption">{meta.caption}</dd>
          </>
        )}
        {meta.creator && (
          <>
            <dt>{t('meta.creator')}</dt>
            <dd data-testid="meta-creator">{meta.creator}</dd>
          </>
        )}
        {meta.source && (
          <>
            <dt>{t('meta.source')}</dt>
            <dd data-testid="meta-source">{meta.source}</dd>
          </>
        )}
        {units.length > 0 && (
          <>
            <dt>{t('meta.units')}</dt>
            <dd data-testid="meta-units">{units.join(', ')}</dd>
          </>
        )}
      </dl>
      {meta.notes.length > 0 && (
        <ol className="notes" data-testid="meta-notes">
          {meta.notes.map((n, i) => (
            <li key={i}>
              {n.mark && <strong>{n.mark} </strong>}
              {n.text}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
