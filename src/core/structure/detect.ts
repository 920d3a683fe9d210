// Structure detection (SPEC §2): finds the tables of a sheet and, for each, its caption,
// header, unit, data and note rows, its key columns and the kind of each column.
//
// Signals, strongest first: typed numbers mark data rows; merges that start above the
// data mark header rows; blank rows separate blocks; a block without data (a caption, a
// header cut off by a blank row) belongs to the next block with data; a block of note
// lines belongs to the table above it; a block that starts with data and no header of
// its own continues the table above.
import { type CellRange, type Sheet, getFormat, getValue } from '../model.ts';
import type { Localized } from '../rules/types.ts';
import { CellClass, classifyValue } from './cellClass.ts';
import { type RowFeatures, allRowFeatures, rowFeatures } from './rowFeatures.ts';
import type { Band, ColumnInfo, ColumnKind, SheetStructure, StructureOverride, TableStructure } from './types.ts';
import { appendAll, minMax } from '../arrays.ts';

interface Segment {
  start: number;
  end: number;
}

/** Enough values (numbers, placeholders, dates) to be a data row. */
export function isDataRow(f: RowFeatures): boolean {
  const values = f.numbers + f.symbols + f.dates;
  return values >= 2 || (values >= 1 && values >= (f.nonEmpty - 1) / 2);
}

/** Units under the titles (`(人)` `(%)` `(平方km)`): at most one cell is something else. */
export function isUnitRow(f: RowFeatures): boolean {
  return f.units > 0 && f.numbers === 0 && (f.units === f.nonEmpty || (f.units >= 2 && f.units >= f.nonEmpty - 1));
}

/** Titles with a few number-like ones among them (`0～14歳`, `65歳以上`): mostly text. */
function isTitleRow(f: RowFeatures): boolean {
  return f.texts >= 3 && f.texts >= 2 * (f.numbers + f.symbols + f.dates);
}

/** Rows from `r` on are titles, then a row of units: all of them belong to the header. */
function titlesThenUnits(features: RowFeatures[], r: number, end: number): boolean {
  let k = r;
  while (k <= end && isTitleRow(features[k])) k++;
  return k > r && k <= end && isUnitRow(features[k]);
}

function isCaptionRow(f: RowFeatures): boolean {
  return f.nonEmpty > 0 && f.numbers === 0 && ((f.nonEmpty === 1 && f.units === 0) || f.restAreUnitNotes);
}

function isNoteRow(f: RowFeatures): boolean {
  return f.nonEmpty > 0 && (f.noteStart || (f.nonEmpty === 1 && f.loneText.trim().length >= 12));
}

function segments(features: RowFeatures[]): Segment[] {
  const out: Segment[] = [];
  let start = -1;
  for (let r = 0; r <= features.length; r++) {
    const empty = r === features.length || features[r].nonEmpty === 0;
    if (!empty && start < 0) start = r;
    if (empty && start >= 0) {
      out.push({ start, end: r - 1 });
      start = -1;
    }
  }
  return out;
}

function rowsOf(seg: Segment): number[] {
  const out: number[] = [];
  for (let r = seg.start; r <= seg.end; r++) out.push(r);
  return out;
}

interface Draft {
  heading: number[]; // rows before the data: captions and header
  dataStart: number;
  dataEnd: number;
  notes: number[];
  reasons: Localized[];
  confidence: number;
}

const say = (ja: string, en: string): Localized => ({ ja, en });

/** Rows covered by merges that start in `heading` rows: the header reaches at least that far down. */
function mergeHeaderEnd(sheet: Sheet, heading: Set<number>, before: number): number {
  let end = -1;
  for (const m of sheet.merges) if (heading.has(m.s.r) && m.s.r < before && m.e.r > end) end = m.e.r;
  return end;
}

function buildDrafts(sheet: Sheet, features: RowFeatures[]): Draft[] {
  const drafts: Draft[] = [];
  let pending: number[] = [];
  for (const seg of segments(features)) {
    const rows = rowsOf(seg);
    const firstData = rows.find((r) => isDataRow(features[r]));
    if (firstData === undefined) {
      const last = drafts[drafts.length - 1];
      if (last && pending.length === 0 && rows.every((r) => isNoteRow(features[r]))) {
        appendAll(last.notes, rows);
        continue;
      }
      appendAll(pending, rows);
      continue;
    }
    const last = drafts[drafts.length - 1];
    if (last && pending.length === 0 && firstData === seg.start && last.notes.length === 0) {
      // Data right after a blank row, with no header of its own: the table goes on.
      last.dataEnd = seg.end;
      trimNotes(last, features);
      continue;
    }
    const heading = [...pending, ...rows.filter((r) => r < firstData)];
    const headingSet = new Set(heading);
    let dataStart = firstData;
    const reasons: Localized[] = [say(`${firstData + 1}行目から数値が続きます`, `Numbers start at row ${firstData + 1}`)];
    const mergedEnd = mergeHeaderEnd(sheet, headingSet, firstData);
    if (mergedEnd >= dataStart) {
      for (let r = dataStart; r <= mergedEnd; r++) heading.push(r);
      dataStart = mergedEnd + 1;
      reasons.push(say(`結合セルが${mergedEnd + 1}行目まで見出しを延ばしています`, `Merged cells extend the header to row ${mergedEnd + 1}`));
    }
    // A units row under the titles, and child titles above it that the row test took for
    // data (`0～14歳` reads as a number; a CSV has no merges to say otherwise), are header.
    const unitsFrom = dataStart;
    while (dataStart < seg.end && (isUnitRow(features[dataStart]) || titlesThenUnits(features, dataStart, seg.end))) heading.push(dataStart++);
    if (dataStart > unitsFrom) reasons.push(say(`${dataStart}行目までは見出しと単位の行です`, `Rows up to ${dataStart} are titles and units`));
    const draft: Draft = { heading, dataStart, dataEnd: seg.end, notes: [], reasons, confidence: 0.9 };
    trimNotes(draft, features);
    drafts.push(draft);
    pending = [];
  }
  if (pending.length > 0) {
    const last = drafts[drafts.length - 1];
    // Lines left under the last table are its notes when they look like notes or are few.
    if (last && (pending.length <= 3 || pending.every((r) => isNoteRow(features[r])))) appendAll(last.notes, pending);
    else appendAll(drafts, textOnlyDrafts(pending, features));
  }
  return drafts;
}

/** Trailing note lines (注, ※, 資料, a), long lone text) leave the data band. */
function trimNotes(d: Draft, features: RowFeatures[]): void {
  const moved: number[] = [];
  while (d.dataEnd > d.dataStart && isNoteRow(features[d.dataEnd]) && !isDataRow(features[d.dataEnd])) {
    moved.unshift(d.dataEnd);
    d.dataEnd--;
  }
  d.notes.unshift(...moved);
}

/** Blocks without any numbers (lists of names and addresses): the first row is the header. */
function textOnlyDrafts(rows: number[], features: RowFeatures[]): Draft[] {
  const drafts: Draft[] = [];
  let block: number[] = [];
  const flush = () => {
    if (block.length === 0) return;
    const captions = [];
    while (block.length > 2 && isCaptionRow(features[block[0]])) captions.push(block.shift()!);
    drafts.push({
      heading: [...captions, block[0]],
      dataStart: block.length > 1 ? block[1] : block[0] + 1,
      dataEnd: block[block.length - 1],
      notes: [],
      reasons: [say('数値のない表: 先頭行を見出しとみなしました', 'No numbers: the first row is taken as the header')],
      confidence: 0.5,
    });
    block = [];
  };
  for (const r of rows) {
    if (block.length > 0 && r !== block[block.length - 1] + 1) flush();
    block.push(r);
  }
  flush();
  return drafts;
}

function splitHeading(heading: number[], features: RowFeatures[]): { captions: number[]; header: number[] } {
  const sorted = [...heading].sort((a, b) => a - b);
  const captions: number[] = [];
  let i = 0;
  while (i < sorted.length - 1 && isCaptionRow(features[sorted[i]])) captions.push(sorted[i++]);
  return { captions, header: sorted.slice(i) };
}

function bandOf(rows: number[]): Band {
  if (rows.length === 0) return { start: 0, end: -1 };
  const { min, max } = minMax(rows);
  return { start: min, end: max };
}

function columnsOf(rows: number[], features: RowFeatures[]): Band {
  let start = Infinity;
  let end = -1;
  for (const r of rows) {
    const f = features[r];
    if (f.nonEmpty === 0) continue;
    if (f.first < start) start = f.first;
    if (f.last > end) end = f.last;
  }
  return end < 0 ? { start: 0, end: -1 } : { start, end };
}

// --- columns -----------------------------------------------------------------------

const PERIOD_HEADER = /年|月|期|年度|和暦|西暦|year|month|period|quarter/i;
const CODE_HEADER = /コード|code|番号|No\.?$|^No|ID$|^ID/i;
const SAMPLE = 2000;

function headerText(sheet: Sheet, r: number, c: number, mergeTopLeft: (r: number, c: number) => { r: number; c: number } | undefined): string {
  const origin = mergeTopLeft(r, c) ?? { r, c };
  const v = getValue(sheet, origin.r, origin.c);
  return typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '';
}

function sampleRows(band: Band): number[] {
  const n = band.end - band.start + 1;
  if (n <= 0) return [];
  if (n <= SAMPLE) return rowsOf(band);
  const step = n / SAMPLE;
  const out: number[] = [];
  for (let i = 0; i < SAMPLE; i++) out.push(band.start + Math.floor(i * step));
  return out;
}

/** Fewer non-empty cells than this in the sample: the column is sparse, look at all of it. */
const SPARSE = 20;

/**
 * The rows to judge column `c` by: the even sample, or for a sparse column (a 年次 written
 * only where the year changes) its non-empty rows over the whole band, so that the kind
 * does not depend on whether the sample happens to hit them.
 */
function rowsToJudge(sheet: Sheet, c: number, sample: number[], band: Band): number[] {
  const values = sheet.columns[c]?.values;
  if (!values || sample.length >= band.end - band.start + 1) return sample;
  let seen = 0;
  for (const r of sample) if (values[r] !== null && values[r] !== '' && ++seen >= SPARSE) return sample;
  const out: number[] = [];
  for (let r = band.start; r <= band.end && out.length < SAMPLE; r++) if (values[r] !== null && values[r] !== '') out.push(r);
  return out;
}

function normalizeTitle(s: string): string {
  return s.replace(/[\s\u3000]/g, '');
}

function halfWidthDigits(s: string): string {
  return s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

function columnKind(sheet: Sheet, c: number, rows: number[], header: string): ColumnKind {
  let numbers = 0;
  let smallInts = 0;
  let periods = 0;
  let dates = 0;
  let texts = 0;
  let codes = 0;
  let nonEmpty = 0;
  let integers = true;
  for (const r of rows) {
    const v = getValue(sheet, r, c);
    if (v === null) continue;
    const cls = classifyValue(v, getFormat(sheet, r, c));
    if (cls === CellClass.Empty || cls === CellClass.Symbol) continue;
    nonEmpty++;
    if (cls === CellClass.Number) {
      if (typeof v === 'string' && /^0\d+$/.test(v.trim())) codes++;
      else numbers++;
      const n = typeof v === 'number' ? v : Number(halfWidthDigits(String(v).trim()));
      if (!Number.isInteger(n)) integers = false;
      if (Number.isInteger(n) && ((n >= 1 && n <= 99) || (n >= 1868 && n <= 2100))) smallInts++;
    } else if (cls === CellClass.Period) periods++;
    else if (cls === CellClass.Date) dates++;
    else if (typeof v === 'string' && /^[0-9]{2,}$/.test(v.trim())) codes++;
    else texts++;
  }
  if (nonEmpty === 0) return 'empty';
  // Years and months written as bare numbers in a column headed 年 / 月 / 和暦 / 西暦.
  if (PERIOD_HEADER.test(header) && periods + smallInts >= nonEmpty * 0.8 && periods + numbers >= nonEmpty * 0.8) return 'period';
  if (periods >= nonEmpty * 0.3 && periods + numbers >= nonEmpty * 0.8) return 'period';
  if (dates >= nonEmpty * 0.5) return 'date';
  if (codes >= nonEmpty * 0.5) return 'code';
  // Integer identifiers in a column headed コード / 番号 / ID (`State Code`: 1, 2…).
  if (CODE_HEADER.test(header.trim()) && integers && numbers >= nonEmpty * 0.8) return 'code';
  if (numbers >= nonEmpty * 0.5) return 'number';
  return 'text';
}

/** Each column's titles from top to bottom (a merged parent counts for every column it spans). */
function headerPaths(sheet: Sheet, columns: Band, headerRows: readonly number[]): Map<number, string[]> {
  const merges = sheet.merges.filter((m) => headerRows.includes(m.s.r));
  const mergeTopLeft = (r: number, c: number) => {
    const m = merges.find((x) => r >= x.s.r && r <= x.e.r && c >= x.s.c && c <= x.e.c);
    return m ? m.s : undefined;
  };
  const out = new Map<number, string[]>();
  for (let c = columns.start; c <= columns.end; c++) {
    const headerPath: string[] = [];
    for (const r of headerRows) {
      const text = headerText(sheet, r, c, mergeTopLeft);
      if (text && headerPath[headerPath.length - 1] !== text) headerPath.push(text);
    }
    out.set(c, headerPath);
  }
  return out;
}

/** The table with each column's titles read again from its header rows (after fixes edited them). */
export function withCurrentTitles(sheet: Sheet, t: TableStructure): TableStructure {
  const titleRows: number[] = [];
  for (let r = t.headerRows.start; r <= t.headerRows.end; r++) if (!t.unitRows.includes(r)) titleRows.push(r);
  const paths = headerPaths(sheet, t.columns, titleRows);
  return { ...t, columnInfo: t.columnInfo.map((ci) => ({ ...ci, headerPath: paths.get(ci.c) ?? [] })) };
}

function buildColumns(sheet: Sheet, columns: Band, headerRows: number[], data: Band): ColumnInfo[] {
  const paths = headerPaths(sheet, columns, headerRows);
  const rows = sampleRows(data);
  const info: ColumnInfo[] = [];
  for (let c = columns.start; c <= columns.end; c++) {
    const headerPath = paths.get(c)!;
    info.push({ c, kind: columnKind(sheet, c, rowsToJudge(sheet, c, rows, data), headerPath.join(' ')), key: false, headerPath });
  }
  // Key columns: the leading run of row labels (names, periods, dates, codes).
  for (const ci of info) {
    const labelLike = ci.kind === 'text' || ci.kind === 'period' || ci.kind === 'date' || ci.kind === 'code';
    if (!labelLike) break;
    ci.key = true;
  }
  // A key column repeated further right (for reading wide tables): same title, same labels.
  const keys = info.filter((ci) => ci.key);
  for (const ci of info) {
    if (ci.key || ci.headerPath.length === 0) continue;
    const title = normalizeTitle(ci.headerPath.join(''));
    const twin = keys.find((k) => normalizeTitle(k.headerPath.join('')) === title);
    if (!twin) continue;
    let same = 0;
    let total = 0;
    for (const r of rows) {
      const a = getValue(sheet, r, twin.c);
      const b = getValue(sheet, r, ci.c);
      if (a === null && b === null) continue;
      total++;
      if (a === b) same++;
    }
    if (total > 0 && same >= total * 0.9) {
      ci.duplicateOf = twin.c;
      ci.kind = twin.kind;
      ci.key = true;
    }
  }
  return info;
}

// --- side-by-side tables -----------------------------------------------------------

/** Columns of the body that are empty on every row and crossed by no merge. */
function splitColumns(sheet: Sheet, body: number[], columns: Band): number[] {
  const splits: number[] = [];
  for (let c = columns.start + 1; c < columns.end; c++) {
    if (sheet.merges.some((m) => m.s.c < c && m.e.c >= c && body.includes(m.s.r))) continue;
    if (body.every((r) => getValue(sheet, r, c) === null)) splits.push(c);
  }
  return splits;
}

function columnGroups(columns: Band, splits: number[]): Band[] {
  const groups: Band[] = [];
  let start = columns.start;
  for (const s of splits) {
    if (s > start) groups.push({ start, end: s - 1 });
    start = s + 1;
  }
  if (start <= columns.end) groups.push({ start, end: columns.end });
  return groups;
}

// --- assembly ----------------------------------------------------------------------

function assemble(sheet: Sheet, features: RowFeatures[], captions: number[], header: number[], data: Band, notes: number[], columns: Band, id: string, confidence: number, reasons: Localized[]): TableStructure {
  const unitRows = header.filter((r) => isUnitRow(features[r]));
  const titleRows = header.filter((r) => !unitRows.includes(r));
  const all = [...captions, ...header, ...notes];
  // Captions and notes may reach past the body (a unit note at the far right); header
  // rows may not, since side-by-side tables share them.
  const outer = columnsOf([...captions, ...notes], features);
  const around = minMax(all);
  const range: CellRange = {
    s: { r: Math.min(around.min, data.start), c: Math.min(columns.start, outer.end >= 0 ? outer.start : columns.start) },
    e: { r: Math.max(data.end, around.max), c: Math.max(columns.end, outer.end) },
  };
  return {
    id,
    range,
    captionRows: captions,
    headerRows: bandOf(header),
    unitRows,
    dataRows: data,
    noteRows: notes,
    columns,
    columnInfo: buildColumns(sheet, columns, titleRows, data),
    confidence,
    reasons,
  };
}

function tablesFromDraft(sheet: Sheet, features: RowFeatures[], d: Draft, nextId: () => string): TableStructure[] {
  const { captions, header } = splitHeading(d.heading, features);
  const data: Band = { start: d.dataStart, end: d.dataEnd };
  const body = [...header, ...rowsOf(data)];
  const columns = columnsOf(body, features);
  const groups = columnGroups(columns, splitColumns(sheet, body, columns));
  const independent = groups.length > 1 && groups.every((g) => g.end > g.start && body.some((r) => header.includes(r)));
  if (!independent) return [assemble(sheet, features, captions, header, data, d.notes, columns, nextId(), d.confidence, d.reasons)];
  // Side-by-side blocks: each column group becomes a table with the same row bands; the
  // captions and notes go with the block their text starts in.
  return groups.map((g) => {
    const inGroup = (r: number) => features[r].first >= g.start && features[r].first <= g.end;
    const reasons = [...d.reasons, say(`空の列で区切られた横並びの表(${g.start + 1}〜${g.end + 1}列目)`, `Side-by-side block separated by empty columns (columns ${g.start + 1}–${g.end + 1})`)];
    return assemble(sheet, features, captions.filter(inGroup), header, data, d.notes.filter(inGroup), g, nextId(), d.confidence * 0.9, reasons);
  });
}

function applyOverride(sheet: Sheet, features: RowFeatures[], t: TableStructure, o: StructureOverride): TableStructure {
  const range = o.range ?? t.range;
  const header = o.headerRows ?? t.headerRows;
  const data = o.dataRows ?? (o.headerRows ? { start: header.end + 1, end: Math.max(t.dataRows.end, header.end + 1) } : t.dataRows);
  const inRange = (r: number) => r >= range.s.r && r <= range.e.r;
  const captions: number[] = [];
  for (let r = range.s.r; r < header.start; r++) if (features[r]?.nonEmpty) captions.push(r);
  const notes: number[] = [];
  for (let r = data.end + 1; r <= range.e.r; r++) if (features[r]?.nonEmpty) notes.push(r);
  const columns = o.range ? { start: range.s.c, end: range.e.c } : t.columns;
  const headerRows = rowsOf(header).filter(inRange);
  const reasons = [say('利用者が範囲を指定しました', 'Set by the user')];
  const out = assemble(sheet, features, captions, headerRows, data, notes, columns, t.id, 1, reasons);
  return { ...out, range: o.range ?? out.range };
}

export function detectStructure(sheet: Sheet, features: RowFeatures[] = allRowFeatures(sheet), overrides: readonly StructureOverride[] = []): SheetStructure {
  let n = 0;
  const nextId = () => `t${++n}`;
  const tables = buildDrafts(sheet, features).flatMap((d) => tablesFromDraft(sheet, features, d, nextId));
  const mine = overrides.filter((o) => o.sheetId === sheet.id);
  for (const o of mine) if (tables[o.table]) tables[o.table] = applyOverride(sheet, features, tables[o.table], o);
  return { sheetId: sheet.id, tables, overridden: mine.length > 0 };
}

export { rowFeatures };
