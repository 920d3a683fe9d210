// Structure detection (docs/table-understanding.md): finds the tables of a sheet and, for
// each, its caption, header, unit, data and note rows, its key columns and the kind of
// each column. The roles of the lines come from lines.ts (every line's signals weighed
// together); this module cuts the tables side by side, reads the columns and applies the
// user's corrections.
import { type CellRange, type Sheet, getFormat, getValue } from '../model.ts';
import type { Localized } from '../rules/types.ts';
import { CellClass, classifyValue } from './cellClass.ts';
import { headerCells } from './header.ts';
import { type Region, decodeLines } from './lines.ts';
import { type RowFeatures, allRowFeatures, emptyFeatures, rowFeatures } from './rowFeatures.ts';
import type { Band, ColumnInfo, ColumnKind, RowRole, SheetStructure, StructureOverride, TableStructure } from './types.ts';
import { minMax } from '../arrays.ts';
import { toHalfwidthAscii } from '../text/fullwidth.ts';

/** Enough values (numbers, placeholders, dates) to be a data row. */
export function isDataRow(f: RowFeatures): boolean {
  const values = f.numbers + f.symbols + f.dates;
  return values >= 2 || (values >= 1 && values >= (f.nonEmpty - 1) / 2);
}

/** Units under the titles (`(人)` `(%)` `(平方km)`): at most one cell is something else. */
export function isUnitRow(f: RowFeatures): boolean {
  return f.units > 0 && f.numbers === 0 && (f.units === f.nonEmpty || (f.units >= 2 && f.units >= f.nonEmpty - 1));
}

function rowsOf(band: Band): number[] {
  const out: number[] = [];
  for (let r = band.start; r <= band.end; r++) out.push(r);
  return out;
}

interface Draft {
  captions: number[];
  header: number[];
  dataStart: number;
  dataEnd: number;
  notes: number[];
  reasons: Localized[];
  confidence: number;
}

const say = (ja: string, en: string): Localized => ({ ja, en });

/** For each row, the width of the widest merge that starts on it (within `cols`). */
function mergeStartWidths(sheet: Sheet, cols: Band): Map<number, number> {
  const out = new Map<number, number>();
  for (const m of sheet.merges) {
    if (m.s.c < cols.start || m.s.c > cols.end) continue;
    const w = Math.min(m.e.c, cols.end) - m.s.c + 1;
    if (w > (out.get(m.s.r) ?? 0)) out.set(m.s.r, w);
  }
  return out;
}

/** Rows covered by merges that start in header rows: the header reaches at least that far down. */
function mergeHeaderEnd(sheet: Sheet, header: Set<number>): number {
  let end = -1;
  for (const m of sheet.merges) if (header.has(m.s.r) && m.e.r > end) end = m.e.r;
  return end;
}

function buildDrafts(sheet: Sheet, features: RowFeatures[], region: Region): Draft[] {
  if (region.cols.end < region.cols.start || region.rows.end < region.rows.start) return [];
  const { tables, textTable } = decodeLines(sheet, features, region, mergeStartWidths(sheet, region.cols));
  return tables.map((t) => {
    const header = [...t.header];
    let dataStart = t.data[0];
    const dataEnd = t.data[t.data.length - 1];
    const reasons: Localized[] = [say(`${dataStart + 1}行目からデータが続きます`, `Data starts at row ${dataStart + 1}`)];
    if (header.length > 0) {
      const mergedEnd = mergeHeaderEnd(sheet, new Set(header));
      if (mergedEnd >= dataStart && mergedEnd < dataEnd) {
        for (let r = dataStart; r <= mergedEnd; r++) header.push(r);
        dataStart = mergedEnd + 1;
        reasons.push(say(`結合セルが${mergedEnd + 1}行目まで見出しを延ばしています`, `Merged cells extend the header to row ${mergedEnd + 1}`));
      }
      // Header rows are one band: blank rows inside it belong to it.
      const lo = Math.min(...header);
      const hi = Math.max(...header);
      header.length = 0;
      for (let r = lo; r <= hi; r++) header.push(r);
    }
    const confidence = header.length > 0 && !textTable ? 0.9 : 0.5;
    if (header.length === 0) reasons.push(say('見出し行が見つかりません', 'No header row was found'));
    else if (textTable) reasons.push(say('数値のない表: 先頭行を見出しとみなしました', 'No numbers: the first row is taken as the header'));
    return { captions: t.caption, header, dataStart, dataEnd, notes: t.note, reasons, confidence };
  });
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
  return toHalfwidthAscii(s, { digitsOnly: true });
}

function columnKind(sheet: Sheet, c: number, rows: number[], header: string): ColumnKind {
  let numbers = 0;
  let smallInts = 0;
  let periods = 0;
  let dates = 0;
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

/** The table with each column's titles read again from its header rows (after fixes edited them). */
export function withCurrentTitles(sheet: Sheet, t: TableStructure): TableStructure {
  const titleRows: number[] = [];
  for (let r = t.headerRows.start; r <= t.headerRows.end; r++) if (!t.unitRows.includes(r)) titleRows.push(r);
  const paths = headerCells(sheet, t.columns, titleRows);
  return { ...t, columnInfo: t.columnInfo.map((ci) => ({ ...ci, headerPath: paths.get(ci.c) ?? [] })) };
}

function buildColumns(sheet: Sheet, columns: Band, headerRows: number[], data: Band): ColumnInfo[] {
  const paths = headerCells(sheet, columns, headerRows);
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
      // The copy is typed again: `市　内　総　生　産　(生産側）` beside `市　内　総　生　産(生産側）`.
      if (a === b || (typeof a === 'string' && typeof b === 'string' && normalizeTitle(a) === normalizeTitle(b))) same++;
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

function assemble(
  sheet: Sheet,
  features: RowFeatures[],
  captions: number[],
  header: number[],
  data: Band,
  notes: number[],
  columns: Band,
  id: string,
  confidence: number,
  reasons: Localized[],
  isUnit: (r: number) => boolean = (r) => isUnitRow(features[r]),
): TableStructure {
  const unitRows = header.filter(isUnit);
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

/** Rows `d` spans, caption to notes. */
function draftRows(d: Draft): Band {
  const all = [...d.captions, ...d.header, d.dataStart, d.dataEnd, ...d.notes];
  return { start: Math.min(...all), end: Math.max(...all) };
}

/**
 * Column groups of a draft that are tables of their own: each has a label column at its
 * left (the first cell of most of its data rows is text) and values. A blank column between
 * value columns (a spacer) leaves the groups one table.
 */
function independentGroups(sheet: Sheet, d: Draft, groups: Band[]): boolean {
  if (groups.length < 2) return false;
  return groups.every((g) => {
    if (g.end <= g.start) return false;
    let rows = 0;
    let labelled = 0;
    let values = 0;
    // Whole numbers counting up down the first column (ages 0, 1, 2…) label the rows too.
    const counted: number[] = [];
    for (let r = d.dataStart; r <= d.dataEnd; r++) {
      const f = rowFeatures(sheet, r, g.start, g.end);
      if (f.nonEmpty === 0) continue;
      rows++;
      values += f.numbers + f.symbols;
      const v = getValue(sheet, r, f.first);
      const cls = v === null ? CellClass.Empty : classifyValue(v, getFormat(sheet, r, f.first));
      if (cls === CellClass.Text || cls === CellClass.Period || cls === CellClass.Date) labelled++;
      else if (f.first === g.start && typeof v === 'number' && Number.isInteger(v) && f.nonEmpty >= 2) counted.push(v);
    }
    if (countsUp(counted)) labelled += counted.length;
    return rows > 0 && values > 0 && labelled >= rows * 0.5;
  });
}

/** At least three whole numbers, nearly every one above the one before it by a small step. */
function countsUp(ns: readonly number[]): boolean {
  if (ns.length < 3) return false;
  let up = 0;
  for (let i = 1; i < ns.length; i++) if (ns[i] > ns[i - 1] && ns[i] - ns[i - 1] <= 10) up++;
  return up >= (ns.length - 1) * 0.8;
}

/** Row summaries over the columns of `g` for the rows of `band`, empty elsewhere. */
function regionFeatures(sheet: Sheet, band: Band, g: Band): RowFeatures[] {
  const out: RowFeatures[] = new Array(sheet.rowCount);
  const empty = emptyFeatures();
  for (let r = 0; r < sheet.rowCount; r++) out[r] = r >= band.start && r <= band.end ? rowFeatures(sheet, r, g.start, g.end) : empty;
  return out;
}

function tableOfDraft(sheet: Sheet, features: RowFeatures[], d: Draft, columns: Band, id: string, extra?: Localized): TableStructure {
  const data: Band = { start: d.dataStart, end: d.dataEnd };
  const reasons = extra ? [...d.reasons, extra] : d.reasons;
  return assemble(sheet, features, d.captions, d.header, data, d.notes, columns, id, extra ? d.confidence * 0.9 : d.confidence, reasons);
}

/** The leading number of a label: `  0- 4` → 0, ` 35-39` → 35, `70歳` → 70. */
function leadingNumber(v: ReturnType<typeof getValue>): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') return undefined;
  const m = /^[\s\u3000]*([0-9０-９]+)/.exec(v);
  return m ? Number(halfWidthDigits(m[1])) : undefined;
}

/**
 * A header repeated across the columns (`地区, 町名, 世帯数…` twice; `年齢, 総数, 男, 女` three
 * times): the column blocks it makes, or undefined.
 */
function repeatedBlocks(sheet: Sheet, features: RowFeatures[], d: Draft, g: Band): Band[] | undefined {
  // A ruling line of dashes repeats across any table: no title of a column.
  const titleRows = d.header.filter((r) => !isUnitRow(features[r]) && !features[r].rule);
  if (titleRows.length === 0) return undefined;
  const cells = headerCells(sheet, g, titleRows);
  const title = (c: number) => normalizeTitle((cells.get(c) ?? []).slice(-1).join(''));
  const width = g.end - g.start + 1;
  for (let p = 2; p <= width / 2; p++) {
    const k = Math.floor(width / p);
    let same = true;
    for (let j = 0; j < p && same; j++) for (let b = 1; b < k && same; b++) same = title(g.start + j) === title(g.start + b * p + j);
    let named = 0;
    for (let j = 0; j < p; j++) if (title(g.start + j) !== '') named++;
    // Columns left over at the right must be empty: the blocks fill the table.
    for (let c = g.start + k * p; c <= g.end && same; c++) same = title(c) === '';
    if (same && named >= 2 && title(g.start) !== '') return Array.from({ length: k }, (_, b) => ({ start: g.start + b * p, end: g.start + b * p + p - 1 }));
  }
  return undefined;
}

/**
 * Blocks whose labels go on where the previous block's stop (ages 0–34 | 35–69 | 70–) are one
 * table wrapped for the page; blocks of names (towns of other districts) are tables of their own.
 */
function blocksContinue(sheet: Sheet, d: Draft, blocks: Band[]): boolean {
  const labels = (b: Band) => {
    const out: number[] = [];
    for (let r = d.dataStart; r <= d.dataEnd; r++) {
      const n = leadingNumber(getValue(sheet, r, b.start));
      if (n !== undefined) out.push(n);
    }
    return out;
  };
  const all = blocks.map(labels);
  if (all.some((l) => l.length === 0)) return false;
  for (let b = 1; b < all.length; b++) {
    const first = all[b][0];
    const before = all[b - 1].filter((n) => n < first).length;
    if (first <= all[b - 1][0] || before < all[b - 1].length * 0.8) return false;
  }
  return true;
}

/** `nested`: the draft is already one column group of a split (it is not split by blank columns again). */
function tablesFromDraft(sheet: Sheet, features: RowFeatures[], d: Draft, nextId: () => string, nested = false): TableStructure[] {
  const data: Band = { start: d.dataStart, end: d.dataEnd };
  const body = [...d.header, ...rowsOf(data)];
  const columns = columnsOf(body, features);
  const groups = columnGroups(columns, splitColumns(sheet, body, columns));
  if (nested || !independentGroups(sheet, d, groups)) {
    const blocks = repeatedBlocks(sheet, features, d, columns);
    if (blocks && blocksContinue(sheet, d, blocks)) {
      const t = tableOfDraft(sheet, features, d, columns, nextId(), say(`同じ見出しの${blocks.length}つの列ブロックに折り返された1つの表`, `One table wrapped into ${blocks.length} column blocks under the same header`));
      return [{ ...t, blocks }];
    }
    if (blocks) return splitInto(sheet, d, blocks, nextId, say('同じ見出しの表が横に並んでいます', 'Tables with the same header side by side'));
    return [tableOfDraft(sheet, features, d, columns, nextId())];
  }
  return splitInto(sheet, d, groups, nextId, undefined);
}

/**
 * Side-by-side tables: each column group's lines are read again on their own (its own
 * caption, header rows and notes), and may hold more than one table.
 */
function splitInto(sheet: Sheet, d: Draft, groups: Band[], nextId: () => string, reason: Localized | undefined): TableStructure[] {
  const band = draftRows(d);
  return groups.flatMap((g) => {
    const own = regionFeatures(sheet, band, g);
    const why = reason ?? say(`空の列で区切られた横並びの表(${g.start + 1}〜${g.end + 1}列目)`, `Side-by-side table separated by empty columns (columns ${g.start + 1}–${g.end + 1})`);
    return buildDrafts(sheet, own, { rows: band, cols: g }).flatMap((x) => {
      const cols = columnsOf([...x.header, ...rowsOf({ start: x.dataStart, end: x.dataEnd })], own);
      return tablesFromDraft(sheet, own, x, nextId, true).map((t) => ({ ...t, columns: cols, reasons: [...t.reasons, why] }));
    });
  });
}

function applyOverride(sheet: Sheet, features: RowFeatures[], t: TableStructure, o: StructureOverride): TableStructure {
  const banded = o.range || o.headerRows || o.dataRows ? applyBands(sheet, features, t, o) : t;
  return o.rows?.length ? applyRowRoles(sheet, features, banded, o.rows) : banded;
}

/**
 * The table with the rows the user gave a role moved into it (「行の役割」): a 見出し row
 * joins the header (the data starts below it), a データ row the data, 表題 / 日付 / 出典 rows
 * are captions above the table and notes below it (日付 and 出典 rows become @Date and the
 * source rather than caption text), 単位 rows join the header as its units row, 注記 rows
 * the notes. The header stays one band of rows: header rows above a row marked otherwise
 * inside it become captions. Every other row keeps what the detection found.
 */
function applyRowRoles(sheet: Sheet, features: RowFeatures[], t: TableStructure, marks: readonly { row: number; role: RowRole }[]): TableStructure {
  const role = new Map<number, RowRole>();
  for (const m of marks) if (m.row >= 0 && m.row < sheet.rowCount) role.set(m.row, m.role);
  const marked = (r: number) => role.has(r);
  const is = (r: number, ...roles: RowRole[]) => roles.includes(role.get(r)!);
  // The data: the detected band, grown to every row marked データ, shrunk past marked rows at its edges.
  let dataStart = t.dataRows.start;
  let dataEnd = t.dataRows.end;
  for (const [r, x] of role) {
    if (x !== 'data') continue;
    if (dataEnd < dataStart) [dataStart, dataEnd] = [r, r];
    dataStart = Math.min(dataStart, r);
    dataEnd = Math.max(dataEnd, r);
  }
  // Rows marked 見出し or 単位 inside the data: the data starts below the lowest of them.
  for (const [r, x] of role) if ((x === 'header' || x === 'unit') && r >= dataStart && r <= dataEnd) dataStart = r + 1;
  while (dataStart <= dataEnd && marked(dataStart) && !is(dataStart, 'data')) dataStart++;
  while (dataEnd >= dataStart && marked(dataEnd) && !is(dataEnd, 'data')) dataEnd--;
  // The header: detected rows not marked otherwise, and the marked ones, above the data.
  const header = new Set<number>();
  for (let r = t.headerRows.start; r <= t.headerRows.end; r++) if (!marked(r) || is(r, 'header', 'unit')) header.add(r);
  for (const [r, x] of role) if (x === 'header' || x === 'unit') header.add(r);
  for (const r of header) if (r >= dataStart) header.delete(r);
  const headerRows: number[] = [];
  const leftover: number[] = [];
  const sorted = [...header].sort((a, b) => a - b);
  // One band, ending at the lowest header row: rows above a gap or a row marked otherwise are captions.
  for (let i = sorted.length - 1; i >= 0; i--) {
    const r = sorted[i];
    if (headerRows.length === 0 || r === headerRows[0] - 1) headerRows.unshift(r);
    else leftover.push(r);
  }
  const top = headerRows.length ? headerRows[0] : dataStart;
  const captions = new Set<number>(leftover.filter((r) => !marked(r)));
  const notes = new Set<number>();
  for (const r of t.captionRows) if (!marked(r)) captions.add(r);
  for (const r of t.noteRows) if (!marked(r)) notes.add(r);
  // Detected header or data rows left out of both bands keep a place as captions or notes.
  for (let r = t.headerRows.start; r <= Math.max(t.headerRows.end, t.dataRows.end); r++) {
    if (marked(r) || header.has(r) || (r >= dataStart && r <= dataEnd) || !features[r]?.nonEmpty) continue;
    if (r < top) captions.add(r);
    else if (r > dataEnd) notes.add(r);
  }
  const dateRows: number[] = [];
  const sourceRows: number[] = [];
  for (const [r, x] of role) {
    if (x === 'caption' || x === 'date' || x === 'source') (r > dataEnd ? notes : captions).add(r);
    if (x === 'note') notes.add(r);
    if (x === 'date') dateRows.push(r);
    if (x === 'source') sourceRows.push(r);
  }
  const data: Band = { start: dataStart, end: dataEnd };
  const reasons = [...t.reasons, say('利用者が行の役割を指定しました', 'Row roles set by the user')];
  // Units rows: as the user says where marked, else as the rows read.
  const isUnit = (r: number) => (marked(r) ? is(r, 'unit') : isUnitRow(features[r]));
  const out = assemble(sheet, features, [...captions].sort((a, b) => a - b), headerRows, data, [...notes].sort((a, b) => a - b), t.columns, t.id, 1, reasons, isUnit);
  if (dateRows.length) out.dateRows = dateRows.sort((a, b) => a - b);
  if (sourceRows.length) out.sourceRows = sourceRows.sort((a, b) => a - b);
  if (t.blocks) out.blocks = t.blocks;
  return out;
}

/**
 * 「ここで表を分ける」: table `t` as two, the rows above `row` and the rows from it on, each
 * read again on its own (its own caption, header, data and notes). Undefined when `row` is
 * not inside the table past its first row, or a part holds no table.
 */
function splitTable(sheet: Sheet, t: TableStructure, row: number, nextId: () => string): TableStructure[] | undefined {
  if (row <= t.range.s.r || row > t.range.e.r) return undefined;
  const cols = { start: t.range.s.c, end: t.range.e.c };
  const reason = say(`利用者が${row + 1}行目で表を分けました`, `Split by the user at row ${row + 1}`);
  const part = (rows: Band) => {
    const own = regionFeatures(sheet, rows, cols);
    return buildDrafts(sheet, own, { rows, cols }).flatMap((d) => tablesFromDraft(sheet, own, d, nextId, true).map((x) => ({ ...x, reasons: [...x.reasons, reason] })));
  };
  const above = part({ start: t.range.s.r, end: row - 1 });
  const below = part({ start: row, end: t.range.e.r });
  return above.length && below.length ? [...above, ...below] : undefined;
}

/** 「表をつなげる」: `a` and the table `b` after it as one table (what lies between them is data). */
function joinTables(sheet: Sheet, features: RowFeatures[], a: TableStructure, b: TableStructure): TableStructure {
  const header = rowsOf(a.headerRows);
  const data: Band = { start: a.dataRows.start, end: Math.max(a.dataRows.end, b.dataRows.end) };
  const columns: Band = { start: Math.min(a.columns.start, b.columns.start), end: Math.max(a.columns.end, b.columns.end) };
  const reasons = [...a.reasons, say('利用者が次の表とつなげました', 'Joined with the next table by the user')];
  return assemble(sheet, features, a.captionRows, header, data, b.noteRows.filter((r) => r > data.end), columns, a.id, 1, reasons);
}

function applyBands(sheet: Sheet, features: RowFeatures[], t: TableStructure, o: StructureOverride): TableStructure {
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
  const whole: Region = { rows: { start: 0, end: sheet.rowCount - 1 }, cols: { start: 0, end: sheet.columns.length - 1 } };
  const tables = buildDrafts(sheet, features, whole).flatMap((d) => tablesFromDraft(sheet, features, d, nextId));
  const mine = overrides.filter((o) => o.sheetId === sheet.id);
  // Splits and joins first, in their order: each names the tables as the ones before left them.
  let split = false;
  for (const o of mine) {
    if (o.splitAt !== undefined && tables[o.table]) {
      const parts = splitTable(sheet, tables[o.table], o.splitAt, nextId);
      if (parts) tables.splice(o.table, 1, ...parts);
      split ||= !!parts;
    } else if (o.joinNext && tables[o.table] && tables[o.table + 1]) {
      tables.splice(o.table, 2, joinTables(sheet, features, tables[o.table], tables[o.table + 1]));
      split = true;
    }
  }
  // Tables are named in reading order, split and joined ones too.
  if (split) tables.forEach((t, i) => (tables[i] = { ...t, id: `t${i + 1}` }));
  for (const o of mine) if (o.splitAt === undefined && !o.joinNext && tables[o.table]) tables[o.table] = applyOverride(sheet, features, tables[o.table], o);
  return { sheetId: sheet.id, tables, overridden: mine.length > 0 };
}

export { rowFeatures };
