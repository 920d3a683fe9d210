// The titles of a table's columns, read from its header rows the way a reader reads them:
// a merged parent counts for every column it spans; a parent written once over blank cells
// (a CSV has no merges) counts for the children under those blanks; English lines and
// English-only cells of a bilingual header are set aside; layout spaces and line breaks
// go. One title per column, parent first: `人口 総数`, `災害ごとの注意事項 津波`.
import { buildMergeIndex } from '../mergeIndex.ts';
import { type Sheet, getValue } from '../model.ts';
import { isEnglishOnly, splitBilingual } from '../text/bilingual.ts';
import { withoutLayoutSpaces } from '../text/layoutSpaces.ts';
import type { Band, TableStructure } from './types.ts';

export interface ColumnTitle {
  c: number;
  /** The Japanese (or only) title parts, top to bottom, cleaned. */
  parts: string[];
  /** The joined title: what the one title row says. */
  title: string;
  /** English title, when the header is bilingual. */
  en?: string;
}

const text = (v: ReturnType<typeof getValue>): string => (v === null ? '' : typeof v === 'object' ? v.error : String(v));

/** Header rows that hold titles (unit rows are the units rule's). */
export function titleRowsOf(t: TableStructure): number[] {
  const units = new Set(t.unitRows);
  const rows: number[] = [];
  for (let r = t.headerRows.start; r <= t.headerRows.end; r++) if (!units.has(r)) rows.push(r);
  return rows;
}

/**
 * The raw text each title row gives each column: a merge's text for every column it spans
 * (once, on its first row), a cell's own text, or, for a blank cell, the parent written
 * to its left on the same row when there are children under both (a CSV header).
 */
export function headerCells(sheet: Sheet, columns: Band, titleRows: readonly number[]): Map<number, string[]> {
  const merges = buildMergeIndex(sheet.merges);
  const out = new Map<number, string[]>();
  for (let c = columns.start; c <= columns.end; c++) out.set(c, []);
  titleRows.forEach((r, i) => {
    const below = titleRows[i + 1];
    let parent: string | undefined;
    for (let c = columns.start; c <= columns.end; c++) {
      const m = merges.at(r, c);
      let cell: string;
      if (m) cell = m.s.r === r ? text(getValue(sheet, m.s.r, m.s.c)).trim() : '';
      else cell = text(getValue(sheet, r, c)).trim();
      const child = below !== undefined && (text(getValue(sheet, below, c)).trim() !== '' || !!merges.at(below, c));
      if (cell !== '') {
        parent = m ? undefined : child ? cell : undefined;
        out.get(c)!.push(cell);
        continue;
      }
      // Covered by a merge from above: the merge's own row already gave its text.
      if (m) {
        parent = undefined;
        continue;
      }
      if (parent !== undefined && child) out.get(c)!.push(parent);
      else parent = undefined;
    }
  });
  return out;
}

function cleanPart(s: string): string {
  return withoutLayoutSpaces(s.replace(/[\r\n]+/g, ' ')).trim();
}

/** One title per column of `t`, from its header rows. */
export function columnTitles(sheet: Sheet, t: TableStructure, joiner = ' '): ColumnTitle[] {
  const cells = headerCells(sheet, t.columns, titleRowsOf(t));
  const out: ColumnTitle[] = [];
  for (let c = t.columns.start; c <= t.columns.end; c++) {
    const raw = cells.get(c) ?? [];
    const hasJapanese = raw.some((p) => !isEnglishOnly(p));
    const ja: string[] = [];
    const en: string[] = [];
    for (const p of raw) {
      if (hasJapanese && isEnglishOnly(p)) {
        if (en[en.length - 1] !== p) en.push(cleanPart(p));
        continue;
      }
      const split = splitBilingual(p);
      const part = cleanPart(split.ja);
      if (part && ja[ja.length - 1] !== part) ja.push(part);
      if (split.en) {
        const e = split.en.replace(/\s+/g, ' ').trim();
        if (en[en.length - 1] !== e) en.push(e);
      }
    }
    out.push({ c, parts: ja, title: ja.join(joiner), en: en.length > 0 ? en.join(' ') : undefined });
  }
  nameTheCorner(t, out, joiner);
  nameEnglishLabelColumns(sheet, t, out);
  numberSpannedCorner(t, out, joiner);
  return out;
}

/**
 * One name written once over several label columns (`第1当事者` over the six levels of the
 * kind of party): each column after the first is that name, numbered as the columns a
 * split adds are (`第1当事者（2）`…), so no title is empty or repeated.
 */
function numberSpannedCorner(t: TableStructure, titles: ColumnTitle[], joiner: string): void {
  const keys = titles.filter((x) => t.columnInfo.find((ci) => ci.c === x.c)?.key);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (k.parts.length === 0) continue;
    let j = 1;
    while (i + j < keys.length && keys[i + j].parts.length === 0 && !keys[i + j].en && keys[i + j].c === k.c + j) {
      const target = keys[i + j];
      target.parts = [...k.parts.slice(0, -1), `${k.parts[k.parts.length - 1]}（${j + 1}）`];
      target.title = target.parts.join(joiner);
      j++;
    }
    i += j - 1;
  }
}

/**
 * A label column written in English beside the Japanese one (`東灘区` | `Higashinada-ku`)
 * under a bilingual corner (`年月 Year and Month / 区別 Ward`) has no header of its own:
 * the corner's English words are its title, and the Japanese ones stay on the left.
 */
function nameEnglishLabelColumns(sheet: Sheet, t: TableStructure, titles: ColumnTitle[]): void {
  for (let i = 0; i + 1 < titles.length; i++) {
    const left = titles[i];
    const right = titles[i + 1];
    if (!left.en || left.parts.length === 0 || right.parts.length > 0 || right.en) continue;
    let english = 0;
    let other = 0;
    for (let r = t.dataRows.start; r <= t.dataRows.end; r++) {
      const v = getValue(sheet, r, right.c);
      if (v === null || v === '') continue;
      if (typeof v === 'string' && /[A-Za-z]/.test(v) && isEnglishOnly(v)) english++;
      else other++;
    }
    if (english < 2 || english < 4 * other) continue;
    // A quoted gloss of a Japanese word (`Ward ("ku")`) explains the title; it is not part of it.
    const title = left.en.replace(/\s*\(["“][^"”]*["”]\)/g, '').trim();
    right.parts = [title];
    right.title = title;
    right.en = title;
  }
}

/** A word that names the axis of the column titles (`年` over a row of years), not a row label. */
const AXIS_WORD = /^(?:年|年次|年度|月|年月|期間|時点)$/;
const PERIOD_TITLE = /^(?:[12][0-9]{3}|(?:明治|大正|昭和|平成|令和)?[0-9０-９元]{1,4})[\s\u3000]*(?:年|年度|月|年[0-9０-９]{1,2}月)?$/;

/**
 * The corner over the label columns of a cross table: the word naming the column axis
 * (`年` above `2010年 2011年…`) is no label column's title, and a corner title that names
 * several label columns at once (`年齢層・状態` over two) gives each its own part.
 */
function nameTheCorner(t: TableStructure, titles: ColumnTitle[], joiner: string): void {
  const keys = titles.filter((x) => t.columnInfo.find((ci) => ci.c === x.c)?.key);
  const values = titles.filter((x) => !keys.includes(x));
  const periods = values.filter((x) => PERIOD_TITLE.test(x.title)).length;
  if (periods >= 2 && periods >= values.length / 2) {
    for (const k of keys) {
      if (k.parts.length === 1 && AXIS_WORD.test(k.parts[0]) && keys.some((o) => o !== k && o.parts.length > 0)) {
        k.parts = [];
        k.title = '';
      }
    }
  }
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (k.parts.length === 0) continue;
    let empty = 0;
    while (i + 1 + empty < keys.length && keys[i + 1 + empty].parts.length === 0 && keys[i + 1 + empty].c === k.c + 1 + empty) empty++;
    if (empty === 0) continue;
    const pieces = k.parts[k.parts.length - 1].split(/[・／/]/).filter(Boolean);
    const parents = k.parts.slice(0, -1);
    if (pieces.length !== empty + 1) continue;
    pieces.forEach((p, j) => {
      const target = keys[i + j];
      target.parts = [...parents, p];
      target.title = target.parts.join(joiner);
    });
    i += empty;
  }
}
