// ガイド 手順7: the titles of a table fit on one row. A header of several rows (parent
// titles merged over child titles, `17年` over `総数`) is flattened by joining each
// column's path (`2005年 総数`); a unit row is not a title row (the units rule takes it).
import { type Change, deleteRowsChange, metaChange, removeMergeChange, sameSnapshot } from '../changes.ts';
import { columnLetter, emptyMeta, getCell, getFormat, getValue } from '../model.ts';
import { CellClass, classifyValue } from '../structure/cellClass.ts';
import type { TableStructure } from '../structure/types.ts';
import { columnTitles, titleRowsOf } from '../structure/header.ts';
import { type FixOptions, type SheetView, sheetRule } from './types.ts';

export const rule = sheetRule({
  scope: 'sheet',
  meta: {
    id: 'multi-row-header',
    level: 1,
    severity: 'error',
    family: 'structure',
    guideRef: { guide: '手順7 タイトルを1行に' },
    fixAll: { phase: 'structure', order: 60 },
    title: { ja: '見出しは1行に', en: 'One header row' },
    description: {
      ja: 'データの内容を示すタイトル(見出し)は1行で書きます。階層のある見出しは、言葉を補って1行にまとめます。',
      en: 'Column titles take one row; a hierarchy of titles is spelled out on that row.',
    },
    messages: {
      rows: {
        ja: '見出しが{count}行({first}〜{last}行目)にわたっています。例:「{example}」',
        en: 'The header spans {count} rows ({first}–{last}). Example: "{example}"',
      },
      none: { ja: '見出し行が見つかりません。', en: 'No header row was found.' },
      spannedTitle: {
        ja: '{col}列の見出しは空白です。左の「{title}」が行ラベルの列にまたがって書かれたものとみて、「{filled}」とします。',
        en: 'The title of column {col} is blank; "{title}" on its left is read as written once over the row-label columns: "{filled}".',
      },
      nameSpanned: { ja: '見出しを入れる', en: 'Fill in the title' },
      emptyTitle: {
        ja: '{col}列には値がありますが、見出しがありません。列の内容を表す見出しを入力してください。',
        en: 'Column {col} holds values but has no title; type one that says what the column holds.',
      },
      noneNumbers: {
        ja: '見出し行がありません。数値だけの表なので、見出しはなくても読めます。列の名前があれば1行目に書いてください。',
        en: 'There is no header row. The table holds only numbers, so it reads without one; if its columns have names, write them on the first row.',
      },
      flatten: { ja: '見出しを1行にまとめる(親と子を結合)', en: 'Flatten to one title row (parent + child)' },
      addHeader: { ja: '見出し行を指定する', en: 'Mark the header row' },
    },
  },
  fixOptions: {
    joiner: { default: ' ', label: { ja: '親と子の見出しをつなぐ文字', en: 'Joiner between parent and child titles' } },
  },
  fix: (view, options) => fixHeader(view, options),
  detect(view, report) {
    for (const t of view.structure.tables) {
      const titleRows: number[] = [];
      for (let r = t.headerRows.start; r <= t.headerRows.end; r++) if (!t.unitRows.includes(r)) titleRows.push(r);
      const range = { s: { r: t.headerRows.start, c: t.columns.start }, e: { r: t.headerRows.end, c: t.columns.end } };
      if (titleRows.length === 0) {
        if (t.dataRows.end >= t.dataRows.start) {
          const r = t.dataRows.start;
          const at = { s: { r, c: t.columns.start }, e: { r, c: t.columns.end } };
          // A grid of numbers alone (`1, 2, 3, 4`) has no text a title could be: a machine
          // reads it as it is, so this is advice, never failing.
          if (onlyNumbers(view, t)) report('noneNumbers', at, undefined, { fixId: 'addHeader', severity: 'info' });
          else report('none', at, undefined, { fixId: 'addHeader' });
        }
        continue;
      }
      // A column with values and no title in any title row (nor an English one): only the
      // user knows its name, so it is asked for, never made up. Over the row labels (a blank
      // corner) a reader still knows what the rows are: advice, not failing.
      const titles = flattenTitles(view, t, ' ');
      // A one-row header: a label column's title written once over its neighbours is filled in here.
      if (titleRows.length === 1) {
        for (const x of spannedTitles(view, titles, titleRows[0])) {
          report('spannedTitle', { r: titleRows[0], c: x.c }, { col: columnLetter(x.c), title: x.from, filled: x.title }, { fixId: 'nameSpanned' });
        }
      }
      for (const { c, title, en } of titles) {
        if (title !== '' || en || !hasValues(view, t, c)) continue;
        const at = { s: { r: titleRows[0], c }, e: { r: titleRows[titleRows.length - 1], c } };
        const key = t.columnInfo.find((ci) => ci.c === c)?.key ?? false;
        report('emptyTitle', at, { col: columnLetter(c) }, { severity: key ? 'info' : 'warning' });
      }
      if (titleRows.length < 2) continue;
      const deepest = t.columnInfo.reduce((best, ci) => (ci.headerPath.length > best.headerPath.length ? ci : best), t.columnInfo[0]);
      const example = (deepest?.headerPath ?? []).map((p) => p.replace(/\s+/g, '')).join(' ');
      report('rows', range, { count: titleRows.length, first: titleRows[0] + 1, last: titleRows[titleRows.length - 1] + 1, example }, { fixId: 'flatten' });
    }
  },
});

/**
 * Blank title cells of a one-row header named by the label column's title written once over
 * them (header.ts numbers them: `第1当事者（2）`), with the title they continue.
 */
function spannedTitles(view: SheetView, titles: readonly { c: number; title: string }[], row: number): { c: number; title: string; from: string }[] {
  const { sheet } = view;
  const out: { c: number; title: string; from: string }[] = [];
  for (const x of titles) {
    if (!NUMBERED.test(x.title) || getValue(sheet, row, x.c) !== null) continue;
    if (sheet.merges.some((m) => m.s.r <= row && m.e.r >= row && m.s.c <= x.c && m.e.c >= x.c)) continue;
    let b = x.c - 1;
    while (b >= 0 && getValue(sheet, row, b) === null) b--;
    const from = b >= 0 ? String(getValue(sheet, row, b)).trim() : '';
    if (from !== '') out.push({ c: x.c, title: x.title, from });
  }
  return out;
}

const NUMBERED = /（[0-9]+）$/;

function hasValues(view: SheetView, t: TableStructure, c: number): boolean {
  for (let r = t.dataRows.start; r <= t.dataRows.end; r++) {
    const v = getValue(view.sheet, r, c);
    if (v !== null && !(typeof v === 'string' && v.trim() === '')) return true;
  }
  return false;
}

/** Every non-empty cell of the table's data is a number (typed, or text that is one). */
function onlyNumbers(view: SheetView, t: TableStructure): boolean {
  for (let r = t.dataRows.start; r <= t.dataRows.end; r++) {
    for (let c = t.columns.start; c <= t.columns.end; c++) {
      const v = getValue(view.sheet, r, c);
      if (v === null) continue;
      if (classifyValue(v, getFormat(view.sheet, r, c)) !== CellClass.Number) return false;
    }
  }
  return true;
}

/**
 * The one-row titles of a table's columns (structure/header.ts): each column's titles from
 * top to bottom, Japanese parts joined with `joiner`, English lines set aside.
 */
export function flattenTitles(view: SheetView, t: TableStructure, joiner: string): { c: number; title: string; en?: string }[] {
  return columnTitles(view.sheet, t, joiner).map(({ c, title, en }) => ({ c, title, en }));
}

/**
 * Flattens every multi-row header: the first title row receives the joined titles, the
 * other title rows go (unit rows stay, for the units fix), header merges are undone, and
 * English title lines are kept in the column metadata.
 */
function fixHeader(view: SheetView, options: FixOptions): Change[] {
  const joiner = typeof options.joiner === 'string' ? options.joiner : ' ';
  const { sheet } = view;
  const out: Change[] = [];
  let meta = sheet.meta ? structuredClone(sheet.meta) : emptyMeta();
  let metaChanged = false;
  // Bottom-up, so deleting one table's rows does not move the rows of the tables above.
  const tables = [...view.structure.tables].sort((a, b) => b.headerRows.start - a.headerRows.start);
  for (const t of tables) {
    const titleRows = titleRowsOf(t);
    if (titleRows.length === 1) {
      for (const x of spannedTitles(view, flattenTitles(view, t, joiner), titleRows[0])) {
        out.push({ kind: 'cell', sheetId: sheet.id, r: titleRows[0], c: x.c, before: getCell(sheet, titleRows[0], x.c), after: { value: x.title }, ruleId: 'multi-row-header' });
      }
    }
    if (titleRows.length < 2) continue;
    const first = titleRows[0];
    const last = titleRows[titleRows.length - 1];
    const titles = flattenTitles(view, t, joiner);
    for (const m of sheet.merges) {
      if (m.s.r <= last && m.e.r >= first && m.s.c <= t.columns.end && m.e.c >= t.columns.start) out.push(removeMergeChange(sheet, m, 'multi-row-header'));
    }
    for (const { c, title, en } of titles) {
      const before = getCell(sheet, first, c);
      const after = title === '' ? { value: null } : { value: title };
      if (!sameSnapshot(before, after)) out.push({ kind: 'cell', sheetId: sheet.id, r: first, c, before, after, ruleId: 'multi-row-header' });
      if (en) {
        const columns = [...meta.columns];
        columns[c] = { ...columns[c], titleEn: en };
        meta = { ...meta, columns };
        metaChanged = true;
      }
    }
    // The other title rows, bottom-up, one change per run of adjacent rows.
    const rest = titleRows.slice(1).reverse();
    let i = 0;
    while (i < rest.length) {
      let start = rest[i];
      let count = 1;
      while (i + count < rest.length && rest[i + count] === start - 1) {
        start--;
        count++;
      }
      out.push(deleteRowsChange(sheet, start, count, 'multi-row-header'));
      i += count;
    }
  }
  if (metaChanged) out.push(metaChange(sheet, meta, 'multi-row-header'));
  return out;
}
