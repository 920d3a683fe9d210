// Raw DEFLATE (RFC 1951) decoder for ZIP parts, with hard bounds. SheetJS's own inflater
// trusts the sizes in the ZIP headers and reads past the end of an entry's data (a stream
// that never sets its final bit can loop forever), so the parts of a workbook are inflated
// here instead: input is limited to the entry's compressed bytes, output to a buffer of
// exactly the declared size, and any stream that would write one byte more, ends early,
// or runs past its data is refused. Every loop iteration consumes input bits or produces
// output bytes, both bounded, so the decoder always terminates.

export type InflateFailure = 'overflow' | 'short' | 'corrupt';

export class InflateError extends Error {
  /** `overflow`: the stream holds more than the declared size (a lie or a bomb); `short`: it ends early or its data is cut; `corrupt`: not valid DEFLATE. */
  readonly kind: InflateFailure;
  constructor(kind: InflateFailure, message: string) {
    super(message);
    this.name = 'InflateError';
    this.kind = kind;
  }
}

const LEN_BASE = new Uint16Array([3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]);
const LEN_EXTRA = new Uint8Array([0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]);
const DIST_BASE = new Uint16Array([
  1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
]);
const DIST_EXTRA = new Uint8Array([0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]);
const CL_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

/** 15-bit reversal: DEFLATE sends Huffman codes most significant bit first. */
const REV15 = new Uint16Array(1 << 15);
for (let i = 0; i < REV15.length; i++) {
  let x = i;
  let r = 0;
  for (let b = 0; b < 15; b++) {
    r = (r << 1) | (x & 1);
    x >>= 1;
  }
  REV15[i] = r;
}

/**
 * Fills a lookup table indexed by the next `maxBits` input bits (least significant first):
 * entry = symbol << 4 | code length; 0 where no code matches (an incomplete code).
 * Returns maxBits (0 when no symbol has a code). Over-subscribed codes are refused.
 */
function buildTable(lengths: Uint8Array, start: number, n: number, table: Uint16Array): number {
  const count = new Uint16Array(16);
  let max = 0;
  for (let i = 0; i < n; i++) {
    const l = lengths[start + i];
    count[l]++;
    if (l > max) max = l;
  }
  if (max === 0) return 0;
  count[0] = 0;
  let left = 1;
  for (let l = 1; l <= 15; l++) {
    left = (left << 1) - count[l];
    if (left < 0) throw new InflateError('corrupt', 'over-subscribed Huffman code');
  }
  const next = new Uint16Array(16);
  let code = 0;
  for (let l = 1; l <= 15; l++) {
    code = (code + count[l - 1]) << 1;
    next[l] = code;
  }
  const size = 1 << max;
  table.fill(0, 0, size);
  for (let sym = 0; sym < n; sym++) {
    const l = lengths[start + sym];
    if (l === 0) continue;
    const entry = (sym << 4) | l;
    for (let i = REV15[next[l]++] >>> (15 - l); i < size; i += 1 << l) table[i] = entry;
  }
  return max;
}

const FIXED_L = new Uint16Array(1 << 9);
const FIXED_D = new Uint16Array(1 << 5);
{
  const l = new Uint8Array(288);
  l.fill(8, 0, 144).fill(9, 144, 256).fill(7, 256, 280).fill(8, 280, 288);
  buildTable(l, 0, 288, FIXED_L);
  buildTable(new Uint8Array(32).fill(5), 0, 32, FIXED_D);
}

// Scratch space for dynamic blocks (the decoder is synchronous, so one set suffices).
const DYN_L = new Uint16Array(1 << 15);
const DYN_D = new Uint16Array(1 << 15);
const CL_TABLE = new Uint16Array(1 << 7);
const CL_LENS = new Uint8Array(19);
const LENS = new Uint8Array(286 + 30);

/** Inputs of 2^29 bytes or more would overflow the bit position arithmetic. */
export const MAX_INFLATE_INPUT = 2 ** 29 - 1;

/**
 * Inflates `src` (raw DEFLATE, no zlib header) into exactly `expected` bytes. Throws
 * InflateError when the stream would produce more (`overflow`), fewer or runs out of
 * input (`short`), or is not valid DEFLATE (`corrupt`).
 */
export function inflateRaw(src: Uint8Array, expected: number): Uint8Array {
  if (src.length > MAX_INFLATE_INPUT) throw new InflateError('overflow', 'compressed data too large');
  const out = new Uint8Array(expected);
  const totalBits = src.length * 8;
  // The next bits at bit position p, least significant first; at least 17 are valid.
  // Reads past the end give 0 (typed arrays), and every path checks pos against totalBits.
  const bits = (p: number) => (src[p >>> 3] | (src[(p >>> 3) + 1] << 8) | (src[(p >>> 3) + 2] << 16)) >>> (p & 7);
  const overflow = () => new InflateError('overflow', `more data than the declared ${expected} bytes`);
  const short = () => new InflateError('short', 'compressed data ends early');
  let pos = 0;
  let op = 0;
  let final = 0;
  do {
    if (pos + 3 > totalBits) throw short();
    const head = bits(pos);
    final = head & 1;
    const type = (head >>> 1) & 3;
    pos += 3;
    if (type === 0) {
      let s = (pos + 7) >>> 3;
      if (s + 4 > src.length) throw short();
      const len = src[s] | (src[s + 1] << 8);
      const nlen = src[s + 2] | (src[s + 3] << 8);
      if ((len ^ 0xffff) !== nlen) throw new InflateError('corrupt', 'stored block length check failed');
      s += 4;
      if (s + len > src.length) throw short();
      if (op + len > expected) throw overflow();
      out.set(src.subarray(s, s + len), op);
      op += len;
      pos = (s + len) * 8;
      continue;
    }
    let lmap: Uint16Array;
    let dmap: Uint16Array;
    let lbits: number;
    let dbits: number;
    if (type === 1) {
      lmap = FIXED_L;
      dmap = FIXED_D;
      lbits = 9;
      dbits = 5;
    } else if (type === 2) {
      if (pos + 14 > totalBits) throw short();
      const hlit = (bits(pos) & 31) + 257;
      const hdist = (bits(pos + 5) & 31) + 1;
      const hclen = (bits(pos + 10) & 15) + 4;
      pos += 14;
      if (hlit > 286 || hdist > 30) throw new InflateError('corrupt', 'too many length or distance codes');
      CL_LENS.fill(0);
      for (let i = 0; i < hclen; i++) {
        CL_LENS[CL_ORDER[i]] = bits(pos) & 7;
        pos += 3;
      }
      const clBits = buildTable(CL_LENS, 0, 19, CL_TABLE);
      if (clBits === 0) throw new InflateError('corrupt', 'empty code length code');
      const clMask = (1 << clBits) - 1;
      const n = hlit + hdist;
      for (let i = 0; i < n; ) {
        if (pos > totalBits) throw short();
        const e = CL_TABLE[bits(pos) & clMask];
        if ((e & 15) === 0) throw new InflateError('corrupt', 'invalid code length code');
        pos += e & 15;
        const sym = e >>> 4;
        if (sym < 16) {
          LENS[i++] = sym;
          continue;
        }
        let rep: number;
        let val = 0;
        if (sym === 16) {
          if (i === 0) throw new InflateError('corrupt', 'repeat with no previous length');
          val = LENS[i - 1];
          rep = 3 + (bits(pos) & 3);
          pos += 2;
        } else if (sym === 17) {
          rep = 3 + (bits(pos) & 7);
          pos += 3;
        } else {
          rep = 11 + (bits(pos) & 127);
          pos += 7;
        }
        if (i + rep > n) throw new InflateError('corrupt', 'code lengths overrun');
        LENS.fill(val, i, i + rep);
        i += rep;
      }
      if (LENS[256] === 0) throw new InflateError('corrupt', 'no end-of-block code');
      lmap = DYN_L;
      dmap = DYN_D;
      lbits = buildTable(LENS, 0, hlit, DYN_L);
      dbits = buildTable(LENS, hlit, hdist, DYN_D);
    } else {
      throw new InflateError('corrupt', 'invalid block type');
    }
    const lmask = (1 << lbits) - 1;
    const dmask = (1 << dbits) - 1;
    for (;;) {
      const e = lmap[bits(pos) & lmask];
      const l = e & 15;
      if (l === 0) throw new InflateError('corrupt', 'invalid literal/length code');
      pos += l;
      if (pos > totalBits) throw short();
      const sym = e >>> 4;
      if (sym < 256) {
        if (op >= expected) throw overflow();
        out[op++] = sym;
        continue;
      }
      if (sym === 256) break;
      const li = sym - 257;
      if (li >= 29) throw new InflateError('corrupt', 'invalid length symbol');
      let len = LEN_BASE[li];
      const le = LEN_EXTRA[li];
      if (le) {
        len += bits(pos) & ((1 << le) - 1);
        pos += le;
      }
      if (dbits === 0) throw new InflateError('corrupt', 'match without distance codes');
      const d = dmap[bits(pos) & dmask];
      const dl = d & 15;
      if (dl === 0) throw new InflateError('corrupt', 'invalid distance code');
      pos += dl;
      const ds = d >>> 4;
      if (ds >= 30) throw new InflateError('corrupt', 'invalid distance symbol');
      let dist = DIST_BASE[ds];
      const de = DIST_EXTRA[ds];
      if (de) {
        dist += bits(pos) & ((1 << de) - 1);
        pos += de;
      }
      if (pos > totalBits) throw short();
      if (dist > op) throw new InflateError('corrupt', 'distance before the start of the data');
      const end = op + len;
      if (end > expected) throw overflow();
      if (dist >= len && len > 16) {
        out.copyWithin(op, op - dist, end - dist);
        op = end;
      } else {
        for (; op < end; op++) out[op] = out[op - dist];
      }
    }
  } while (!final);
  if (op !== expected) throw new InflateError('short', `${op} bytes instead of the declared ${expected}`);
  return out;
}
