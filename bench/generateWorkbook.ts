// Deterministic generator of big .xlsx files shaped like Japanese municipal statistics:
// a caption merged across the table, a blank row, a two-row header whose parent titles
// are merged over their child columns, then `rows` data rows of
// 地区名 | 団体コード | numbers (integers and decimals, some with `#,##0` / `0.0` formats).
// Same options and seed → same bytes content. No side effects at import time, so
// benchmarks and e2e tests can import it.
import * as XLSX from 'xlsx';

export interface GenerateOptions {
  /** Data rows below the header. */
  rows: number;
  /** Columns in total: name, code, then `cols - 2` numeric columns (at least 3). */
  cols: number;
  /** PRNG seed; the default gives the same workbook every time. */
  seed?: number;
  /** Caption in the first row. */
  caption?: string;
  /** Worksheet name. */
  sheetName?: string;
}

export const DEFAULT_SEED = 20201001;
export const DEFAULT_CAPTION = '表1 市区町村別人口（令和2年）';
export const DEFAULT_SHEET_NAME = '表1';

/** Caption, blank row, two header rows. */
export const HEADER_ROW_COUNT = 4;
/** Zero-based row of the parent header titles. */
export const PARENT_HEADER_ROW = 2;
/** Zero-based row of the child header titles. */
export const CHILD_HEADER_ROW = 3;
/** Zero-based row of the first data row. */
export const FIRST_DATA_ROW = HEADER_ROW_COUNT;

/** Rows the sheet has in total (what a reader should report as its row count). */
export function totalRowCount(rows: number): number {
  return HEADER_ROW_COUNT + rows;
}

// ---------------------------------------------------------------- random numbers

/** mulberry32: small, fast, seedable PRNG returning floats in [0, 1). */
export function createRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Integer in [min, max] (inclusive). */
export function randomInt(rng: () => number, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

/** Rounds to `digits` decimal places. */
export function roundTo(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

// ---------------------------------------------------------------- names and codes

export const PLACE_NAMES: readonly string[] = [
  '札幌', '函館', '青森', '盛岡', '仙台', '秋田', '山形', '福島', '水戸', '宇都宮',
  '前橋', 'さいたま', '千葉', '新宿', '横浜', '新潟', '富山', '金沢', '福井', '甲府',
  '長野', '岐阜', '静岡', '名古屋', '津', '大津', '京都', '大阪', '神戸', '奈良',
  '和歌山', '鳥取', '松江', '岡山', '広島', '山口', '徳島', '高松', '松山', '高知',
  '福岡', '佐賀', '長崎', '熊本', '大分', '宮崎', '鹿児島', '那覇',
];

/** Name of data row `index` (0-based), e.g. `札幌第1地区`; unique per index. */
export function districtName(index: number): string {
  const place = PLACE_NAMES[index % PLACE_NAMES.length];
  return `${place}第${Math.floor(index / PLACE_NAMES.length) + 1}地区`;
}

/**
 * Six-digit 全国地方公共団体コード (five digits + check digit, JIS X 0402) as text,
 * so leading zeros survive: `01100` → `011002`.
 */
export function localGovernmentCode(index: number): string {
  const base = String(1000 + (index % 98000)).padStart(5, '0');
  const weights = [6, 5, 4, 3, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(base[i]), 0);
  return base + String((11 - (sum % 11)) % 10);
}

// ---------------------------------------------------------------- columns

/** What every numeric column of one data row is derived from, so totals add up. */
export interface RowBase {
  population: number;
  male: number;
  households: number;
  /** km², two decimals. */
  area: number;
}

export function randomRowBase(rng: () => number): RowBase {
  // Log-uniform population between 100 and ~400,000.
  const population = Math.round(100 * 4000 ** rng());
  const male = Math.round(population * (0.46 + 0.06 * rng()));
  const households = Math.max(1, Math.round(population / (1.8 + rng())));
  const area = roundTo(0.5 + 300 * rng() * rng(), 2);
  return { population, male, households, area };
}

export interface ChildColumn {
  title: string;
  /** Number format set on the cells (`z`); absent = General. */
  format?: string;
  value: (row: RowBase, rng: () => number) => number;
}

export interface ColumnGroup {
  /** Parent title, merged across the children. */
  title: string;
  children: readonly ChildColumn[];
}

/** Numeric column groups, cycled until the requested column count is reached. */
export const COLUMN_GROUPS: readonly ColumnGroup[] = [
  {
    title: '人口（人）',
    children: [
      { title: '総数', format: '#,##0', value: (b) => b.population },
      { title: '男', format: '#,##0', value: (b) => b.male },
      { title: '女', format: '#,##0', value: (b) => b.population - b.male },
    ],
  },
  {
    title: '世帯数',
    children: [
      { title: '総数', format: '#,##0', value: (b) => b.households },
      { title: '一般世帯', value: (b) => Math.round(b.households * 0.98) },
      { title: '1世帯当たり人員', format: '0.00', value: (b) => roundTo(b.population / b.households, 2) },
    ],
  },
  {
    title: '年齢3区分別人口（人）',
    children: [
      { title: '0～14歳', value: (b, rng) => Math.round(b.population * (0.08 + 0.08 * rng())) },
      { title: '15～64歳', value: (b, rng) => Math.round(b.population * (0.5 + 0.1 * rng())) },
      { title: '65歳以上', value: (b, rng) => Math.round(b.population * (0.2 + 0.2 * rng())) },
    ],
  },
  {
    title: '人口増減率（％）',
    children: [
      { title: '平成27年～令和2年', format: '0.0', value: (_b, rng) => roundTo(-12 + 20 * rng(), 1) },
      { title: '平成22年～平成27年', format: '0.0', value: (_b, rng) => roundTo(-12 + 20 * rng(), 1) },
    ],
  },
  {
    title: '面積・人口密度',
    children: [
      { title: '面積（km²）', format: '#,##0.00', value: (b) => b.area },
      { title: '人口密度（人/km²）', format: '#,##0.0', value: (b) => roundTo(b.population / b.area, 1) },
    ],
  },
];

export interface NumericColumnLayout {
  /** Zero-based column index in the sheet. */
  col: number;
  /** How many times COLUMN_GROUPS had been used up before this column (earlier census years). */
  cycle: number;
  child: ChildColumn;
}

export interface HeaderGroupLayout {
  title: string;
  /** First and last (inclusive) zero-based column of the group. */
  first: number;
  last: number;
}

export interface ColumnLayout {
  numeric: NumericColumnLayout[];
  groups: HeaderGroupLayout[];
  /** Number of passes over COLUMN_GROUPS; each pass gets its own RowBase. */
  cycles: number;
}

/** When the groups repeat, each pass stands for an earlier census. */
const CYCLE_LABELS = ['', '平成27年', '平成22年', '平成17年', '平成12年', '平成7年'];

function cycleLabel(cycle: number): string {
  return cycle < CYCLE_LABELS.length ? CYCLE_LABELS[cycle] : `（${cycle + 1}）`;
}

/** Which numeric column sits where, for a sheet of `cols` columns (name and code first). */
export function columnLayout(cols: number): ColumnLayout {
  const numeric: NumericColumnLayout[] = [];
  const groups: HeaderGroupLayout[] = [];
  let col = 2;
  let g = 0;
  for (; col < cols; g++) {
    const group = COLUMN_GROUPS[g % COLUMN_GROUPS.length];
    const cycle = Math.floor(g / COLUMN_GROUPS.length);
    const first = col;
    for (const child of group.children) {
      if (col >= cols) break;
      numeric.push({ col, cycle, child });
      col++;
    }
    const label = cycleLabel(cycle);
    groups.push({ title: label ? `${group.title} ${label}` : group.title, first, last: col - 1 });
  }
  return { numeric, groups, cycles: Math.ceil(g / COLUMN_GROUPS.length) };
}

// ---------------------------------------------------------------- workbook

function validate({ rows, cols }: GenerateOptions): void {
  if (!Number.isInteger(rows) || rows < 1) throw new RangeError(`rows must be a positive integer, got ${rows}`);
  if (!Number.isInteger(cols) || cols < 3) throw new RangeError(`cols must be an integer >= 3, got ${cols}`);
}

function text(v: string): XLSX.CellObject {
  return { t: 's', v };
}

/** The merged ranges: caption, name/code headers (two rows), parent titles. */
export function headerMerges(cols: number): XLSX.Range[] {
  const merges: XLSX.Range[] = [
    { s: { r: 0, c: 0 }, e: { r: 0, c: cols - 1 } },
    { s: { r: PARENT_HEADER_ROW, c: 0 }, e: { r: CHILD_HEADER_ROW, c: 0 } },
    { s: { r: PARENT_HEADER_ROW, c: 1 }, e: { r: CHILD_HEADER_ROW, c: 1 } },
  ];
  for (const g of columnLayout(cols).groups) {
    if (g.last > g.first) merges.push({ s: { r: PARENT_HEADER_ROW, c: g.first }, e: { r: PARENT_HEADER_ROW, c: g.last } });
  }
  return merges;
}

/** Builds the worksheet (dense mode: cells in `!data`). */
export function generateWorksheet(options: GenerateOptions): XLSX.WorkSheet {
  validate(options);
  const { rows, cols, seed = DEFAULT_SEED, caption = DEFAULT_CAPTION } = options;
  const rng = createRng(seed);
  const layout = columnLayout(cols);

  const data: XLSX.CellObject[][] = [];
  data.push([text(caption)]);
  data.push([]);
  const parent: XLSX.CellObject[] = [text('市区町村名'), text('団体コード')];
  for (const g of layout.groups) parent[g.first] = text(g.title);
  data.push(parent);
  const child: XLSX.CellObject[] = [];
  for (const n of layout.numeric) child[n.col] = text(n.child.title);
  data.push(child);

  for (let i = 0; i < rows; i++) {
    const bases: RowBase[] = [];
    for (let k = 0; k < layout.cycles; k++) bases.push(randomRowBase(rng));
    const row: XLSX.CellObject[] = new Array(cols);
    row[0] = text(districtName(i));
    row[1] = text(localGovernmentCode(i));
    for (const n of layout.numeric) {
      const cell: XLSX.CellObject = { t: 'n', v: n.child.value(bases[n.cycle], rng) };
      if (n.child.format) cell.z = n.child.format;
      row[n.col] = cell;
    }
    data.push(row);
  }

  const ws = {
    '!data': data,
    '!ref': XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: data.length - 1, c: cols - 1 } }),
    '!merges': headerMerges(cols),
    '!cols': [{ wch: 18 }, { wch: 10 }],
  } as XLSX.WorkSheet;
  return ws;
}

export function generateWorkbook(options: GenerateOptions): XLSX.WorkBook {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, generateWorksheet(options), options.sheetName ?? DEFAULT_SHEET_NAME);
  return wb;
}

/** The workbook as .xlsx bytes (ZIP-compressed, as Excel writes it). */
export function generateWorkbookBytes(options: GenerateOptions): Uint8Array {
  const out = XLSX.write(generateWorkbook(options), { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer;
  return new Uint8Array(out);
}
