/**
 * A document as JSON, for "the same document" in store tests: merges in any order, and a
 * column's note or provenance list that an undo emptied, count as the same.
 */
export function documentContents(wb: unknown): string {
  return JSON.stringify(wb, (k, v) => {
    if ((k === 'provenance' || k === 'notes') && Array.isArray(v) && v.every((x) => x == null)) return undefined;
    if (k === 'merges') return [...(v as { s: { r: number; c: number } }[])].sort((a, b) => a.s.r - b.s.r || a.s.c - b.s.c);
    return v;
  });
}
