// ガイド 手順5 / 総務省 1-4: no merged cells. A merge in the header spans a parent title
// over its children (fill across when unmerging); a merge in the data stands for the same
// value on several rows (fill down); a merged caption goes to the metadata anyway.
import { rangeAddress } from '../model.ts';
import type { SheetRule, Violation } from './types.ts';

export const rule: SheetRule = {
  scope: 'sheet',
  meta: {
    id: 'merged-cells',
    level: 1,
    severity: 'error',
    family: 'merge',
    guideRef: { guide: '手順5 セル結合の解除', soumu: '1-4' },
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
  detect(view) {
    return view.sheet.merges.map((m): Violation => {
      const region = view.regionOf(m.s.r, m.s.c);
      const header = region === 'header' || region === 'unit';
      const data = region === 'data' || region === 'key';
      const v = view.sheet.columns[m.s.c]?.values[m.s.r];
      const text = v === null || v === undefined ? '' : typeof v === 'object' ? v.error : String(v).replace(/\s+/g, ' ');
      return {
        ruleId: 'merged-cells',
        sheetId: view.sheet.id,
        range: m,
        messageId: header ? 'header' : data ? 'data' : 'other',
        fixId: header ? 'fillAcross' : data ? 'fillDown' : 'unmerge',
        params: { range: rangeAddress(m), text: text.length > 30 ? `${text.slice(0, 30)}…` : text },
      };
    });
  },
};
