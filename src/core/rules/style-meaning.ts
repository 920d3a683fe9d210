// Rule `style-meaning` (内閣官房 公開ルール: 「セルの色や書式に意味を持たせない」): a background
// colour in the data (a highlighted maximum, estimated values in grey, revised figures in
// yellow) carries meaning that a CSV cannot keep. Warn only: the rule cannot know what the
// colour meant, so it offers no fix; the user says it in a column or a note.
//
// Only background fills are seen. Bold, italics and font colour would matter as much, but
// SheetJS Community Edition does not read font styles (only `cell.s` fills with
// `cellStyles: true`), so they are not in the model (`Column.fills`). Theme colours arrive
// as `theme4` etc. without their tint, so two tints of one theme colour look alike.
//
// Grouping (so a sheet yields a handful of findings, not thousands):
// - only the data region (data rows × table columns, key columns included) is looked at;
//   fills in captions, headers and notes are decoration and ignored;
// - a colour covering the whole data region, or the background when every data cell has a
//   fill (the dominant colour), says nothing about single values and is ignored;
// - banding (whole rows coloured in a repeating pattern: alternate row colours) is read as
//   layout and reported once per table as `banding`;
// - every other colour: vertical runs of adjacent cells per column, joined across adjacent
//   columns with the same rows into rectangles (a highlighted row, column or block is one
//   finding); if one colour still makes more than MAX_RECTS rectangles (scattered cells),
//   it is reported once per column instead (`fillColumn`, with the count).
import { type CellRange, columnLetter, rangeAddress } from '../model.ts';
import type { TableStructure } from '../structure/types.ts';
import { type Report, type SheetView, ruleMeta, sheetRule } from './types.ts';

/** Beyond this many rectangles of one colour in a table, group per column. */
export const MAX_RECTS = 20;
/** Longest repeat (in rows) recognised as banding. */
const MAX_BAND_PERIOD = 6;

const meta = ruleMeta({
  id: 'style-meaning',
  level: 2,
  severity: 'info',
  family: 'source',
  guideRef: { other: '内閣官房 公開ルール' },
  title: { ja: '色による意味づけ', en: 'Meaning carried by colour' },
  description: {
    ja: 'セルの背景色などの書式に意味を持たせないでください。CSVには書式が残らないため、意味がある場合は列や注記で表します。',
    en: 'Do not let cell formatting such as background colour carry meaning: CSV keeps no formatting, so say it in a column or a note.',
  },
  messages: {
    fill: {
      ja: '{range} のセル（{count}個）に背景色 {colour} が付いています。色に意味（最大値、推計値など）がある場合はCSVで失われるため、列や注記で表してください。',
      en: '{range} ({count} cells) has the background colour {colour}. If the colour means something (a maximum, an estimate…), it is lost in the CSV: say it in a column or a note.',
    },
    fillColumn: {
      ja: '{col}列のデータのうち {count} 個のセルに背景色 {colour} が付いています（{range}）。色に意味がある場合は列や注記で表してください。',
      en: '{count} cells of column {col} have the background colour {colour} ({range}). If the colour means something, say it in a column or a note.',
    },
    banding: {
      ja: 'データ行に一行おきなどの背景色（{colour}）が付いています。見やすさのための色であれば問題ありません。',
      en: 'The data rows are banded with the background colour {colour}. Fine if it is only there for readability.',
    },
  },
});

interface Region {
  rows: number[]; // data rows in order
  c0: number;
  c1: number;
}

function dataRegion(t: TableStructure): Region {
  const skip = new Set<number>([...t.captionRows, ...t.unitRows, ...t.noteRows]);
  for (let r = t.headerRows.start; r <= t.headerRows.end; r++) skip.add(r);
  const rows: number[] = [];
  for (let r = t.dataRows.start; r <= t.dataRows.end; r++) if (!skip.has(r)) rows.push(r);
  return { rows, c0: t.columns.start, c1: t.columns.end };
}

/** True when the set of row positions repeats with a period of 2…MAX_BAND_PERIOD. */
function isBanded(member: boolean[]): boolean {
  const n = member.length;
  const count = member.filter(Boolean).length;
  if (count < 2 || count === n) return false;
  for (let p = 2; p <= MAX_BAND_PERIOD && 2 * p <= n; p++) {
    let ok = true;
    for (let i = p; i < n && ok; i++) if (member[i] !== member[i - p]) ok = false;
    if (ok) return true;
  }
  return false;
}

function detectTable(view: SheetView, t: TableStructure, report: Report<typeof meta.messages>): void {
  const { sheet } = view;
  const { rows, c0, c1 } = dataRegion(t);
  const width = c1 - c0 + 1;
  if (rows.length === 0 || width <= 0) return;

  // colour → column → positions (indexes into `rows`) having it.
  const byColour = new Map<string, Map<number, number[]>>();
  let filled = 0;
  for (let c = c0; c <= c1; c++) {
    const fills = sheet.columns[c]?.fills;
    if (!fills) continue;
    rows.forEach((r, i) => {
      const f = fills[r];
      if (!f) return;
      filled++;
      let cols = byColour.get(f);
      if (!cols) byColour.set(f, (cols = new Map()));
      let list = cols.get(c);
      if (!list) cols.set(c, (list = []));
      list.push(i);
    });
  }
  if (byColour.size === 0) return;

  const total = (cols: Map<number, number[]>) => [...cols.values()].reduce((n, l) => n + l.length, 0);

  // Banding: a colour that only ever fills whole rows, in a repeating pattern.
  const banded: string[] = [];
  for (const [colour, cols] of byColour) {
    const perRow = new Array<number>(rows.length).fill(0);
    for (const list of cols.values()) for (const i of list) perRow[i]++;
    if (perRow.some((n) => n !== 0 && n !== width)) continue;
    if (isBanded(perRow.map((n) => n === width))) banded.push(colour);
  }
  for (const colour of banded) byColour.delete(colour);

  // Background: the whole region in one colour, or the dominant colour of a region where
  // every cell is filled.
  if (filled === rows.length * width && byColour.size > 0) {
    const [dominant] = [...byColour.entries()].sort((a, b) => total(b[1]) - total(a[1]))[0];
    byColour.delete(dominant);
  }

  const regionRange: CellRange = { s: { r: rows[0], c: c0 }, e: { r: rows[rows.length - 1], c: c1 } };
  if (banded.length > 0) report('banding', regionRange, { colour: banded.join(', '), range: rangeAddress(regionRange) });

  const found: ({ range: CellRange } & ({ messageId: 'fill'; params: { colour: string; range: string; count: number } } | { messageId: 'fillColumn'; params: { colour: string; col: string; count: number; range: string } }))[] = [];
  for (const [colour, cols] of byColour) {
    // Vertical runs per column, as [first position, last position].
    const rects: { i0: number; i1: number; c0: number; c1: number }[] = [];
    const open = new Map<string, (typeof rects)[number]>(); // runs ending at the previous column
    for (let c = c0; c <= c1; c++) {
      const list = cols.get(c) ?? [];
      const next = new Map<string, (typeof rects)[number]>();
      for (let k = 0; k < list.length; ) {
        let j = k;
        while (j + 1 < list.length && list[j + 1] === list[j] + 1) j++;
        const key = `${list[k]}:${list[j]}`;
        const prev = open.get(key);
        if (prev && prev.c1 === c - 1) {
          prev.c1 = c;
          next.set(key, prev);
        } else {
          const rect = { i0: list[k], i1: list[j], c0: c, c1: c };
          rects.push(rect);
          next.set(key, rect);
        }
        k = j + 1;
      }
      open.clear();
      for (const [k, v] of next) open.set(k, v);
    }

    if (rects.length <= MAX_RECTS) {
      for (const rect of rects) {
        // Positions are contiguous in `rows`; rows skipped inside the band (rare) are included.
        const range: CellRange = { s: { r: rows[rect.i0], c: rect.c0 }, e: { r: rows[rect.i1], c: rect.c1 } };
        found.push({ range, messageId: 'fill', params: { colour, range: rangeAddress(range), count: (rect.i1 - rect.i0 + 1) * (rect.c1 - rect.c0 + 1) } });
      }
      continue;
    }
    for (const [c, list] of [...cols.entries()].sort((a, b) => a[0] - b[0])) {
      const range: CellRange = { s: { r: rows[list[0]], c }, e: { r: rows[list[list.length - 1]], c } };
      found.push({ range, messageId: 'fillColumn', params: { colour, col: columnLetter(c), count: list.length, range: rangeAddress(range) } });
    }
  }
  // Reading order, whatever order the colours were met in.
  found.sort((a, b) => a.range.s.r - b.range.s.r || a.range.s.c - b.range.s.c);
  for (const f of found) report(f.messageId, f.range, f.params);
}

export const styleMeaningRule = sheetRule({
  meta,
  scope: 'sheet',
  applies() {
    return true;
  },
  detect(view, report) {
    for (const t of view.structure.tables) detectTable(view, t, report);
  },
});

// The registry imports every rule as `rule`.
export { styleMeaningRule as rule };
