// ガイド 手順5–6 / 総務省 1-4, 1-6: a row label must stand whole in its own cell on every
// row it labels. Printed tables break labels up for the page: written vertically one
// character per cell down a group of rows (`9`/`歳`/`以`/`下`), or wrapped onto a row of
// their own with no values (`４．生産・輸入品に課される税` / `（控除）補助金`). A machine reads
// `歳` as a label of its own. What the stub is comes from structure/stub.ts.
import { type Change, deleteColumnsChange, deleteRowsChange } from '../changes.ts';
import { getCell, rangeAddress } from '../model.ts';
import { spreadPeriods, verticalLabels, wrappedLabels } from '../structure/stub.ts';
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
      joinPeriod: { ja: '1つのセルにまとめ、元号と「年」の列を削除', en: 'Put each year in one cell and remove the era and 年 columns' },
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
