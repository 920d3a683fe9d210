// Deterministic generator of big tables shaped like a Japanese municipal statistics sheet,
// written as .xlsx, Shift_JIS CSV or UTF-8 CSV (the benchmark files; never committed):
//
//   表3 市区町村別人口・世帯数の推移（平成22年～令和5年）   ← caption, merged across the table
//   年次 | 市区町村名 | 団体コード | 人口            | 世帯 …   ← parent titles (merged across / down)
//        |            |            | 総数 | 男 | 女  | …        ← child titles
//        |            |            | (人) | (人) | …             ← units row
//   平成22年 | 札幌第1地区 | 010006 | 12,345 | …                  ← 和暦 only on a group's first row
//            | 函館第1地区 | 010014 | …                            ← blank below (fill-down)
//   …  ~1 % dirty numeric cells: `1,234`, `△37`, `a)343.4`, `x`, `－`, `１２３`
//   注1) …  注2) …  資料　…                                        ← note rows under the table
//
// Rows are produced one at a time (`forEachRow`), so a 1,000,000-row CSV never exists as
// a table in memory. Same options → same bytes.
import * as XLSX from 'xlsx';
import { createRng, districtName, localGovernmentCode, roundTo } from './generateWorkbook.ts';
import { recompressZip } from './zip.ts';

export interface MunicipalOptions {
  /** Data rows (the table's body, without caption, header, units and notes). */
  rows: number;
  /** Columns: 年次, 市区町村名, 団体コード, then `cols - 3` numeric columns (at least 1). */
  cols: number;
  seed?: number;
  /** Share of numeric cells written as dirty text (default 0.01). */
  dirtyRate?: number;
}

export const MUNICIPAL_SEED = 20230401;
export const MUNICIPAL_CAPTION = '表3 市区町村別人口・世帯数の推移（平成22年～令和5年）';
export const MUNICIPAL_SHEET = '表3';
/** Caption, two header rows, units row. */
export const MUNICIPAL_HEADER_ROWS = 4;
/** Zero-based row of the first data row. */
export const MUNICIPAL_FIRST_DATA_ROW = MUNICIPAL_HEADER_ROWS;
export const MUNICIPAL_NOTES = [
  '注1) 各年10月1日現在。',
  '注2) 「x」は秘匿、「－」は該当数値なし、「△」は減少を示す。',
  '注3) a)は推計値である。',
  '資料　総務省統計局「国勢調査」、各市区町村「住民基本台帳」',
];
/** 平成22年 … 平成30年, 令和元年, 令和2年 … 令和5年: one group of rows per year. */
export const WAREKI_YEARS = [
  ...Array.from({ length: 9 }, (_, i) => `平成${22 + i}年`),
  '令和元年',
  ...Array.from({ length: 4 }, (_, i) => `令和${2 + i}年`),
];

/** Rows of the sheet in total: header block, data, one blank row, the notes. */
export function municipalTotalRows(rows: number): number {
  return MUNICIPAL_HEADER_ROWS + rows + 1 + MUNICIPAL_NOTES.length;
}

/** Rows per year group (the year is written on the first row of each). */
export function yearGroupSize(rows: number): number {
  return Math.max(1, Math.ceil(rows / WAREKI_YEARS.length));
}

// ---------------------------------------------------------------- columns

interface RowBase {
  population: number;
  male: number;
  households: number;
  kids: number;
  elderly: number;
  change: number;
  area: number;
}

function randomBase(rng: () => number): RowBase {
  const population = Math.round(100 * 4000 ** rng());
  const male = Math.round(population * (0.46 + 0.06 * rng()));
  const households = Math.max(1, Math.round(population / (1.8 + rng())));
  const kids = Math.round(population * (0.08 + 0.08 * rng()));
  const elderly = Math.round(population * (0.2 + 0.2 * rng()));
  const change = Math.round(population * (-0.08 + 0.1 * rng()));
  const area = roundTo(0.5 + 300 * rng() * rng(), 2);
  return { population, male, households, kids, elderly, change, area };
}

interface NumericColumn {
  title: string;
  unit: string;
  format: string;
  value(b: RowBase): number;
}

interface Group {
  title: string;
  children: NumericColumn[];
}

const pct = (part: number, whole: number) => (whole > 0 ? roundTo((100 * part) / whole, 1) : 0);

const GROUPS: Group[] = [
  {
    title: '人口',
    children: [
      { title: '総数', unit: '(人)', format: '#,##0', value: (b) => b.population },
      { title: '男', unit: '(人)', format: '#,##0', value: (b) => b.male },
      { title: '女', unit: '(人)', format: '#,##0', value: (b) => b.population - b.male },
    ],
  },
  {
    title: '世帯',
    children: [
      { title: '世帯数', unit: '(世帯)', format: '#,##0', value: (b) => b.households },
      { title: '1世帯当たり人員', unit: '(人)', format: '0.00', value: (b) => roundTo(b.population / b.households, 2) },
    ],
  },
  {
    title: '年齢3区分別人口',
    children: [
      { title: '0～14歳', unit: '(人)', format: '#,##0', value: (b) => b.kids },
      { title: '15～64歳', unit: '(人)', format: '#,##0', value: (b) => b.population - b.kids - b.elderly },
      { title: '65歳以上', unit: '(人)', format: '#,##0', value: (b) => b.elderly },
    ],
  },
  {
    title: '年齢3区分別割合',
    children: [
      { title: '0～14歳', unit: '(%)', format: '0.0', value: (b) => pct(b.kids, b.population) },
      { title: '15～64歳', unit: '(%)', format: '0.0', value: (b) => pct(b.population - b.kids - b.elderly, b.population) },
      { title: '65歳以上', unit: '(%)', format: '0.0', value: (b) => pct(b.elderly, b.population) },
    ],
  },
  {
    title: '人口増減',
    children: [
      { title: '増減数', unit: '(人)', format: '#,##0;"△"#,##0', value: (b) => b.change },
      { title: '増減率', unit: '(%)', format: '0.0;"△"0.0', value: (b) => pct(b.change, b.population - b.change) },
    ],
  },
  {
    title: '面積・人口密度',
    children: [
      { title: '面積', unit: '(平方km)', format: '#,##0.00', value: (b) => b.area },
      { title: '人口密度', unit: '(人/平方km)', format: '#,##0.0', value: (b) => roundTo(b.population / b.area, 1) },
    ],
  },
];

const KEY_COLUMNS = ['年次', '市区町村名', '団体コード'];

export interface MunicipalLayout {
  numeric: { col: number; cycle: number; column: NumericColumn }[];
  groups: { title: string; first: number; last: number }[];
  cycles: number;
}

export function municipalLayout(cols: number): MunicipalLayout {
  const numeric: MunicipalLayout['numeric'] = [];
  const groups: MunicipalLayout['groups'] = [];
  let col = KEY_COLUMNS.length;
  let g = 0;
  for (; col < cols; g++) {
    const group = GROUPS[g % GROUPS.length];
    const cycle = Math.floor(g / GROUPS.length);
    const first = col;
    for (const column of group.children) {
      if (col >= cols) break;
      numeric.push({ col: col++, cycle, column });
    }
    groups.push({ title: cycle === 0 ? group.title : `${group.title}（${cycle + 1}）`, first, last: col - 1 });
  }
  return { numeric, groups, cycles: Math.ceil(g / GROUPS.length) };
}

// ---------------------------------------------------------------- dirty cells

export const DIRTY_KINDS = ['separator', 'triangle', 'mark', 'secret', 'dash', 'fullwidth'] as const;
export type DirtyKind = (typeof DIRTY_KINDS)[number];

const FULLWIDTH_DIGIT = 0xff10;

function dirtyText(kind: DirtyKind, v: number): string {
  switch (kind) {
    case 'separator':
      return v.toLocaleString('en-US', { maximumFractionDigits: 2 });
    case 'triangle':
      return `△${Math.abs(v)}`;
    case 'mark':
      return `a)${v}`;
    case 'secret':
      return 'x';
    case 'dash':
      return '－';
    case 'fullwidth':
      return String(v).replace(/[0-9]/g, (d) => String.fromCharCode(FULLWIDTH_DIGIT + Number(d)));
  }
}

// ---------------------------------------------------------------- rows

/** A cell: text, a number (`format` is the column's number format for .xlsx), or empty. */
export type MunicipalCell = string | number | null;

export interface MunicipalFacts {
  totalRows: number;
  dataRows: number;
  cols: number;
  numericCells: number;
  dirty: Record<DirtyKind, number>;
  dirtyCells: number;
}

function validate({ rows, cols }: MunicipalOptions): void {
  if (!Number.isInteger(rows) || rows < 1) throw new RangeError(`rows must be a positive integer, got ${rows}`);
  if (!Number.isInteger(cols) || cols < KEY_COLUMNS.length + 1) throw new RangeError(`cols must be an integer >= ${KEY_COLUMNS.length + 1}, got ${cols}`);
}

/**
 * Calls `visit` with every row of the sheet, top to bottom (the array is reused: copy it
 * to keep it). `formats[c]` is the number format of numeric column c in data rows.
 */
export function forEachRow(options: MunicipalOptions, visit: (row: MunicipalCell[], r: number, formats: (string | undefined)[]) => void): MunicipalFacts {
  validate(options);
  const { rows, cols, seed = MUNICIPAL_SEED, dirtyRate = 0.01 } = options;
  const rng = createRng(seed);
  const layout = municipalLayout(cols);
  const formats: (string | undefined)[] = new Array(cols).fill(undefined);
  for (const n of layout.numeric) formats[n.col] = n.column.format;
  const none: (string | undefined)[] = new Array(cols).fill(undefined);
  const row: MunicipalCell[] = new Array(cols).fill(null);
  const clear = () => row.fill(null);
  let r = 0;
  const emit = (f = none) => visit(row, r++, f);

  clear();
  row[0] = MUNICIPAL_CAPTION;
  emit();
  clear();
  KEY_COLUMNS.forEach((t, c) => (row[c] = t));
  for (const g of layout.groups) row[g.first] = g.title;
  emit();
  clear();
  for (const n of layout.numeric) row[n.col] = n.column.title;
  emit();
  clear();
  for (const n of layout.numeric) row[n.col] = n.column.unit;
  emit();

  const dirty = Object.fromEntries(DIRTY_KINDS.map((k) => [k, 0])) as Record<DirtyKind, number>;
  const group = yearGroupSize(rows);
  const bases: RowBase[] = [];
  for (let i = 0; i < rows; i++) {
    bases.length = 0;
    for (let k = 0; k < layout.cycles; k++) bases.push(randomBase(rng));
    const j = i % group;
    row[0] = j === 0 ? WAREKI_YEARS[Math.min(WAREKI_YEARS.length - 1, Math.floor(i / group))] : null;
    row[1] = districtName(j);
    row[2] = localGovernmentCode(j);
    for (const n of layout.numeric) {
      const v = n.column.value(bases[n.cycle]);
      if (rng() < dirtyRate) {
        const kind = DIRTY_KINDS[Math.floor(rng() * DIRTY_KINDS.length)];
        dirty[kind]++;
        row[n.col] = dirtyText(kind, v);
      } else {
        row[n.col] = v;
      }
    }
    emit(formats);
  }

  clear();
  emit();
  for (const note of MUNICIPAL_NOTES) {
    clear();
    row[0] = note;
    emit();
  }
  const dirtyCells = DIRTY_KINDS.reduce((s, k) => s + dirty[k], 0);
  return { totalRows: r, dataRows: rows, cols, numericCells: rows * layout.numeric.length, dirty, dirtyCells };
}

// ---------------------------------------------------------------- .xlsx

/** The merged ranges: caption, the three key titles (two rows), parent titles. */
export function municipalMerges(cols: number): XLSX.Range[] {
  const merges: XLSX.Range[] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: cols - 1 } }];
  KEY_COLUMNS.forEach((_, c) => merges.push({ s: { r: 1, c }, e: { r: 2, c } }));
  for (const g of municipalLayout(cols).groups) if (g.last > g.first) merges.push({ s: { r: 1, c: g.first }, e: { r: 1, c: g.last } });
  return merges;
}

export function municipalWorkbook(options: MunicipalOptions): { workbook: XLSX.WorkBook; facts: MunicipalFacts } {
  const data: XLSX.CellObject[][] = [];
  const facts = forEachRow(options, (row, _r, formats) => {
    const out: XLSX.CellObject[] = [];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (v === null) continue;
      if (typeof v === 'number') {
        const cell: XLSX.CellObject = { t: 'n', v };
        if (formats[c]) cell.z = formats[c];
        out[c] = cell;
      } else {
        out[c] = { t: 's', v };
      }
    }
    data.push(out);
  });
  const ws = {
    '!data': data,
    '!ref': XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: data.length - 1, c: options.cols - 1 } }),
    '!merges': municipalMerges(options.cols),
    '!cols': [{ wch: 10 }, { wch: 16 }, { wch: 10 }],
  } as XLSX.WorkSheet;
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, ws, MUNICIPAL_SHEET);
  return { workbook, facts };
}

/** The .xlsx bytes: shared strings (as Excel writes them), deflated by zlib. */
export function municipalXlsx(options: MunicipalOptions): { bytes: Uint8Array; facts: MunicipalFacts } {
  const { workbook, facts } = municipalWorkbook(options);
  const stored = XLSX.write(workbook, { type: 'array', bookType: 'xlsx', bookSST: true, compression: false }) as ArrayBuffer;
  return { bytes: recompressZip(new Uint8Array(stored)), facts };
}

// ---------------------------------------------------------------- CSV

export type CsvEncoding = 'utf-8' | 'shift_jis';

let sjisTable: Uint16Array | null = null;

/**
 * Unicode → Shift_JIS (the WHATWG / CP932 flavour browsers decode), built by running the
 * platform decoder over every two-byte code, so whatever this writes the browser's
 * TextDecoder('shift_jis') reads back as the same text. 0 = not representable.
 */
function shiftJisTable(): Uint16Array {
  if (sjisTable) return sjisTable;
  const table = new Uint16Array(65536);
  const decoder = new TextDecoder('shift_jis');
  for (let b = 0xa1; b <= 0xdf; b++) table[decoder.decode(Uint8Array.of(b)).charCodeAt(0)] = b;
  for (let lead = 0x81; lead <= 0xfc; lead++) {
    if (lead >= 0xa0 && lead <= 0xdf) continue;
    for (let trail = 0x40; trail <= 0xfc; trail++) {
      if (trail === 0x7f) continue;
      const s = decoder.decode(Uint8Array.of(lead, trail));
      if (s.length !== 1 || s === '\ufffd') continue;
      const u = s.charCodeAt(0);
      if (table[u] === 0) table[u] = (lead << 8) | trail;
    }
  }
  return (sjisTable = table);
}

function encodeShiftJis(text: string): Uint8Array {
  const table = shiftJisTable();
  const out = new Uint8Array(text.length * 2);
  let p = 0;
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    if (u < 0x80) {
      out[p++] = u;
      continue;
    }
    const code = table[u];
    if (code === 0) throw new Error(`U+${u.toString(16).toUpperCase()} (${text[i]}) has no Shift_JIS code`);
    if (code > 0xff) out[p++] = code >> 8;
    out[p++] = code & 0xff;
  }
  return out.subarray(0, p);
}

function csvField(v: MunicipalCell): string {
  if (v === null) return '';
  const s = typeof v === 'number' ? String(v) : v;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The table as CSV, the way Excel's 「CSV (コンマ区切り)」 saves it: every row has every
 * column (trailing commas), CRLF, numbers as shown without formats. Encoded in chunks of
 * rows, so a 1,000,000-row file costs its bytes, not a string of twice their size.
 */
export function municipalCsv(options: MunicipalOptions, encoding: CsvEncoding): { bytes: Uint8Array; facts: MunicipalFacts } {
  const chunks: Uint8Array[] = [];
  const utf8 = new TextEncoder();
  const encode = (s: string) => (encoding === 'shift_jis' ? encodeShiftJis(s) : utf8.encode(s));
  let lines: string[] = [];
  const flush = () => {
    if (lines.length) chunks.push(encode(lines.join('')));
    lines = [];
  };
  const facts = forEachRow(options, (row) => {
    lines.push(row.map(csvField).join(',') + '\r\n');
    if (lines.length >= 10_000) flush();
  });
  flush();
  const total = chunks.reduce((s, c) => s + c.length, 0);
  const bytes = new Uint8Array(total);
  let p = 0;
  for (const c of chunks) {
    bytes.set(c, p);
    p += c.length;
  }
  return { bytes, facts };
}
