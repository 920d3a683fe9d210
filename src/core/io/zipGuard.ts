// ZIP containers (xlsx, xlsm, xlsb, ods) are opened here rather than by SheetJS, so that a
// file crafted to exhaust memory (a zip bomb) is refused before anything is inflated.
//
// What is checked, from the central directory and the local headers alone:
// - the entry count (≤ maxEntries) and every entry's declared uncompressed size, alone
//   (≤ maxEntrySize) and in total (≤ maxTotalSize);
// - that the declared sizes are not faked: deflated data can never be larger than its
//   output by more than a few bytes per block, nor produce more than 1,032 bytes per byte,
//   so a declared size far below its compressed size (faked small) or far above what that
//   data could produce is refused; stored entries must have equal sizes;
// - that the local header agrees with the central directory (name, method, and sizes unless
//   a data descriptor follows), and that entries neither overlap (the trick of the
//   non-recursive zip bombs: many entries sharing one compressed stream) nor run into the
//   central directory.
// Then each entry is inflated by inflate.ts into a buffer of exactly its declared size, and
// a stream that would produce one byte more is refused. The declared sizes are therefore a
// hard limit on memory, whatever the compressed data contains.
import { ReadError } from './errors.ts';
import { InflateError, MAX_INFLATE_INPUT, inflateRaw } from './inflate.ts';

export interface ZipLimits {
  /** Entries in the central directory. */
  maxEntries: number;
  /** Declared uncompressed bytes of one entry. */
  maxEntrySize: number;
  /** Declared uncompressed bytes of all entries together. */
  maxTotalSize: number;
}

const MiB = 2 ** 20;

export const ZIP_LIMITS: ZipLimits = {
  // A workbook is a few parts per sheet; 10,000 entries is far beyond any real one.
  maxEntries: 10_000,
  // SheetJS turns each XML part into one string; V8 strings stop at 2^29 − 24 characters.
  maxEntrySize: 500 * MiB,
  maxTotalSize: 1024 * MiB,
};

/** The most DEFLATE can expand: 258 bytes per 2 bits. */
const MAX_DEFLATE_RATIO = 1032;

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  /** Declared uncompressed size (central directory; the local header agrees). */
  size: number;
  localOffset: number;
  dataOffset: number;
}

export interface ZipArchive {
  entries: ZipEntry[];
  /** Sum of the declared uncompressed sizes. */
  totalSize: number;
  find(name: string): ZipEntry | undefined;
  /** The entry's bytes, inflated within its declared size. Throws ReadError. */
  read(entry: ZipEntry): Uint8Array;
}

const tooLarge = (detail: string) => new ReadError({ code: 'too-large', detail });
const damaged = (detail: string) => new ReadError({ code: 'truncated', detail });

const mb = (n: number) => `${(n / MiB).toFixed(n < 10 * MiB ? 1 : 0)} MB`;

function u16(b: Uint8Array, o: number): number {
  return b[o] | (b[o + 1] << 8);
}

function u32(b: Uint8Array, o: number): number {
  return (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16)) + b[o + 3] * 2 ** 24;
}

function u64(b: Uint8Array, o: number): number {
  return u32(b, o) + u32(b, o + 4) * 2 ** 32;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_END64 = 0x06064b50;
const SIG_LOCATOR64 = 0x07064b50;
const FFFF = 0xffff;
const FFFFFFFF = 0xffffffff;

/** Zip64 extended information (extra field 0x0001): the 8-byte values of the fields that are 0xFFFFFFFF, in order. */
function zip64Values(b: Uint8Array, start: number, length: number, wanted: boolean[]): (number | undefined)[] {
  const out: (number | undefined)[] = wanted.map(() => undefined);
  let p = start;
  const end = start + length;
  while (p + 4 <= end) {
    const id = u16(b, p);
    const size = u16(b, p + 2);
    const body = p + 4;
    if (body + size > end) break;
    if (id === 0x0001) {
      let q = body;
      for (let i = 0; i < wanted.length; i++) {
        if (!wanted[i]) continue;
        if (q + 8 > body + size) break;
        out[i] = u64(b, q);
        q += 8;
      }
    }
    p = body + size;
  }
  return out;
}

function decodeName(bytes: Uint8Array, utf8: boolean): string {
  if (utf8) return new TextDecoder('utf-8').decode(bytes);
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
  return s;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

interface EndRecord {
  count: number;
  cdOffset: number;
  cdSize: number;
  position: number;
}

function findEnd(bytes: Uint8Array): EndRecord {
  const len = bytes.length;
  const stop = Math.max(0, len - 22 - FFFF);
  for (let i = len - 22; i >= stop; i--) {
    if (bytes[i] !== 0x50 || u32(bytes, i) !== SIG_END) continue;
    let count = u16(bytes, i + 10);
    let cdSize = u32(bytes, i + 12);
    let cdOffset = u32(bytes, i + 16);
    if (count === FFFF || cdSize === FFFFFFFF || cdOffset === FFFFFFFF) {
      const loc = i - 20;
      if (loc < 0 || u32(bytes, loc) !== SIG_LOCATOR64) throw damaged('ZIP64 end record locator missing');
      const end64 = u64(bytes, loc + 8);
      if (end64 + 56 > loc || u32(bytes, end64) !== SIG_END64) throw damaged('ZIP64 end record missing');
      count = u64(bytes, end64 + 32);
      cdSize = u64(bytes, end64 + 40);
      cdOffset = u64(bytes, end64 + 48);
      return { count, cdSize, cdOffset, position: end64 };
    }
    return { count, cdSize, cdOffset, position: i };
  }
  throw damaged('no ZIP end of central directory record (the file is cut short)');
}

/**
 * Reads the central directory and checks every entry against its local header and the
 * limits. Nothing is inflated. Throws ReadError (`too-large`, `truncated`, `encrypted`, `unsupported`).
 */
export function openZip(bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS): ZipArchive {
  const end = findEnd(bytes);
  if (end.count > limits.maxEntries) {
    throw tooLarge(`${end.count.toLocaleString('en-US')} entries in the ZIP directory (limit ${limits.maxEntries.toLocaleString('en-US')})`);
  }
  const cdEnd = end.cdOffset + end.cdSize;
  if (cdEnd > end.position) throw damaged('the ZIP central directory lies outside the file');

  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let totalSize = 0;
  let p = end.cdOffset;
  for (let k = 0; k < end.count; k++) {
    if (p + 46 > cdEnd || u32(bytes, p) !== SIG_CENTRAL) throw damaged(`ZIP central directory entry ${k + 1} is damaged`);
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    let compressedSize = u32(bytes, p + 20);
    let size = u32(bytes, p + 24);
    const nameLength = u16(bytes, p + 28);
    const extraLength = u16(bytes, p + 30);
    const commentLength = u16(bytes, p + 32);
    let localOffset = u32(bytes, p + 42);
    const next = p + 46 + nameLength + extraLength + commentLength;
    if (next > cdEnd) throw damaged(`ZIP central directory entry ${k + 1} is damaged`);
    const nameBytes = bytes.subarray(p + 46, p + 46 + nameLength);
    const name = decodeName(nameBytes, (flags & 0x0800) !== 0);
    const z64 = zip64Values(bytes, p + 46 + nameLength, extraLength, [size === FFFFFFFF, compressedSize === FFFFFFFF, localOffset === FFFFFFFF]);
    size = z64[0] ?? size;
    compressedSize = z64[1] ?? compressedSize;
    localOffset = z64[2] ?? localOffset;
    p = next;

    if (flags & 0x2041) throw new ReadError({ code: 'encrypted', detail: `ZIP entry ${name} is encrypted` });
    if (method !== 0 && method !== 8) throw new ReadError({ code: 'unsupported', detail: `ZIP compression method ${method} (${name})` });
    if (names.has(name)) throw damaged(`ZIP entry ${name} appears twice`);
    names.add(name);

    // The local header must say the same as the central directory.
    if (localOffset + 30 > bytes.length || u32(bytes, localOffset) !== SIG_LOCAL) throw damaged(`ZIP local header of ${name} is missing`);
    const localFlags = u16(bytes, localOffset + 6);
    const localMethod = u16(bytes, localOffset + 8);
    let localCompressed = u32(bytes, localOffset + 18);
    let localSize = u32(bytes, localOffset + 22);
    const localNameLength = u16(bytes, localOffset + 26);
    const localExtraLength = u16(bytes, localOffset + 28);
    const dataOffset = localOffset + 30 + localNameLength + localExtraLength;
    if (dataOffset > bytes.length) throw damaged(`ZIP local header of ${name} is cut short`);
    if (!sameBytes(bytes.subarray(localOffset + 30, localOffset + 30 + localNameLength), nameBytes)) {
      throw damaged(`ZIP local header and central directory name different entries (${name})`);
    }
    if (localMethod !== method || (localFlags & 0x2041)) throw damaged(`ZIP local header of ${name} disagrees with the central directory`);
    const lz64 = zip64Values(bytes, localOffset + 30 + localNameLength, localExtraLength, [localSize === FFFFFFFF, localCompressed === FFFFFFFF]);
    localSize = lz64[0] ?? localSize;
    localCompressed = lz64[1] ?? localCompressed;
    // With a data descriptor (flag bit 3) the local sizes may be zero; otherwise they must match.
    const deferred = (localFlags & 0x0008) !== 0 && localSize === 0 && localCompressed === 0;
    if (!deferred && (localSize !== size || localCompressed !== compressedSize)) {
      if (Math.max(size, localSize) > limits.maxEntrySize) throw tooLarge(`${name} declares ${mb(Math.max(size, localSize))} uncompressed`);
      throw damaged(
        `ZIP local header of ${name} says ${localCompressed} → ${localSize} bytes, the central directory ${compressedSize} → ${size} bytes`,
      );
    }
    if (dataOffset + compressedSize > end.cdOffset) throw damaged(`ZIP data of ${name} runs past its end`);

    // Sizes.
    if (size > limits.maxEntrySize) throw tooLarge(`${name} inflates to ${mb(size)} (limit ${mb(limits.maxEntrySize)} per part)`);
    totalSize += size;
    if (totalSize > limits.maxTotalSize) throw tooLarge(`the parts inflate to more than ${mb(limits.maxTotalSize)} in total`);
    if (method === 0) {
      if (compressedSize !== size) throw damaged(`stored ZIP entry ${name} has two sizes (${compressedSize}, ${size})`);
    } else {
      if (compressedSize > MAX_INFLATE_INPUT) throw tooLarge(`${name} has ${mb(compressedSize)} of compressed data`);
      // DEFLATE adds at most 5 bytes per 16 KB block to incompressible data: far more
      // compressed data than declared output means the declared size is faked small.
      if (compressedSize > size + Math.ceil(size / 64) + 1024) {
        throw tooLarge(`${name} declares ${size} bytes for ${compressedSize} bytes of compressed data (size faked small)`);
      }
      if (size > compressedSize * MAX_DEFLATE_RATIO + 1024) {
        throw damaged(`${name} declares ${size} bytes, more than ${compressedSize} compressed bytes can hold`);
      }
    }
    entries.push({ name, method, compressedSize, size, localOffset, dataOffset });
  }

  // Entries must not share data: overlapping entries are how zip bombs multiply one stream.
  const byOffset = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  for (let i = 1; i < byOffset.length; i++) {
    const prev = byOffset[i - 1];
    if (prev.dataOffset + prev.compressedSize > byOffset[i].localOffset) {
      throw tooLarge(`ZIP entries ${prev.name} and ${byOffset[i].name} overlap (a zip bomb construction)`);
    }
  }

  const byName = new Map(entries.map((e) => [e.name, e]));
  return {
    entries,
    totalSize,
    find: (name) => byName.get(name),
    read(entry) {
      const data = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
      if (entry.method === 0) return data.slice();
      try {
        return inflateRaw(data, entry.size);
      } catch (e) {
        if (!(e instanceof InflateError)) throw e;
        if (e.kind === 'overflow') throw tooLarge(`${entry.name} inflates to more than its declared ${entry.size} bytes (size faked small)`);
        throw damaged(`${entry.name}: ${e.message}`);
      }
    },
  };
}
