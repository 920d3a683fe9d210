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
// The fix is a suggestion, never part of 「すべて修正」: where the second value goes is the
// user's decision, made in the preview. It keeps the first value in the cell and puts each
// further value in a column added right of it (titled after the column: `出荷額（括弧内）`,
// `出荷額（2）`), for every cell of the column that holds several; a plain figure is
// written as the number it is, anything else as written.
import type { CellChange, Change, ColumnsChange } from '../changes.ts';
import { type CellValue, emptyColumn, getCell, getValue } from '../model.ts';
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
    split: {
      ja: '値ごとに列を分ける（右に列を追加し、最初の値をこのセルに残す）',
      en: 'Split the values into columns (columns added to the right; the first value stays here)',
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
  // Several values need a separator between them: a bracket, white space or a comma.
  if (s === '' || !/[0-9０-９]/.test(s) || !/[(（\s\u3000、，,]/.test(s)) return undefined;
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

/** `50468`, `1,234.5` as the number they are; anything else (`△5`, `373(平成27年度)`) as written. */
function valueOf(part: string): CellValue {
  return /^-?[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?$/.test(part) ? Number(part.replace(/,/g, '')) : part;
}

/** The several values of a data or key cell, as the rule reads it. */
function valuesAt(view: SheetView, r: number, c: number): SplitValues | undefined {
  const v = getValue(view.sheet, r, c);
  if (typeof v !== 'string') return undefined;
  const split = splitValues(v);
  if (!split) return undefined;
  const region = view.regionOf(r, c);
  return region === 'data' || region === 'key' ? split : undefined;
}

function fixMultiValue(view: SheetView): Change[] {
  const { sheet } = view;
  // Per column, over every table that uses it (tables one under another share columns):
  // the cells with several values, and the title row of each table.
  const byColumn = new Map<number, { found: { r: number; split: SplitValues }[]; titleRows: Set<number> }>();
  for (const t of view.structure.tables) {
    const titleRow = t.headerRows.end >= t.headerRows.start ? t.headerRows.end : -1;
    for (let c = t.columns.start; c <= t.columns.end; c++) {
      for (let r = t.dataRows.start; r <= Math.min(t.dataRows.end, sheet.rowCount - 1); r++) {
        const split = valuesAt(view, r, c);
        if (!split) continue;
        let col = byColumn.get(c);
        if (!col) byColumn.set(c, (col = { found: [], titleRows: new Set() }));
        col.found.push({ r, split });
        if (titleRow >= 0) col.titleRows.add(titleRow);
      }
    }
  }
  const cells: CellChange[] = [];
  const inserts: ColumnsChange[] = [];
  for (const [c, { found, titleRows }] of byColumn) {
    // A merge across the place of the new columns would be cut by them: left as it is.
    if (sheet.merges.some((m) => m.s.c <= c && m.e.c > c)) continue;
    const added = Math.max(...found.map((f) => f.split.values.length)) - 1;
    const columns = Array.from({ length: added }, () => emptyColumn(sheet.rowCount));
    const bracketed = found.every((f) => f.split.kind === 'bracketed');
    for (const titleRow of titleRows) {
      const title = String(getValue(sheet, titleRow, c) ?? '').trim();
      columns.forEach((col, i) => (col.values[titleRow] = bracketed ? `${title}（括弧内）` : `${title}（${i + 2}）`));
    }
    for (const { r, split } of found) {
      const before = getCell(sheet, r, c);
      cells.push({ kind: 'cell', sheetId: sheet.id, r, c, before, after: { ...before, value: valueOf(split.values[0]) }, ruleId: 'multi-value' });
      split.values.slice(1).forEach((part, i) => (columns[i].values[r] = valueOf(part)));
    }
    const width = sheet.colWidths?.[c];
    inserts.push({ kind: 'columns', sheetId: sheet.id, op: 'insert', start: c + 1, columns: columns.map((column) => ({ column, width, hidden: false })), ruleId: 'multi-value' });
  }
  // Cells first (their places are those of the sheet as it is), then the columns right to
  // left, so each insertion leaves the places of the next intact.
  return [...cells, ...inserts.sort((a, b) => b.start - a.start)];
}

export const rule = cellRule({
  meta,
  scope: 'cell',
  textOnly: true,
  detectCell(view: SheetView, r, c, report) {
    const found = valuesAt(view, r, c);
    if (!found) return;
    const text = String(getValue(view.sheet, r, c)).trim();
    if (found.kind === 'bracketed') report('bracketed', { r, c }, { text, first: found.values[0], second: found.values[1] }, { fixId: 'split' });
    else report(found.kind, { r, c }, { text, count: found.values.length, values: found.values.join(' / ') }, { fixId: 'split' });
  },
  fix: (view) => fixMultiValue(view),
});
