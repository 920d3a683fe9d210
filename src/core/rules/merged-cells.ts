// ガイド 手順5 / 総務省 1-4: no merged cells. A merge in the header spans a parent title
// over its children (fill across when unmerging); a merge in the data stands for the same
// value on several rows (fill down); a merged caption goes to the metadata anyway.
import { type Change, removeMergeChange } from '../changes.ts';
import { type CellRange, getCell, rangeAddress } from '../model.ts';
import { sectionRows } from '../structure/stub.ts';
import { type SheetView, sheetRule } from './types.ts';

export const rule = sheetRule({
  scope: 'sheet',
  meta: {
    id: 'merged-cells',
    level: 1,
    severity: 'error',
    family: 'merge',
    guideRef: { guide: '手順5 セル結合の解除', soumu: '1-4' },
    fixAll: { phase: 'structure', order: 20 },
    title: { ja: 'セルの結合', en: 'Merged cells' },
    description: {
      ja: 'セルを結合すると、機械には結合された範囲の値が読めません。結合を解除し、同じ値を各セルに入れます。',
      en: 'Machines cannot read the cells a merge covers; unmerge and put the value in every cell.',
    },
    messages: {
      header: { ja: '見出しのセル {range} が結合されています(「{text}」)。', en: 'Header cells {range} are merged ("{text}").' },
      data: { ja: 'データのセル {range} が結合されています(「{text}」)。', en: 'Data cells {range} are merged ("{text}").' },
      other: { ja: 'セル {range} が結合されています(「{text}」)。', en: 'Cells {range} are merged ("{text}").' },
      fillAcross: { ja: '結合を解除し、見出しを横にコピー', en: 'Unmerge and copy the title across' },
      fillDown: { ja: '結合を解除し、値を下にコピー', en: 'Unmerge and copy the value down' },
      unmerge: { ja: '結合を解除', en: 'Unmerge' },
    },
  },
  fix: (view) => fixMerges(view),
  detect(view, report) {
    const headings = headingRows(view);
    for (const m of view.sheet.merges) {
      const region = view.regionOf(m.s.r, m.s.c);
      const header = region === 'header' || region === 'unit';
      const data = (region === 'data' || region === 'key') && !isHeadingMerge(m, headings);
      const v = view.sheet.columns[m.s.c]?.values[m.s.r];
      const text = v === null || v === undefined ? '' : typeof v === 'object' ? v.error : String(v).replace(/\s+/g, ' ');
      report(header ? 'header' : data ? 'data' : 'other', m, { range: rangeAddress(m), text: text.length > 30 ? `${text.slice(0, 30)}…` : text }, {
        fixId: header ? 'fillAcross' : data ? 'fillDown' : 'unmerge',
      });
    }
  },
});

/** Rows of a merge that hold something outside it, inside the merge's table. */
function rowsWithValuesBeside(view: SheetView, m: CellRange): number[] {
  const t = view.tableAt(m.s.r, m.s.c);
  if (!t) return [];
  const out: number[] = [];
  for (let r = m.s.r; r <= m.e.r; r++) {
    for (let c = t.columns.start; c <= t.columns.end; c++) {
      if (c >= m.s.c && c <= m.e.c) continue;
      const v = view.sheet.columns[c]?.values[r];
      if (v !== null && v !== undefined && v !== '') {
        out.push(r);
        break;
      }
    }
  }
  return out;
}

/** The section rows of the sheet's tables (structure/stub.ts): a group's name over its rows. */
function headingRows(view: SheetView): Set<number> {
  return new Set(view.structure.tables.flatMap((t) => sectionRows(view.sheet, t).map((x) => x.r)));
}

/**
 * A group's name merged across its own row (`人口増減数（人口動態）` centred over five columns)
 * is only unmerged: copied across, it would read as five labels; stub-labels moves it into
 * a column of its own.
 */
function isHeadingMerge(m: CellRange, headings: Set<number>): boolean {
  return m.s.r === m.e.r && headings.has(m.s.r);
}

/**
 * Unmerges every merge. A header merge puts its title in each column it spans (its first
 * row only: a title merged down over the rows below stays one title); a data merge puts
 * its value in every cell it covers (款 over three 項 → 款 on each row); a caption or note
 * merge is only unmerged (its text goes to the metadata).
 */
export function fixMerges(view: SheetView, ruleId = 'merged-cells'): Change[] {
  const { sheet } = view;
  const out: Change[] = [];
  const headings = headingRows(view);
  for (const m of sheet.merges) {
    out.push(removeMergeChange(sheet, m, ruleId));
    const region = view.regionOf(m.s.r, m.s.c);
    const header = region === 'header' || region === 'unit';
    const data = (region === 'data' || region === 'key') && !isHeadingMerge(m, headings);
    if (!header && !data) continue;
    const origin = getCell(sheet, m.s.r, m.s.c);
    if (origin.value === null) continue;
    const lastRow = header ? m.s.r : m.e.r;
    // A label merged down over two rows, its values on the lower one only (`震災前\n平均`
    // centred beside one row of values): it is that row's label; the row above, which
    // holds nothing else, is left blank for data-split.
    const valued = data && m.e.r > m.s.r ? rowsWithValuesBeside(view, m) : [];
    if (valued.length > 0 && !valued.includes(m.s.r)) {
      out.push({ kind: 'cell', sheetId: sheet.id, r: m.s.r, c: m.s.c, before: origin, after: { value: null }, ruleId });
      for (const r of valued) {
        for (let c = m.s.c; c <= m.e.c; c++) {
          const before = getCell(sheet, r, c);
          if (before.value === null) out.push({ kind: 'cell', sheetId: sheet.id, r, c, before, after: { ...origin, formula: undefined }, ruleId });
        }
      }
      continue;
    }
    for (let r = m.s.r; r <= lastRow; r++) {
      for (let c = m.s.c; c <= m.e.c; c++) {
        if (r === m.s.r && c === m.s.c) continue;
        const before = getCell(sheet, r, c);
        if (before.value !== null) continue; // never overwrite what a covered cell still holds
        out.push({ kind: 'cell', sheetId: sheet.id, r, c, before, after: { ...origin, formula: undefined }, ruleId });
      }
    }
  }
  return out;
}
