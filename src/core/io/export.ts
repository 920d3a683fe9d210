// Exporting the tables of a workbook: the one place that turns a sheet into the bytes the
// user downloads (browser) or the file the CLI writes, so the two are byte-identical for
// the same document. Picks the title row and data rows from the detected structure,
// writes Level 1 or Level 2 CSV (level2.ts), encodes it (encodeText.ts), and can add the
// CSVW sidecar, a ZIP of one table, or the ZIP of every table with the recipe and a report.
//
// File names come from the source file, never from the caption, so a script can predict
// them (docs/export.md): `<stem>.csv` when the file has one data table, `<stem>_<sheet>.csv`, and
// `<stem>_<sheet>_<n>.csv` for the n-th table of a sheet that 「すべて修正」 split into
// tables on sheets of their own (n counts tables, not the leftovers a split may leave).
import { captionNotesMeta } from '../analysis/captionNotesMeta.ts';
import { buildSheetView } from '../analysis/view.ts';
import type { RuleResult } from '../analysis/analyse.ts';
import type { Change } from '../changes.ts';
import { type Sheet, type TableMeta, type Workbook, WORKBOOK_META_FIELDS, sheetById } from '../model.ts';
import type { NumberWriting } from '../numberFormat.ts';
import { ruleById } from '../rules/registry.ts';
import type { RuleId } from '../rules/types.ts';
import { detectStructure } from '../structure/detect.ts';
import { type SheetKind, sheetKind } from '../structure/sheetKind.ts';
import type { SheetStructure, StructureOverride } from '../structure/types.ts';
import { type CsvEncoding, encodeCsv } from './encodeText.ts';
import { csvwFileName, writeCsvw } from './csvw.ts';
import { type ExportBands, type ExportTable, type Level2ValueLine, buildExportTable, emptyLevel2Lines, writeLevel1, writeLevel2 } from './level2.ts';
import { baseName } from './read.ts';
import type { Lang } from '../messages/template.ts';
import { translate } from '../messages/translate.ts';
import { makeZip } from './zip.ts';

export interface ExportOptions {
  level: 1 | 2;
  encoding: CsvEncoding;
  eol: 'crlf' | 'lf';
  /** Pad every @ line with commas to the table width. */
  padAtLines: boolean;
  /** Prefix risky text with `'` (the CSV-injection guard, csv.ts). */
  injectionGuard: boolean;
  /** Numbers as the sheet shows them (default) or with every stored digit. */
  numbers: NumberWriting;
}

export const DEFAULT_EXPORT: ExportOptions = { level: 2, encoding: 'utf-8-bom', eol: 'crlf', padAtLines: true, injectionGuard: true, numbers: 'shown' };

export interface ExportedFile {
  fileName: string;
  bytes: Uint8Array;
}

/**
 * The structure of a sheet as the export should read it. The session passes what its
 * analysis already found; without it the structure is detected (with the user's overrides).
 */
export type StructureOf = (sheet: Sheet) => SheetStructure;

/** `structureOf`, or detection remembered per sheet for the length of one export. */
function structureFn(overrides: readonly StructureOverride[], structureOf?: StructureOf): StructureOf {
  if (structureOf) return structureOf;
  const known = new Map<Sheet, SheetStructure>();
  return (sheet) => {
    let s = known.get(sheet);
    if (!s) known.set(sheet, (s = detectStructure(sheet, undefined, overrides)));
    return s;
  };
}

/** A file name Windows accepts: no \ / : * ? " < > |, no control characters, no trailing dot or space. */
export function safeFileName(name: string): string {
  const cleaned = name
    // eslint-disable-next-line no-control-regex -- control characters are what this replaces.
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')
    .replace(/[. ]+$/, '')
    .trim();
  return cleaned || 'seiton';
}

/**
 * The rows that make the table: the single title row (the last title row when the header
 * was not flattened) and the data rows, from the detected structure; the whole sheet
 * with row 1 as titles when nothing is detected.
 */
export function exportBands(sheet: Sheet, overrides: readonly StructureOverride[] = [], structure?: SheetStructure): ExportBands {
  const t = (structure ?? detectStructure(sheet, undefined, overrides)).tables[0];
  if (!t || t.dataRows.end < t.dataRows.start) return { titleRow: 0, dataStart: 1, dataEnd: sheet.rowCount - 1 };
  let titleRow = t.headerRows.end >= t.headerRows.start ? t.headerRows.end : t.dataRows.start - 1;
  while (titleRow > t.headerRows.start && t.unitRows.includes(titleRow)) titleRow--;
  return { titleRow: Math.max(0, titleRow), dataStart: t.dataRows.start, dataEnd: t.dataRows.end };
}

/**
 * The metadata to write: the sheet's own, completed with what caption and note rows still
 * in the grid say (before 「すべて修正」 moves them), so nothing the user sees is dropped;
 * where the table has no creator, date, source, language or licence, the file's.
 */
export function exportMeta(wb: Workbook, sheet: Sheet, overrides: readonly StructureOverride[] = [], structure?: SheetStructure): TableMeta {
  const meta = captionNotesMeta(buildSheetView(sheet, wb.date1904, structure ?? detectStructure(sheet, undefined, overrides)));
  for (const key of WORKBOOK_META_FIELDS) if (!meta[key] && wb.meta?.[key]) meta[key] = wb.meta[key];
  return meta;
}

// --- which tables, under which names ----------------------------------------------------

/** One sheet of the workbook as the export of every table sees it. */
export interface PlannedTable {
  sheet: Sheet;
  kind: SheetKind;
  /** The file name without extension (`population`, `26jinugoki_Ⅱ_3`). */
  stem: string;
  /** Written by 「すべての表をダウンロード」 and `seiton clean`. */
  included: boolean;
}

/**
 * The sheet a split table came from. 「すべて修正」's split (the one-table rule) gives the
 * table it moves to a sheet of its own the id `<source id>-<table id>` and keeps the
 * first table on the source sheet: the id survives undo, redo and the autosave, and the
 * shortest id a sheet's id extends is the sheet the whole split started from.
 */
function splitSource(wb: Workbook, sheet: Sheet): Sheet {
  let source = sheet;
  for (const s of wb.sheets) if (s !== sheet && sheet.id.startsWith(`${s.id}-`) && s.id.length < source.id.length) source = s;
  return source;
}

/**
 * Every sheet with its kind, its file name and whether the export of every table writes
 * it: data tables always; the others (目次, notes pages, stray cells) with `includeAll`,
 * or when the file has no data table at all (something is always written).
 */
export function exportPlan(wb: Workbook, structureOf: StructureOf, includeAll = false): PlannedTable[] {
  const sheets = wb.sheets.filter((s) => s.rowCount > 0);
  const kinds = new Map(sheets.map((s) => [s, sheetKind(s, structureOf(s))]));
  const data = sheets.filter((s) => kinds.get(s) === 'data');
  // The tables written by default: the data tables, or every sheet of a file that has none.
  const written = data.length > 0 ? data : sheets;
  const stem = safeFileName(baseName(wb.source.fileName));
  const groups = new Map<Sheet, Sheet[]>();
  for (const s of sheets) {
    const source = splitSource(wb, s);
    groups.set(source, [...(groups.get(source) ?? []), s]);
  }
  // The n of `<stem>_<sheet>_<n>` counts the tables of the sheet: a split's pieces that are
  // data tables first, in sheet order, then the others (a leftover title row, a block of
  // notes), so the tables are _1, _2… whether or not the others are written, and a sheet
  // that holds one table among leftovers is `<stem>_<sheet>`.
  const order = new Map<Sheet, { n: number; tables: number }>();
  for (const group of groups.values()) {
    const tables = group.filter((s) => kinds.get(s) === 'data');
    const counted = tables.length > 0 ? tables : group;
    [...counted, ...group.filter((s) => !counted.includes(s))].forEach((s, i) => order.set(s, { n: i + 1, tables: counted.length }));
  }
  const taken = new Set<string>();
  return sheets.map((sheet) => {
    const source = splitSource(wb, sheet);
    const group = groups.get(source)!;
    const { n, tables } = order.get(sheet)!;
    let name: string;
    if (written.length === 1 && written[0] === sheet) name = stem;
    else if (group.length > 1 && !(tables === 1 && n === 1)) name = safeFileName(`${stem}_${source.name}_${n}`);
    else name = safeFileName(`${stem}_${source.name}`);
    // Two sheets whose names differ only in characters a file system refuses.
    let unique = name;
    for (let i = 2; taken.has(unique.toLowerCase()); i++) unique = `${name}_${i}`;
    taken.add(unique.toLowerCase());
    const kind = kinds.get(sheet)!;
    return { sheet, kind, stem: unique, included: kind === 'data' || includeAll || data.length === 0 };
  });
}

/** `<name>.csv` of a table (see the top of this file). */
export function exportFileName(wb: Workbook, sheet: Sheet, extension = 'csv', overrides: readonly StructureOverride[] = [], structureOf?: StructureOf): string {
  const planned = exportPlan(wb, structureFn(overrides, structureOf)).find((p) => p.sheet === sheet);
  return `${planned?.stem ?? safeFileName(`${baseName(wb.source.fileName)}_${sheet.name}`)}.${extension}`;
}

// --- one table ------------------------------------------------------------------------

function requireSheet(wb: Workbook, sheetId: string): Sheet {
  const sheet = sheetById(wb, sheetId);
  if (!sheet) throw new Error(`unknown sheet ${sheetId}`);
  return sheet;
}

const eolOf = (options: ExportOptions) => (options.eol === 'lf' ? '\n' : '\r\n');

interface BuiltTable {
  table: ExportTable;
  meta: TableMeta;
}

function buildTable(wb: Workbook, sheet: Sheet, options: ExportOptions, structure: SheetStructure): BuiltTable {
  const table = buildExportTable(sheet, wb.date1904, exportBands(sheet, [], structure), { injectionGuard: options.injectionGuard, numbers: options.numbers ?? DEFAULT_EXPORT.numbers });
  return { table, meta: exportMeta(wb, sheet, [], structure) };
}

function csvText({ table, meta }: BuiltTable, options: ExportOptions): string {
  const eol = eolOf(options);
  if (options.level === 1) return writeLevel1(table, { eol });
  return writeLevel2(table, meta, { eol, padAtLines: options.padAtLines, injectionGuard: options.injectionGuard });
}

function csvwBytes({ table, meta }: BuiltTable, csvName: string, options: ExportOptions): Uint8Array {
  const json = writeCsvw(table, meta, {
    url: csvName,
    encoding: options.encoding,
    level: options.level,
    write: { eol: eolOf(options), padAtLines: options.padAtLines, injectionGuard: options.injectionGuard },
  });
  return new TextEncoder().encode(json);
}

/** The CSV text of a table (before encoding). */
export function exportText(wb: Workbook, sheetId: string, options: ExportOptions = DEFAULT_EXPORT, overrides: readonly StructureOverride[] = []): string {
  const sheet = requireSheet(wb, sheetId);
  return csvText(buildTable(wb, sheet, options, detectStructure(sheet, undefined, overrides)), options);
}

/** The CSV file of a table. Throws UnrepresentableCharactersError for Shift_JIS it cannot hold. */
export function exportCsvFile(wb: Workbook, sheetId: string, options: ExportOptions = DEFAULT_EXPORT, overrides: readonly StructureOverride[] = [], structureOf?: StructureOf): ExportedFile {
  return exportCsv(wb, sheetId, options, overrides, structureOf).file;
}

/** The CSV file of a table and the header lines it leaves empty (none for Level 1, which has no @ lines). */
export function exportCsv(
  wb: Workbook,
  sheetId: string,
  options: ExportOptions = DEFAULT_EXPORT,
  overrides: readonly StructureOverride[] = [],
  structureOf?: StructureOf,
): { file: ExportedFile; empty: Level2ValueLine[] } {
  const sheet = requireSheet(wb, sheetId);
  const of = structureFn(overrides, structureOf);
  const built = buildTable(wb, sheet, options, of(sheet));
  return {
    file: { fileName: exportFileName(wb, sheet, 'csv', overrides, of), bytes: encodeCsv(csvText(built, options), options.encoding) },
    empty: options.level === 2 ? emptyLevel2Lines(built.table, built.meta) : [],
  };
}

/** The CSVW metadata sidecar (`<name>.csv-metadata.json`) describing the CSV file. */
export function exportCsvwFile(wb: Workbook, sheetId: string, options: ExportOptions = DEFAULT_EXPORT, overrides: readonly StructureOverride[] = [], structureOf?: StructureOf): ExportedFile {
  const sheet = requireSheet(wb, sheetId);
  const of = structureFn(overrides, structureOf);
  const csvName = exportFileName(wb, sheet, 'csv', overrides, of);
  return { fileName: csvwFileName(csvName), bytes: csvwBytes(buildTable(wb, sheet, options, of(sheet)), csvName, options) };
}

/** CSV + CSVW sidecar (+ the recipe, when given) of one table in one ZIP. */
export function exportZip(
  wb: Workbook,
  sheetId: string,
  options: ExportOptions = DEFAULT_EXPORT,
  recipeJson?: string,
  overrides: readonly StructureOverride[] = [],
  structureOf?: StructureOf,
): ExportedFile {
  const sheet = requireSheet(wb, sheetId);
  const of = structureFn(overrides, structureOf);
  const csv = exportCsvFile(wb, sheetId, options, overrides, of);
  const files = [csv, exportCsvwFile(wb, sheetId, options, overrides, of)];
  const stem = csv.fileName.replace(/\.csv$/, '');
  if (recipeJson) files.push({ fileName: `${stem}.recipe.json`, bytes: new TextEncoder().encode(recipeJson) });
  return { fileName: exportFileName(wb, sheet, 'zip', overrides, of), bytes: makeZip(files.map((f) => ({ name: f.fileName, bytes: f.bytes }))) };
}

// --- every table --------------------------------------------------------------------------

/** What the report says about one table written. */
export interface TableSummary {
  sheetId: string;
  sheet: string;
  fileName: string;
  /** The header lines whose value is empty (SPEC §4: the export says which). */
  empty: Level2ValueLine[];
  meta: TableMeta;
}

/** The files of one table and what the report says about it. */
export interface ExportedTable {
  summary: TableSummary;
  csv: ExportedFile;
  csvw: ExportedFile;
}

export interface ExportAllInput {
  options?: ExportOptions;
  overrides?: readonly StructureOverride[];
  structureOf?: StructureOf;
  /** Also write the sheets that are not data tables (目次, notes pages, stray cells). */
  includeAll?: boolean;
}

export interface ExportedTables {
  tables: ExportedTable[];
  /** Sheets left out, and why. */
  left: { sheet: string; kind: Exclude<SheetKind, 'data'> }[];
}

/** The CSV and CSVW sidecar of every table `exportPlan` includes. Throws UnrepresentableCharactersError. */
export function exportTables(wb: Workbook, input: ExportAllInput = {}): ExportedTables {
  const options = input.options ?? DEFAULT_EXPORT;
  const of = structureFn(input.overrides ?? [], input.structureOf);
  const tables: ExportedTable[] = [];
  const left: ExportedTables['left'] = [];
  for (const p of exportPlan(wb, of, input.includeAll)) {
    // Only sheets that are not data tables are ever left out.
    if (!p.included && p.kind !== 'data') {
      left.push({ sheet: p.sheet.name, kind: p.kind });
      continue;
    }
    const built = buildTable(wb, p.sheet, options, of(p.sheet));
    const fileName = `${p.stem}.csv`;
    tables.push({
      summary: { sheetId: p.sheet.id, sheet: p.sheet.name, fileName, empty: emptyLevel2Lines(built.table, built.meta), meta: built.meta },
      csv: { fileName, bytes: encodeCsv(csvText(built, options), options.encoding) },
      csvw: { fileName: csvwFileName(fileName), bytes: csvwBytes(built, fileName, options) },
    });
  }
  return { tables, left };
}

/** What the report adds to the tables: the changes made so far and the findings still open. */
export interface ReportInput {
  /** Every change applied to the document (the undo history's, or the CLI's run). */
  changes?: readonly Change[];
  /** The rule results of a sheet as the analysis has them now. */
  open?: (sheetId: string) => readonly Pick<RuleResult, 'ruleId' | 'failing'>[] | undefined;
  lang?: Lang;
}

function ruleTitle(ruleId: string, lang: Lang): string {
  if (ruleId === 'edit') return translate(lang, 'report.edit');
  if (ruleId === 'meta') return translate(lang, 'report.meta');
  return ruleById(ruleId as RuleId)?.meta.title[lang] ?? ruleId;
}

/** What a sheet left out of the export is, in words (`目次`, `注意書き・凡例`…). */
export function sheetKindText(kind: Exclude<SheetKind, 'data'>, lang: Lang): string {
  return translate(lang, `report.kind.${kind}`);
}

/**
 * The report that goes with the tables: what was changed per rule, then per table its
 * caption, creator and date, the @ lines left empty, its notes in full and the findings
 * still open; last the sheets left out. Plain text, UTF-8, CRLF.
 */
export function exportReport(wb: Workbook, exported: ExportedTables, options: ExportOptions, input: ReportInput = {}): string {
  const lang = input.lang ?? 'ja';
  const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate(lang, key, params);
  const format = `${t('report.level', { level: options.level })}, ${options.encoding}, ${options.eol.toUpperCase()}, ${t(options.numbers === 'shown' ? 'report.numbers.shown' : 'report.numbers.stored')}`;
  const lines: string[] = [t('report.heading'), '', `${t('report.source')}: ${wb.source.fileName}`, `${t('report.format')}: ${format}`, ''];
  const byRule = new Map<string, number>();
  for (const ch of input.changes ?? []) byRule.set(ch.ruleId, (byRule.get(ch.ruleId) ?? 0) + 1);
  lines.push(t('report.changed'));
  if (byRule.size === 0) lines.push(t('report.changedNone'));
  for (const [ruleId, n] of byRule) lines.push(`- ${ruleTitle(ruleId, lang)}: ${t('report.count', { count: n })}`);
  lines.push('', t('report.tables'));
  const none = t('report.none');
  for (const { summary: s } of exported.tables) {
    lines.push('', t('report.table', { file: s.fileName, sheet: s.sheet }));
    lines.push(`  ${t('report.caption')}: ${s.meta.caption ?? none}`, `  ${t('report.creator')}: ${s.meta.creator ?? none}`, `  ${t('report.date')}: ${s.meta.date ?? none}`);
    lines.push(`  ${t('report.emptyLines')}: ${s.empty.length ? s.empty.join(', ') : t('report.emptyNone')}`);
    const notes = s.meta.notes.filter((n) => n.text !== '' || n.mark);
    lines.push(`  ${t('report.notes')}:${notes.length ? '' : ` ${t('report.notesNone')}`}`);
    for (const n of notes) lines.push(`    ${n.mark ? `${n.mark} ` : ''}${n.text}`);
    const open = (input.open?.(s.sheetId) ?? []).filter((r) => r.failing > 0);
    lines.push(`  ${t('report.open')}: ${open.length ? open.map((r) => `${ruleTitle(r.ruleId, lang)} ${t('report.count', { count: r.failing })}`).join(', ') : t('report.openNone')}`);
  }
  if (exported.left.length) {
    lines.push('', t('report.left'));
    for (const l of exported.left) lines.push(`- ${l.sheet}: ${sheetKindText(l.kind as Exclude<SheetKind, 'data'>, lang)}`);
  }
  return lines.join('\r\n') + '\r\n';
}

/** The report file's name beside `<stem>_…csv`. */
function reportFileName(wb: Workbook): string {
  return `${safeFileName(baseName(wb.source.fileName))}_report.txt`;
}

/**
 * 「すべての表をダウンロード」: one ZIP (`<stem>.zip`) with the CSV and CSVW sidecar of every
 * table, the recipe (when given) and the report. Throws UnrepresentableCharactersError.
 */
export function exportAllZip(wb: Workbook, input: ExportAllInput & ReportInput & { recipeJson?: string; date?: Date } = {}): { file: ExportedFile; tables: TableSummary[]; left: ExportedTables['left'] } {
  const options = input.options ?? DEFAULT_EXPORT;
  const exported = exportTables(wb, input);
  const stem = safeFileName(baseName(wb.source.fileName));
  const files: ExportedFile[] = [];
  for (const t of exported.tables) files.push(t.csv, t.csvw);
  if (input.recipeJson) files.push({ fileName: `${stem}.recipe.json`, bytes: new TextEncoder().encode(input.recipeJson) });
  files.push({ fileName: reportFileName(wb), bytes: new TextEncoder().encode(exportReport(wb, exported, options, input)) });
  return {
    file: { fileName: `${stem}.zip`, bytes: makeZip(files.map((f) => ({ name: f.fileName, bytes: f.bytes })), { date: input.date }) },
    tables: exported.tables.map((t) => t.summary),
    left: exported.left,
  };
}
