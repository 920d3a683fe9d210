// The metadata a table's caption, note and source rows stand for (guide 手順4 / 総務省 1-2):
// the caption-notes fix stores it, and the export uses it for a table whose caption and
// notes are still rows, so they are never lost on the way out.
import { type TableMeta, emptyMeta, getValue } from '../model.ts';
import type { TableStructure } from '../structure/types.ts';
import { creatorOf, parseNoteLine } from '../text/notes.ts';
import type { SheetView } from './view.ts';

/** All text of one row of a table, cells joined by a space, layout spaces kept as written. */
function fullRowText(view: SheetView, t: TableStructure, r: number): string {
  const parts: string[] = [];
  for (let c = t.range.s.c; c <= t.range.e.c; c++) {
    const v = getValue(view.sheet, r, c);
    if (v !== null && v !== '') parts.push(typeof v === 'object' ? v.error : String(v).trim());
  }
  return parts.join(' ');
}

/**
 * The metadata the caption rows, note rows and source rows of the sheet stand for, merged
 * into what the sheet's metadata already holds.
 */
export function captionNotesMeta(view: SheetView): TableMeta {
  const { sheet } = view;
  const meta = sheet.meta ? structuredClone(sheet.meta) : emptyMeta();
  const captions: string[] = meta.caption ? [meta.caption] : [];
  for (const t of view.structure.tables) {
    const caption = t.captionRows.map((r) => fullRowText(view, t, r)).filter(Boolean).join(' ');
    if (caption) captions.push(caption);
    for (const r of t.noteRows) {
      const parsed = parseNoteLine(fullRowText(view, t, r));
      if (parsed.source) {
        meta.source = meta.source ? `${meta.source} ${parsed.source}` : parsed.source;
        meta.creator ??= creatorOf(parsed.source);
      }
      for (const n of parsed.notes) {
        // A mark listed earlier without its text (by the labels fix) gets the text now.
        const listed = meta.notes.find((x) => x.mark !== undefined && x.mark === n.mark && x.text === '');
        if (listed) listed.text = n.text;
        else if (!meta.notes.some((x) => x.mark === n.mark && x.text === n.text)) meta.notes.push(n);
      }
    }
  }
  if (captions.length) meta.caption = captions.join(' / ');
  return meta;
}
