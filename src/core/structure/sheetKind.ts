// Whether a sheet holds a data table worth publishing, or is one of the pages that come
// with a workbook: a table of contents (目次), usage notes (利用上の注意, 凡例), or a
// leftover with a few stray cells (`Module1`). 「すべての表をダウンロード」 and
// `seiton clean` leave the others out unless asked (SPEC §2: 目次 and 利用上の注意 sheets are
// not data tables).
//
// Judged from the sheet's name, its first text, and what the detected tables hold: a sheet
// with numbers in its data rows is data unless its name or heading says contents or notes,
// or it is mostly sentences; one without numbers is data unless it is a handful of cells,
// titles without rows under them, or a list of table titles (`第Ⅰ表 …`, `表2-1 …`). A list
// of facilities or shelters (text only) stays data.
import { type Sheet, getValue } from '../model.ts';
import { isNumberText } from '../text/numberText.ts';
import type { SheetStructure } from './types.ts';

export type SheetKind = 'data' | 'contents' | 'notes' | 'stray' | 'empty';

const CONTENTS = /^(?:目次|もくじ|索引|統計表一覧|表一覧|contents|tableofcontents|toc)/i;
const NOTES = /^(?:利用上の注意|ご?利用にあたって|注意事項|凡例|用語の解説|用語の説明|解説|readme)/i;
/** A cell naming a table: `第Ⅰ表`, `第 2 表`, `表2-1`, `表１`. */
const TABLE_REFERENCE = /^(?:第[0-9０-９一二三四五六七八九十ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫIVXivx]+表|表[0-9０-９]+)/;
/** A text this long in most cells is prose, not a table's labels. */
const PROSE_LENGTH = 30;
/** Fewer cells than this, none of them a number: stray cells, not a table. */
const STRAY_CELLS = 6;
/** A text-only table with fewer data rows than this is titles left over, not a list. */
const LIST_ROWS = 3;

/** Spaces, brackets and marks around a heading removed: `【 目 次 】` → `目次`. */
function compact(text: string): string {
  return text.replace(/[\s\u3000【】〔〕［］[\]()（）<>＜＞《》「」『』■□◆◇●○・:：]/g, '');
}

export function sheetKind(sheet: Sheet, structure: SheetStructure): SheetKind {
  const name = compact(sheet.name);
  if (CONTENTS.test(name)) return 'contents';
  if (NOTES.test(name)) return 'notes';

  let cells = 0;
  let longTexts = 0;
  let texts = 0;
  let heading: string | undefined;
  const rowsWithText = new Set<number>();
  const rowsWithReference = new Set<number>();
  for (let r = 0; r < sheet.rowCount; r++) {
    for (let c = 0; c < sheet.columns.length; c++) {
      const v = getValue(sheet, r, c);
      if (v === null || v === '') continue;
      cells++;
      if (typeof v !== 'string') continue;
      const t = v.trim();
      if (t === '') continue;
      heading ??= compact(t);
      texts++;
      rowsWithText.add(r);
      if (t.length >= PROSE_LENGTH) longTexts++;
      if (TABLE_REFERENCE.test(compact(t))) rowsWithReference.add(r);
    }
  }
  if (cells === 0) return 'empty';
  if (heading !== undefined && CONTENTS.test(heading)) return 'contents';
  if (heading !== undefined && NOTES.test(heading)) return 'notes';

  let numbers = 0;
  let dataRows = 0;
  for (const t of structure.tables) {
    for (let r = t.dataRows.start; r <= t.dataRows.end; r++) {
      let filled = 0;
      for (let c = t.columns.start; c <= t.columns.end; c++) {
        const v = getValue(sheet, r, c);
        if (v === null || v === '') continue;
        filled++;
        if (typeof v === 'number' || (typeof v === 'string' && isNumberText(v))) numbers++;
      }
      if (filled >= 2) dataRows++;
    }
  }
  // Sentences in a third of the text cells, and more of them than numbers: a notes page (a split may
  // leave a block of notes with a figure or two in it on a sheet of its own).
  if (texts > 0 && longTexts * 3 >= texts && longTexts > numbers) return 'notes';
  if (numbers > 0) return 'data';
  // Judged from the cells, not the detected rows: the lines of a list of titles may be read as captions.
  if (rowsWithReference.size >= LIST_ROWS && rowsWithReference.size * 2 >= rowsWithText.size) return 'contents';
  if (cells < STRAY_CELLS || dataRows < LIST_ROWS) return 'stray';
  return 'data';
}

/** True when the sheet holds a data table (see `sheetKind`). */
export function isDataSheet(sheet: Sheet, structure: SheetStructure): boolean {
  return sheetKind(sheet, structure) === 'data';
}
