import fc from 'fast-check';
import { expect, it } from 'vitest';
import { buildMergeIndex } from './mergeIndex.ts';
import type { CellRange } from './model.ts';

it('finds the same merge as a linear scan, for any set of non-overlapping merges', () => {
  const merge = fc.tuple(fc.nat(300), fc.nat(20), fc.nat(150), fc.nat(4)).map(([r, c, h, w]) => ({ s: { r, c }, e: { r: r + h, c: c + w } }));
  fc.assert(
    fc.property(fc.array(merge, { maxLength: 30 }), fc.array(fc.tuple(fc.nat(500), fc.nat(30)), { maxLength: 50 }), (candidates, probes) => {
      const merges: CellRange[] = [];
      const overlaps = (a: CellRange, b: CellRange) => a.s.r <= b.e.r && b.s.r <= a.e.r && a.s.c <= b.e.c && b.s.c <= a.e.c;
      for (const m of candidates) if (!merges.some((x) => overlaps(x, m))) merges.push(m);
      const index = buildMergeIndex(merges);
      for (const [r, c] of probes) {
        const expected = merges.find((m) => r >= m.s.r && r <= m.e.r && c >= m.s.c && c <= m.e.c);
        expect(index.at(r, c)).toBe(expected);
      }
    }),
  );
});
