// Byte-level cuts of a worksheet part (xl/worksheets/sheetN.xml) at row boundaries, so a
// big sheet can be given to SheetJS a slice of rows at a time: the first slice is on
// screen while the rest is parsed, and progress is counted in bytes really parsed.
//
// A slice is `head` (everything before the first row: sheet properties, dimension, column
// widths) + whole `<row>` elements + the closing tags. The first slice also carries the
// part's tail (merged cells and the like); later slices do not, so it is read once.
// Working on bytes, not a decoded string, keeps one copy of a 70 MB part in memory.

import { concatBytes } from '../arrays.ts';

export interface SheetXmlLayout {
  /** Bytes 0..rowsStart: up to and including the `<sheetData …>` start tag. */
  rowsStart: number;
  /** Where `</sheetData>` starts. */
  rowsEnd: number;
  /** `</row>` with the part's namespace prefix, as bytes. */
  rowClose: Uint8Array;
  /** `</sheetData>` + the root's end tag: what closes a slice that does not carry the tail. */
  closing: Uint8Array;
}

const encoder = new TextEncoder();
const LT = 0x3c;

function matchesAt(hay: Uint8Array, needle: Uint8Array, at: number): boolean {
  if (at < 0 || at + needle.length > hay.length) return false;
  for (let k = 0; k < needle.length; k++) if (hay[at + k] !== needle[k]) return false;
  return true;
}

/** First index of `needle` (which starts with `<`) in `hay` at or after `from`, or -1. */
export function indexOfTag(hay: Uint8Array, needle: Uint8Array, from: number, to = hay.length): number {
  for (let i = hay.indexOf(LT, from); i !== -1 && i < to; i = hay.indexOf(LT, i + 1)) if (matchesAt(hay, needle, i)) return i;
  return -1;
}

/** Last index of `needle` (which starts with `<`) in `hay`, or -1. */
function lastIndexOfTag(hay: Uint8Array, needle: Uint8Array): number {
  for (let i = hay.lastIndexOf(LT); i !== -1; i = i > 0 ? hay.lastIndexOf(LT, i - 1) : -1) if (matchesAt(hay, needle, i)) return i;
  return -1;
}

const isNameByte = (b: number) => (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || b === 0x5f || b === 0x2d || b === 0x2e;

/**
 * Where the rows of a worksheet part are, or undefined when the part cannot be cut safely:
 * no rows, rows without an `r` attribute (SheetJS would number each slice from 1), or
 * shared formulas (a later slice would lack the formula its cells refer to).
 */
export function sheetXmlLayout(xml: Uint8Array): SheetXmlLayout | undefined {
  // `<sheetData` or `<x:sheetData`: find the name, then the `<` and prefix before it.
  const name = encoder.encode('sheetData');
  let open = -1;
  let prefix = '';
  for (let i = xml.indexOf(0x73 /* s */); i !== -1; i = xml.indexOf(0x73, i + 1)) {
    if (!matchesAt(xml, name, i) || isNameByte(xml[i + name.length])) continue;
    let j = i - 1;
    if (xml[j] === 0x3a /* : */) {
      j--;
      while (j >= 0 && isNameByte(xml[j])) j--;
    }
    if (xml[j] !== LT) continue;
    open = j;
    prefix = new TextDecoder().decode(xml.subarray(j + 1, i));
    break;
  }
  if (open < 0) return undefined;
  const tagEnd = xml.indexOf(0x3e /* > */, open);
  if (tagEnd < 0 || xml[tagEnd - 1] === 0x2f /* / */) return undefined; // <sheetData/>: nothing to cut
  const rowsStart = tagEnd + 1;
  const rowsEnd = lastIndexOfTag(xml, encoder.encode(`</${prefix}sheetData>`));
  if (rowsEnd < rowsStart) return undefined;
  const rowOpen = encoder.encode(`<${prefix}row`);
  const firstRow = indexOfTag(xml, rowOpen, rowsStart, rowsEnd);
  if (firstRow < 0) return undefined;
  const firstRowTag = new TextDecoder().decode(xml.subarray(firstRow, xml.indexOf(0x3e, firstRow) + 1));
  if (!/\sr\s*=\s*["']\d+["']/.test(firstRowTag)) return undefined;
  if (hasSharedFormula(xml, rowsStart, rowsEnd, prefix)) return undefined;
  const rootClose = xml.subarray(xml.lastIndexOf(LT));
  const closing = concatBytes([encoder.encode(`</${prefix}sheetData>`), rootClose]);
  return { rowsStart, rowsEnd, rowClose: encoder.encode(`</${prefix}row>`), closing };
}

/**
 * True when a `<f … t="shared">` is among the rows. Searched by the rare byte `h` of
 * `shared` rather than by every `<`: a 70 MB part has tens of millions of tags.
 */
function hasSharedFormula(xml: Uint8Array, from: number, to: number, prefix: string): boolean {
  const shared = encoder.encode('shared');
  const f = encoder.encode(`<${prefix}f`);
  for (let i = xml.indexOf(0x68 /* h */, from); i !== -1 && i < to; i = xml.indexOf(0x68, i + 1)) {
    const s = i - 1;
    if (!matchesAt(xml, shared, s)) continue;
    const quote = xml[s - 1];
    if ((quote !== 0x22 && quote !== 0x27) || xml[s + shared.length] !== quote) continue;
    const tag = xml.lastIndexOf(LT, s);
    if (matchesAt(xml, f, tag) && !isNameByte(xml[tag + f.length])) return true;
  }
  return false;
}

/** The offset just after the `count`-th `</row>` from `from` (or `rowsEnd` if fewer). */
export function afterRows(xml: Uint8Array, layout: SheetXmlLayout, from: number, count: number): number {
  let at = from;
  for (let n = 0; n < count; n++) {
    const i = indexOfTag(xml, layout.rowClose, at, layout.rowsEnd);
    if (i < 0) return layout.rowsEnd;
    at = i + layout.rowClose.length;
  }
  return at;
}

/** The offset just after the first `</row>` at or after `offset` (or `rowsEnd`). */
export function rowBoundaryAfter(xml: Uint8Array, layout: SheetXmlLayout, offset: number): number {
  if (offset >= layout.rowsEnd) return layout.rowsEnd;
  const i = indexOfTag(xml, layout.rowClose, Math.max(offset, layout.rowsStart), layout.rowsEnd);
  return i < 0 ? layout.rowsEnd : i + layout.rowClose.length;
}

/** A complete worksheet part holding the rows in [start, end); the first slice keeps the tail. */
export function sliceXml(xml: Uint8Array, layout: SheetXmlLayout, start: number, end: number, withTail: boolean): Uint8Array {
  const head = xml.subarray(0, layout.rowsStart);
  const rows = xml.subarray(start, end);
  return concatBytes([head, rows, withTail ? xml.subarray(layout.rowsEnd) : layout.closing]);
}
