// The cells a change list changes, before → after (a fix's preview, a replacement's), the
// first `limit` of them and how many more there are.
import type { Change } from '../core/changes.ts';
import { cellAddress } from '../core/model.ts';
import { storedValueText } from './cellDescription.ts';
import { useT } from './context.ts';

export function CellDiffTable({ changes, limit }: { changes: readonly Change[]; limit: number }) {
  const t = useT();
  const cells = changes.flatMap((c) => (c.kind === 'cell' ? [c] : []));
  if (cells.length === 0) return null;
  const shown = (v: Parameters<typeof storedValueText>[0]) => (v === null ? t('fix.empty') : storedValueText(v));
  return (
    <>
      <table className="diff">
        <tbody>
          {cells.slice(0, limit).map((c, i) => (
            <tr key={i}>
              <th>{cellAddress(c.r, c.c)}</th>
              <td className="before">{shown(c.before.value)}</td>
              <td>→</td>
              <td className="after">
                {shown(c.after.value)}
                {c.after.note && c.after.note !== c.before.note ? ` [${c.after.note}]` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {cells.length > limit && <div className="muted">{t('fix.more', { count: cells.length - limit })}</div>}
    </>
  );
}
