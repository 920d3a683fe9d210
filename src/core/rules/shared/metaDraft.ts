// The sheet's metadata as a fix edits it: a copy the fix changes as it goes, written back as
// one metadata change at the end of the fix's list (only when something changed).
import { type Change, metaChange } from '../../changes.ts';
import { type Sheet, type TableMeta, type TableNote, emptyMeta } from '../../model.ts';

/** The sheet's metadata being edited by a fix: a copy, and whether it changed. */
export interface MetaDraft {
  meta: TableMeta;
  changed: boolean;
}

export function metaDraft(sheet: Sheet): MetaDraft {
  return { meta: sheet.meta ? structuredClone(sheet.meta) : emptyMeta(), changed: false };
}

/** The draft as the last change of a fix's list, when it changed. */
export function draftChanges(sheet: Sheet, draft: MetaDraft, ruleId: string): Change[] {
  return draft.changed ? [metaChange(sheet, draft.meta, ruleId)] : [];
}

/** Adds a note unless one with the same mark is there. */
export function addMetaNote(draft: MetaDraft, note: TableNote): void {
  if (draft.meta.notes.some((n) => n.mark !== undefined && n.mark === note.mark)) return;
  draft.meta.notes.push(note);
  draft.changed = true;
}
