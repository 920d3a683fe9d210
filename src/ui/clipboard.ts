// Copy and paste as spreadsheet programs do it: a range travels as tab-separated text
// (what Excel and LibreOffice Calc put on the clipboard and read from it), a field
// holding a tab, a line break or a quote is quoted with its quotes doubled. A paste is
// one command: every cell it changes, one step of the recipe, one undo.
import type { Command } from '../core/history.ts';
import type { MergeIndex } from '../core/mergeIndex.ts';
import type { CellRange, Sheet, Workbook } from '../core/model.ts';
import { typedChange } from '../core/cellInput.ts';
import { cellRef } from '../core/recipe.ts';
import { detectStructure } from '../core/structure/detect.ts';
import type { TableStructure } from '../core/structure/types.ts';
import type { Change } from '../core/changes.ts';

/** The range as the clipboard's text: rows end with CRLF, as Excel writes them. */
export function toTsv(rows: string[][]): string {
  const field = (s: string) => (/[\t\r\n"]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return rows.map((row) => `${row.map(field).join('\t')}\r\n`).join('');
}

/** Tab-separated text from the clipboard as rows of fields (the last line break ends the last row). */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let atFieldStart = true;
  while (i < text.length) {
    const ch = text[i];
    if (atFieldStart && ch === '"') {
      // A quoted field: up to the quote that is not doubled. A quote that never closes is text.
      const close = findClosingQuote(text, i + 1);
      if (close >= 0) {
        field = text.slice(i + 1, close).replace(/""/g, '"');
        i = close + 1;
        atFieldStart = false;
        continue;
      }
    }
    atFieldStart = false;
    if (ch === '\t') {
      row.push(field);
      field = '';
      atFieldStart = true;
      i++;
    } else if (ch === '\r' || ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      atFieldStart = true;
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += ch;
      i++;
    }
  }
  if (!atFieldStart || field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function findClosingQuote(text: string, from: number): number {
  for (let j = from; j < text.length; j++) {
    if (text[j] !== '"') continue;
    if (text[j + 1] === '"') {
      j++;
      continue;
    }
    const next = text[j + 1];
    return next === undefined || next === '\t' || next === '\r' || next === '\n' ? j : -1;
  }
  return -1;
}

/** A range with its corners in order. */
export function normalRange(a: { r: number; c: number }, b: { r: number; c: number }): CellRange {
  return { s: { r: Math.min(a.r, b.r), c: Math.min(a.c, b.c) }, e: { r: Math.max(a.r, b.r), c: Math.max(a.c, b.c) } };
}

export interface PasteTarget {
  workbook: Workbook;
  sheet: Sheet;
  /** The selected range: the paste starts at its top-left cell; one copied cell fills all of it. */
  range: CellRange;
  merges: MergeIndex;
  /** The sheet's tables, for recording the cells by row key and column title. */
  tables?: TableStructure[];
}

/**
 * The command that pastes `rows` into the sheet, or null when it changes nothing. What
 * falls outside the sheet is left out (the sheet does not grow), and so are cells a
 * merge covers (only a merge's top-left cell holds a value).
 */
export function pasteCommand({ workbook, sheet, range, merges, tables }: PasteTarget, rows: string[][]): Command | null {
  if (rows.length === 0) return null;
  const found = tables ?? detectStructure(sheet).tables;
  const single = rows.length === 1 && rows[0].length === 1;
  const height = single ? range.e.r - range.s.r + 1 : rows.length;
  const width = single ? range.e.c - range.s.c + 1 : Math.max(...rows.map((row) => row.length));
  const changes: Change[] = [];
  const cells: Extract<Command['step'], { kind: 'paste' }>['cells'] = [];
  for (let i = 0; i < height; i++) {
    const r = range.s.r + i;
    if (r >= sheet.rowCount) break;
    for (let j = 0; j < width; j++) {
      const c = range.s.c + j;
      if (c >= sheet.columns.length) break;
      const text = single ? rows[0][0] : rows[i][j];
      if (text === undefined) continue;
      const m = merges.at(r, c);
      if (m && (m.s.r !== r || m.s.c !== c)) continue;
      const ch = typedChange(workbook, sheet, r, c, text, found);
      if (!ch) continue;
      changes.push(ch);
      cells.push({ ...cellRef(sheet, r, c, found), text });
    }
  }
  if (changes.length === 0) return null;
  return { changes, step: { kind: 'paste', sheet: sheet.name, cells } };
}
