// CSVW sidecar: W3C "Metadata Vocabulary for Tabular Data" JSON-LD for `<name>.csv`,
// written next to it as `<name>.csv-metadata.json` (the name CSVW processors look for).
//
// The dialect lets a CSVW processor read our Level 2 file directly:
//   skipRows        the @ lines above the title row, `@Title` included (they become
//                   rdfs:comment annotations of the table);
//   headerRowCount  7: the title row, `@Baseval` + its row, `@Unit` + its row,
//                   `@Datatype` + its row. Every header row adds its cells as column
//                   titles; the real title is one of them, so the embedded metadata stays
//                   compatible with the titles given here;
//   commentPrefix   `@`: no data row starts with `@` (the injection guard prefixes `'`, or
//                   the field is quoted), so this only overrides a `#` default that would
//                   swallow data rows starting with `#`;
//   trim            false: cells are exactly as written.
// For a Level 1 file: skipRows 0, headerRowCount 1.
//
// Per column: `titles` {ja, en (when an English title is known)}, `datatype` (integer,
// double, date, gYear, string; a year column written `2010年` is a string with the format
// `^\d{4}年$`, since `2010年` is not an xsd:gYear literal), `null` = blank plus the special
// symbols found in a typed column (`x`, `…`: so they are read as missing values, not as
// errors), the unit as `schema:unitText`, and the scale (@Baseval) as SDMX `unitMult`
// (power of ten, an absolute IRI since `sdmx-attribute` is no CSVW prefix) when it is a
// power of ten, and always in words as `dc:description` (`@Baseval 1000`).
// Table: `dc:title` (caption), `dc:creator`, `dc:date`, `dc:source`, `dc:license` (an IRI
// for CC licences and URLs, else text), notes as `rdfs:comment` (`1) …` with their mark),
// one per note, and all of them as the table's `dc:description`. The Level 2 CSV itself
// has no line for notes (the guide's header has none), so this is where they travel.
import type { TableMeta } from '../model.ts';
import { unguardCell } from './csv.ts';
import { isIsoDate } from './datatype.ts';
import type { CsvEncoding } from './encodeText.ts';
import { type ExportTable, type Level2Meta, type Level2WriteOptions, LEVEL2_HEADER_ROWS, level2SkipRows } from './level2.ts';

export interface CsvwOptions {
  /** The CSV file's name (or URL relative to the sidecar), e.g. `population.csv`. */
  url: string;
  /** The CSV's encoding (default UTF-8 with BOM). */
  encoding?: CsvEncoding;
  /** The layout the CSV was written in (default 2). */
  level?: 1 | 2;
  /** The options the Level 2 file was written with (they decide `skipRows`). */
  write?: Level2WriteOptions;
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export const SDMX_UNIT_MULT = 'http://purl.org/linked-data/sdmx/2009/attribute#unitMult';

const CSVW_DATATYPE: Record<string, string> = {
  'xsd:integer': 'integer',
  'xsd:double': 'double',
  'xsd:decimal': 'decimal',
  'xsd:date': 'date',
  'xsd:gYear': 'gYear',
  'xsd:boolean': 'boolean',
  'xsd:string': 'string',
};

const LICENSES: Record<string, string> = {
  'CC BY 4.0': 'https://creativecommons.org/licenses/by/4.0/',
  'CC BY-SA 4.0': 'https://creativecommons.org/licenses/by-sa/4.0/',
  'CC BY 2.1 JP': 'https://creativecommons.org/licenses/by/2.1/jp/',
  'CC0': 'https://creativecommons.org/publicdomain/zero/1.0/',
  'CC0 1.0': 'https://creativecommons.org/publicdomain/zero/1.0/',
  'PDL1.0': 'https://www.digital.go.jp/resources/open_data/public_data_license_v1.0',
  '公共データ利用規約（第1.0版）': 'https://www.digital.go.jp/resources/open_data/public_data_license_v1.0',
};

/** `population.csv` → `population.csv-metadata.json`. */
export function csvwFileName(csvName: string): string {
  return `${csvName}-metadata.json`;
}

function plain(text: string, guarded: boolean): string {
  // The sidecar is JSON, not a spreadsheet: titles and units appear without the guard's `'`.
  return guarded ? unguardCell(text) : text;
}

function licenseValue(license: string): Json {
  const iri = LICENSES[license.trim()] ?? (/^https?:\/\/\S+$/.test(license.trim()) ? license.trim() : undefined);
  return iri ? { '@id': iri } : license;
}

function unitMult(baseval: string): number | undefined {
  const n = Number(baseval);
  if (!(n >= 1) || !Number.isFinite(n)) return undefined;
  const e = Math.round(Math.log10(n));
  return 10 ** e === n ? e : undefined;
}

function datatypeOf(datatype: string, values: string[][], c: number): Json {
  const base = CSVW_DATATYPE[datatype] ?? 'string';
  if (base !== 'gYear') return base;
  // `2010年` is not a gYear literal: describe such a column as a string of that shape.
  for (const row of values) {
    const v = row[c];
    if (v && /^\d{4}年$/.test(v)) return { base: 'string', format: '^\\d{4}年$' };
  }
  return base;
}

/** The CSVW metadata document (a JSON-LD object) describing the CSV of `table`. */
export function buildCsvw(table: ExportTable, meta: Level2Meta & Partial<Pick<TableMeta, 'notes'>>, options: CsvwOptions): Record<string, Json> {
  const level = options.level ?? 2;
  const lang = meta.language || 'ja';
  const g = table.guarded;
  const columns: Json[] = table.titles.map((title, c) => {
    const titles: Record<string, string> = { [lang]: plain(title, g) };
    const en = table.titlesEn[c];
    if (en) titles.en = en;
    const col: Record<string, Json> = { titles, datatype: datatypeOf(plain(table.datatypes[c], g), table.rows, c) };
    const symbols = table.symbols[c];
    if (symbols.length > 0) col.null = ['', ...symbols];
    const unit = plain(table.units[c], g);
    if (unit) col['schema:unitText'] = unit;
    const baseval = table.basevals[c];
    if (baseval) {
      const mult = unitMult(baseval);
      if (mult !== undefined) col[SDMX_UNIT_MULT] = mult;
      col['dc:description'] = `@Baseval ${baseval}`;
    }
    return col;
  });

  const dialect: Record<string, Json> = {
    encoding: options.encoding === 'shift_jis' ? 'shift_jis' : 'utf-8',
    header: true,
    headerRowCount: level === 2 ? LEVEL2_HEADER_ROWS : 1,
    skipRows: level === 2 ? level2SkipRows(meta, options.write) : 0,
    trim: false,
    doubleQuote: true,
    lineTerminators: ['\r\n', '\n'],
  };
  if (level === 2) dialect.commentPrefix = '@';

  const doc: Record<string, Json> = { '@context': 'http://www.w3.org/ns/csvw', url: options.url };
  if (meta.caption) doc['dc:title'] = { '@value': meta.caption, '@language': lang };
  if (meta.creator) doc['dc:creator'] = { '@value': meta.creator, '@language': lang };
  if (meta.date) doc['dc:date'] = isIsoDate(meta.date) ? { '@value': meta.date, '@type': 'xsd:date' } : meta.date;
  if (meta.source) doc['dc:source'] = { '@value': meta.source, '@language': lang };
  if (meta.license) doc['dc:license'] = licenseValue(meta.license);
  const notes = meta.notes ?? [];
  const noteTexts = notes.filter((n) => n.text !== '' || n.mark).map((n) => (n.mark ? `${n.mark} ${n.text}` : n.text));
  if (noteTexts.length > 0) {
    doc['rdfs:comment'] = noteTexts.map((text) => ({ '@value': text, '@language': lang }));
    // The notes in full as one text too: readers that show a table's description show this.
    doc['dc:description'] = { '@value': noteTexts.join('\n'), '@language': lang };
  }
  doc.dialect = dialect;
  doc.tableSchema = { columns };
  return doc;
}

/** The sidecar as text (2-space JSON, final newline). */
export function writeCsvw(table: ExportTable, meta: Level2Meta, options: CsvwOptions): string {
  return JSON.stringify(buildCsvw(table, meta, options), null, 2) + '\n';
}
