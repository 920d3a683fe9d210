// Fast "which merge covers this cell" lookups. Merges are bucketed by blocks of rows,
// so a grid render asks a handful of candidates per cell even with 10,000 merges.
import type { CellRange } from './model.ts';

const BLOCK_SHIFT = 6; // 64 rows per bucket

export interface MergeIndex {
  /** The merge covering (r, c), if any. */
  at(r: number, c: number): CellRange | undefined;
  readonly size: number;
}

export function buildMergeIndex(merges: readonly CellRange[]): MergeIndex {
  const buckets = new Map<number, CellRange[]>();
  for (const m of merges) {
    for (let b = m.s.r >> BLOCK_SHIFT; b <= m.e.r >> BLOCK_SHIFT; b++) {
      let list = buckets.get(b);
      if (!list) buckets.set(b, (list = []));
      list.push(m);
    }
  }
  return {
    size: merges.length,
    at(r, c) {
      const list = buckets.get(r >> BLOCK_SHIFT);
      if (!list) return undefined;
      for (const m of list) if (r >= m.s.r && r <= m.e.r && c >= m.s.c && c <= m.e.c) return m;
      return undefined;
    },
  };
}
