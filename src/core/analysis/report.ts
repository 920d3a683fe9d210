// The analysis of a sheet as records other tools can read (`seiton check --json`, the
// report in 「すべての表をダウンロード」's ZIP): every finding with where it is and what rule
// and guide item it comes from, in both languages, and the structure the findings were
// judged on. The shape is documented by docs/report.schema.json.
import { type Sheet, cellAddress, columnLetter, rangeAddress } from '../model.ts';
import { ruleById } from '../rules/registry.ts';
import { violationFix, violationMessage } from '../rules/messages.ts';
import type { FindingParams, RuleId, Violation } from '../rules/types.ts';
import { type SheetKind, sheetKind } from '../structure/sheetKind.ts';
import type { ColumnKind, SheetStructure, TableStructure } from '../structure/types.ts';
import type { SheetAnalysis } from './analyse.ts';

export interface FindingRecord {
  rule: RuleId;
  /** The 総務省 2020 item (`1-5`), the guide's step (`2`): null where the rule has none. */
  soumu: string | null;
  guide: string | null;
  level: 1 | 2;
  severity: 'error' | 'warning' | 'info';
  /** Counts against the sheet (every finding but an `info` advisory). */
  failing: boolean;
  sheet: string;
  /** The table's id (`t1`) the finding lies in, null outside every table. */
  table: string | null;
  /** A1 form: `B7` for a cell, `A3:I3` for a range. */
  range: string;
  /** Zero-based, inclusive. */
  row: number;
  col: number;
  endRow: number;
  endCol: number;
  messageId: string;
  params: FindingParams;
  message: { ja: string; en: string };
  /** What the rule's fix would do here, when it has one for this finding. */
  fix: { ja: string; en: string } | null;
}

export type RowRole = 'caption' | 'header' | 'unit' | 'data' | 'note';

export interface TableRecord {
  id: string;
  range: string;
  /** Zero-based sheet rows, ascending. */
  captionRows: number[];
  headerRows: number[];
  unitRows: number[];
  dataRows: { start: number; end: number } | null;
  noteRows: number[];
  columns: { col: number; letter: string; kind: ColumnKind; key: boolean; title: string[] }[];
}

export interface StructureRecord {
  /** Whether the sheet holds a data table or is a contents, notes or leftover page. */
  kind: SheetKind;
  /** The user's structure corrections shaped it. */
  overridden: boolean;
  tables: TableRecord[];
  /** The role of every row that belongs to a table, in sheet order. */
  rows: { row: number; role: RowRole; table: string }[];
}

const band = (start: number, end: number) => (end < start ? [] : Array.from({ length: end - start + 1 }, (_, i) => start + i));

function tableRecord(t: TableStructure): TableRecord {
  return {
    id: t.id,
    range: rangeAddress(t.range),
    captionRows: [...t.captionRows].sort((a, b) => a - b),
    headerRows: band(t.headerRows.start, t.headerRows.end),
    unitRows: [...t.unitRows].sort((a, b) => a - b),
    dataRows: t.dataRows.end < t.dataRows.start ? null : { start: t.dataRows.start, end: t.dataRows.end },
    noteRows: [...t.noteRows].sort((a, b) => a - b),
    columns: t.columnInfo.map((ci) => ({ col: ci.c, letter: columnLetter(ci.c), kind: ci.kind, key: ci.key, title: ci.headerPath })),
  };
}

function rowRoles(t: TableStructure): { row: number; role: RowRole; table: string }[] {
  const roles = new Map<number, RowRole>();
  for (const r of t.captionRows) roles.set(r, 'caption');
  for (const r of band(t.headerRows.start, t.headerRows.end)) roles.set(r, 'header');
  for (const r of t.unitRows) roles.set(r, 'unit');
  for (const r of band(t.dataRows.start, t.dataRows.end)) roles.set(r, 'data');
  for (const r of t.noteRows) roles.set(r, 'note');
  return [...roles].map(([row, role]) => ({ row, role, table: t.id }));
}

export function structureRecord(sheet: Sheet, structure: SheetStructure): StructureRecord {
  return {
    kind: sheetKind(sheet, structure),
    overridden: structure.overridden,
    tables: structure.tables.map(tableRecord),
    rows: structure.tables.flatMap(rowRoles).sort((a, b) => a.row - b.row),
  };
}

function tableAt(structure: SheetStructure, r: number, c: number): string | null {
  const t = structure.tables.find((x) => r >= x.range.s.r && r <= x.range.e.r && c >= x.range.s.c && c <= x.range.e.c);
  return t?.id ?? null;
}

function findingRecord(sheet: Sheet, structure: SheetStructure, v: Violation): FindingRecord {
  const meta = ruleById(v.ruleId)?.meta;
  const severity = v.severity ?? meta?.severity ?? 'error';
  const { s, e } = v.range;
  const fixJa = violationFix(v, 'ja');
  return {
    rule: v.ruleId,
    soumu: meta?.guideRef.soumu ?? null,
    guide: meta?.guideRef.guide ?? null,
    level: meta?.level ?? 1,
    severity,
    failing: severity !== 'info',
    sheet: sheet.name,
    table: tableAt(structure, s.r, s.c),
    range: s.r === e.r && s.c === e.c ? cellAddress(s.r, s.c) : rangeAddress(v.range),
    row: s.r,
    col: s.c,
    endRow: e.r,
    endCol: e.c,
    messageId: v.messageId,
    params: v.params ?? {},
    message: { ja: violationMessage(v, 'ja'), en: violationMessage(v, 'en') },
    fix: fixJa === undefined ? null : { ja: fixJa, en: violationFix(v, 'en') ?? fixJa },
  };
}

/** Every finding of the analysis, sheet findings first, then cells in reading order. */
export function findingRecords(sheet: Sheet, analysis: SheetAnalysis): FindingRecord[] {
  const byPlace = (a: Violation, b: Violation) => a.range.s.r - b.range.s.r || a.range.s.c - b.range.s.c;
  const all = [...[...analysis.sheetViolations].sort(byPlace), ...[...analysis.cellViolations].sort(byPlace)];
  return all.map((v) => findingRecord(sheet, analysis.structure, v));
}
