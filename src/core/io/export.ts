// Exporting one table of a workbook: the one place that turns a sheet into the bytes the
// user downloads (browser) or the file the CLI writes, so the two are byte-identical for
// the same document. Picks the title row and data rows from the detected structure,
// writes Level 1 or Level 2 CSV (level2.ts), encodes it (encodeText.ts), and can add the
// CSVW sidecar and a ZIP of everything.
import { captionNotesMeta } from '../analysis/captionNotesMeta.ts';
import { buildSheetView } from '../analysis/view.ts';
import { type Sheet, type TableMeta, type Workbook, sheetById } from '../model.ts';
import { detectStructure } from '../structure/detect.ts';
import type { StructureOverride } from '../structure/types.ts';
import { type CsvEncoding, encodeCsv } from './encodeText.ts';
import { csvwFileName, writeCsvw } from './csvw.ts';
import { type ExportBands, buildExportTable, writeLevel1, writeLevel2 } from './level2.ts';
import { baseName } from './read.ts';
import { makeZip } from './zip.ts';

export interface ExportOptions {
  level: 1 | 2;
  encoding: CsvEncoding;
  eol: 'crlf' | 'lf';
  /** Pad every @ line with commas to the table width. */
  padAtLines: boolean;
  /** Prefix risky text with `'` (the CSV-injection guard, csv.ts). */
  injectionGuard: boolean;
}

export const DEFAULT_EXPORT: ExportOptions = { level: 2, encoding: 'utf-8-bom', eol: 'crlf', padAtLines: true, injectionGuard: true };

export interface ExportedFile {
  fileName: string;
  bytes: Uint8Array;
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
export function exportBands(sheet: Sheet, overrides: readonly StructureOverride[] = []): ExportBands {
  const t = detectStructure(sheet, undefined, overrides).tables[0];
  if (!t || t.dataRows.end < t.dataRows.start) return { titleRow: 0, dataStart: 1, dataEnd: sheet.rowCount - 1 };
  let titleRow = t.headerRows.end >= t.headerRows.start ? t.headerRows.end : t.dataRows.start - 1;
  while (titleRow > t.headerRows.start && t.unitRows.includes(titleRow)) titleRow--;
  return { titleRow: Math.max(0, titleRow), dataStart: t.dataRows.start, dataEnd: t.dataRows.end };
}

/**
 * The metadata to write: the sheet's own, completed with what caption and note rows still
 * in the grid say (before 「すべて修正」 moves them), so nothing the user sees is dropped.
 */
export function exportMeta(wb: Workbook, sheet: Sheet, overrides: readonly StructureOverride[] = []): TableMeta {
  return captionNotesMeta(buildSheetView(sheet, wb.date1904, detectStructure(sheet, undefined, overrides)));
}

/** `<caption>.csv` when the table has a caption, else the file's own name (and sheet). */
export function exportFileName(wb: Workbook, sheet: Sheet, extension = 'csv'): string {
  const caption = exportMeta(wb, sheet).caption?.trim();
  const base = baseName(wb.source.fileName);
  const name = caption ? caption.slice(0, 80) : wb.sheets.length > 1 || base === '' ? `${base}_${sheet.name}` : base;
  return `${safeFileName(name)}.${extension}`;
}

function requireSheet(wb: Workbook, sheetId: string): Sheet {
  const sheet = sheetById(wb, sheetId);
  if (!sheet) throw new Error(`unknown sheet ${sheetId}`);
  return sheet;
}

/** The CSV text of a table (before encoding). */
export function exportText(wb: Workbook, sheetId: string, options: ExportOptions = DEFAULT_EXPORT, overrides: readonly StructureOverride[] = []): string {
  const sheet = requireSheet(wb, sheetId);
  const table = buildExportTable(sheet, wb.date1904, exportBands(sheet, overrides), { injectionGuard: options.injectionGuard });
  const eol = options.eol === 'lf' ? '\n' : '\r\n';
  if (options.level === 1) return writeLevel1(table, { eol });
  return writeLevel2(table, exportMeta(wb, sheet, overrides), { eol, padAtLines: options.padAtLines, injectionGuard: options.injectionGuard });
}

/** The CSV file of a table. Throws UnrepresentableCharactersError for Shift_JIS it cannot hold. */
export function exportCsvFile(wb: Workbook, sheetId: string, options: ExportOptions = DEFAULT_EXPORT, overrides: readonly StructureOverride[] = []): ExportedFile {
  const sheet = requireSheet(wb, sheetId);
  return { fileName: exportFileName(wb, sheet), bytes: encodeCsv(exportText(wb, sheetId, options, overrides), options.encoding) };
}

/** The CSVW metadata sidecar (`<name>.csv-metadata.json`) describing the CSV file. */
export function exportCsvwFile(wb: Workbook, sheetId: string, options: ExportOptions = DEFAULT_EXPORT, overrides: readonly StructureOverride[] = []): ExportedFile {
  const sheet = requireSheet(wb, sheetId);
  const csvName = exportFileName(wb, sheet);
  const table = buildExportTable(sheet, wb.date1904, exportBands(sheet, overrides), { injectionGuard: options.injectionGuard });
  const json = writeCsvw(table, exportMeta(wb, sheet, overrides), {
    url: csvName,
    encoding: options.encoding,
    level: options.level,
    write: { eol: options.eol === 'lf' ? '\n' : '\r\n', padAtLines: options.padAtLines, injectionGuard: options.injectionGuard },
  });
  return { fileName: csvwFileName(csvName), bytes: new TextEncoder().encode(json) };
}

/** CSV + CSVW sidecar (+ the recipe, when given) in one ZIP. */
export function exportZip(wb: Workbook, sheetId: string, options: ExportOptions = DEFAULT_EXPORT, recipeJson?: string, overrides: readonly StructureOverride[] = []): ExportedFile {
  const sheet = requireSheet(wb, sheetId);
  const csv = exportCsvFile(wb, sheetId, options, overrides);
  const files = [csv, exportCsvwFile(wb, sheetId, options, overrides)];
  if (recipeJson) files.push({ fileName: `${csv.fileName.replace(/\.csv$/, '')}.recipe.json`, bytes: new TextEncoder().encode(recipeJson) });
  return { fileName: exportFileName(wb, sheet, 'zip'), bytes: makeZip(files.map((f) => ({ name: f.fileName, bytes: f.bytes }))) };
}
