// Rule `wareki` (guide 手順3 西暦表記, 総務省 1-11): years and dates must be given in 西暦.
// Finds 和暦 written in cells (`平成22年`, `H30.3.31`, `(H17=100)`), era-less years that
// only make sense under an era above them (`23 年` under `平成 22 年`, a bare `7` under
// `平成23年7-9月`), impossible era dates (reported, never converted), dates stored as
// serials but shown with an era format (`[$-411]ggge"年"…`), and numeric 和暦 year columns
// that have no 西暦 column beside them.
//
// A sheet rule, not a cell rule: an implied era depends on the cells above (or to the
// left), so a cell cannot be judged on its own, and re-checking only an edited cell would
// miss the cells whose meaning it changes. One pass walks each table column by column
// (data rows) and row by row (caption, header and unit rows), carrying the era context
// along, so the cost is one look at each cell: O(cells).
import { type CellValue, getFormat, getValue, isCellError } from '../model.ts';
import { exportText, formatValue, isJapaneseEraFormat } from '../numberFormat.ts';
import type { ColumnInfo, TableStructure } from '../structure/types.ts';
import {
  type Era,
  type WarekiContext,
  type WarekiMatch,
  ERAS,
  eraEnd,
  findWareki,
  isoDate,
  seirekiText,
  toEra,
  toGregorianYear,
} from '../wareki.ts';
import type { RuleMeta, SheetRule, SheetView, Violation } from './types.ts';

export const meta: RuleMeta = {
  id: 'wareki',
  level: 1,
  severity: 'error',
  family: 'date',
  guideRef: { guide: '手順3 西暦表記', soumu: '1-11' },
  title: { ja: '和暦を西暦に', en: 'Japanese era → Gregorian' },
  description: {
    ja: '年や日付は西暦で表記します（和暦は西暦の列に併記するなら可）。日付は YYYY-MM-DD、年度は「2010年度」のように書きます。',
    en: 'Write years and dates in the Gregorian calendar (a Japanese-era column may accompany a Gregorian one). Dates as YYYY-MM-DD, fiscal years as “2010年度”.',
  },
  messages: {
    era: {
      ja: '「{text}」は和暦です（{seireki}）。',
      en: '“{text}” is a Japanese-era date ({seireki}).',
    },
    impliedEra: {
      ja: '「{text}」は元号を省略した和暦です（{era}と解釈すると{seireki}）。',
      en: '“{text}” is a Japanese-era year with the era left out (read as {era}: {seireki}).',
    },
    outOfEra: {
      ja: '「{text}」は{era}の期間（{span}）にありません。西暦に変換できないので、元の資料を確認してください。',
      en: '“{text}” lies outside the {era} era ({span}); it cannot be converted, check the source.',
    },
    invalidDate: {
      ja: '「{text}」は存在しない日付です。西暦に変換できないので、元の資料を確認してください。',
      en: '“{text}” is not a real date; it cannot be converted, check the source.',
    },
    invalidRange: {
      ja: '「{text}」の期間は終わりが始まりより前です。西暦に変換できないので、元の資料を確認してください。',
      en: '“{text}” ends before it starts; it cannot be converted, check the source.',
    },
    eraFormat: {
      ja: '表示形式が和暦です（「{display}」は {iso}）。',
      en: 'The number format shows a Japanese era (“{display}” is {iso}).',
    },
    eraYearColumn: {
      ja: '「{value}」は和暦の年です（{era}{value}年は{seireki}）。西暦の列がありません。',
      en: '“{value}” is a Japanese-era year ({era} {value} is {seireki}) and the table has no Gregorian year column.',
    },
    eraYearColumnUnknownEra: {
      ja: '「{value}」は和暦の年です。西暦の列がなく、元号が分からないため変換できません。西暦の列を追加してください。',
      en: '“{value}” is a Japanese-era year; the table has no Gregorian year column and the era is unknown, so add one.',
    },
    convert: {
      ja: '「{after}」に変換',
      en: 'Convert to “{after}”',
    },
    isoFormat: {
      ja: '表示形式を yyyy-mm-dd に変更（{iso}）',
      en: 'Change the number format to yyyy-mm-dd ({iso})',
    },
  },
};

/** Column headers that mark a numeric 和暦 year column, and a 西暦 one. */
const WAREKI_HEADER = /和暦|元号|Japanese (?:era )?year/i;
/** A header that is only an era name, perhaps with 年: `平成`, `年（平成）`, `昭和年`. */
const ERA_ONLY_HEADER = /^(?:年次?|年度)?[(（]?(?:明治|大正|昭和|平成|令和)[)）]?(?:年次?|年度)?$/;
const SEIREKI_HEADER = /西暦|Calendar year|Gregorian/i;
const ERA_NAME = /明治|大正|昭和|平成|令和/g;
/** A four-digit number: a Gregorian year, which ends any era context. */
const GREGORIAN_YEAR = /(?:^|[^0-9０-９])[12１２][0-9０-９]{3}(?![0-9０-９])/;
/** Cheap pre-check for text cells: nothing that could start an era or a number. */
const MAYBE_WAREKI = /[0-9０-９明大昭平令㍾㍽㍼㍻㋿MTSHRＭＴＳＨＲ元〇一二三四五六七八九十]/;

/** Era context carried down a column: the era, and the era year bare months belong to. */
interface ColumnContext {
  era: Era;
  /** Era year of the last year / month / period row; unset after 年度, ranges and breaks. */
  year?: number;
  /** Last month seen under `year`: a month going backwards means a new year, so stop. */
  lastMonth: number;
}

function cellViolation(view: SheetView, r: number, c: number, messageId: string, params: Record<string, string | number>, fixId?: string): Violation {
  const v: Violation = { ruleId: 'wareki', sheetId: view.sheet.id, range: { s: { r, c }, e: { r, c } }, messageId, params };
  if (fixId) v.fixId = fixId;
  return v;
}

function spanText(era: Era): string {
  const s = era.start;
  const e = eraEnd(era);
  return `${isoDate(s.y, s.m, s.d)}～${e ? isoDate(e.y, e.m, e.d) : ''}`;
}

/**
 * The cell text with every valid match replaced by its 西暦. A whole-cell year in a key or
 * data cell becomes a plain number (`2010`), a whole-cell date `YYYY-MM-DD`; inside text,
 * years keep 年 (`(2000~2005年)`) and dates read `2011年7月1日`.
 */
function suggestion(text: string, matches: WarekiMatch[], valueCell: boolean): string {
  const whole = matches.length === 1 && text.trim() === matches[0].text.trim();
  let out = '';
  let at = 0;
  for (const m of matches) {
    out += text.slice(at, m.start);
    out += replacement(m, whole, valueCell);
    at = m.end;
  }
  out += text.slice(at);
  return whole ? out.trim() : out;
}

function replacement(m: WarekiMatch, whole: boolean, valueCell: boolean): string {
  if (m.kind === 'year' && (whole ? valueCell : !m.text.includes('年'))) return String(m.year);
  if (m.kind === 'date' && !whole) return `${m.year}年${m.month}月${m.day}日`;
  return seirekiText(m)!;
}

function invalidViolation(view: SheetView, r: number, c: number, m: WarekiMatch): Violation {
  if (m.error === 'invalid-day' || m.error === 'invalid-month') return cellViolation(view, r, c, 'invalidDate', { text: m.text.trim() });
  if (m.error === 'invalid-range') return cellViolation(view, r, c, 'invalidRange', { text: m.text.trim() });
  return cellViolation(view, r, c, 'outOfEra', { text: m.text.trim(), era: m.era.name, span: spanText(m.era) });
}

function textViolation(view: SheetView, r: number, c: number, text: string, matches: WarekiMatch[], valueCell: boolean): Violation {
  const bad = matches.find((m) => !m.valid);
  if (bad) return invalidViolation(view, r, c, bad);
  // 'impliedEra' only when the era comes from another cell; `平成８・９年` names it itself.
  const implied = matches.every((m) => !m.explicit) ? matches[0] : undefined;
  const params = {
    text: matches.map((m) => m.text.trim()).join('、'),
    seireki: matches.map((m) => seirekiText(m)!).join('、'),
    after: suggestion(text, matches, valueCell),
    count: matches.length,
  };
  if (implied) return cellViolation(view, r, c, 'impliedEra', { ...params, era: implied.era.name }, 'convert');
  return cellViolation(view, r, c, 'era', params, 'convert');
}

/** A number shown with an era format (`[$-411]ggge"年"m"月"d"日"`): the date it stands for. */
function eraFormatViolation(view: SheetView, r: number, c: number, value: number): Violation | undefined {
  const fmt = getFormat(view.sheet, r, c);
  if (!isJapaneseEraFormat(fmt)) return undefined;
  const iso = exportText(value, fmt, undefined, view.date1904);
  const ymd = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!ymd || !toEra(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]))) return undefined;
  const date = ymd[0];
  return cellViolation(view, r, c, 'eraFormat', { display: formatValue(value, fmt, view.date1904), iso: date, after: date }, 'isoFormat');
}

function headerTextOf(view: SheetView, t: TableStructure, c: number, info: ColumnInfo | undefined): string {
  const parts: string[] = [...(info?.headerPath ?? [])];
  for (let r = t.headerRows.start; r <= t.headerRows.end; r++) {
    const v = getValue(view.sheet, r, c);
    if (typeof v === 'string') parts.push(v);
  }
  return parts.join('\n');
}

/** The one era a header names (`年（平成）`), if exactly one. */
function eraNamedIn(header: string): Era | undefined {
  const names = new Set(header.match(ERA_NAME) ?? []);
  return names.size === 1 ? ERAS.find((e) => names.has(e.name)) : undefined;
}

function contextAfter(m: WarekiMatch): ColumnContext {
  if (!m.valid) return { era: m.era, lastMonth: 0 };
  switch (m.kind) {
    case 'year':
      return { era: m.era, year: m.eraYear, lastMonth: 0 };
    case 'month':
    case 'date':
    case 'period':
      return { era: m.era, year: m.eraYear, lastMonth: m.month ?? 0 };
    default:
      return { era: m.era, lastMonth: 0 };
  }
}

function isBareMonthMatch(m: WarekiMatch): boolean {
  return !m.explicit && (m.kind === 'month' || m.kind === 'period') && !/年/.test(m.text);
}

function detectTable(view: SheetView, t: TableStructure, out: Violation[]): void {
  const sheet = view.sheet;
  const infoByCol = new Map(t.columnInfo.map((ci) => [ci.c, ci]));

  // Numeric 和暦 year columns: allowed beside a 西暦 column (「和暦を併記してもよい」).
  const headers = new Map<number, string>();
  for (let c = t.columns.start; c <= t.columns.end; c++) headers.set(c, headerTextOf(view, t, c, infoByCol.get(c)));
  const warekiCols = [...headers]
    .filter(([, h]) => WAREKI_HEADER.test(h) || ERA_ONLY_HEADER.test(h.replace(/[\s\u3000]/g, '')))
    .map(([c]) => c);
  const hasSeireki = [...headers].some(([c, h]) => SEIREKI_HEADER.test(h) && !warekiCols.includes(c));

  // Caption, header and unit rows, left to right. In header rows an era carries to the
  // right (`平成12年` `17年` … `22年`).
  const bandRows = new Set<number>([...t.captionRows, ...t.unitRows]);
  for (let r = t.headerRows.start; r <= t.headerRows.end; r++) bandRows.add(r);
  for (const r of [...bandRows].sort((a, b) => a - b)) {
    let era: Era | undefined;
    for (let c = t.range.s.c; c <= t.range.e.c; c++) {
      const value = getValue(sheet, r, c);
      if (value === null || value === '') continue;
      const region = view.regionOf(r, c);
      if (region !== 'caption' && region !== 'header' && region !== 'unit') continue;
      if (typeof value === 'number') {
        const v = eraFormatViolation(view, r, c, value);
        if (v) out.push(v);
        continue;
      }
      if (typeof value !== 'string' || !MAYBE_WAREKI.test(value)) continue;
      const matches = findWareki(value, region === 'header' ? era : undefined);
      if (matches.length === 0) {
        if (GREGORIAN_YEAR.test(value)) era = undefined;
        continue;
      }
      out.push(textViolation(view, r, c, value, matches, false));
      const lastExplicit = matches.filter((m) => m.explicit).pop();
      if (lastExplicit) era = lastExplicit.era;
    }
  }

  // Data rows, top to bottom per column. Era context is carried only in label columns
  // (key columns, period/date columns, duplicates of a key column).
  for (let c = t.columns.start; c <= t.columns.end; c++) {
    const info = infoByCol.get(c);
    const carries = !!info && (info.key || info.kind === 'period' || info.kind === 'date' || info.duplicateOf !== undefined);
    const isWarekiCol = warekiCols.includes(c);
    if (isWarekiCol && hasSeireki) continue;
    const headerEra = isWarekiCol ? eraNamedIn(headers.get(c)!) : undefined;
    const values = sheet.columns[c]?.values;
    if (!values) continue;
    let ctx: ColumnContext | undefined;
    const end = Math.min(t.dataRows.end, sheet.rowCount - 1);
    for (let r = t.dataRows.start; r <= end; r++) {
      const value: CellValue = values[r] ?? null;
      if (value === null || value === '' || typeof value === 'boolean' || isCellError(value)) continue;
      const region = view.regionOf(r, c);
      if (region !== 'key' && region !== 'data') continue;

      if (typeof value === 'number') {
        const v = eraFormatViolation(view, r, c, value);
        if (v) {
          out.push(v);
          continue;
        }
        if (isWarekiCol) {
          eraYearColumn(view, r, c, value, headerEra, out);
          continue;
        }
        if (!carries || !ctx) continue;
        if (ctx.year !== undefined && Number.isInteger(value) && value >= 1 && value <= 12) {
          const [m] = findWareki(String(value), { era: ctx.era, year: ctx.year });
          if (m && m.valid && m.month! >= ctx.lastMonth) {
            out.push(textViolation(view, r, c, String(value), [m], true));
            ctx.lastMonth = m.month!;
            continue;
          }
        }
        if (Math.abs(value) >= 1000) ctx = undefined;
        else ctx.year = undefined;
        continue;
      }

      if (!MAYBE_WAREKI.test(value)) {
        if (ctx) ctx.year = undefined;
        continue;
      }
      if (isWarekiCol && /^[\s\u3000]*[0-9０-９]{1,2}[\s\u3000]*年?[\s\u3000]*$/.test(value)) {
        eraYearColumn(view, r, c, Number(value.replace(/[^0-9０-９]/g, '').replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10))), headerEra, out);
        continue;
      }
      const implied: WarekiContext | undefined = carries && ctx ? { era: ctx.era, year: ctx.year } : undefined;
      let matches = findWareki(value, implied);
      if (matches.length === 1 && isBareMonthMatch(matches[0]) && matches[0].month! < ctx!.lastMonth) matches = [];
      if (matches.length === 0) {
        if (ctx) {
          if (GREGORIAN_YEAR.test(value)) ctx = undefined;
          else ctx.year = undefined;
        }
        continue;
      }
      out.push(textViolation(view, r, c, value, matches, true));
      if (carries) ctx = contextAfter(matches[matches.length - 1]);
    }
  }
}

function eraYearColumn(view: SheetView, r: number, c: number, value: number, era: Era | undefined, out: Violation[]): void {
  if (!Number.isInteger(value) || value < 1 || value > 99) return;
  if (!era) {
    out.push(cellViolation(view, r, c, 'eraYearColumnUnknownEra', { value }));
    return;
  }
  const [m] = findWareki(`${value}年`, era);
  if (!m) return;
  if (!m.valid) {
    out.push(invalidViolation(view, r, c, m));
    return;
  }
  const year = toGregorianYear(era, value);
  out.push(cellViolation(view, r, c, 'eraYearColumn', { value, era: era.name, seireki: `${year}年`, after: String(year) }, 'convert'));
}

export function detect(view: SheetView): Violation[] {
  const out: Violation[] = [];
  for (const t of view.structure.tables) detectTable(view, t, out);
  return out;
}

export const warekiRule: SheetRule = {
  meta,
  scope: 'sheet',
  applies: () => true,
  detect,
};

export { warekiRule as rule };
