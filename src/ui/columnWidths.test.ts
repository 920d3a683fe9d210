import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildMergeIndex } from '../core/mergeIndex.ts';
import { newSheet, setCell } from '../core/model.ts';
import { formatValue } from '../core/numberFormat.ts';
import { estimateColumnWidths } from './columnWidths.ts';

describe('column widths', () => {
  it('reads integers in General without formatting them: Excel shows them as written', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(1e11 - 1), max: 1e11 - 1 }), (n) => {
        expect(formatValue(n, 'General')).toBe(String(n));
      }),
      { numRuns: 5000 },
    );
  });

  it('widens a column to its longest usual text, not to one long note', () => {
    const sheet = newSheet('s', 'S', 30, 2);
    for (let r = 0; r < 29; r++) {
      setCell(sheet, r, 0, { value: 1234567 + r });
      setCell(sheet, r, 1, { value: 0.5 });
    }
    setCell(sheet, 29, 0, { value: '注：この表の数値は各年10月1日現在の推計人口であり、国勢調査の結果とは一致しない。' });
    const [a, b] = estimateColumnWidths(sheet, false, buildMergeIndex([]));
    expect(a).toBe(Math.round(7 * 7.5 + 22));
    expect(b).toBe(48);
  });
});
