// Rule `multi-value` (総務省 1-2 「1セル1データ」): one cell holds one value. Published
// tables put a second figure beside the first — last year's in brackets (`50468(45332)`,
// `391445   (344943)`), two figures side by side (`50468 45332`), or a list of figures
// each with its year (`373(平成27年度)、434(平成28年度)、…`) — and a machine reads the cell as
// text, or as the wrong number.
//
// Which cells: text cells of the data region and key columns. What counts as several values (`splitValues`):
// - a number and a bracketed number (`50468(45332)`, `50468　（45332）`, `1(10)`);
// - two or more numbers separated by white space, unless the groups after the first are
//   three digits (`16 769` is one number written with a space as thousands separator);
// - two or more `number(label)` items separated by `、` `,` or white space.
// A footnote mark in brackets (`1,234 1)`, `(注)`) is labels-in-values'.
//
// No fix: where the second value goes (a column of its own, a row per year) is for the
// user to decide; the finding says what the values are.
import { getValue } from '../model.ts';
import { type SheetView, cellRule, ruleMeta } from './types.ts';

const meta = ruleMeta({
  id: 'multi-value',
  level: 1,
  severity: 'error',
  family: 'value',
  guideRef: { soumu: '1-2' },
  title: { ja: '1セルに複数の値', en: 'Several values in one cell' },
  description: {
    ja: '1つのセルには1つの値だけを入れます。前年の値や年度ごとの値は、列（または行）を分けて書きます。',
    en: "A cell holds one value. A second figure (last year's, one per year) goes into a column (or row) of its own.",
  },
  messages: {
    bracketed: {
      ja: '「{text}」には {first} と括弧書きの {second} の2つの値が入っています。列を分けてください。',
      en: '"{text}" holds two values, {first} and {second} in brackets. Put them in separate columns.',
    },
    spaced: {
      ja: '「{text}」にはスペースで区切られた{count}つの値（{values}）が入っています。列を分けてください。',
      en: '"{text}" holds {count} values separated by spaces ({values}). Put them in separate columns.',
    },
    list: {
      ja: '「{text}」には{count}つの値（{values}）が入っています。値ごとに列か行を分けてください。',
      en: '"{text}" holds {count} values ({values}). Give each its own column or row.',
    },
  },
});

const NUM = String.raw`[-△▲]?[0-9０-９]+(?:[,，][0-9０-９]{3})*(?:[.．][0-9０-９]+)?`;
const BRACKETED = new RegExp(String.raw`^(${NUM})[\s\u3000]*[(（][\s\u3000]*(${NUM})[\s\u3000]*[)）]$`);
const SPACED = new RegExp(String.raw`^${NUM}(?:[\s\u3000]+${NUM})+$`);
const ITEM = new RegExp(String.raw`(${NUM})[\s\u3000]*[(（]([^()（）]+)[)）]`, 'g');
const LIST = new RegExp(String.raw`^(?:${NUM}[\s\u3000]*[(（][^()（）]+[)）][\s\u3000]*[、，,\s\u3000][\s\u3000]*)+${NUM}[\s\u3000]*[(（][^()（）]+[)）]$`);

export type SplitValues = { kind: 'bracketed'; values: [string, string] } | { kind: 'spaced'; values: string[] } | { kind: 'list'; values: string[] };

/** The values a cell's text holds, when it holds several; undefined for one value or none. */
export function splitValues(text: string): SplitValues | undefined {
  const s = text.trim();
  if (s === '' || !/[0-9０-９]/.test(s)) return undefined;
  const b = BRACKETED.exec(s);
  if (b) return { kind: 'bracketed', values: [b[1], b[2]] };
  if (SPACED.test(s)) {
    const parts = s.split(/[\s\u3000]+/);
    // `16 769`, `1 234 567`: thousands written with spaces, one number.
    if (/^[0-9]{1,3}$/.test(parts[0]) && parts.slice(1).every((p) => /^[0-9]{3}$/.test(p))) return undefined;
    return { kind: 'spaced', values: parts };
  }
  if (LIST.test(s)) return { kind: 'list', values: [...s.matchAll(ITEM)].map((m) => `${m[1]}(${m[2].trim()})`) };
  return undefined;
}

export const rule = cellRule({
  meta,
  scope: 'cell',
  textOnly: true,
  detectCell(view: SheetView, r, c, report) {
    const v = getValue(view.sheet, r, c);
    if (typeof v !== 'string') return;
    const region = view.regionOf(r, c);
    if (region !== 'data' && region !== 'key') return;
    const found = splitValues(v);
    if (!found) return;
    const text = v.trim();
    if (found.kind === 'bracketed') report('bracketed', { r, c }, { text, first: found.values[0], second: found.values[1] });
    else report(found.kind, { r, c }, { text, count: found.values.length, values: found.values.join(' / ') });
  },
});
