// Excel / ODS bytes → Workbook via SheetJS. Cells are copied into the column store
// (model.ts) and SheetJS's own objects are dropped, so only one copy stays in memory.
//
// ZIP containers (xlsx, xlsm, xlsb, ods) are not given to SheetJS as bytes: zipGuard.ts
// checks and inflates them within declared, limited sizes, and SheetJS parses the parts
// from a container built here (`parse_zip`). Parts that would make SheetJS expand a
// named range into cells are neutralised on the way (partGuard.ts).
import * as XLSX from 'xlsx';
import {
  type CellRange,
  type CellValue,
  type Column,
  type Sheet,
  type Workbook,
  type WorkbookSource,
  emptyColumn,
} from '../model.ts';
import { loadJapaneseBuiltinFormats } from '../numberFormat.ts';
import { ReadError, checkSheetSize } from './errors.ts';
import { checkOdsContent, guardBiffStream, guardSpreadsheetMl, guardXlsbPart, guardXmlPart } from './partGuard.ts';
import type { ProgressFn } from './progress.ts';
import { afterRows, rowBoundaryAfter, sheetXmlLayout, sliceXml } from './sheetXml.ts';
import { type ZipArchive, type ZipEntry, openZip } from './zipGuard.ts';

/** SheetJS options every read uses; the bench compares against the same call. */
export const SHEETJS_READ_OPTIONS: XLSX.ParsingOptions = {
  type: 'array',
  dense: true,
  cellNF: true,
  cellDates: false,
  cellStyles: true,
  cellFormula: true,
  cellText: false,
  cellHTML: false,
};

type DenseSheet = XLSX.WorkSheet & { '!data'?: (XLSX.CellObject | undefined)[][] };

function cellValue(cell: XLSX.CellObject): CellValue {
  switch (cell.t) {
    case 'n':
      return typeof cell.v === 'number' ? cell.v : null;
    case 's':
      return typeof cell.v === 'string' && cell.v !== '' ? cell.v : null;
    case 'b':
      return Boolean(cell.v);
    case 'e':
      return { error: cell.w ?? XLSX.utils.format_cell(cell) ?? '#ERROR' };
    case 'd':
      // cellDates is off, so only formats that carry no serial (rare ODS cases) land here.
      return cell.v instanceof Date ? cell.v.toISOString().slice(0, 10) : String(cell.v ?? '');
    default:
      return null;
  }
}

/** A solid background colour (RRGGBB), if the cell has one (white counts as none). */
function fillColour(cell: XLSX.CellObject): string | undefined {
  const s = cell.s as { patternType?: string; fgColor?: { rgb?: string; theme?: number; indexed?: number } } | undefined;
  if (!s || !s.patternType || s.patternType === 'none') return undefined;
  const fg = s.fgColor;
  const rgb = fg?.rgb ? fg.rgb.slice(-6).toUpperCase() : fg?.theme !== undefined ? `theme${fg.theme}` : fg?.indexed !== undefined ? `indexed${fg.indexed}` : undefined;
  return rgb === 'FFFFFF' || rgb === 'indexed64' ? undefined : rgb;
}

/** Excel's last row and column: arrays longer than these come from a crafted or broken file. */
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

/**
 * The indexes SheetJS filled in a row list or a row. An array longer than Excel allows is
 * sparse (one crafted `<row r="2000000000">` or `<c r="FXSHRXW1">`): walk its keys, not
 * two billion holes. Null when the array is short enough to walk.
 */
function sparseIndexes(data: unknown[], limit: number): number[] | null {
  if (data.length <= limit) return null;
  return Object.keys(data)
    .map(Number)
    .filter((n) => Number.isInteger(n) && n >= 0);
}

const hasValue = (cell: XLSX.CellObject | undefined) => !!cell && cell.t !== 'z' && cellValue(cell) !== null;

/** The real extent of the data: `!ref` can claim a million rows for ten cells. */
function extent(data: (XLSX.CellObject | undefined)[][], merges: CellRange[]): { rows: number; cols: number } {
  let rows = 0;
  let cols = 0;
  const visit = (r: number) => {
    const row = data[r];
    if (!row) return;
    const sparse = sparseIndexes(row, MAX_COLUMNS);
    let last = -1;
    if (sparse) {
      for (const c of sparse) if (c > last && hasValue(row[c])) last = c;
    } else {
      for (let c = row.length - 1; c >= 0 && last < 0; c--) if (hasValue(row[c])) last = c;
    }
    if (last < 0) return;
    if (last + 1 > cols) cols = last + 1;
    rows = r + 1;
  };
  const sparse = sparseIndexes(data, MAX_ROWS);
  if (sparse) for (const r of sparse) visit(r);
  else for (let r = 0; r < data.length; r++) visit(r);
  for (const m of merges) {
    rows = Math.max(rows, m.e.r + 1);
    cols = Math.max(cols, m.e.c + 1);
  }
  return { rows, cols };
}

function convertSheet(ws: DenseSheet, id: string, name: string, onRows?: (done: number, total: number) => void): Sheet {
  const data = ws['!data'] ?? [];
  const merges: CellRange[] = (ws['!merges'] ?? []).map((m) => ({ s: { ...m.s }, e: { ...m.e } }));
  const { rows, cols } = extent(data, merges);
  checkSheetSize(rows, cols, name);
  const columns: Column[] = [];
  for (let c = 0; c < cols; c++) columns.push(emptyColumn(rows));
  const formats = ['General'];
  const formatIds = new Map<string, number>([['General', 0]]);
  for (let r = 0; r < rows; r++) {
    if (onRows && (r & 8191) === 0) onRows(r, rows);
    const row = data[r];
    if (!row) continue;
    const n = Math.min(row.length, cols);
    for (let c = 0; c < n; c++) {
      const cell = row[c];
      if (!cell) continue;
      const col = columns[c];
      const value = cellValue(cell);
      col.values[r] = value;
      const z = typeof cell.z === 'string' ? cell.z : typeof cell.z === 'number' ? XLSX.SSF.get_table()[cell.z] : undefined;
      if (z && z !== 'General' && value !== null) {
        let fi = formatIds.get(z);
        if (fi === undefined) {
          fi = formats.length;
          formats.push(z);
          formatIds.set(z, fi);
        }
        (col.formats ??= new Array<number>(rows).fill(0))[r] = fi;
      }
      if (cell.f) (col.formulas ??= new Array(rows))[r] = cell.f;
      const fill = fillColour(cell);
      if (fill) (col.fills ??= new Array(rows))[r] = fill;
    }
  }
  // Bounded by the extent: `!rows` / `!cols` may be as long as a crafted file says.
  const rowInfo = ws['!rows'] ?? [];
  const hiddenRows: number[] = [];
  for (let r = 0, n = Math.min(rowInfo.length, rows); r < n; r++) if (rowInfo[r]?.hidden) hiddenRows.push(r);
  const colInfo = ws['!cols'] ?? [];
  const hiddenCols: number[] = [];
  const colWidths: (number | undefined)[] = [];
  for (let c = 0, n = Math.min(colInfo.length, cols); c < n; c++) {
    const info = colInfo[c];
    if (!info) continue;
    if (info.hidden) hiddenCols.push(c);
    colWidths[c] = info.wpx ?? (info.wch ? Math.round(info.wch * 7 + 5) : undefined);
  }
  return { id, name, rowCount: rows, columns, formats, merges, hiddenRows, hiddenCols, colWidths };
}

/** SheetJS entry points that take a parsed container (exported by the library, not typed). */
interface SheetJsContainerApi {
  parse_zip(zip: unknown, opts: XLSX.ParsingOptions): XLSX.WorkBook;
}
const SheetJs = XLSX as unknown as SheetJsContainerApi;

interface CfbFile {
  name: string;
  content: Uint8Array;
  size: number;
}
interface CfbContainer {
  FullPaths: string[];
  FileIndex: CfbFile[];
}

// In Node (tests, CLI) SheetJS's own unzip hands parts over as Buffers and takes faster
// paths for them; give it the same. Browsers have no Buffer.
const NodeBuffer = (globalThis as { Buffer?: { from(b: ArrayBufferLike, offset: number, length: number): Uint8Array } }).Buffer;
const asPart = (b: Uint8Array): Uint8Array => (NodeBuffer ? NodeBuffer.from(b.buffer, b.byteOffset, b.byteLength) : b);

/** What kind of ZIP this is, from its entry names (and ODF's mimetype): refuse what no sheet can come from. */
function checkZipKind(zip: ZipArchive, find: (name: string) => ZipEntry | undefined): 'ooxml' | 'odf' {
  const notSheet = (detected: string, detail?: string) => new ReadError({ code: 'not-spreadsheet', detected, detail });
  if (find('META-INF/manifest.xml') || find('objectdata.xml')) {
    const mimetype = find('mimetype');
    if (mimetype && mimetype.size < 200) {
      const type = new TextDecoder().decode(zip.read(mimetype)).trim();
      const kind = /opendocument\.(\w+)/.exec(type)?.[1];
      if (kind && kind !== 'spreadsheet' && kind !== 'spreadsheet-template') {
        const label: Record<string, string> = { text: 'ODT', presentation: 'ODP', graphics: 'ODG', formula: 'ODF' };
        throw notSheet(label[kind] ?? 'OpenDocument', type);
      }
    }
    return 'odf';
  }
  if (find('Index/Document.iwa') || find('Index.zip') || find('index.xml') || find('index.xml.gz')) {
    throw new ReadError({ code: 'unsupported', detected: 'Numbers', detail: 'Apple Numbers document' });
  }
  if (!find('[Content_Types].xml')) throw notSheet('ZIP', 'no [Content_Types].xml');
  const names = zip.entries.map((e) => e.name.toLowerCase());
  if (!names.some((n) => n.startsWith('xl/'))) {
    if (names.includes('word/document.xml')) throw notSheet('Word');
    if (names.includes('ppt/presentation.xml')) throw notSheet('PowerPoint');
  }
  return 'ooxml';
}

/**
 * A SheetJS container whose parts inflate on first use (a workbook's images are never
 * touched) and pass the part guards. The first failure is kept: SheetJS swallows errors
 * from some optional parts, and the read must fail anyway.
 */
function lazyContainer(zip: ZipArchive): { container: CfbContainer; files: Map<ZipEntry, CfbFile>; failure: () => unknown } {
  const container = XLSX.CFB.utils.cfb_new() as CfbContainer;
  const files = new Map<ZipEntry, CfbFile>();
  let failure: unknown;
  const empty = new Uint8Array(0);
  for (const entry of zip.entries) {
    const file = XLSX.CFB.utils.cfb_add(container, entry.name, empty, { unsafe: true }) as CfbFile;
    let cache: Uint8Array | undefined;
    Object.defineProperty(file, 'content', {
      configurable: true,
      enumerable: true,
      get() {
        if (cache) return cache;
        try {
          const bytes = zip.read(entry);
          // SheetJS parses a sheet part as binary when its name ends in .bin, else as XML.
          if (/\.bin$/i.test(entry.name)) guardXlsbPart(bytes);
          else guardXmlPart(bytes);
          cache = asPart(bytes);
          return cache;
        } catch (e) {
          failure ??= e;
          throw e;
        }
      },
      set(v: Uint8Array) {
        cache = v;
      },
    });
    file.size = entry.size;
    files.set(entry, file);
  }
  return { container, files, failure: () => failure };
}

function readZip(bytes: Uint8Array, opts: XLSX.ParsingOptions, hooks: ReadHooks): XLSX.WorkBook {
  const zip = openZip(bytes);
  const byName = new Map(zip.entries.map((e) => [e.name.toLowerCase(), e]));
  const find = (name: string) => byName.get(name.toLowerCase());
  const kind = checkZipKind(zip, find);
  const { container, files, failure } = lazyContainer(zip);
  if (kind === 'odf') {
    // SheetJS materialises every repetition of a repeated cell: count them first.
    for (const part of ['content.xml', 'objectdata.xml']) {
      const entry = find(part);
      const file = entry && files.get(entry);
      if (file) checkOdsContent(new TextDecoder().decode(file.content));
    }
  }
  // What XLSX.read does to the options before it reaches parse_zip.
  const parseOpts: XLSX.ParsingOptions = { ...opts, ...(opts.cellStyles ? { cellNF: true, sheetStubs: true } : {}) };
  const parse = (o: XLSX.ParsingOptions) => {
    const wb = SheetJs.parse_zip(container, { ...o });
    const failed = failure();
    if (failed) throw failed;
    return wb;
  };
  if (kind === 'ooxml' && hooks.slices !== false) {
    const sliced = readInSlices(zip, files, parse, parseOpts, hooks);
    if (sliced) return sliced;
  }
  return parse(parseOpts);
}

/** Rows of the first screen: what the preview shows while the rest is read. */
export const PREVIEW_ROWS = 200;
/** Parts smaller than this are read in one go: slicing would gain nothing. */
const SLICE_MIN_PART = 4 * 2 ** 20;
/** Bytes of rows per slice; each slice costs one more parse of the shared strings, see below. */
const SLICE_BYTES = 4 * 2 ** 20;
const STUB_MARK = 'seiton-part:';

const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** A worksheet whose only cell names the part it stands for (see readInSlices). */
const stubSheet = (name: string) =>
  new TextEncoder().encode(
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${xmlText(STUB_MARK + name)}</t></is></c></row></sheetData></worksheet>`,
  );

/**
 * Reads the first visible sheet of an .xlsx a slice of rows at a time (sheetXml.ts): the
 * first slice becomes the preview, and progress counts the bytes parsed. Undefined when the
 * workbook does not lend itself to it (small, binary, shared formulas…): then it is read in
 * one go, with the same result.
 *
 * Which part holds which sheet is SheetJS's to decide (content types, relationships,
 * strict or transitional names), so a first pass parses the workbook with every big XML
 * part replaced by a stub sheet whose one cell is the part's name.
 */
function readInSlices(
  zip: ZipArchive,
  files: Map<ZipEntry, CfbFile>,
  parse: (o: XLSX.ParsingOptions) => XLSX.WorkBook,
  opts: XLSX.ParsingOptions,
  hooks: ReadHooks,
): XLSX.WorkBook | undefined {
  const big = zip.entries.filter((e) => e.size >= SLICE_MIN_PART && /\.xml$/i.test(e.name));
  if (big.length === 0) return undefined;
  // The content setter of lazyContainer fills its cache: nothing is inflated for a stub.
  for (const entry of big) files.get(entry)!.content = stubSheet(entry.name);
  const probe = parse({ ...opts, sheets: undefined });
  const partOf = (name: string) => {
    const v = (probe.Sheets[name] as DenseSheet | undefined)?.['!data']?.[0]?.[0]?.v;
    return typeof v === 'string' && v.startsWith(STUB_MARK) ? big.find((e) => e.name === v.slice(STUB_MARK.length)) : undefined;
  };
  const index = probe.SheetNames.findIndex((_, i) => !probe.Workbook?.Sheets?.[i]?.Hidden);
  const targetName = probe.SheetNames[index];
  const target = index >= 0 ? partOf(targetName) : undefined;
  // Empty the caches: from here on the real parts inflate on first use.
  for (const entry of big) files.get(entry)!.content = undefined as unknown as Uint8Array;
  if (!target) return undefined;

  const xml = files.get(target)!.content;
  hooks.onProgress?.({ phase: 'parse', done: 0, total: xml.length, overall: 0.1 });
  const layout = sheetXmlLayout(xml);
  if (!layout) return undefined;
  const file = files.get(target)!;
  const sst = (probe as { Directory?: { sst?: string } }).Directory?.sst?.replace(/^\//, '');
  const sstSize = (sst && zip.find(sst)?.size) || 0;
  // Every slice parses the shared strings again: keep that under a tenth of the work.
  const sliceBytes = Math.max(SLICE_BYTES, sstSize * 10);

  const parseSlice = (start: number, end: number, first: boolean): DenseSheet => {
    file.content = asPart(sliceXml(xml, layout, start, end, first));
    const ws = parse({ ...opts, sheets: [index] }).Sheets[targetName] as DenseSheet | undefined;
    if (!ws) throw new ReadError({ code: 'truncated', detail: `sheet ${targetName} could not be read` });
    return ws;
  };
  const total = layout.rowsEnd - layout.rowsStart;
  const progress = (at: number) =>
    hooks.onProgress?.({ phase: 'parse', done: at - layout.rowsStart, total, overall: 0.1 + 0.7 * ((at - layout.rowsStart) / Math.max(1, total)) });

  let at = afterRows(xml, layout, layout.rowsStart, PREVIEW_ROWS);
  const acc = parseSlice(layout.rowsStart, at, true);
  progress(at);
  if (hooks.onPreview) hooks.onPreview(previewOf(probe, acc, index, hooks.source, Boolean(probe.Workbook?.WBProps?.date1904)));
  const data = (acc['!data'] ??= []);
  const rowInfo = (acc['!rows'] ??= []);
  while (at < layout.rowsEnd) {
    const end = rowBoundaryAfter(xml, layout, at + sliceBytes);
    const ws = parseSlice(at, end, false);
    ws['!data']?.forEach((row, r) => (data[r] = row));
    ws['!rows']?.forEach((info, r) => (rowInfo[r] = info));
    at = end;
    progress(at);
  }
  file.content = xml;
  const others = probe.SheetNames.map((_, i) => i).filter((i) => i !== index);
  const rest = others.length > 0 ? parse({ ...opts, sheets: others }) : probe;
  const Sheets: Record<string, XLSX.WorkSheet> = {};
  for (const name of probe.SheetNames) Sheets[name] = name === targetName ? acc : rest.Sheets[name];
  return { ...rest, SheetNames: probe.SheetNames, Sheets, Workbook: probe.Workbook };
}

/**
 * An .xls (CFB): password-protected OOXML packages are refused, and BIFF records that make
 * SheetJS loop over a whole range are reduced first (only when there are any, by writing the
 * container again).
 */
function readCfb(bytes: Uint8Array, opts: XLSX.ParsingOptions): XLSX.WorkBook {
  let cfb: CfbContainer | undefined;
  try {
    cfb = XLSX.CFB.read(bytes, { type: 'array' }) as CfbContainer;
  } catch {
    cfb = undefined; // let SheetJS report what is wrong
  }
  if (cfb?.FullPaths.some((p) => /\/(EncryptionInfo|EncryptedPackage)$/i.test(p))) throw new ReadError({ code: 'encrypted' });
  let input = bytes;
  const stream = cfb?.FileIndex.find((f) => /^(Workbook|Book)$/i.test(f.name) && f.content?.length);
  if (cfb && stream) {
    // A copy: in Node the CFB reader hands out Buffers, whose slice() shares the bytes, and
    // the comparison below would then never see a change.
    const guarded = new Uint8Array(stream.content);
    guardBiffStream(guarded);
    if (guarded.some((b, i) => b !== stream.content[i])) {
      stream.content = guarded;
      input = new Uint8Array(XLSX.CFB.write(cfb, { type: 'array' }) as ArrayLike<number>);
    }
  }
  return XLSX.read(input, opts);
}

/** Text SheetJS reads as a workbook: SpreadsheetML 2003, HTML or plain text saved as .xls. */
function readOther(bytes: Uint8Array, opts: XLSX.ParsingOptions): XLSX.WorkBook {
  const input = bytes.slice(); // the guard edits in place; the session keeps the original
  guardSpreadsheetMl(input);
  return XLSX.read(input, opts);
}

export type SpreadsheetContainer = 'zip' | 'cfb' | 'biff' | 'other';

/** The first rows of a workbook being read, shown while the rest is parsed. */
export interface WorkbookPreview {
  /** Every sheet by name; only `sheetId` has rows yet. */
  workbook: Workbook;
  sheetId: string;
  /** The sheet's row count as its file declares it (`<dimension>`), when it does. */
  declaredRows?: number;
}
export type PreviewFn = (preview: WorkbookPreview) => void;

export interface ReadHooks {
  source: WorkbookSource;
  onProgress?: ProgressFn;
  onPreview?: PreviewFn;
  /** Read big sheets a slice at a time (default); off only to compare the two paths. */
  slices?: boolean;
}

function previewOf(probe: XLSX.WorkBook, first: DenseSheet, index: number, source: WorkbookSource, date1904: boolean): WorkbookPreview {
  const shown = first['!data']?.length ?? 0;
  // Merges reaching below the preview are cut at its last row.
  const merges = (first['!merges'] ?? []).filter((m) => m.s.r < shown).map((m) => ({ s: { ...m.s }, e: { r: Math.min(m.e.r, shown - 1), c: m.e.c } }));
  const sheets = probe.SheetNames.map((name, i): Sheet => {
    const sheet =
      i === index
        ? convertSheet({ ...first, '!merges': merges }, `s${i + 1}`, name)
        : { id: `s${i + 1}`, name, rowCount: 0, columns: [], formats: ['General'], merges: [], hiddenRows: [], hiddenCols: [] };
    if (probe.Workbook?.Sheets?.[i]?.Hidden) sheet.hidden = true;
    return sheet;
  });
  const ref = first['!ref'] ? XLSX.utils.decode_range(first['!ref']) : undefined;
  return { workbook: { source, date1904, sheets }, sheetId: `s${index + 1}`, declaredRows: ref ? ref.e.r + 1 : undefined };
}

/**
 * `container`: what sniff.ts found. Legacy .xls (CFB or a bare BIFF stream) is read with
 * cellText on: SheetJS resolves the number formats of .xls cells (built-in ids 27–58 among
 * them) only while formatting their text; those files are small (≤ 65,536 rows) so the cost is too.
 *
 * Progress reports carry `overall` (0–1): parsing counts for 0.1–0.8 (in bytes where the
 * sheet is read in slices), converting to the column store for the rest (in rows).
 */
export function readSpreadsheet(bytes: Uint8Array, source: WorkbookSource, hooks: Omit<ReadHooks, 'source'> = {}, container: SpreadsheetContainer = 'zip'): Workbook {
  const { onProgress } = hooks;
  loadJapaneseBuiltinFormats();
  onProgress?.({ phase: 'parse', overall: 0 });
  // A fresh object each time: SheetJS writes its defaults into the options it is given.
  const opts: XLSX.ParsingOptions = { ...SHEETJS_READ_OPTIONS, ...(container === 'cfb' || container === 'biff' ? { cellText: true } : {}) };
  const wb =
    container === 'zip'
      ? readZip(bytes, opts, { ...hooks, source })
      : container === 'cfb'
        ? readCfb(bytes, opts)
        : container === 'other'
          ? readOther(bytes, opts)
          : XLSX.read(bytes, opts);
  const sheets: Sheet[] = [];
  const meta = wb.Workbook?.Sheets ?? [];
  const n = wb.SheetNames.length;
  wb.SheetNames.forEach((name, i) => {
    const onRows = (done: number, total: number) =>
      onProgress?.({ phase: 'convert', done: i * total + done, total: n * total, overall: 0.8 + (0.2 * (i + done / Math.max(1, total))) / n });
    onRows(0, 1);
    const sheet = convertSheet(wb.Sheets[name] as DenseSheet, `s${i + 1}`, name, onRows);
    if (meta[i]?.Hidden) sheet.hidden = true;
    sheets.push(sheet);
    delete wb.Sheets[name]; // let SheetJS's copy go as soon as ours exists
  });
  onProgress?.({ phase: 'convert', done: n, total: n, overall: 1 });
  return { source, date1904: Boolean(wb.Workbook?.WBProps?.date1904), sheets };
}
