// Generators of broken and hostile input files, shared by the unit tests (src/core/io) and
// the e2e tests (e2e/hostile.spec.ts). Everything is built in code, deterministic, and small
// on disk: the zip bombs inflate to more than a gigabyte from about a megabyte.
import * as EncodingModule from 'encoding-japanese';
import * as XLSX from 'xlsx';
import { concatBytes } from '../src/core/arrays.ts';

// ------------------------------------------------------------------ bytes and ZIP

const enc = new TextEncoder();

export function utf8(text: string): Uint8Array {
  return enc.encode(text);
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** One entry of a hand-built ZIP; every header field can be made to lie. */
export interface RawZipEntry {
  name: string;
  /** The bytes stored in the archive (already deflated when method is 8). */
  data: Uint8Array;
  method: 0 | 8;
  /** Uncompressed size written in the central directory. */
  size: number;
  crc?: number;
  /** Sizes written in the local header (default: the central directory's). */
  localSize?: number;
  localCompressedSize?: number;
  /** General-purpose flags (bit 3: sizes in a data descriptor after the data). */
  flags?: number;
  /** Central directory entry points at this offset instead of its own local header. */
  offsetOverride?: number;
}

function u16(n: number): number[] {
  return [n & 0xff, (n >>> 8) & 0xff];
}

function u32(n: number): number[] {
  return [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
}

/** A ZIP file from raw entries, exactly as described (no validation: that is the point). */
export function buildZip(entries: RawZipEntry[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = utf8(e.name);
    const flags = e.flags ?? 0;
    const crc = e.crc ?? 0;
    const local = new Uint8Array([
      ...u32(0x04034b50),
      ...u16(20),
      ...u16(flags),
      ...u16(e.method),
      ...u16(0),
      ...u16(0x21),
      ...u32(flags & 8 ? 0 : crc),
      ...u32(e.localCompressedSize ?? (flags & 8 ? 0 : e.data.length)),
      ...u32(e.localSize ?? (flags & 8 ? 0 : e.size)),
      ...u16(name.length),
      ...u16(0),
      ...name,
    ]);
    const descriptor = flags & 8 ? new Uint8Array([...u32(0x08074b50), ...u32(crc), ...u32(e.data.length), ...u32(e.size)]) : new Uint8Array(0);
    central.push(
      new Uint8Array([
        ...u32(0x02014b50),
        ...u16(20),
        ...u16(20),
        ...u16(flags),
        ...u16(e.method),
        ...u16(0),
        ...u16(0x21),
        ...u32(crc),
        ...u32(e.data.length),
        ...u32(e.size),
        ...u16(name.length),
        ...u16(0),
        ...u16(0),
        ...u16(0),
        ...u16(0),
        ...u32(0),
        ...u32(e.offsetOverride ?? offset),
        ...name,
      ]),
    );
    locals.push(local, e.data, descriptor);
    offset += local.length + e.data.length + descriptor.length;
  }
  const cd = concatBytes(central);
  const end = new Uint8Array([
    ...u32(0x06054b50),
    ...u16(0),
    ...u16(0),
    ...u16(entries.length),
    ...u16(entries.length),
    ...u32(cd.length),
    ...u32(offset),
    ...u16(0),
  ]);
  return concatBytes([...locals, cd, end]);
}

/** The parts of a ZIP (as SheetJS writes or reads them), name → bytes. */
export function zipParts(bytes: Uint8Array): Map<string, Uint8Array> {
  const cfb = XLSX.CFB.read(bytes, { type: 'array' }) as { FullPaths: string[]; FileIndex: { type: number; content: Uint8Array }[] };
  const parts = new Map<string, Uint8Array>();
  cfb.FullPaths.forEach((p, i) => {
    const f = cfb.FileIndex[i];
    if (f.type !== 2 || !f.content || p.endsWith('Sh33tJ5')) return;
    parts.set(p.replace(/^[^/]*\//, ''), new Uint8Array(f.content));
  });
  return parts;
}

/** Raw DEFLATE of `data` with stored blocks only (valid, no compression): enough for small parts. */
export function storedDeflate(data: Uint8Array): Uint8Array {
  const blocks: Uint8Array[] = [];
  for (let o = 0; o < data.length || o === 0; o += 65535) {
    const chunk = data.subarray(o, o + 65535);
    const final = o + 65535 >= data.length ? 1 : 0;
    blocks.push(new Uint8Array([final, ...u16(chunk.length), ...u16(chunk.length ^ 0xffff)]), chunk);
    if (data.length === 0) break;
  }
  return concatBytes(blocks);
}

/** A ZIP of the given parts, written with plain headers (stored-block deflate). */
export function zipOf(parts: Map<string, Uint8Array>): Uint8Array {
  return buildZip([...parts].map(([name, data]) => ({ name, data: storedDeflate(data), method: 8 as const, size: data.length, crc: crc32(data) })));
}

// ------------------------------------------------------------------ workbooks

type Aoa = (string | number | boolean | null | undefined)[][];

export function xlsxFromSheets(sheets: { name: string; ws: XLSX.WorkSheet }[], bookType: XLSX.BookType = 'xlsx'): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const s of sheets) XLSX.utils.book_append_sheet(wb, s.ws, s.name);
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType, compression: true }) as ArrayBuffer);
}

export function xlsxFromRows(rows: Aoa, name = 'Sheet1', bookType: XLSX.BookType = 'xlsx'): Uint8Array {
  return xlsxFromSheets([{ name, ws: XLSX.utils.aoa_to_sheet(rows) }], bookType);
}

/** The sample table most hostile workbooks carry, so a test can see the data arrived. */
export const SAMPLE_ROWS: Aoa = [
  ['地区', '人口', '世帯数'],
  ['北区', 1200, 500],
  ['南区', 300, 100],
];

/** Replaces one part of an xlsx (patching XML that SheetJS would refuse to write). */
export function patchPart(xlsx: Uint8Array, name: string, edit: (xml: string) => string): Uint8Array {
  const parts = zipParts(xlsx);
  const part = parts.get(name);
  if (!part) throw new Error(`no part ${name}`);
  parts.set(name, utf8(edit(new TextDecoder().decode(part))));
  return zipOf(parts);
}

// ------------------------------------------------------------------ not spreadsheets

export function pdf(): Uint8Array {
  return utf8('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n');
}

export function png(): Uint8Array {
  return new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
}

/** A ZIP archive holding a text file: what a renamed .zip looks like. */
export function plainZip(): Uint8Array {
  const data = utf8('議事録\n');
  return buildZip([{ name: 'readme.txt', data: storedDeflate(data), method: 8, size: data.length, crc: crc32(data) }]);
}

/** An OOXML package that is a Word document (a .docx renamed .xlsx). */
export function docx(): Uint8Array {
  const parts = new Map<string, Uint8Array>([
    ['[Content_Types].xml', utf8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')],
    ['word/document.xml', utf8('<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>')],
  ]);
  return zipOf(parts);
}

/** Password-protected OOXML: a CFB container with EncryptionInfo and EncryptedPackage streams. */
export function encryptedXlsx(): Uint8Array {
  const cfb = XLSX.CFB.utils.cfb_new();
  XLSX.CFB.utils.cfb_add(cfb, 'EncryptionInfo', new Uint8Array(256).fill(4, 0, 2));
  XLSX.CFB.utils.cfb_add(cfb, 'EncryptedPackage', new Uint8Array(4096).map((_, i) => (i * 31) & 0xff));
  return new Uint8Array(XLSX.CFB.write(cfb, { type: 'array' }) as ArrayLike<number>);
}

/** The first `fraction` of a file, as a half-finished download leaves it. */
export function truncated(bytes: Uint8Array, fraction = 0.5): Uint8Array {
  return bytes.slice(0, Math.floor(bytes.length * fraction));
}

// ------------------------------------------------------------------ odd but readable workbooks

export function xlsb(): Uint8Array {
  return xlsxFromRows(SAMPLE_ROWS, '人口', 'xlsb');
}

/** A sheet `cols` columns wide (16,384 = XFD, Excel's last column), `rows` rows deep. */
export function wideSheet(cols = 16384, rows = 3): Uint8Array {
  const data: Aoa = [];
  for (let r = 0; r < rows; r++) {
    const row: (string | number)[] = [];
    for (let c = 0; c < cols; c++) row.push(r === 0 ? `列${c + 1}` : r * 100000 + c);
    data.push(row);
  }
  return xlsxFromRows(data, '横長');
}

/** The sheet's `<dimension>` (SheetJS's `!ref`) claims A1:J1048576, but ten cells hold data. */
export function hugeDimension(): Uint8Array {
  const xlsx = xlsxFromRows(
    [
      ['地区', '人口'],
      ['北区', 1200],
      ['南区', 300],
      ['東区', 900],
      ['西区', 450],
    ],
    '範囲',
  );
  return patchPart(xlsx, 'xl/worksheets/sheet1.xml', (xml) => xml.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:J1048576"/>'));
}

/**
 * One cell holding `length` characters of text (1 MB by default), next to ordinary cells.
 * Excel stops at 32,767 characters per cell and so does SheetJS's writer: the text is put
 * into the sheet's XML afterwards.
 */
export function longTextCell(length = 1024 * 1024): Uint8Array {
  const unit = '長い説明文。';
  const text = unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
  const xlsx = xlsxFromRows(
    [
      ['項目', '説明'],
      ['長文', 'PLACEHOLDER'],
      ['短文', '普通の文'],
    ],
    '長文',
  );
  return patchPart(xlsx, 'xl/worksheets/sheet1.xml', (xml) => xml.replace('PLACEHOLDER', text));
}

/** `count` two-cell merges (A1:B1, A2:B2, …), each holding a label. */
export function manyMerges(count = 10000): Uint8Array {
  const rows: Aoa = [];
  for (let r = 0; r < count; r++) rows.push([`見出し${r + 1}`, null, r]);
  const ws = XLSX.utils.aoa_to_sheet(rows);
  ws['!merges'] = Array.from({ length: count }, (_, r) => ({ s: { r, c: 0 }, e: { r, c: 1 } }));
  return xlsxFromSheets([{ name: '結合', ws }]);
}

/** Sheet names Excel forbids, written into workbook.xml after SheetJS wrote safe ones. */
export const BAD_SHEET_NAMES = ['人口/世帯', 'A\\B', '令和2:3', '*集計*', '何?', '[注]'];

export function badSheetNames(): Uint8Array {
  const sheets = BAD_SHEET_NAMES.map((_, i) => ({
    name: `S${i + 1}`,
    ws: XLSX.utils.aoa_to_sheet([
      ['表', i + 1],
      ['値', (i + 1) * 10],
    ]),
  }));
  const xlsx = xlsxFromSheets(sheets);
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  return patchPart(xlsx, 'xl/workbook.xml', (xml) => {
    let out = xml;
    BAD_SHEET_NAMES.forEach((name, i) => {
      out = out.replace(`name="S${i + 1}"`, `name="${escape(name)}"`);
    });
    return out;
  });
}

// ------------------------------------------------------------------ formula injection

export const INJECTIONS = ['=HYPERLINK("http://evil.example/","x")', "=cmd|' /C calc'!A0", '@SUM(1+1)', '+1+cmd', '-2+3+cmd'];

/** A CSV whose cells are text that spreadsheet programs would run as formulas. */
export function injectionCsv(): Uint8Array {
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  return utf8(['名前,値', ...INJECTIONS.map((s, i) => `${quote(s)},${i + 1}`), 'ふつう,-5', '電話,+81-3-1234-5678'].join('\r\n') + '\r\n');
}

/** An xlsx with real formula cells (their cached results are what is kept) and formula-like text. */
export function injectionXlsx(): Uint8Array {
  const ws = XLSX.utils.aoa_to_sheet([['名前', '値']]);
  XLSX.utils.sheet_add_aoa(ws, [['リンク'], ['DDE'], ['文字列']], { origin: 'A2' });
  ws['B2'] = { t: 's', v: 'x', f: 'HYPERLINK("http://evil.example/","x")' };
  ws['B3'] = { t: 's', v: "=cmd|' /C calc'!A0", f: "\"=cmd|' /C calc'!A0\"" };
  ws['B4'] = { t: 's', v: '=1+1' };
  ws['!ref'] = 'A1:B4';
  return xlsxFromSheets([{ name: '式', ws }]);
}

// ------------------------------------------------------------------ text files

// CommonJS module: a namespace in Vite/Vitest, a default export under Playwright's loader.
const Encoding = ((EncodingModule as unknown as { default?: typeof EncodingModule }).default ?? EncodingModule) as typeof EncodingModule;

function sjis(text: string): number[] {
  return Encoding.convert(Encoding.stringToCode(text), { to: 'SJIS', from: 'UNICODE' });
}

/** A Shift_JIS CSV with `bad` bytes (0xFF) that Shift_JIS cannot decode, inside the third record. */
export function sjisWithInvalidBytes(bad = 3): Uint8Array {
  return new Uint8Array([...sjis('市町村,人口\r\n北町,1200\r\n南町'), ...new Array<number>(bad).fill(0xff), ...sjis(',300\r\n東町,900\r\n')]);
}

/** Records separated by CRLF, lone LF and lone CR, with a quoted line break that must survive. */
export function mixedLineEndingsCsv(): Uint8Array {
  return utf8('地区,人口\r\n北区,1200\n南区,300\r東区,900\r\n"西区\n(旧)",450\n');
}

/** An opening quote that never closes on row 3, then rows that must still split. */
export function unbalancedQuotesCsv(): Uint8Array {
  return utf8('地区,人口\r\n北区,1200\r\n"南区,300\r\n東区,900\r\n西区,"4""50"\r\n');
}

// ------------------------------------------------------------------ zip bombs

/** Writes bits least significant first, as DEFLATE does. */
class BitWriter {
  private out: number[] = [];
  private acc = 0;
  private n = 0;
  bits(value: number, count: number): void {
    for (let i = 0; i < count; i++) {
      this.acc |= ((value >>> i) & 1) << this.n++;
      if (this.n === 8) {
        this.out.push(this.acc);
        this.acc = 0;
        this.n = 0;
      }
    }
  }
  /** A Huffman code: most significant bit first. */
  code(code: number, length: number): void {
    for (let i = length - 1; i >= 0; i--) this.bits((code >>> i) & 1, 1);
  }
  zeros(count: number): void {
    while (count > 0 && this.n !== 0) {
      this.bits(0, 1);
      count--;
    }
    const bytes = Math.floor(count / 8);
    for (let i = 0; i < bytes; i++) this.out.push(0);
    this.bits(0, count - bytes * 8);
  }
  align(): void {
    if (this.n) this.bits(0, 8 - this.n);
  }
  bytes(data: Uint8Array): void {
    for (const b of data) this.out.push(b);
  }
  finish(): Uint8Array {
    this.align();
    return new Uint8Array(this.out);
  }
}

/**
 * Raw DEFLATE of `prefix`, then `runs` × 258 spaces (+ 1), then `suffix`, at DEFLATE's
 * maximum ratio: one dynamic block whose only length code (258) and only distance code (1)
 * are 1 bit each, so 258 bytes cost 2 zero bits. 1 GB comes from about 1 MB.
 */
export function deflateBomb(prefix: Uint8Array, runs: number, suffix: Uint8Array): { data: Uint8Array; size: number } {
  const w = new BitWriter();
  // Stored block with the prefix.
  w.bits(0, 1);
  w.bits(0, 2);
  w.align();
  w.bytes(new Uint8Array([...u16(prefix.length), ...u16(prefix.length ^ 0xffff)]));
  w.bytes(prefix);
  // Dynamic block: literal/length lengths: ' ' 2, 256 2, 285 1; distance 0: 1.
  w.bits(0, 1);
  w.bits(2, 2);
  w.bits(286 - 257, 5);
  w.bits(1 - 1, 5);
  w.bits(18 - 4, 4);
  // Code length code lengths in the order 16,17,18,0,8,7,9,6,10,5,11,4,12,3,13,2,14,1.
  const clLengths: Record<number, number> = { 0: 2, 17: 2, 18: 2, 1: 3, 2: 3 };
  for (const sym of [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1]) w.bits(clLengths[sym] ?? 0, 3);
  // Canonical code length codes: 0 → 00, 17 → 01, 18 → 10, 1 → 110, 2 → 111.
  const cl = (sym: number) => {
    const codes: Record<number, [number, number]> = { 0: [0b00, 2], 17: [0b01, 2], 18: [0b10, 2], 1: [0b110, 3], 2: [0b111, 3] };
    w.code(...codes[sym]);
  };
  const zerosRun = (n: number) => {
    while (n >= 11) {
      const k = Math.min(n, 138);
      cl(18);
      w.bits(k - 11, 7);
      n -= k;
    }
    while (n >= 3) {
      const k = Math.min(n, 10);
      cl(17);
      w.bits(k - 3, 3);
      n -= k;
    }
    while (n-- > 0) cl(0);
  };
  zerosRun(32);
  cl(2); // ' '
  zerosRun(256 - 33);
  cl(2); // end of block
  zerosRun(285 - 257);
  cl(1); // length 258
  cl(1); // distance code 0
  // Canonical literal/length codes: 285 → 0, ' ' → 10, 256 → 11.
  w.code(0b10, 2);
  w.zeros(runs * 2);
  w.code(0b11, 2);
  // Final stored block with the suffix.
  w.bits(1, 1);
  w.bits(0, 2);
  w.align();
  w.bytes(new Uint8Array([...u16(suffix.length), ...u16(suffix.length ^ 0xffff)]));
  w.bytes(suffix);
  return { data: w.finish(), size: prefix.length + 1 + runs * 258 + suffix.length };
}

const GiB = 2 ** 30;

/**
 * An xlsx whose sheet1.xml inflates to `bytes` (1.1 GB by default): valid XML, a real
 * workbook around it. `lie`: what the headers say about the sheet's size —
 * `honest` (the true size), `small` (a declared size that its compressed data already
 * exceeds), `plausible` (twice the compressed size: only inflating tells), or
 * `descriptor` (sizes deferred to a data descriptor, as streaming writers do, here honest).
 */
export function zipBomb(opts: { bytes?: number; lie?: 'honest' | 'small' | 'plausible' | 'descriptor' } = {}): Uint8Array {
  const target = opts.bytes ?? 1.1 * GiB;
  const base = zipParts(xlsxFromRows(SAMPLE_ROWS, '爆弾'));
  const sheet = new TextDecoder().decode(base.get('xl/worksheets/sheet1.xml')!);
  const cut = sheet.indexOf('</sheetData>');
  const prefix = utf8(sheet.slice(0, cut));
  const suffix = utf8(sheet.slice(cut));
  const runs = Math.ceil((target - prefix.length - suffix.length) / 258);
  const bomb = deflateBomb(prefix, runs, suffix);
  const lie = opts.lie ?? 'honest';
  const entries: RawZipEntry[] = [];
  for (const [name, data] of base) {
    if (name !== 'xl/worksheets/sheet1.xml') {
      entries.push({ name, data: storedDeflate(data), method: 8, size: data.length, crc: crc32(data) });
      continue;
    }
    const declared = lie === 'small' ? 4096 : lie === 'plausible' ? bomb.data.length * 2 : bomb.size;
    entries.push({ name, data: bomb.data, method: 8, size: declared, flags: lie === 'descriptor' ? 8 : 0 });
  }
  return buildZip(entries);
}

/** Non-recursive zip bomb: a second entry whose local header lies inside the first one's data. */
export function overlappingZip(): Uint8Array {
  const inner = utf8('<x/>');
  const innerLocal = buildZip([{ name: 'b.xml', data: inner, method: 0, size: inner.length }]).slice(0, 30 + 5 + inner.length);
  return buildZip([
    // a.xml stores b.xml's local header and data as its own data…
    { name: 'a.xml', data: innerLocal, method: 0, size: innerLocal.length },
    // …and b.xml's directory entry points there, inside a.xml.
    { name: 'b.xml', data: inner, method: 0, size: inner.length, offsetOverride: 30 + 5 },
    { name: '[Content_Types].xml', data: utf8('<Types/>'), method: 0, size: 8 },
  ]);
}

/** A ZIP with `count` tiny entries (the directory alone asks for work per entry). */
export function manyEntriesZip(count = 10001): Uint8Array {
  const data = utf8('<x/>');
  return buildZip(Array.from({ length: count }, (_, i) => ({ name: `xl/p${i}.xml`, data, method: 0 as const, size: data.length })));
}

// ------------------------------------------------------------------ small files that expand inside the parser

/** `<hyperlink ref="A1:XFD1048576">`: SheetJS would create a stub for each of 17 billion cells. */
export function hyperlinkRangeBomb(): Uint8Array {
  return patchPart(xlsxFromRows(SAMPLE_ROWS, 'リンク'), 'xl/worksheets/sheet1.xml', (xml) =>
    xml.replace('</sheetData>', '</sheetData><hyperlinks><hyperlink ref="A1:XFD1048576" location="Sheet1!A1" display="x"/></hyperlinks>'),
  );
}

/** `<col min="1" max="2000000000">`: SheetJS would build one column object per column. */
export function columnRangeBomb(): Uint8Array {
  return patchPart(xlsxFromRows(SAMPLE_ROWS, '列'), 'xl/worksheets/sheet1.xml', (xml) =>
    xml.replace('<sheetData', '<cols><col min="1" max="2000000000" width="12" customWidth="1"/></cols><sheetData'),
  );
}

/** A cell at row 2,000,000,000: the row array SheetJS builds is that long (and sparse). */
export function farRow(): Uint8Array {
  return patchPart(xlsxFromRows(SAMPLE_ROWS, '遠い'), 'xl/worksheets/sheet1.xml', (xml) =>
    xml.replace('</sheetData>', '<row r="2000000000"><c r="A2000000000" t="inlineStr"><is><t>遠い</t></is></c></row></sheetData>'),
  );
}

/** A cell in column FXSHRXW (past two billion): the row array SheetJS builds is that long (and sparse). */
export function farColumn(): Uint8Array {
  return patchPart(xlsxFromRows(SAMPLE_ROWS, '遠い列'), 'xl/worksheets/sheet1.xml', (xml) =>
    xml.replace('</row></sheetData>', '<c r="FXSHRXW3" t="inlineStr"><is><t>遠い</t></is></c></row></sheetData>'),
  );
}

/** An ODS whose content.xml repeats one numeric cell 100,000 × 1,000 times. */
export function odsRepeatBomb(rows = 100000, cols = 1000): Uint8Array {
  const ods = xlsxFromRows(SAMPLE_ROWS, 'ODS', 'ods');
  return patchPart(ods, 'content.xml', (xml) =>
    xml.replace(
      '</table:table>',
      `<table:table-row table:number-rows-repeated="${rows}"><table:table-cell table:number-columns-repeated="${cols}" office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell></table:table-row></table:table>`,
    ),
  );
}

/** LibreOffice pads every sheet with repeated empty rows and cells: that must stay cheap. */
export function odsLibreOfficePadding(): Uint8Array {
  const ods = xlsxFromRows(SAMPLE_ROWS, 'ODS', 'ods');
  return patchPart(ods, 'content.xml', (xml) =>
    xml.replace(
      '</table:table>',
      '<table:table-row table:number-rows-repeated="1048573"><table:table-cell table:number-columns-repeated="1024"/></table:table-row></table:table>',
    ),
  );
}

/** SpreadsheetML 2003 saved as .xls: one cell merged across the whole sheet (SheetJS fills every covered cell). */
export function spreadsheetMlMergeBomb(): Uint8Array {
  return utf8(
    '<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">' +
      '<Worksheet ss:Name="結合"><Table><Row><Cell ss:MergeAcross="16383" ss:MergeDown="1048575"><Data ss:Type="String">x</Data></Cell></Row></Table></Worksheet></Workbook>',
  );
}

/** SpreadsheetML 2003 with a column style spanning two billion columns, over a small table. */
export function spreadsheetMlSpanBomb(): Uint8Array {
  return utf8(
    '<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">' +
      '<Worksheet ss:Name="列幅"><Table><Column ss:Span="2000000000" ss:Width="60"/>' +
      '<Row><Cell><Data ss:Type="String">地区</Data></Cell><Cell><Data ss:Type="String">人口</Data></Cell></Row>' +
      '<Row><Cell><Data ss:Type="String">北区</Data></Cell><Cell><Data ss:Type="Number">1200</Data></Cell></Row></Table></Worksheet></Workbook>',
  );
}
