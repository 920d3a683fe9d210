// ガイド 手順1 / 総務省 2-2: one table per sheet. Several blocks separated by blank rows
// or columns, each with its own header, are separate tables; a key column repeated at
// the right edge of a wide table (for reading on paper) is a copy, not data.
import { captionNotesMeta } from '../analysis/captionNotesMeta.ts';
import { buildSheetView } from '../analysis/view.ts';
import { type Change, deleteColumnsChange, deleteRowsChange, metaChange, removeMergeChange } from '../changes.ts';
import { type CellRange, type Sheet, type TableMeta, type TableNote, columnLetter, emptyMeta, getValue, rangeAddress, sliceColumn } from '../model.ts';
import type { TableStructure } from '../structure/types.ts';
import { findFootnoteMarks, footnoteId } from '../text/footnoteMarks.ts';
import { type SheetView, sheetRule } from './types.ts';

export const rule = sheetRule({
  scope: 'sheet',
  meta: {
    id: 'one-table',
    level: 1,
    severity: 'error',
    family: 'structure',
    guideRef: { guide: '手順1 データセットの分割', soumu: '2-2' },
    fixAll: { phase: 'structure', order: 10 },
    title: { ja: '1シートに1つの表', en: 'One table per sheet' },
    description: {
      ja: '1つのシートには1種類の表だけを入れます。複数の表は別々のシート(ファイル)に分けます。',
      en: 'A sheet holds a single table; several tables go to separate sheets (files).',
    },
    messages: {
      several: {
        ja: 'このシートには表が{count}つあります。表{index}({range})を別の表に分けます。',
        en: 'This sheet holds {count} tables. Table {index} ({range}) becomes a table of its own.',
      },
      duplicateColumn: {
        ja: '{column}列は{twin}列(「{title}」)の繰り返しです。',
        en: 'Column {column} repeats column {twin} ("{title}").',
      },
      split: { ja: '表ごとに別のシートに分割', en: 'Split into one sheet per table' },
      dropDuplicate: { ja: '重複した列を削除', en: 'Remove the repeated column' },
    },
  },
  fix: (view) => fixOneTable(view),
  detect(view, report) {
    const { tables } = view.structure;
    if (tables.length > 1) {
      tables.forEach((t, i) => report('several', t.range, { count: tables.length, index: i + 1, range: rangeAddress(t.range) }, { fixId: 'split' }));
    }
    for (const t of tables) {
      const hasHeader = t.headerRows.end >= t.headerRows.start;
      for (const ci of t.columnInfo) {
        if (ci.duplicateOf === undefined) continue;
        report(
          'duplicateColumn',
          { s: { r: hasHeader ? t.headerRows.start : t.dataRows.start, c: ci.c }, e: { r: t.dataRows.end, c: ci.c } },
          { column: columnLetter(ci.c), twin: columnLetter(ci.duplicateOf), title: ci.headerPath.join(' ').replace(/\s+/g, ' ') },
          { fixId: 'dropDuplicate' },
        );
      }
    }
  },
});

/** A new sheet holding exactly the cells, merges and hidden marks of one table's range. */
export function extractTable(sheet: Sheet, t: TableStructure, id: string, name: string): Sheet {
  const { s, e } = t.range;
  const inside = (m: CellRange) => m.s.r >= s.r && m.e.r <= e.r && m.s.c >= s.c && m.e.c <= e.c;
  return {
    id,
    name,
    rowCount: e.r - s.r + 1,
    columns: sheet.columns.slice(s.c, e.c + 1).map((col) => sliceColumn(col, s.r, e.r + 1)),
    formats: [...sheet.formats],
    merges: sheet.merges.filter(inside).map((m) => ({ s: { r: m.s.r - s.r, c: m.s.c - s.c }, e: { r: m.e.r - s.r, c: m.e.c - s.c } })),
    hiddenRows: sheet.hiddenRows.filter((r) => r >= s.r && r <= e.r).map((r) => r - s.r),
    hiddenCols: sheet.hiddenCols.filter((c) => c >= s.c && c <= e.c).map((c) => c - s.c),
    colWidths: sheet.colWidths?.slice(s.c, e.c + 1),
  };
}

/** An id no sheet of the workbook has: `<sheet>-t2`, `<sheet>-t3`… however many splits ran before. */
function freshId(base: string, taken: Set<string>, from: number): string {
  let k = from;
  while (taken.has(`${base}-t${k}`)) k++;
  const id = `${base}-t${k}`;
  taken.add(id);
  return id;
}

/** A sheet name Excel accepts (≤ 31 characters, none of : \ / ? * [ ]), unique in `taken`. */
function sheetName(base: string, taken: Set<string>): string {
  const clean = base.replace(/[:\\/?*[\]]/g, '_').slice(0, 28);
  let name = clean;
  for (let i = 2; taken.has(name); i++) name = `${clean.slice(0, 26)}_${i}`;
  taken.add(name);
  return name;
}

/**
 * Splits the sheet: every table after the first moves to a sheet of its own (with its
 * caption and notes), the first stays; then repeated key columns are dropped. All of it
 * is changes, so undo puts the sheet back as it was.
 */
function fixOneTable(view: SheetView): Change[] {
  const { sheet } = view;
  const out: Change[] = [];
  const tables = view.structure.tables;
  let keep = tables[0];
  if (!keep) return out;
  if (tables.length > 1) {
    const taken = new Set(view.sheetNames.map((x) => x.name));
    const ids = new Set(view.sheetNames.map((x) => x.id));
    let after = sheet.id;
    const shared = sharedMeta(view);
    tables.slice(1).forEach((t, i) => {
      const extracted = extractTable(sheet, t, freshId(sheet.id, ids, i + 2), sheetName(`${sheet.name} (${i + 2})`, taken));
      const meta = shared.for(t, emptyMeta());
      if (meta) extracted.meta = meta;
      out.push({ kind: 'sheet', op: 'add', afterId: after, sheet: extracted, ruleId: 'one-table' });
      after = extracted.id;
    });
    const kept = shared.for(keep, sheet.meta ?? emptyMeta());
    if (kept) out.push(metaChange(sheet, kept, 'one-table'));
    const { s, e } = keep.range;
    for (const m of sheet.merges) {
      if (!(m.s.r >= s.r && m.e.r <= e.r && m.s.c >= s.c && m.e.c <= e.c)) out.push(removeMergeChange(sheet, m, 'one-table'));
    }
    if (e.r + 1 < sheet.rowCount) out.push(deleteRowsChange(sheet, e.r + 1, sheet.rowCount - e.r - 1, 'one-table'));
    if (s.r > 0) out.push(deleteRowsChange(sheet, 0, s.r, 'one-table'));
    const width = sheet.columns.length;
    if (e.c + 1 < width) out.push(deleteColumnsChange(sheet, e.c + 1, width - e.c - 1, 'one-table'));
    if (s.c > 0) out.push(deleteColumnsChange(sheet, 0, s.c, 'one-table'));
    // What remains is the first table, moved to A1.
    keep = { ...keep, columnInfo: keep.columnInfo.map((ci) => ({ ...ci, c: ci.c - s.c, duplicateOf: ci.duplicateOf === undefined ? undefined : ci.duplicateOf - s.c })) };
    if (keep.columnInfo.some((ci) => ci.duplicateOf !== undefined)) return out; // the repeated column goes in a second step, on the new layout
  }
  // Repeated key columns, right to left; merges over them are undone first.
  const dups = keep.columnInfo.filter((ci) => ci.duplicateOf !== undefined).map((ci) => ci.c).sort((a, b) => b - a);
  for (const c of dups) {
    for (const m of sheet.merges) if (m.s.c <= c && m.e.c >= c) out.push(removeMergeChange(sheet, m, 'one-table'));
    out.push(deleteColumnsChange(sheet, c, 1, 'one-table'));
  }
  return out;
}

/**
 * What the tables of one sheet state for all of them: the date, the maker and the source
 * one table's caption or notes give (`平成27年８月1日現在`, `神戸市企画調整局…` over the first
 * table), and the footnotes the notes under one table define for marks another uses
 * (`a)`, `b)`, `※` on the first table, explained under the last). A table split off keeps
 * them; its own, where it states any, win.
 */
function sharedMeta(view: SheetView): { for(t: TableStructure, base: TableMeta): TableMeta | undefined } {
  const { sheet } = view;
  const own = new Map(view.structure.tables.map((t) => [t, captionNotesMeta(buildSheetView(sheet, view.date1904, { ...view.structure, tables: [t] }))]));
  const metas = [...own.values()];
  const pick = (key: 'date' | 'creator' | 'source') => metas.map((m) => m[key]).find((v) => v !== undefined && v !== '');
  const stated = { date: pick('date'), creator: pick('creator'), source: pick('source') };
  const definitions = new Map<string, TableNote>();
  for (const m of metas) for (const n of m.notes) if (n.mark !== undefined && n.text !== '' && !definitions.has(footnoteId(n.mark))) definitions.set(footnoteId(n.mark), n);
  return {
    for(t, base) {
      const mine = own.get(t);
      const meta: TableMeta = structuredClone(base);
      let changed = false;
      for (const key of ['date', 'creator', 'source'] as const) {
        if (mine?.[key] || meta[key] || !stated[key]) continue;
        meta[key] = stated[key];
        changed = true;
      }
      const listed = new Set([...(mine?.notes ?? []), ...meta.notes].flatMap((n) => (n.mark !== undefined && n.text !== '' ? [footnoteId(n.mark)] : [])));
      for (const id of marksUsed(sheet, t)) {
        const def = definitions.get(id);
        if (!def || listed.has(id)) continue;
        meta.notes.push({ ...def });
        listed.add(id);
        changed = true;
      }
      return changed ? meta : undefined;
    },
  };
}

/** The ids of the footnote marks on the header and data cells of `t` (`a)`, `※`). */
function marksUsed(sheet: Sheet, t: TableStructure): Set<string> {
  const ids = new Set<string>();
  const top = t.headerRows.end >= t.headerRows.start ? t.headerRows.start : t.dataRows.start;
  for (let r = top; r <= t.dataRows.end; r++) {
    for (let c = t.columns.start; c <= t.columns.end; c++) {
      const v = getValue(sheet, r, c);
      if (typeof v !== 'string') continue;
      const found = findFootnoteMarks(v, r < t.dataRows.start ? 'title' : 'value') ?? findFootnoteMarks(v, 'title');
      for (const m of found?.marks ?? []) ids.add(m.id);
    }
  }
  return ids;
}
