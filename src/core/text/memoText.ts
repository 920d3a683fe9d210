// A function of a short text, worked out once per distinct text: the labels of a statistics
// table repeat down its columns (a name, a code, `-`, `x` on thousands of rows). Bounded, so
// a sheet of distinct texts costs a few map lookups, not memory; long texts, which seldom
// repeat, are not kept.
export function memoText<T>(fn: (text: string) => T, limit = 50_000, longest = 48): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    if (text.length > longest) return fn(text);
    let v = known.get(text);
    if (v === undefined && !known.has(text)) {
      if (known.size >= limit) known.clear();
      v = fn(text);
      known.set(text, v);
    }
    return v as T;
  };
}
