// Rule `units` (guide 手順8-9 「単位記載」, 総務省 1-9): units and scales belong in the Unit
// and Baseval rows, not in titles, caption notes or a unit row mixed into the header; and
// every numeric column needs its unit stated somewhere (Level 1: 「データの単位が明記されている」).
//
// What is reported, per table:
// - `unitRow*`  a cell of a unit row (or a header cell holding nothing but a unit):
//               `(1,000人)`, `(%)` → one violation per cell;
// - `title*`    a unit glued to a column title: `従業者数\n(人)`, `人口密度\n(人/km²)　2)`;
// - `table*`    a table-wide unit note in a caption row (`(単位:千ト)`), or a 単位: note in a
//               note row; it states the unit of every numeric column that does not say
//               otherwise;
// - `missing*`  a numeric column whose unit is stated nowhere (not in its header, the unit
//               row, a table-wide note, nor glued to its values as in `850人`), reported at
//               its header cell, softly worded and of severity info (shown, never failing). When the title itself says the values take
//               no unit, the message says so: `missingCount` (`事業所数`: the guide leaves
//               the unit of counts blank) and `missingRatio` (`人口性比`, `CI指数 (H17=100)`:
//               the guide's Level 2 table leaves them blank). Identifier columns (`No.`) and
//               English headers with `(In Thousands)` are not reported.
// The suffix says what was found: none = unit only, `Scaled` = unit and scale,
// `ScaleOnly` = scale only (`単位：千`).
//
// The fix (one pass over what `tableUnits` found) moves each unit and scale into the sheet's
// Level 2 metadata (`meta.columns[c]`: `unit` for the Unit row, `baseval` for the Baseval
// row) and takes the text out of the grid:
// - a unit row (population row 5: `(1,000人)`, `(%)`) is deleted when it holds nothing but
//   units; a merge crossing it is removed first and put back one row shorter (the header
//   keeps its shape, the value stays in its top-left cell); a unit row holding anything
//   else keeps it and loses only the units;
// - a unit glued to a title leaves it (`人口密度\n(人/km²)　2)` → `人口密度　2)`: the
//   footnote mark stays for the labels rule);
// - a table-wide note (`(単位:千ト)`) gives its unit and scale to every numeric column
//   without its own and leaves its caption cell (empty when nothing else was there).
// Counters (助数詞: 人, 世帯…) are not units for the guide (用語定義 「助数詞は含まない」,
// 手順8 ◆, and its Level 2 population header: Baseval 1000, Unit blank, `/km2` for
// density): by default the Unit stays blank and only the scale is kept (option
// `counterUnits: 'unit'` writes 人 instead). `千ト` is unit `t` with Baseval 1000, not `千t`:
// at Level 2 the unit and the scale sit in separate rows (手順9; (8) 「百万円」 = 円 × 百万).
// A unit that would contradict what the metadata (or an earlier statement in this pass)
// already says for a column is left where it is, still reported: nothing is overwritten.
import { type Change, type CellChange, type MergeChange, deleteRowsChange, metaChange, removeMergeChange } from '../changes.ts';
import { type CellRange, type ColumnMeta, type TableMeta, columnLetter, emptyMeta, getCell, getFormat, getRaw, getValue } from '../model.ts';
import { exportText } from '../numberFormat.ts';
import type { TableStructure } from '../structure/types.ts';
import {
  type CounterUnits,
  type Level2Unit,
  type TitleUnit,
  type UnitExpression,
  type UnitSpec,
  findTableUnit,
  englishScale,
  findUnitInTitle,
  identifierTitle,
  level2Unit,
  parseUnitExpression,
  scaleOf,
  splitValueUnit,
  unitLabel,
  unitlessTitle,
  withoutUnit,
} from '../text/units.ts';
import { type FindingParams, type FixOptions, type Localized, type Report, type SheetView, ruleMeta, sheetRule } from './types.ts';
import { appendAll } from '../arrays.ts';

type Context = 'unitRow' | 'title' | 'table' | 'label';

interface Found {
  ja: string;
  en: string;
  /** Where it goes. */
  toJa: string;
  toEn: string;
}

type Suffix = '' | 'Scaled' | 'ScaleOnly';

/** The three messages of a context: unit only, unit and scale, scale only. */
function variants<C extends Context>(context: C, ja: (f: Found) => string, en: (f: Found) => string): Record<`${C}${Suffix}`, Localized> {
  const shapes: [Suffix, Found][] = [
    ['', { ja: '単位 {unit} ', en: 'the unit {unit}', toJa: '単位行', toEn: 'the Unit row' }],
    ['Scaled', { ja: '単位 {unit}・記数単位 {scale} ', en: 'the unit {unit} with the scale {scale}', toJa: '単位行・記数単位行', toEn: 'the Unit and Baseval rows' }],
    ['ScaleOnly', { ja: '記数単位 {scale} ', en: 'the scale {scale}', toJa: '記数単位行', toEn: 'the Baseval row' }],
  ];
  return Object.fromEntries(shapes.map(([suffix, f]) => [context + suffix, { ja: ja(f), en: en(f) }])) as Record<`${C}${Suffix}`, Localized>;
}

const meta = ruleMeta({
  id: 'units',
  level: 1,
  severity: 'error',
  family: 'value',
  guideRef: { guide: '手順8-9 単位記載', soumu: '1-9' },
  // Out of the header before it is flattened and before the caption leaves.
  fixAll: { phase: 'structure', order: 30 },
  title: { ja: '単位・記数単位', en: 'Units and scales' },
  description: {
    ja: 'データの単位を明記し、単位は単位行、記数単位（千・百万など）は記数単位行に分けて書きます。タイトルや表題の中に単位を書かないでください。',
    en: 'State the unit of every numeric column, with the unit in the Unit row and the scale (thousand, million…) in the Baseval row, not inside titles or the caption.',
  },
  messages: {
    ...variants(
      'unitRow',
      (f) => `「{text}」は${f.ja}です。${f.toJa}に移します。`,
      (f) => `"{text}" is ${f.en}; it moves to ${f.toEn}.`,
    ),
    ...variants(
      'title',
      (f) => `タイトルの中の「{text}」は${f.ja}です。${f.toJa}に移し、タイトルから除きます。`,
      (f) => `"{text}" in the title is ${f.en}; it moves to ${f.toEn} and leaves the title.`,
    ),
    ...variants(
      'table',
      (f) => `「{text}」は表全体の${f.ja}です。数値の各列の${f.toJa}に移します。`,
      (f) => `"{text}" gives ${f.en} for the whole table; it moves to ${f.toEn} of every numeric column.`,
    ),
    ...variants(
      'label',
      (f) => `{col}列のすべてのラベルに付いた「{text}」は、表の数値の${f.ja}です。数値の各列の${f.toJa}に移し、ラベルから除きます。`,
      (f) => `"{text}", written after every label of column {col}, gives ${f.en} for the table's numbers; it moves to ${f.toEn} of every numeric column and leaves the labels.`,
    ),
    missing: {
      ja: '{col}列「{title}」は数値の列ですが、単位がどこにも書かれていません。単位がある場合は明記してください。',
      en: 'Column {col} "{title}" holds numbers but its unit is not stated anywhere. Please state it if it has one.',
    },
    missingCount: {
      ja: '{col}列「{title}」には単位が書かれていません。数（件数・人数など）を表す列であれば、ガイドのとおり単位は空白のままでかまいません。',
      en: 'Column {col} "{title}" states no unit. If it is a count (of cases, people…), the guide leaves the unit blank, so this is fine.',
    },
    missingRatio: {
      ja: '{col}列「{title}」には単位が書かれていません。比率や指数など単位のない値であれば、このままでかまいません。',
      en: 'Column {col} "{title}" states no unit. If it is a ratio or an index, which has none, this is fine.',
    },
    move: {
      ja: '単位を単位行（@Unit）に、記数単位を記数単位行（@Baseval）に移し、元のセルから除きます。',
      en: 'Move the unit to the Unit row (@Unit) and the scale to the Baseval row (@Baseval), and remove them from the cell.',
    },
  },
});

function text(view: SheetView, r: number, c: number): string | undefined {
  const v = getValue(view.sheet, r, c);
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
}

/** For each cell covered by a merge, the merge (top-left holds the value). */
function mergeLookup(view: SheetView): (r: number, c: number) => CellRange | undefined {
  const merges = view.sheet.merges;
  if (merges.length === 0) return () => undefined;
  return (r, c) => merges.find((m) => r >= m.s.r && r <= m.e.r && c >= m.s.c && c <= m.e.c);
}

function messageSuffix(e: UnitExpression): Suffix {
  const unit = unitLabel(e.units);
  const scale = scaleOf(e.units);
  if (scale === undefined) return '';
  return unit === '' ? 'ScaleOnly' : 'Scaled';
}

function params(e: UnitExpression): { text: string; unit: string; scale?: number } {
  const p: { text: string; unit: string; scale?: number } = { text: e.text, unit: unitLabel(e.units) };
  const scale = scaleOf(e.units);
  if (scale !== undefined) p.scale = scale;
  return p;
}

/** Where a unit or scale was found in a table, and which columns it speaks for. */
export interface UnitFinding {
  r: number;
  c: number;
  /**
   * `unitRow`: a unit-row cell, or a header cell holding only a unit; `title`: glued to a
   * column title (`expr.title` is the title without it); `table`: a caption or note that
   * gives the unit of the whole table.
   */
  kind: Context;
  expr: UnitExpression | TitleUnit;
  /** The columns whose Unit / Baseval this finding gives (for `table`: every numeric column without its own). */
  columns: number[];
  /** `label`: the data rows whose label carries the unit (`人口【千人】` on every row of an e-Stat table). */
  rows?: number[];
}

export interface TableUnits {
  findings: UnitFinding[];
  /**
   * Per column, the units that apply to it (for the Unit and Baseval rows): its own unit
   * row or title first (the lowest such cell wins), else the table-wide note.
   */
  columns: Map<number, { units: UnitSpec[]; from: UnitFinding }>;
  /**
   * Numeric, non-key columns whose unit is stated nowhere (not in the sheet's metadata, nor
   * glued to their values), with what their title suggests: `count` / `ratio` (no unit
   * needed), or nothing.
   */
  missing: { c: number; title: string; unitless?: 'count' | 'ratio' }[];
}

/** Everything the units rule (and later its fix and the Level 2 export) needs to know about one table. */
export function tableUnits(view: SheetView, t: TableStructure): TableUnits {
  const mergeAt = mergeLookup(view);
  const findings: UnitFinding[] = [];
  const columns = new Map<number, { units: UnitSpec[]; from: UnitFinding }>();
  /** Columns a cell speaks for: its merge's columns, or itself. */
  const spanOf = (r: number, c: number) => {
    const m = mergeAt(r, c);
    const out: number[] = [];
    for (let cc = m ? Math.max(m.s.c, t.columns.start) : c; cc <= (m ? Math.min(m.e.c, t.columns.end) : c); cc++) out.push(cc);
    return out;
  };

  // Header and unit rows, top to bottom: a lower statement overrides a higher one.
  const unitRows = new Set(t.unitRows);
  const rows = new Set<number>(t.unitRows);
  for (let r = t.headerRows.start; r <= t.headerRows.end; r++) rows.add(r);
  for (const r of [...rows].sort((a, b) => a - b)) {
    for (let c = t.columns.start; c <= t.columns.end; c++) {
      const s = text(view, r, c);
      if (!s) continue;
      let f: UnitFinding | undefined;
      if (unitRows.has(r)) {
        const e = parseUnitExpression(s, { bare: true }) ?? findUnitInTitle(s);
        if (e) f = { r, c, kind: 'unitRow', expr: e, columns: spanOf(r, c) };
      } else {
        const e = findUnitInTitle(s);
        if (e) f = { r, c, kind: e.title.trim() === '' ? 'unitRow' : 'title', expr: e, columns: spanOf(r, c) };
      }
      if (!f) continue;
      findings.push(f);
      for (const cc of f.columns) columns.set(cc, { units: f.expr.units, from: f });
    }
  }

  // Caption rows: table-wide notes; note rows: only the explicit 単位： form.
  const numeric = t.columnInfo.filter((ci) => ci.kind === 'number' && !ci.key).map((ci) => ci.c);
  const tableWide: UnitFinding[] = [];
  for (const [rs, labelledOnly] of [
    [t.captionRows, false],
    [t.noteRows, true],
  ] as const) {
    for (const r of rs) {
      for (let c = t.range.s.c; c <= t.range.e.c; c++) {
        const s = text(view, r, c);
        if (!s) continue;
        const e = findTableUnit(s);
        if (!e || (labelledOnly && !e.labelled)) continue;
        tableWide.push({ r, c, kind: 'table', expr: e, columns: numeric.filter((cc) => !columns.has(cc)) });
      }
    }
  }
  const inLabels = unitInLabels(view, t, numeric.filter((cc) => !columns.has(cc)));
  if (inLabels) tableWide.push(inLabels);
  for (const f of tableWide) for (const cc of f.columns) if (!columns.has(cc)) columns.set(cc, { units: f.expr.units, from: f });
  appendAll(findings, tableWide);
  findings.sort((a, b) => a.r - b.r || a.c - b.c);

  const missing: TableUnits['missing'] = [];
  const stated = view.sheet.meta?.columns ?? [];
  for (const c of numeric) {
    if (columns.has(c) || stated[c]?.unit !== undefined || stated[c]?.baseval !== undefined || valuesCarryUnit(view, t, c)) continue;
    const texts = headerTexts(view, t, c, unitRows, mergeAt);
    const leaf = texts[texts.length - 1] ?? '';
    if (identifierTitle(leaf) || texts.some((s) => englishScale(s) !== undefined)) continue;
    const ci = t.columnInfo.find((x) => x.c === c)!;
    const shown = shownHeader(view, t, c, unitRows, mergeAt);
    const title = (shown ?? (ci.headerPath.length > 0 ? ci.headerPath : texts)).join(' ').replace(/[\s\u3000]*\n[\s\u3000]*/g, ' ').trim();
    const unitless = unitlessTitle(leaf) ?? texts.map(unitlessTitle).find((u) => u === 'ratio');
    missing.push(unitless ? { c, title, unitless } : { c, title });
  }
  return { findings, columns, missing };
}

/**
 * A unit written after every label of a label column, the same on every row
 * (`人口【千人】` in e-Stat's 表章項目 column): it is the unit of the table's numbers. Labels
 * with different units (`人口【千人】`, `割合【%】`) are units of their rows, which the
 * Unit row cannot hold: those stay.
 */
function unitInLabels(view: SheetView, t: TableStructure, numeric: number[]): UnitFinding | undefined {
  if (numeric.length === 0) return undefined;
  for (const ci of t.columnInfo) {
    if (!ci.key || ci.kind !== 'text') continue;
    const rows: number[] = [];
    let first: TitleUnit | undefined;
    let same = true;
    for (let r = t.dataRows.start; r <= t.dataRows.end && same; r++) {
      const s = text(view, r, ci.c);
      if (!s) continue;
      const e = findUnitInTitle(s);
      if (!e || e.title.trim() === '' || e.units.length !== 1 || (first && e.text !== first.text)) same = false;
      else {
        first ??= e;
        rows.push(r);
      }
    }
    if (same && first && rows.length >= 2) return { r: rows[0], c: ci.c, kind: 'label', expr: first, columns: numeric, rows };
  }
  return undefined;
}

function detectTable(view: SheetView, t: TableStructure, report: Report<typeof meta.messages>): void {
  const { findings, missing } = tableUnits(view, t);
  for (const f of findings) {
    const extra: Record<string, string> = f.kind === 'title' && 'title' in f.expr ? { title: f.expr.title } : f.kind === 'label' ? { col: columnLetter(f.c) } : {};
    // The variant (unit, unit and scale, scale only) follows what was found, and so do the
    // params: the types cannot tie the two together, the rule tests check them.
    const found: FindingParams = { ...params(f.expr), ...extra };
    (report as Report)(`${f.kind}${messageSuffix(f.expr)}`, { r: f.r, c: f.c }, found, { fixId: 'move' });
  }
  const unitRows = new Set(t.unitRows);
  const mergeAt = mergeLookup(view);
  for (const m of missing) {
    const at = headerCell(view, t, m.c, unitRows, mergeAt);
    const messageId = m.unitless === 'count' ? 'missingCount' : m.unitless === 'ratio' ? 'missingRatio' : 'missing';
    // Advice, not a violation: whether a column has a unit at all is the author's to say
    // (counts and ratios have none, and the guide leaves them blank), so it is shown and
    // never fails the rule or the check.
    report(messageId, at, { col: columnLetter(m.c), title: m.title }, { severity: 'info' });
  }
}

/** `850人` in the data: the unit is stated (the number-as-text rule moves it). */
function valuesCarryUnit(view: SheetView, t: TableStructure, c: number): boolean {
  const values = view.sheet.columns[c]?.values;
  if (!values) return false;
  for (let r = t.dataRows.start; r <= t.dataRows.end; r++) {
    const v = values[r];
    if (typeof v === 'string' && splitValueUnit(v)) return true;
  }
  return false;
}

/** The header texts over column c, top to bottom (merged parents included, unit rows left out). */
function headerTexts(
  view: SheetView,
  t: TableStructure,
  c: number,
  unitRows: Set<number>,
  mergeAt: (r: number, c: number) => CellRange | undefined,
): string[] {
  const out: string[] = [];
  for (let r = t.headerRows.start; r <= t.headerRows.end; r++) {
    if (unitRows.has(r)) continue;
    const m = mergeAt(r, c);
    if (m && m.s.r !== r) continue; // the text sits on the merge's first row
    const s = text(view, r, m ? m.s.c : c);
    if (s !== undefined) out.push(s);
  }
  return out;
}

/**
 * The header cells over column c as the sheet shows them, when one of them is a number (a
 * header of dates: `2021-10-05`, not the serial 44474); undefined when all are text.
 */
function shownHeader(
  view: SheetView,
  t: TableStructure,
  c: number,
  unitRows: Set<number>,
  mergeAt: (r: number, c: number) => CellRange | undefined,
): string[] | undefined {
  const out: string[] = [];
  let numbers = false;
  for (let r = t.headerRows.start; r <= t.headerRows.end; r++) {
    if (unitRows.has(r)) continue;
    const m = mergeAt(r, c);
    if (m && m.s.r !== r) continue;
    const at = m ? m.s : { r, c };
    const v = getValue(view.sheet, at.r, at.c);
    if (typeof v === 'number') {
      numbers = true;
      out.push(exportText(v, getFormat(view.sheet, at.r, at.c), getRaw(view.sheet, at.r, at.c), view.date1904));
    } else if (typeof v === 'string' && v.trim() !== '') out.push(v);
  }
  return numbers ? out : undefined;
}

/** The lowest header cell with text over column c (a merge's top-left), else the header's first row. */
function headerCell(
  view: SheetView,
  t: TableStructure,
  c: number,
  unitRows: Set<number>,
  mergeAt: (r: number, c: number) => CellRange | undefined,
): { r: number; c: number } {
  for (let r = t.headerRows.end; r >= t.headerRows.start; r--) {
    if (unitRows.has(r)) continue;
    const m = mergeAt(r, c);
    const at = m ? { r: m.s.r, c: m.s.c } : { r, c };
    if (text(view, at.r, at.c) !== undefined || typeof getValue(view.sheet, at.r, at.c) === 'number') return at;
  }
  return { r: t.headerRows.start, c };
}


// --- fix ---------------------------------------------------------------------------------

function compatible(existing: ColumnMeta | undefined, add: Level2Unit): boolean {
  if (add.unit !== undefined && existing?.unit !== undefined && existing.unit !== add.unit) return false;
  if (add.baseval !== undefined && existing?.baseval !== undefined && existing.baseval !== add.baseval) return false;
  return true;
}

/** Writes `add` into the draft's column c; true when something changed. */
function claim(draft: TableMeta, c: number, add: Level2Unit): boolean {
  const existing = draft.columns[c];
  const next: ColumnMeta = { ...existing };
  if (add.unit !== undefined) next.unit = add.unit;
  if (add.baseval !== undefined) next.baseval = add.baseval;
  if (existing?.unit === next.unit && existing?.baseval === next.baseval) return false;
  while (draft.columns.length < c) draft.columns.push(undefined);
  draft.columns[c] = next;
  return true;
}

/** What stays in a unit cell once its unit is gone: the rest of the title, or nothing. */
function leftover(f: UnitFinding): string {
  return 'title' in f.expr ? f.expr.title : '';
}

/**
 * Moves every unit and scale the detection found into `meta.columns` and out of the grid
 * (see the top of this file). Changes in application order: cell edits, then one meta
 * change, then unit rows deleted bottom-up, each after the merges crossing it.
 */
export function fixUnits(view: SheetView, options: FixOptions = {}): Change[] {
  const { sheet } = view;
  const counters: CounterUnits = options.counterUnits === 'unit' ? 'unit' : 'blank';
  const draft: TableMeta = sheet.meta ? structuredClone(sheet.meta) : emptyMeta();
  let metaChanged = false;
  /** Cell → its new text (null: empty). */
  const edits = new Map<string, { r: number; c: number; value: string | null }>();
  const rowsToDelete = new Set<number>();

  for (const t of view.structure.tables) {
    const { findings } = tableUnits(view, t);
    const applied: UnitFinding[] = [];
    for (const f of findings) {
      // `（単位：人，‰）`: which unit belongs to which column is not written; leave it.
      if (f.expr.units.length !== 1) continue;
      const add = level2Unit(f.expr.units[0], counters);
      const cols = f.kind === 'table' || f.kind === 'label' ? f.columns.filter((c) => compatible(draft.columns[c], add)) : f.columns;
      if (cols.length === 0 || !cols.every((c) => compatible(draft.columns[c], add))) continue;
      for (const c of cols) if (claim(draft, c, add)) metaChanged = true;
      applied.push(f);
    }

    // Unit rows that hold nothing but the units just moved go as a whole.
    const unitRows = new Set(t.unitRows);
    const pure = new Set<string>();
    for (const f of applied) {
      if (f.kind === 'unitRow' && unitRows.has(f.r) && leftover(f) === '' && getCell(sheet, f.r, f.c).note === undefined) pure.add(`${f.r},${f.c}`);
    }
    for (const r of unitRows) {
      let any = false;
      let only = true;
      for (let c = 0; c < sheet.columns.length && only; c++) {
        const v = sheet.columns[c].values[r];
        if (v === null || v === undefined) continue;
        if (pure.has(`${r},${c}`)) any = true;
        else only = false;
      }
      if (any && only) rowsToDelete.add(r);
    }

    for (const f of applied) {
      if (f.kind === 'label') {
        for (const r of f.rows ?? []) {
          const e = findUnitInTitle(getValue(sheet, r, f.c) as string);
          if (e) edits.set(`${r},${f.c}`, { r, c: f.c, value: e.title });
        }
        continue;
      }
      if (rowsToDelete.has(f.r)) continue;
      const value = getValue(sheet, f.r, f.c) as string;
      const next = f.kind === 'table' ? withoutUnit(value, f.expr) : leftover(f);
      edits.set(`${f.r},${f.c}`, { r: f.r, c: f.c, value: next === '' ? null : next });
    }
  }

  const out: Change[] = [];
  const ordered = [...edits.values()].sort((a, b) => a.r - b.r || a.c - b.c);
  for (const e of ordered) {
    const before = getCell(sheet, e.r, e.c);
    const after = { ...before, value: e.value };
    delete after.raw;
    delete after.formula;
    out.push({ kind: 'cell', sheetId: sheet.id, r: e.r, c: e.c, before, after, ruleId: 'units' } satisfies CellChange);
  }
  if (metaChanged) out.push(metaChange(sheet, draft, 'units'));

  // Bottom-up, so the rows above keep their indexes; merges are tracked as they move.
  let merges: CellRange[] = sheet.merges.map((m) => ({ s: { ...m.s }, e: { ...m.e } }));
  for (const r of [...rowsToDelete].sort((a, b) => b - a)) {
    const crossing = merges.filter((m) => m.s.r <= r && m.e.r >= r);
    for (const m of crossing) out.push(removeMergeChange(sheet, m, 'units'));
    out.push(deleteRowsChange(sheet, r, 1, 'units'));
    const shrunk: CellRange[] = [];
    for (const m of crossing) {
      const s = { r: m.s.r, c: m.s.c };
      const e = { r: m.e.r - 1, c: m.e.c };
      if (e.r >= s.r && (e.r - s.r + 1) * (e.c - s.c + 1) >= 2) shrunk.push({ s, e });
    }
    merges = merges
      .filter((m) => !crossing.includes(m))
      .map((m) => (m.s.r > r ? { s: { r: m.s.r - 1, c: m.s.c }, e: { r: m.e.r - 1, c: m.e.c } } : m));
    for (const m of shrunk) {
      out.push({ kind: 'merge', sheetId: sheet.id, op: 'add', range: m, ruleId: 'units' } satisfies MergeChange);
      merges.push(m);
    }
  }
  return out;
}

export const unitsRule = sheetRule({
  meta,
  scope: 'sheet',
  fixOptions: {
    counterUnits: {
      default: 'blank',
      label: { ja: '助数詞（人・世帯など）の単位', en: 'Counter words (人, 世帯…) as units' },
      choices: [
        { value: 'blank', label: { ja: '単位行は空白（ガイドのとおり。記数単位は残す）', en: 'Leave the Unit blank (as the guide does; the scale is kept)' } },
        { value: 'unit', label: { ja: '単位行に書く（人 など）', en: 'Write it in the Unit row (人…)' } },
      ],
    },
  },
  fix: (view, options) => fixUnits(view, options),
  applies(view) {
    return view.structure.tables.some((t) => t.unitRows.length > 0 || t.columnInfo.some((ci) => ci.kind === 'number' && !ci.key));
  },
  detect(view, report) {
    for (const t of view.structure.tables) detectTable(view, t, report);
  },
});

// The registry imports every rule as `rule`.
export { unitsRule as rule };
