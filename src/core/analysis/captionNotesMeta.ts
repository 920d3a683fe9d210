// The metadata a table's caption, note and source rows stand for (guide 手順4 / 総務省 1-2):
// the caption-notes fix stores it, and the export uses it for a table whose caption and
// notes are still rows, so they are never lost on the way out.
import { type TableMeta, emptyMeta, getValue } from '../model.ts';
import { isUnitNote } from '../structure/cellClass.ts';
import { isSentence } from '../structure/lineText.ts';
import type { TableStructure } from '../structure/types.ts';
import { dateFromLines, findStatedDate, latestYear } from '../text/dateLine.ts';
import { findLayoutSpaces } from '../text/layoutSpaces.ts';
import { creatorOf, organisationOf, parseNoteLine } from '../text/notes.ts';
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
  // What the table states about itself besides its caption (SPEC §4): a date line
  // (`平成27年８月1日現在`) and the organisation that made it, in its caption rows or in
  // cells of its header band (where the detection may have put such lines), the years
  // it covers (for a year-less `10月1日現在`), and the remarks under it.
  const text = (r: number, c: number) => {
    const v = getValue(sheet, r, c);
    return v === null || v === '' ? '' : typeof v === 'object' ? v.error : String(v).trim();
  };
  const isDateOrMaker = (s: string) => findStatedDate(s)?.start === 0 || organisationOf(s) !== undefined;
  const captionCells: string[] = [];
  const headerCells: string[] = [];
  const yearTexts: string[] = [];
  // Rows the user marked 日付 or 出典 give the date and the source, never caption text or
  // notes: their cells are read for a date and an organisation first, and a row that
  // holds neither is taken as written (the user said what it is).
  const dateCells: string[][] = [];
  const captionRemarks: string[] = [];
  const sourceCells: string[][] = [];
  for (const t of view.structure.tables) {
    const lines: string[] = [];
    let above = new Set<number>();
    const dated = new Set(t.dateRows ?? []);
    const sourced = new Set(t.sourceRows ?? []);
    const cellsOf = (r: number) => {
      const out: string[] = [];
      for (let c = t.range.s.c; c <= t.range.e.c; c++) if (text(r, c)) out.push(text(r, c));
      return out;
    };
    for (const r of dated) dateCells.push(cellsOf(r));
    for (const r of sourced) sourceCells.push(cellsOf(r));
    for (const r of t.captionRows) {
      if (dated.has(r) || sourced.has(r)) continue;
      const cells: string[] = [];
      const taken = new Set<number>();
      for (let c = t.range.s.c; c <= t.range.e.c; c++) {
        const s = text(r, c);
        if (s === '') continue;
        captionCells.push(s);
        // A date or the maker's name in a caption row is metadata of its own, not caption
        // text; so is its English form printed right under it (`As of Aug.1,2015`).
        if (isDateOrMaker(s) || (above.has(c) && /^[\x20-\x7e]+$/.test(s))) taken.add(c);
        // The unit line (`（単位：人，‰）`) is the units rule's; a sentence beside the caption
        // (`…の人口は国勢調査結果に基づいて，`) remarks on the table: a note, not caption text.
        else if (isUnitNote(s)) continue;
        else if (isSentence(s)) captionRemarks.push(s);
        else cells.push(s);
      }
      above = taken;
      if (cells.length) lines.push(cells.join(' '));
    }
    for (let r = t.headerRows.start; r <= t.headerRows.end; r++) for (let c = t.range.s.c; c <= t.range.e.c; c++) if (text(r, c)) headerCells.push(text(r, c));
    for (const ci of t.columnInfo) {
      if (!ci.key && ci.kind !== 'period') continue;
      for (let r = t.dataRows.start; r <= t.dataRows.end; r++) if (text(r, ci.c)) yearTexts.push(text(r, ci.c));
    }
    // Layout spaces in a printed caption (`神　戸　市`) are not part of it.
    const caption = lines.join(' ');
    if (caption) captions.push(findLayoutSpaces(caption)?.fixed ?? caption);
    for (const r of t.noteRows) {
      if (dated.has(r) || sourced.has(r)) continue;
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
  const said = captionRemarks.join('');
  if (said && !meta.notes.some((n) => n.mark === undefined && n.text === said)) meta.notes.unshift({ text: said });
  const marked = [...dateCells, ...sourceCells].flat();
  for (const cells of sourceCells.filter((x) => x.length > 0)) {
    // The organisation's cell is the source (a date beside it on the row is the date's).
    const org = cells.find((x) => organisationOf(x) !== undefined);
    const line = org ?? cells.join(' ');
    const source = parseNoteLine(line).source ?? line;
    meta.source = meta.source ? `${meta.source} ${source}` : source;
    meta.creator ??= organisationOf(line) ?? creatorOf(source);
  }
  const year = latestYear([...marked, ...captionCells, ...headerCells, ...yearTexts]);
  meta.date ??= dateFromLines(marked, year);
  const markedDate = dateCells.find((x) => x.length > 0);
  if (markedDate) meta.date ??= markedDate.join(' ');
  meta.creator ??= marked.map((x) => organisationOf(x)).find(Boolean);
  const remarks = meta.notes.filter((n) => n.mark === undefined).map((n) => n.text);
  meta.date ??= dateFromLines(captionCells, year) ?? dateFromLines(headerCells, year, { atStart: true }) ?? dateFromLines(remarks, year, { atStart: true });
  meta.creator ??= captionCells.map((s) => organisationOf(s)).find(Boolean) ?? headerCells.map((s) => organisationOf(s, { strict: true })).find(Boolean);
  return meta;
}
