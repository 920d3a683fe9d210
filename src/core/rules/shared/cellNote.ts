// A cell's note as the fixes write it: what a fix takes out of a cell (a footnote mark, 約,
// a unit the column cannot take, a symbol it blanks) is kept in the note.

/** Cell notes are one string: parts joined by a space (`約 1)`), each part once. */
export function joinNotes(existing: string | undefined, parts: readonly string[]): string | undefined {
  const all = existing === undefined || existing === '' ? [] : existing.split(' ');
  for (const p of parts) if (p !== '' && !all.includes(p)) all.push(p);
  return all.length ? all.join(' ') : existing;
}
