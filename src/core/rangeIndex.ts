// "Which ranges cover this cell" lookups for many ranges (merges, violations). Ranges are
// bucketed by blocks of rows, so a grid render checks a handful of candidates per cell.
import type { CellRange } from './model.ts';

const BLOCK_SHIFT = 6; // 64 rows per bucket

export interface RangeIndex<T> {
  /** Every item whose range covers (r, c), in insertion order. */
  all(r: number, c: number): T[];
  /** The first item whose range covers (r, c). */
  first(r: number, c: number): T | undefined;
  readonly size: number;
}

export function buildRangeIndex<T>(items: readonly T[], rangeOf: (item: T) => CellRange): RangeIndex<T> {
  const buckets = new Map<number, T[]>();
  for (const item of items) {
    const m = rangeOf(item);
    for (let b = m.s.r >> BLOCK_SHIFT; b <= m.e.r >> BLOCK_SHIFT; b++) {
      let list = buckets.get(b);
      if (!list) buckets.set(b, (list = []));
      list.push(item);
    }
  }
  const covers = (item: T, r: number, c: number) => {
    const m = rangeOf(item);
    return r >= m.s.r && r <= m.e.r && c >= m.s.c && c <= m.e.c;
  };
  return {
    size: items.length,
    all(r, c) {
      return (buckets.get(r >> BLOCK_SHIFT) ?? []).filter((item) => covers(item, r, c));
    },
    first(r, c) {
      return buckets.get(r >> BLOCK_SHIFT)?.find((item) => covers(item, r, c));
    },
  };
}
