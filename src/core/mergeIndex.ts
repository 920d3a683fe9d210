// Fast "which merge covers this cell" lookups (merges never overlap, so at most one).
import type { CellRange } from './model.ts';
import { buildRangeIndex } from './rangeIndex.ts';

export interface MergeIndex {
  /** The merge covering (r, c), if any. */
  at(r: number, c: number): CellRange | undefined;
  readonly size: number;
}

export function buildMergeIndex(merges: readonly CellRange[]): MergeIndex {
  const index = buildRangeIndex(merges, (m) => m);
  return { size: index.size, at: (r, c) => index.first(r, c) };
}
