// ガイド 手順5 / 総務省 1-4: no merged cells. A merge in the header spans a parent title
// over its children (fill across when unmerging); a merge in the data stands for the same
// value on several rows (fill down); a merged caption goes to the metadata anyway.
import { type Change, removeMergeChange } from '../changes.ts';
import { getCell, rangeAddress } from '../model.ts';
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
    for (const m of view.sheet.merges) {
      const region = view.regionOf(m.s.r, m.s.c);
      const header = region === 'header' || region === 'unit';
      const data = region === 'data' || region === 'key';
      const v = view.sheet.columns[m.s.c]?.values[m.s.r];
      const text = v === null || v === undefined ? '' : typeof v === 'object' ? v.error : String(v).replace(/\s+/g, ' ');
      report(header ? 'header' : data ? 'data' : 'other', m, { range: rangeAddress(m), text: text.length > 30 ? `${text.slice(0, 30)}…` : text }, {
        fixId: header ? 'fillAcross' : data ? 'fillDown' : 'unmerge',
      });
    }
  },
});

/**
 * Unmerges every merge. A header merge puts its title in each column it spans (its first
 * row only: a title merged down over the rows below stays one title); a data merge puts
 * its value in every cell it covers (款 over three 項 → 款 on each row); a caption or note
 * merge is only unmerged (its text goes to the metadata).
 */
export function fixMerges(view: SheetView, ruleId = 'merged-cells'): Change[] {
  const { sheet } = view;
  const out: Change[] = [];
  for (const m of sheet.merges) {
    out.push(removeMergeChange(sheet, m, ruleId));
    const region = view.regionOf(m.s.r, m.s.c);
    const header = region === 'header' || region === 'unit';
    const data = region === 'data' || region === 'key';
    if (!header && !data) continue;
    const origin = getCell(sheet, m.s.r, m.s.c);
    if (origin.value === null) continue;
    const lastRow = header ? m.s.r : m.e.r;
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
