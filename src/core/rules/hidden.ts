// Rule `hidden` (内閣官房 「二次利用を促進するための機械判読性の高いデータの公開ルール」):
// hidden rows, columns and sheets keep data out of sight of the person checking the
// table, yet a CSV export would carry them. The fix offers a choice: show them (keep the
// data) or drop them.
//
// Granularity: one violation per run of adjacent hidden rows (or columns), so a block of
// 500 hidden rows is one finding with its count, not 500; and one per hidden sheet.
import { type Change, deleteColumnsChange, deleteRowsChange, hiddenChange, removeMergeChange } from '../changes.ts';
import { cellAddress, colCount, columnLetter } from '../model.ts';
import { type FixOptions, type SheetView, ruleMeta, sheetRule } from './types.ts';

const meta = ruleMeta({
  id: 'hidden',
  level: 2,
  severity: 'warning',
  family: 'structure',
  guideRef: { other: '内閣官房 公開ルール' },
  fixAll: { phase: 'clean-up', order: 10 },
  title: { ja: '非表示の行・列・シート', en: 'Hidden rows, columns and sheets' },
  description: {
    ja: '非表示の行・列・シートは確認の目から漏れますが、CSVには出力されます。表示して確認するか、不要であれば削除してください。',
    en: 'Hidden rows, columns and sheets escape review but still end up in the CSV. Show them to check, or delete them if they are not needed.',
  },
  messages: {
    row: { ja: '{from}行目が非表示になっています。', en: 'Row {from} is hidden.' },
    rows: { ja: '{from}～{to}行目（{count}行）が非表示になっています。', en: 'Rows {from}–{to} ({count} rows) are hidden.' },
    col: { ja: '{from}列が非表示になっています。', en: 'Column {from} is hidden.' },
    cols: { ja: '{from}～{to}列（{count}列）が非表示になっています。', en: 'Columns {from}–{to} ({count} columns) are hidden.' },
    sheet: { ja: 'シート「{sheet}」は非表示のシートです。', en: 'Sheet "{sheet}" is hidden.' },
    showOrDrop: {
      ja: '表示して値を残すか、削除するかを選んで直します。',
      en: 'Either show them and keep their values, or delete them.',
    },
  },
});

/** Sorted runs of adjacent indexes: [3, 4, 5, 9] → [[3, 5], [9, 9]]. */
export function runsOf(indexes: readonly number[]): [number, number][] {
  const sorted = [...new Set(indexes)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const i of sorted) {
    const last = runs[runs.length - 1];
    if (last && i === last[1] + 1) last[1] = i;
    else runs.push([i, i]);
  }
  return runs;
}

/**
 * `show` (default): everything hidden becomes visible, nothing is lost. `drop`: hidden
 * rows and columns are deleted (merges across them undone first) — the deleted cells stay
 * in the change list, so undo brings them back.
 */
function fixHidden(view: SheetView, options: FixOptions): Change[] {
  const { sheet } = view;
  if (sheet.hiddenRows.length === 0 && sheet.hiddenCols.length === 0 && !sheet.hidden) return [];
  if (options.mode !== 'drop') return [hiddenChange(sheet, { rows: [], cols: [] }, 'hidden')];
  const out: Change[] = [];
  const rows = runsOf(sheet.hiddenRows);
  const cols = runsOf(sheet.hiddenCols);
  for (const m of sheet.merges) {
    const crossesRow = rows.some(([a, b]) => m.s.r <= b && m.e.r >= a);
    const crossesCol = cols.some(([a, b]) => m.s.c <= b && m.e.c >= a);
    if (crossesRow || crossesCol) out.push(removeMergeChange(sheet, m, 'hidden'));
  }
  // Bottom-up and right-to-left, so each deletion leaves the indexes of the next intact.
  for (const [a, b] of [...rows].reverse()) out.push(deleteRowsChange(sheet, a, b - a + 1, 'hidden'));
  for (const [a, b] of [...cols].reverse()) out.push(deleteColumnsChange(sheet, a, b - a + 1, 'hidden'));
  if (sheet.hidden) out.push(hiddenChange(sheet, { rows: [], cols: [] }, 'hidden'));
  return out;
}

export const hiddenRule = sheetRule({
  meta,
  scope: 'sheet',
  fixOptions: {
    mode: {
      default: 'show',
      label: { ja: '非表示の行・列', en: 'Hidden rows and columns' },
      choices: [
        { value: 'show', label: { ja: '表示する(値を残す)', en: 'Show them (keep the values)' } },
        { value: 'drop', label: { ja: '削除する', en: 'Delete them' } },
      ],
    },
  },
  fix: (view, options) => fixHidden(view, options),
  applies() {
    return true;
  },
  detect(view: SheetView, report) {
    const { sheet } = view;
    const lastCol = Math.max(colCount(sheet) - 1, 0);
    const lastRow = Math.max(sheet.rowCount - 1, 0);
    const fix = { fixId: 'showOrDrop' } as const;

    if (sheet.hidden) {
      report('sheet', { s: { r: 0, c: 0 }, e: { r: lastRow, c: lastCol } }, { sheet: sheet.name, range: `A1:${cellAddress(lastRow, lastCol)}` }, fix);
    }
    for (const [a, b] of runsOf(sheet.hiddenRows)) {
      const range = { s: { r: a, c: 0 }, e: { r: b, c: lastCol } };
      if (a === b) report('row', range, { from: a + 1 }, fix);
      else report('rows', range, { from: a + 1, to: b + 1, count: b - a + 1 }, fix);
    }
    for (const [a, b] of runsOf(sheet.hiddenCols)) {
      const range = { s: { r: 0, c: a }, e: { r: lastRow, c: b } };
      if (a === b) report('col', range, { from: columnLetter(a) }, fix);
      else report('cols', range, { from: columnLetter(a), to: columnLetter(b), count: b - a + 1 }, fix);
    }
  },
});

// The registry imports every rule as `rule`.
export { hiddenRule as rule };
