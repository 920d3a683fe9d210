// Array helpers safe for lists of any length: spreading a list into arguments
// (`push(...list)`, `Math.min(...list)`) throws RangeError past ~100,000 items, which a
// 1,000,000-row sheet reaches (one violation per blank cell).

/** Appends every item of `items` to `target`. */
export function appendAll<T>(target: T[], items: readonly T[]): void {
  for (let i = 0; i < items.length; i++) target.push(items[i]);
}

/** Smallest and largest of `values` (Infinity / -Infinity when empty). */
export function minMax(values: readonly number[]): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { min, max };
}

/** The byte arrays one after another in one new array. */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const p of parts) length += p.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
