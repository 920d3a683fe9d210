// Guards against workbook parts that are small on disk but make SheetJS loop or allocate
// per cell of a range the file merely names. Found by reading SheetJS 0.20.3:
// - xlsx `<hyperlink ref="A1:XFD1048576">` and xlsb BrtHLink: a stub cell is created for
//   every cell of the range (17 billion for one tag);
// - xlsx `<col min="1" max="2000000000">`, xlsb BrtColInfo, xls ColInfo: one column
//   object per column of the range;
// - xls HLink / HLinkTooltip: a loop over every cell of the range;
// - ods `table:number-columns-repeated` / `number-rows-repeated` on cells with content
//   (or covered cells): every repetition becomes a cell.
// Hyperlinks and column widths beyond the sheet's columns mean nothing to Seiton, so the
// first three are neutralised in place (same byte length, so nothing else moves); the
// ODS repetitions are data and are counted instead, and refused past the cell limit.
import { MAX_SHEET_CELLS, ReadError } from './errors.ts';

const LT = 0x3c;
const GT = 0x3e;
const SPACE = 0x20;
const COLON = 0x3a;

function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;
}

function isNameByte(b: number): boolean {
  return (b >= 0x61 && b <= 0x7a) || (b >= 0x41 && b <= 0x5a) || (b >= 0x30 && b <= 0x39) || b === 0x5f || b === 0x2d || b === 0x2e;
}

function ascii(s: string): number[] {
  return [...s].map((c) => c.charCodeAt(0));
}

const HYPERLINK = ascii('hyperlink');
const COL = ascii('col');

/**
 * Where the element name ending at `last` (inclusive) starts its tag: the `<` before the
 * name and an optional `prefix:`. -1 when `name` is not a whole element name there.
 */
function tagStart(xml: Uint8Array, last: number, name: number[]): number {
  const first = last - name.length + 1;
  if (first < 1) return -1;
  for (let i = 0; i < name.length; i++) if (xml[first + i] !== name[i]) return -1;
  let p = first - 1;
  if (xml[p] === COLON) {
    p--;
    while (p >= 0 && isNameByte(xml[p])) p--;
  }
  return p >= 0 && xml[p] === LT ? p : -1;
}

/** Overwrites an attribute's value with a same-length number SheetJS reads as `value`. */
function clampAttribute(xml: Uint8Array, start: number, end: number, attr: number[], lo: number, hi: number): void {
  for (let p = start; p + attr.length < end; p++) {
    if (!isSpace(xml[p]) && xml[p] !== COLON) continue;
    let q = p + 1;
    let match = true;
    for (let i = 0; i < attr.length; i++) if (xml[q + i] !== attr[i]) match = false;
    if (!match) continue;
    q += attr.length;
    while (q < end && isSpace(xml[q])) q++;
    if (xml[q] !== 0x3d /* = */) continue;
    q++;
    while (q < end && isSpace(xml[q])) q++;
    const quote = xml[q];
    if (quote !== 0x22 && quote !== 0x27) continue;
    const vStart = q + 1;
    let vEnd = vStart;
    while (vEnd < end && xml[vEnd] !== quote) vEnd++;
    const text = String.fromCharCode(...xml.subarray(vStart, Math.min(vEnd, vStart + 32)));
    const n = parseInt(text, 10);
    if (vEnd - vStart > 32 || !(n >= lo && n <= hi)) {
      const len = vEnd - vStart;
      const safe = String(hi).length <= len ? String(hi) : String(lo);
      const padded = safe.padStart(len, '0');
      for (let i = 0; i < len; i++) xml[vStart + i] = padded.charCodeAt(i);
    }
  }
}

const MIN = ascii('min');
const MAX = ascii('max');
const XLSX_COLUMNS = 16384;

/**
 * Calls `visit` at every `k` or `l` byte, in order; `visit` returns where to go on from.
 * Sheet XML has almost none of either (no tag inside sheetData contains them), so the
 * bytes are tested four at a time (a zero-byte test on XORed 32-bit words): a 70 MB sheet
 * costs a few tens of milliseconds.
 */
function forEachKOrL(xml: Uint8Array, visit: (i: number) => number): void {
  const n = xml.length;
  let next = 0;
  const test = (i: number) => {
    const c = xml[i];
    if (c === 0x6b || c === 0x6c) next = Math.max(next, visit(i));
  };
  if (xml.byteOffset % 4 === 0) {
    const words = new Int32Array(xml.buffer, xml.byteOffset, n >>> 2);
    for (let w = 0; w < words.length; w++) {
      const x = words[w];
      const tk = x ^ 0x6b6b6b6b;
      const tl = x ^ 0x6c6c6c6c;
      if ((((tk - 0x01010101) & ~tk) | ((tl - 0x01010101) & ~tl)) & 0x80808080) {
        for (let i = Math.max(w * 4, next); i < w * 4 + 4; i++) if (i >= next) test(i);
        if (next > (w + 1) * 4) w = (next >>> 2) - 1;
      }
    }
    next = Math.max(next, words.length * 4);
  }
  for (let i = next; i < n; i++) if (i >= next) test(i);
}

/**
 * In place, on an XML part of an xlsx: blanks every `<hyperlink …>` element (SheetJS fills
 * its whole range with stub cells; Seiton keeps no links) and brings `<col min max>` into
 * 1…16384.
 */
export function guardXmlPart(xml: Uint8Array): void {
  // The end of the tag opened at `from`: its `>`, or -1 when a `<` comes first (no tag).
  const tagEnd = (from: number) => {
    for (let p = from; p < xml.length; p++) {
      if (xml[p] === GT) return p;
      if (xml[p] === LT) return -1;
    }
    return -1;
  };
  forEachKOrL(xml, (i) => {
    const after = xml[i + 1];
    if (xml[i] === 0x6b) {
      // `hyperlink`, the element (not `hyperlinks`).
      const lt = tagStart(xml, i, HYPERLINK);
      if (lt < 0 || !(isSpace(after) || after === 0x2f || after === GT)) return i + 1;
      const gt = tagEnd(i + 1);
      if (gt < 0) return i + 1;
      xml.fill(SPACE, lt, gt + 1);
      return gt + 1;
    }
    // `col`, the element (not `cols`, `colBreaks`).
    const lt = tagStart(xml, i, COL);
    if (lt < 0 || !isSpace(after)) return i + 1;
    const gt = tagEnd(i + 1);
    if (gt < 0) return i + 1;
    clampAttribute(xml, i + 1, gt, MIN, 1, XLSX_COLUMNS);
    clampAttribute(xml, i + 1, gt, MAX, 1, XLSX_COLUMNS);
    return gt + 1;
  });
}

function u32(b: Uint8Array, o: number): number {
  return (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16)) + b[o + 3] * 2 ** 24;
}

function setU32(b: Uint8Array, o: number, v: number): void {
  b[o] = v & 0xff;
  b[o + 1] = (v >>> 8) & 0xff;
  b[o + 2] = (v >>> 16) & 0xff;
  b[o + 3] = (v >>> 24) & 0xff;
}

/**
 * In place, on a binary part of an xlsb (record stream as SheetJS's recordhopper reads it):
 * BrtHLink ranges become their first cell, BrtColInfo ranges stay within 16,384 columns.
 */
export function guardXlsbPart(bin: Uint8Array): void {
  if (bin[0] === 0xd0 && bin[1] === 0xcf) return; // a CFB inside (vbaProject.bin): not records
  let p = 0;
  const n = bin.length;
  while (p < n) {
    let type = bin[p++];
    if (type & 0x80) type = (type & 0x7f) + ((bin[p++] & 0x7f) << 7);
    let byte = bin[p++];
    let length = byte & 0x7f;
    for (let i = 1; i < 4 && byte & 0x80; i++) {
      byte = bin[p++];
      length += (byte & 0x7f) << (7 * i);
    }
    if (p > n) return;
    const end = p + length;
    if (type === 0x01ee && length >= 16 && end <= n) {
      // BrtHLink: rwFirst, rwLast, colFirst, colLast.
      setU32(bin, p + 4, u32(bin, p));
      setU32(bin, p + 12, u32(bin, p + 8));
    } else if (type === 0x003c && length >= 8 && end <= n) {
      // BrtColInfo: colFirst, colLast.
      setU32(bin, p, Math.min(u32(bin, p), XLSX_COLUMNS - 1));
      setU32(bin, p + 4, Math.min(u32(bin, p + 4), XLSX_COLUMNS - 1));
    }
    p = end;
  }
}

/**
 * In place, on the Workbook stream of an .xls (BIFF5/8): ColInfo within 256 columns,
 * HLink and HLinkTooltip ranges reduced to their first cell. Stops at FilePass: what follows
 * is encrypted.
 */
export function guardBiffStream(s: Uint8Array): void {
  let p = 0;
  while (p + 4 <= s.length) {
    const type = s[p] | (s[p + 1] << 8);
    const length = s[p + 2] | (s[p + 3] << 8);
    const body = p + 4;
    const end = body + length;
    if (end > s.length) return;
    if (type === 0x002f) return; // FilePass
    if (type === 0x007d && length >= 4) {
      // ColInfo: colFirst, colLast (2 bytes each).
      if (s[body + 1] !== 0) s[body + 1] = 0;
      if (s[body + 3] !== 0) {
        s[body + 2] = 0xff;
        s[body + 3] = 0;
      }
    } else if ((type === 0x01b8 && length >= 8) || (type === 0x0800 && length >= 10)) {
      // HLink: Ref8U at 0; HLinkTooltip: 2 bytes then Ref8U. rwFirst, rwLast, colFirst, colLast.
      const r = type === 0x01b8 ? body : body + 2;
      s[r + 2] = s[r];
      s[r + 3] = s[r + 1];
      s[r + 6] = s[r + 4];
      s[r + 7] = s[r + 5];
    }
    p = end;
  }
}

const ODS_TAG = /<(\/?)(?:[^\s?>!/:]*:)?(table-row|covered-table-cell|table-cell|table)(?=[\s/>])([^>]*)>/g;
const ROWS_REPEATED = /(?:^|\s)(?:[^\s=:]*:)?number-rows-repeated\s*=\s*["']([^"']*)["']/;
const COLUMNS_REPEATED = /(?:^|\s)(?:[^\s=:]*:)?number-columns-repeated\s*=\s*["']([^"']*)["']/;

function repeatCount(attrs: string, re: RegExp): number {
  const m = re.exec(attrs);
  if (!m) return 1;
  // SheetJS reads one with unary plus and the other with parseInt: take the larger.
  return Math.max(1, parseInt(m[1], 10) || 0, Number(m[1]) || 0);
}

/**
 * The cells SheetJS would materialise from an ODS content.xml, per table; throws
 * `too-many-cells` past MAX_SHEET_CELLS. Repeated empty cells are free (SheetJS skips them,
 * which is how LibreOffice pads every sheet to 1,048,576 rows); repeated cells with content
 * and covered cells are not.
 */
export function checkOdsContent(xml: string, limit = MAX_SHEET_CELLS): void {
  let rowRepeat = 1;
  let cells = 0;
  let table = '';
  ODS_TAG.lastIndex = 0;
  for (let m = ODS_TAG.exec(xml); m; m = ODS_TAG.exec(xml)) {
    const [, closing, name, attrs] = m;
    if (name === 'table') {
      if (!closing) {
        cells = 0;
        table = /(?:^|\s)(?:[^\s=:]*:)?name\s*=\s*["']([^"']*)["']/.exec(attrs)?.[1] ?? '';
      }
      continue;
    }
    if (closing) {
      if (name === 'table-row') rowRepeat = 1;
      continue;
    }
    if (name === 'table-row') {
      rowRepeat = repeatCount(attrs, ROWS_REPEATED);
      continue;
    }
    const selfClosing = attrs.endsWith('/');
    const columns = repeatCount(attrs, COLUMNS_REPEATED);
    if (name === 'covered-table-cell') cells += columns;
    else if (!selfClosing) cells += rowRepeat * columns;
    else cells += 1;
    if (cells > limit) {
      throw new ReadError({
        code: 'too-many-cells',
        detail: `${table || 'ODS table'}: repeated cells expand to more than ${limit.toLocaleString('en-US')} cells`,
      });
    }
  }
}

const XLML_MERGE = /\b(?:[\w.-]+:)?Merge(Across|Down)\s*=\s*["']\s*(\d+)/g;
const XLML_SPAN = /\b(?:[\w.-]+:)?Span\s*=\s*["']\s*(\d+)/g;

/**
 * In place, on SpreadsheetML 2003 (XML read as .xls): SheetJS fills every cell a
 * MergeAcross / MergeDown covers with a stub, and copies a column style once per column of
 * `Span`. Merges covering more than the cell limit are refused (`too-many-cells`); spans are
 * brought within 16,384 columns. Works on the bytes (ASCII attributes), any ASCII-compatible
 * encoding.
 */
export function guardSpreadsheetMl(bytes: Uint8Array, limit = MAX_SHEET_CELLS): void {
  let text = '';
  for (let i = 0; i < bytes.length; i += 65536) text += String.fromCharCode(...bytes.subarray(i, i + 65536));
  // A cell's MergeAcross and MergeDown come in one tag: pair them per tag.
  let area = 0;
  for (const tag of text.matchAll(/<(?:[\w.-]+:)?Cell\b[^>]*>/g)) {
    let across = 0;
    let down = 0;
    for (const m of tag[0].matchAll(XLML_MERGE)) {
      const n = Math.min(Number(m[2]), 2 ** 31);
      if (m[1] === 'Across') across = n;
      else down = n;
    }
    area += (across + 1) * (down + 1) - 1;
    if (area > limit) throw new ReadError({ code: 'too-many-cells', detail: `merged cells cover more than ${limit.toLocaleString('en-US')} cells` });
  }
  for (const m of text.matchAll(XLML_SPAN)) {
    const digits = m[1];
    if (Number(digits) <= XLSX_COLUMNS) continue;
    const start = m.index! + m[0].length - digits.length;
    const safe = String(XLSX_COLUMNS).padStart(digits.length, '0');
    for (let i = 0; i < digits.length; i++) bytes[start + i] = safe.charCodeAt(i);
  }
}
