// Level 1 and Level 2 CSV (docs/export.md, the guide's Level 2 example) and re-import.
//
// Level 2 layout written here: the guide's header, every line always (SPEC §4), a value
// left empty where it is unknown (`@Creator,,ja`, `@Date,`) so that a reader finds the
// same lines in the same places in every file:
//   @Caption,<caption>,ja
//   @Creator,<creator>,ja
//   @Date,<YYYY-MM-DD>
//   @Language,<language>         `ja` unless the metadata says otherwise
//   [@Source,<source>,ja / @License,<licence> / @Note,<text>,ja[,<mark>]]
//                                only with `extraMetadata` (off by default: the guide's
//                                header has no such lines; notes, source and licence go to
//                                the CSVW sidecar and the report of 「すべての表をダウンロード」)
//   @Title,ja      + the title row
//   @Baseval       + the scale row (`1000`, blank where none)
//   @Unit,ja       + the unit row
//   @Datatype      + the datatype row (`xsd:integer`…)
//   data rows
// The language tag on @Caption, @Creator, @Title and @Unit is the table's language.
// With `padAtLines` (default) every @ line has as many fields as the table is wide.
// Quoting is RFC 4180 with PapaParse's rules (see `csvField`). Every field except the @
// keyword goes through the CSV-injection guard (csv.ts), so no data line starts with `@`;
// with the guard off, a first field starting with `@` is quoted instead. Either way a data row never reads back
// as an @ line: `parseLevel2` takes a line as metadata only when its first field starts
// with `@` unquoted.
import { type Sheet, type TableMeta, type TableNote } from '../model.ts';
import { type NumberWriting, canonicalNumber, exportText, numberExporter, shownSection } from '../numberFormat.ts';
import { guardCell, unguardCell } from './csv.ts';
import { type CsvRecords, tokenizeCsv } from './csvTokenizer.ts';
import { CHECKED_DATATYPES, type XsdDatatype, inferColumn, isIgnorableValue, matchesDatatype, specialSymbolsIn } from './datatype.ts';

/** Rows of the sheet that make the table (zero-based; `dataEnd` inclusive, as structure detection). */
export interface ExportBands {
  titleRow: number;
  dataStart: number;
  dataEnd: number;
}

export interface ExportTableOptions {
  /** Prefix risky text with `'` (default on). */
  injectionGuard?: boolean;
  /**
   * Numbers as the sheet shows them (`shown`: the decimals of their format, a `%` format's
   * percentage with unit `%`) or with every stored digit (`stored`, the default here).
   */
  numbers?: NumberWriting;
}

/** A table as it goes into the file: every string is file text (guarded when `guarded`). */
export interface ExportTable {
  titles: string[];
  rows: string[][];
  datatypes: string[];
  units: string[];
  /** Scale per column as text (`1000`), `''` where none. */
  basevals: string[];
  /** English titles where known (plain text, for the CSVW sidecar). */
  titlesEn: (string | undefined)[];
  /** Per column, the special symbols (`x`, `…`…) found in typed columns, as written. */
  symbols: string[][];
  /** Whether the injection guard was applied. */
  guarded: boolean;
}

/** The metadata a Level 2 file carries: a `TableMeta` without its per-column part (columns come with the table). */
export type Level2Meta = Omit<TableMeta, 'notes' | 'columns'> & { notes?: TableNote[] };

export interface Level1WriteOptions {
  /** Line ending; CRLF by default. */
  eol?: '\r\n' | '\n';
}

export interface Level2WriteOptions extends Level1WriteOptions {
  /** Pad every @ line with commas to the table width (default on). */
  padAtLines?: boolean;
  /** Guard metadata values (default: as the table was guarded). */
  injectionGuard?: boolean;
  /** Also write @Source, @License and @Note lines (default off). */
  extraMetadata?: boolean;
}

/**
 * The export text of a table on `sheet`: titles from `bands.titleRow`, data rows
 * `bands.dataStart`…`bands.dataEnd`, every column of the sheet. Units, scales and datatype
 * overrides come from `sheet.meta.columns`; other datatypes are inferred (datatype.ts).
 * With numbers `shown`, a column whose numbers all show as percentages and that has no
 * unit of its own gets the unit `%`.
 */
export function buildExportTable(sheet: Sheet, date1904: boolean, bands: ExportBands, options: ExportTableOptions = {}): ExportTable {
  const guard = options.injectionGuard ?? true;
  const numbers = options.numbers ?? 'stored';
  const width = sheet.columns.length;
  const start = Math.max(0, bands.dataStart);
  const end = Math.min(bands.dataEnd, sheet.rowCount - 1);
  const n = Math.max(0, end - start + 1);
  const rows: string[][] = new Array(n);
  for (let i = 0; i < n; i++) rows[i] = new Array<string>(width);
  const titles = new Array<string>(width);
  const titlesEn = new Array<string | undefined>(width);
  const datatypes = new Array<string>(width);
  const units = new Array<string>(width);
  const basevals = new Array<string>(width);
  const symbols: string[][] = new Array(width);
  const g = guard ? guardCell : (s: string) => s;
  const texts = new Array<string>(n);
  const formats = sheet.formats;
  // One number exporter per format index: the format is analysed once, not per cell.
  const exporters: ((n: number) => string)[] = [];

  for (let c = 0; c < width; c++) {
    const col = sheet.columns[c];
    const cm = sheet.meta?.columns[c];
    const tr = bands.titleRow;
    const title =
      tr >= 0 && tr < sheet.rowCount ? exportText(col.values[tr] ?? null, formats[col.formats?.[tr] ?? 0], col.raw?.[tr], date1904) : '';
    titles[c] = g(title);
    titlesEn[c] = cm?.titleEn;
    basevals[c] = cm?.baseval !== undefined && Number.isFinite(cm.baseval) ? canonicalNumber(cm.baseval) : '';

    const values = col.values;
    const fmts = col.formats;
    const raw = col.raw;
    let numbersSeen = 0;
    let percents = 0;
    for (let i = 0; i < n; i++) {
      const r = start + i;
      const v = values[r] ?? null;
      if (v === null) texts[i] = '';
      else if (typeof v === 'string') texts[i] = v;
      else if (typeof v === 'number' && raw?.[r] === undefined) {
        const fi = fmts ? fmts[r] : 0;
        texts[i] = (exporters[fi] ??= numberExporter(formats[fi], date1904, numbers))(v);
        if (numbers === 'shown') {
          numbersSeen++;
          if (fi !== 0 && shownSection(formats[fi], v)?.percent) percents++;
        }
      } else texts[i] = exportText(v, fmts ? formats[fmts[r]] : undefined, raw?.[r], date1904);
    }
    // The sheet shows `27.3%`, the file says `27.3`: the `%` goes to the unit row.
    units[c] = g(cm?.unit || (numbersSeen > 0 && percents === numbersSeen ? '%' : ''));
    let datatype: string;
    let found: string[];
    if (cm?.datatype) {
      datatype = cm.datatype;
      found = datatype === 'xsd:string' ? [] : specialSymbolsIn(texts);
    } else ({ datatype, symbols: found } = inferColumn(texts, { title }));
    datatypes[c] = g(datatype);
    symbols[c] = found.map(g);
    for (let i = 0; i < n; i++) {
      const t = texts[i];
      rows[i][c] = guard ? guardCell(t) : t;
    }
  }
  return { titles, rows, datatypes, units, basevals, titlesEn, symbols, guarded: guard };
}

// RFC 4180 quoting with PapaParse's rules (a field is quoted when it holds `"`, a comma,
// CR, LF or a BOM, or starts or ends with a space; `"` doubled), written out here because
// Papa.unparse costs about half a second per two million cells. A test checks that the
// output equals Papa.unparse on random tables.
const NEEDS_QUOTES = /[",\r\n\uFEFF]/;
const QUOTE = /"/g;

function csvField(s: string, first: boolean): string {
  const n = s.length;
  if (n === 0) return s;
  if (
    NEEDS_QUOTES.test(s) ||
    s.charCodeAt(0) === 0x20 ||
    s.charCodeAt(n - 1) === 0x20 ||
    // A first field starting with `@` is quoted, so that the line never reads as metadata
    // (only possible with the guard off: the guard prefixes `'`).
    (first && s.charCodeAt(0) === 0x40)
  )
    return `"${s.replace(QUOTE, '""')}"`;
  return s;
}

function csvLine(row: readonly string[]): string {
  let line = csvField(row[0] ?? '', true);
  for (let c = 1; c < row.length; c++) line += ',' + csvField(row[c] ?? '', false);
  return line;
}

function serialize(rows: readonly (readonly string[])[], eol: string): string {
  if (rows.length === 0) return '';
  const lines = new Array<string>(rows.length);
  for (let i = 0; i < rows.length; i++) lines[i] = csvLine(rows[i]);
  return lines.join(eol) + eol;
}

function atLine(fields: string[], width: number, pad: boolean): string[] {
  if (pad) while (fields.length < width) fields.push('');
  return fields;
}

/** The @ lines above `@Title`, as fields (keyword first), before padding. */
export function level2MetaLines(meta: Level2Meta, options: Level2WriteOptions = {}, guarded = true): string[][] {
  const g = (options.injectionGuard ?? guarded) ? guardCell : (s: string) => s;
  const lang = meta.language || 'ja';
  const lines: string[][] = [];
  lines.push(['@Caption', g(meta.caption ?? ''), g(lang)]);
  lines.push(['@Creator', g(meta.creator ?? ''), g(lang)]);
  lines.push(['@Date', g(meta.date ?? '')]);
  lines.push(['@Language', g(lang)]);
  if (options.extraMetadata) {
    if (meta.source) lines.push(['@Source', g(meta.source), g(lang)]);
    if (meta.license) lines.push(['@License', g(meta.license)]);
    for (const note of meta.notes ?? []) {
      const line = ['@Note', g(note.text), g(lang)];
      if (note.mark) line.push(g(note.mark));
      lines.push(line);
    }
  }
  return lines;
}

/** The @ lines of the guide's header that are always written and may be empty. */
export const LEVEL2_VALUE_LINES = ['@Caption', '@Creator', '@Date', '@Baseval', '@Unit', '@Datatype'] as const;
export type Level2ValueLine = (typeof LEVEL2_VALUE_LINES)[number];

/**
 * The header lines whose value is empty in this file: `@Caption`, `@Creator`, `@Date`
 * from the metadata, `@Baseval`, `@Unit`, `@Datatype` when their row is blank in every
 * column. (`@Language` and `@Title` always have a value.)
 */
export function emptyLevel2Lines(table: Pick<ExportTable, 'basevals' | 'units' | 'datatypes'>, meta: Pick<Level2Meta, 'caption' | 'creator' | 'date'>): Level2ValueLine[] {
  const blank = (row: readonly string[]) => row.every((v) => v === '');
  const out: Level2ValueLine[] = [];
  if (!meta.caption) out.push('@Caption');
  if (!meta.creator) out.push('@Creator');
  if (!meta.date) out.push('@Date');
  if (blank(table.basevals)) out.push('@Baseval');
  if (blank(table.units)) out.push('@Unit');
  if (blank(table.datatypes)) out.push('@Datatype');
  return out;
}

/** Records before the title row in a Level 2 file (the metadata lines and `@Title`): CSVW `skipRows`. */
export function level2SkipRows(meta: Level2Meta, options: Level2WriteOptions = {}): number {
  return level2MetaLines(meta, options).length + 1;
}

/** Records from the title row to the datatype row: CSVW `headerRowCount` of a Level 2 file. */
export const LEVEL2_HEADER_ROWS = 7;

/** Level 1 CSV: the title row, then the data. */
export function writeLevel1(table: ExportTable, options: Level1WriteOptions = {}): string {
  const eol = options.eol ?? '\r\n';
  return serialize([table.titles], eol) + serialize(table.rows, eol);
}

/** Level 2 CSV as the guide writes it (see the layout at the top of this file). */
export function writeLevel2(table: ExportTable, meta: Level2Meta, options: Level2WriteOptions = {}): string {
  const eol = options.eol ?? '\r\n';
  const pad = options.padAtLines ?? true;
  const width = table.titles.length;
  const lang = (options.injectionGuard ?? table.guarded) ? guardCell(meta.language || 'ja') : meta.language || 'ja';
  const head = level2MetaLines(meta, options, table.guarded).map((l) => atLine(l, width, pad));
  // @ lines: the keyword is written as is (never quoted), the rest as any field.
  const at = (fields: string[]) => {
    let line = fields[0];
    for (let c = 1; c < fields.length; c++) line += ',' + csvField(fields[c], false);
    return line + eol;
  };
  const parts: string[] = [];
  for (const line of head) parts.push(at(line));
  parts.push(at(atLine(['@Title', lang], width, pad)), serialize([table.titles], eol));
  parts.push(at(atLine(['@Baseval'], width, pad)), serialize([table.basevals], eol));
  parts.push(at(atLine(['@Unit', lang], width, pad)), serialize([table.units], eol));
  parts.push(at(atLine(['@Datatype'], width, pad)), serialize([table.datatypes], eol));
  parts.push(serialize(table.rows, eol));
  return parts.join('');
}

// ---------------------------------------------------------------------------------
// Re-import: from the records of the one CSV tokenizer (csvTokenizer.ts), so a Level 2
// file splits into the same records as when it is read as a plain CSV.

const META_KEYS = ['caption', 'creator', 'date', 'language', 'source', 'license', 'licence', 'note'] as const;
const ROW_KEYS = ['title', 'baseval', 'unit', 'datatype'] as const;
type RowKey = (typeof ROW_KEYS)[number];

/** The keyword of record `r` when it is an @ line: its first field starts with `@` unquoted. */
function atKeyword(records: CsvRecords, r: number): string | undefined {
  const first = records.rows[r][0];
  if (first.charCodeAt(0) !== 0x40 || records.quotedAt.has(r)) return undefined;
  return first.slice(1).trim().toLowerCase();
}

function isKnownKeyword(k: string | undefined): boolean {
  return k !== undefined && ((META_KEYS as readonly string[]).includes(k) || (ROW_KEYS as readonly string[]).includes(k));
}

function allEmpty(fields: string[]): boolean {
  return fields.every((f) => f === '');
}

/** The @ lines of a Level 2 file other than the per-column rows. */
export type ParsedLevel2Meta = Omit<TableMeta, 'columns'>;

export interface ParsedLevel2 {
  meta: ParsedLevel2Meta;
  titles: string[];
  units: string[];
  basevals: string[];
  datatypes: string[];
  /** Data rows, every row `width` fields long (short rows padded with `''`). */
  rows: string[][];
  width: number;
  /** Index of the first data record (0-based; a record may span lines). */
  dataStart: number;
  /** 1-based physical line of each data row, for messages. */
  rowLines: number[];
  /** @ lines with keywords this reader does not know, as they are. */
  other: { keyword: string; fields: string[] }[];
}

export interface ParseLevel2Options {
  /** Remove the injection guard's `'` (default on). */
  unguard?: boolean;
}

/**
 * Reads a Level 2 CSV (ours or hand-made). Undefined when the text does not start with a
 * known @ line (`@Caption`, `@Creator`, `@Date`, `@Language`, `@Title`, `@Baseval`,
 * `@Unit`, `@Datatype`, `@Source`, `@License`, `@Note`; case-insensitive).
 *
 * The @ block is the run of records at the top whose first field starts with `@`
 * unquoted; `@Title`, `@Baseval`, `@Unit` and `@Datatype` each take the record after them
 * as their row, in any order (none when that record is itself an @ line: the guide's
 * example has `@Unit` directly followed by `@Datatype`). Blank records between @ lines are skipped. Without `@Title`,
 * the first record after the block is the title row. Everything after that is data; only
 * trailing all-blank records are dropped. Every field except the @ keyword is unguarded.
 */
export function parseLevel2(text: string, options: ParseLevel2Options = {}): ParsedLevel2 | undefined {
  return parseLevel2Records(tokenizeCsv(text, ','), options);
}

/** `parseLevel2` on records already read (a file is tokenized once: csvTokenizer.ts). */
export function parseLevel2Records(csv: CsvRecords, options: ParseLevel2Options = {}): ParsedLevel2 | undefined {
  const records = csv.rows;
  if (records.length === 0 || !isKnownKeyword(atKeyword(csv, 0))) return undefined;
  const ug = (options.unguard ?? true) ? unguardCell : (s: string) => s;
  const meta: ParsedLevel2Meta = { notes: [] };
  const rowsOf: Partial<Record<RowKey, string[]>> = {};
  const other: ParsedLevel2['other'] = [];
  const field = (rec: string[], k: number) => ug(rec[k] ?? '');

  let i = 0;
  while (i < records.length) {
    const rec = records[i];
    const key = atKeyword(csv, i);
    if (key === undefined) {
      // Blank records between @ lines are layout, not data.
      let j = i;
      while (j < records.length && allEmpty(records[j])) j++;
      if (j > i && j < records.length && atKeyword(csv, j) !== undefined) {
        i = j;
        continue;
      }
      break;
    }
    i++;
    if ((ROW_KEYS as readonly string[]).includes(key)) {
      // An @ line right after `@Unit` (the guide's own example does this) means the row
      // is missing: a row of ours never starts with an unquoted `@`.
      if (i < records.length && atKeyword(csv, i) === undefined) rowsOf[key as RowKey] = records[i++].map(ug);
      else rowsOf[key as RowKey] ??= [];
      continue;
    }
    const value = field(rec, 1);
    switch (key) {
      case 'caption':
        if (value) meta.caption = value;
        break;
      case 'creator':
        if (value) meta.creator = value;
        break;
      case 'date':
        if (value) meta.date = value;
        break;
      case 'language':
        if (value) meta.language = value;
        break;
      case 'source':
        if (value) meta.source = value;
        break;
      case 'license':
      case 'licence':
        if (value) meta.license = value;
        break;
      case 'note': {
        const mark = field(rec, 3);
        if (value) meta.notes.push(mark ? { mark, text: value } : { text: value });
        break;
      }
      default:
        other.push({ keyword: rec[0].slice(1), fields: rec.slice(1).map(ug) });
    }
  }
  if (!rowsOf.title && i < records.length) rowsOf.title = records[i++].map(ug);

  let end = records.length;
  while (end > i && allEmpty(records[end - 1])) end--;
  const dataStart = i;
  let width = 0;
  for (const key of ROW_KEYS) width = Math.max(width, rowsOf[key]?.length ?? 0);
  for (let r = dataStart; r < end; r++) if (records[r].length > width) width = records[r].length;

  const padded = (row: string[] | undefined) => {
    const out = row ? row.slice() : [];
    while (out.length < width) out.push('');
    return out;
  };
  // A header row is as wide as the table: drop padding beyond the widest row (never data).
  const rows: string[][] = new Array(end - dataStart);
  const rowLines: number[] = new Array(end - dataStart);
  for (let r = dataStart; r < end; r++) {
    const fields = records[r];
    const row = new Array<string>(width);
    for (let c = 0; c < width; c++) row[c] = c < fields.length ? ug(fields[c]) : '';
    rows[r - dataStart] = row;
    rowLines[r - dataStart] = csv.lines[r];
  }
  return {
    meta,
    titles: padded(rowsOf.title),
    units: padded(rowsOf.unit),
    basevals: padded(rowsOf.baseval),
    datatypes: padded(rowsOf.datatype),
    rows,
    width,
    dataStart,
    rowLines,
    other,
  };
}

export interface CellMismatch {
  /** Index into `parsed.rows`. */
  row: number;
  column: number;
  /** 1-based line in the file. */
  line: number;
  value: string;
  expected: string;
}

export type HeaderProblem =
  | { kind: 'date'; value: string }
  | { kind: 'baseval'; column: number; value: string }
  | { kind: 'datatype'; column: number; value: string };

export interface Level2Validation {
  /** Cells whose value is not of the column's declared datatype (at most `maxPerColumn` per column). */
  mismatches: CellMismatch[];
  /** All mismatches per column, also those beyond `maxPerColumn`. */
  counts: number[];
  /** `@Date` not YYYY-MM-DD, a scale that is no number, a datatype this reader does not check. */
  header: HeaderProblem[];
}

/**
 * Checks each column against its declared datatype. Blanks and special symbols
 * (`x`, `***`, `-`, `…`…) are not values and are skipped; so are columns without a
 * declared datatype and columns whose datatype this reader does not know (reported in
 * `header`).
 */
export function validateLevel2(parsed: ParsedLevel2, options: { maxPerColumn?: number } = {}): Level2Validation {
  const max = options.maxPerColumn ?? 1000;
  const mismatches: CellMismatch[] = [];
  const counts = new Array<number>(parsed.width).fill(0);
  const header: HeaderProblem[] = [];
  if (parsed.meta.date !== undefined && !matchesDatatype(parsed.meta.date, 'xsd:date')) header.push({ kind: 'date', value: parsed.meta.date });
  for (let c = 0; c < parsed.width; c++) {
    const b = parsed.basevals[c];
    if (b !== '' && !/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/.test(b)) header.push({ kind: 'baseval', column: c, value: b });
    const dt = parsed.datatypes[c].trim();
    if (dt === '' || dt === 'xsd:string') continue;
    if (!CHECKED_DATATYPES.includes(dt)) {
      header.push({ kind: 'datatype', column: c, value: dt });
      continue;
    }
    for (let r = 0; r < parsed.rows.length; r++) {
      const v = parsed.rows[r][c];
      if (v === '' || matchesDatatype(v, dt) || isIgnorableValue(v)) continue;
      if (counts[c]++ < max) mismatches.push({ row: r, column: c, line: parsed.rowLines[r], value: v, expected: dt });
    }
  }
  return { mismatches, counts, header };
}

export type { XsdDatatype };
