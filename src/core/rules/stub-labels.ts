// ガイド 手順5–6 / 総務省 1-4, 1-6: a row label must stand whole in its own cell on every
// row it labels. Printed tables break labels up for the page: written vertically one
// character per cell down a group of rows (`9`/`歳`/`以`/`下`), or wrapped onto a row of
// their own with no values (`４．生産・輸入品に課される税` / `（控除）補助金`). A machine reads
// `歳` as a label of its own. What the stub is comes from structure/stub.ts.
import { type Change, deleteColumnsChange, deleteRowsChange, removeMergeChange } from '../changes.ts';
import { type Sheet, emptyColumn, getCell, rangeAddress } from '../model.ts';
import { type SectionRow, blankRow, sectionRows, spreadPeriods, verticalLabels, wrappedLabels } from '../structure/stub.ts';
import type { TableStructure } from '../structure/types.ts';
import { type SheetView, sheetRule } from './types.ts';

export const rule = sheetRule({
  scope: 'sheet',
  meta: {
    id: 'stub-labels',
    level: 1,
    severity: 'error',
    family: 'merge',
    guideRef: { guide: '手順5 セル結合の解除・手順6 省略されたセルのコピー', soumu: '1-4' },
    // Before the fill-down, which must not copy a label's pieces into the rows below.
    fixAll: { phase: 'structure', order: 45 },
    title: { ja: '分かれた行ラベル', en: 'Split row labels' },
    description: {
      ja: '行のラベル（表側）は、その行ごとに1つのセルにまとめて書きます。縦書きで1文字ずつセルに分けたり、次の行に折り返したりすると、機械には別のラベルに見えます。',
      en: 'Each row label goes whole into one cell on every row it labels; a label written down the cells one character at a time, or wrapped onto the next row, reads as several labels.',
    },
    messages: {
      vertical: {
        ja: '{range} の「{parts}」は縦書きの1つのラベル「{label}」です。',
        en: '"{parts}" in {range} is one label written vertically: "{label}".',
      },
      wrapped: {
        ja: '{row}行目の「{text}」は上の行のラベル「{above}」の続きです。',
        en: '"{text}" on row {row} continues the label "{above}" of the row above.',
      },
      period: {
        ja: '{range} の年は元号・年の数・「年」が別々のセルに書かれています（{example}）。',
        en: 'The years in {range} are written with the era, the number and 年 in separate cells ({example}).',
      },
      section: {
        ja: '{row}行目の「{text}」は、下の行のまとまり（区分）の名前だけの行です。機械には値がすべて空の行に見えます。',
        en: 'Row {row} holds only "{text}", the name of the group of rows under it; a machine reads it as a row with every value missing.',
      },
      joinPeriod: { ja: '1つのセルにまとめ、元号と「年」の列を削除', en: 'Put each year in one cell and remove the era and 年 columns' },
      sectionColumn: { ja: '区分の名前を表の左端の列に移して各行に入れ、名前だけの行を削除', en: "Move each group's name into a column at the left, on each of its rows, and remove the name rows" },
      spell: { ja: '各行に「{label}」を入れる', en: 'Put "{label}" on each of its rows' },
      join: { ja: '上のラベルにつなげ、この行を削除', en: 'Join it to the label above and remove the row' },
    },
  },
  fix: (view) => fixStubLabels(view),
  detect(view, report) {
    const { sheet } = view;
    for (const t of view.structure.tables) {
      for (const v of verticalLabels(sheet, t)) {
        const range = { s: { r: v.start, c: v.c }, e: { r: v.end, c: v.c } };
        const parts = v.cells.map((r) => String(sheet.columns[v.c].values[r] ?? '').trim()).join('・');
        report('vertical', range, { range: rangeAddress(range), parts, label: v.label }, { fixId: 'spell' });
      }
      for (const p of spreadPeriods(sheet, t)) {
        const range = { s: { r: t.dataRows.start, c: p.era }, e: { r: t.dataRows.end, c: p.suffix ?? p.year } };
        report('period', range, { range: rangeAddress(range), example: p.rows[0]?.label ?? '' }, { fixId: 'joinPeriod' });
      }
      for (const x of sectionRows(sheet, t)) {
        report('section', { s: { r: x.r, c: t.columns.start }, e: { r: x.r, c: t.columns.end } }, { row: x.r + 1, text: x.text }, { fixId: 'sectionColumn' });
      }
      for (const w of wrappedLabels(sheet, t)) {
        const above = String(sheet.columns[w.c].values[w.into] ?? '').trim();
        report('wrapped', { s: { r: w.r, c: t.columns.start }, e: { r: w.r, c: t.columns.end } }, { row: w.r + 1, text: w.text.trim(), above }, { fixId: 'join' });
      }
    }
  },
});

/**
 * Vertical labels: every row of the group gets the whole label (a count written under
 * the name goes to the first row's cell note). Wrapped labels: the text joins the label
 * above, and the row, which holds nothing else, goes (bottom-up, so rows above keep their
 * numbers).
 */
function fixStubLabels(view: SheetView): Change[] {
  const { sheet } = view;
  // Section rows change the shape of the table (rows out, a column in): on their own in a
  // pass, the other labels in the next round, on the new layout.
  for (const t of view.structure.tables) {
    // After the labels of the rows are whole (a heading is read among whole labels).
    if (verticalLabels(sheet, t).length > 0 || wrappedLabels(sheet, t).length > 0 || spreadPeriods(sheet, t).length > 0) continue;
    const sections = sectionRows(sheet, t);
    if (sections.length > 0) {
      const moved = sectionsToColumn(sheet, t, sections);
      if (moved.length > 0) return moved;
    }
  }
  const out: Change[] = [];
  const deletions: number[] = [];
  const columnDeletions: number[] = [];
  for (const t of view.structure.tables) {
    // Rows and columns are not deleted in one pass (a column is recorded as the rows stand):
    // a table with wrapped labels gets its years joined in the next round.
    const periods = wrappedLabels(sheet, t).length > 0 ? [] : spreadPeriods(sheet, t);
    for (const p of periods) {
      for (const { r, label } of p.rows) {
        const before = getCell(sheet, r, p.year);
        out.push({ kind: 'cell', sheetId: sheet.id, r, c: p.year, before, after: { value: label, note: before.note }, ruleId: 'stub-labels' });
      }
      // The era words and 年 are now in every year cell; their columns hold nothing else.
      columnDeletions.push(p.era);
      if (p.suffix !== undefined) columnDeletions.push(p.suffix);
    }
    for (const v of verticalLabels(sheet, t)) {
      for (let r = v.start; r <= v.end; r++) {
        const before = getCell(sheet, r, v.c);
        const note = r === v.start && v.note ? [before.note, `${v.label} ${v.note}`].filter(Boolean).join(' / ') : before.note;
        if (before.value === v.label && before.note === note) continue;
        out.push({ kind: 'cell', sheetId: sheet.id, r, c: v.c, before, after: { value: v.label, note }, ruleId: 'stub-labels' });
      }
    }
    for (const w of wrappedLabels(sheet, t)) {
      // Each label column of the wrapped row joins its own column above (a mirrored copy too).
      for (let c = t.columns.start; c <= t.columns.end; c++) {
        const text = sheet.columns[c]?.values[w.r];
        if (typeof text !== 'string' || text.trim() === '') continue;
        const before = getCell(sheet, w.into, c);
        const above = typeof before.value === 'string' ? before.value.trimEnd() : String(before.value ?? '');
        out.push({ kind: 'cell', sheetId: sheet.id, r: w.into, c, before, after: { ...before, value: above + text.trim() }, ruleId: 'stub-labels' });
      }
      deletions.push(w.r);
    }
  }
  for (const r of deletions.sort((a, b) => b - a)) out.push(deleteRowsChange(sheet, r, 1, 'stub-labels'));
  for (const c of columnDeletions.sort((a, b) => b - a)) out.push(deleteColumnsChange(sheet, c, 1, 'stub-labels'));
  return out;
}

/**
 * Section rows become a column at the table's left: each data row under a heading gets its
 * name (blank rows stay blank; rows above the first heading have none), and the heading
 * rows go. A merge that carries a heading across its row goes with it; one reaching other
 * rows, or into the place of the new column, leaves the table as it is.
 */
function sectionsToColumn(sheet: Sheet, t: TableStructure, sections: readonly SectionRow[]): Change[] {
  const rows = new Set(sections.map((x) => x.r));
  const at = t.columns.start;
  const onHeading = sheet.merges.filter((m) => [...rows].some((r) => r >= m.s.r && r <= m.e.r));
  if (onHeading.some((m) => m.s.r !== m.e.r) || sheet.merges.some((m) => m.s.c < at && m.e.c >= at)) return [];
  const out: Change[] = onHeading.map((m) => removeMergeChange(sheet, m, 'stub-labels'));
  for (const r of [...rows].sort((a, b) => b - a)) out.push(deleteRowsChange(sheet, r, 1, 'stub-labels'));
  const column = emptyColumn(sheet.rowCount - rows.size);
  const byRow = new Map(sections.map((x) => [x.r, x.text]));
  let label: string | undefined;
  let removed = 0;
  for (let r = t.dataRows.start; r <= t.dataRows.end; r++) {
    const heading = byRow.get(r);
    if (heading !== undefined) {
      label = heading;
      removed++;
      continue;
    }
    if (label !== undefined && !blankRow(sheet, t, r)) column.values[r - removed] = label;
  }
  out.push({ kind: 'columns', sheetId: sheet.id, op: 'insert', start: at, columns: [{ column, width: sheet.colWidths?.[at], hidden: false }], ruleId: 'stub-labels' });
  return out;
}

