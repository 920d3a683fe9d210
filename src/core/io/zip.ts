// ZIP of the export files (CSV + CSVW sidecar + recipe), built with the CFB library that
// SheetJS bundles (`XLSX.CFB`): no extra dependency.
//
// SheetJS's ZIP writer stores each name's characters masked to 7 bits and no UTF-8 flag,
// which would garble Japanese file names. So names go in as their UTF-8 bytes (one
// character per byte), and afterwards each local header and central directory entry gets
// those bytes back, general-purpose flag bit 11 (UTF-8 names, APPNOTE 4.4.4) and the
// modification time. Sizes and CRCs are untouched: they do not cover names.
import { CFB } from 'xlsx';

export interface ZipEntry {
  /** Path inside the archive (`population.csv`, `data/x.json`); `/` separates folders. */
  name: string;
  bytes: Uint8Array;
}

export interface ZipOptions {
  /** Deflate the entries (default on). */
  compression?: boolean;
  /** Modification time written for every entry (default: now). */
  date?: Date;
}

function utf8Binary(name: string): string {
  const bytes = new TextEncoder().encode(name);
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}

function dosDateTime(d: Date): { time: number; date: number } {
  const year = Math.min(Math.max(d.getFullYear(), 1980), 2107);
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/** A ZIP archive holding `files` (names must be unique and non-empty, files non-empty). */
export function makeZip(files: readonly ZipEntry[], options: ZipOptions = {}): Uint8Array {
  const seen = new Set<string>();
  for (const f of files) {
    if (!f.name || f.name.endsWith('/')) throw new Error(`zip: not a file name: ${JSON.stringify(f.name)}`);
    if (seen.has(f.name)) throw new Error(`zip: duplicate name ${f.name}`);
    // SheetJS leaves empty entries out of the archive; say so rather than lose a file.
    if (f.bytes.length === 0) throw new Error(`zip: empty file ${f.name}`);
    seen.add(f.name);
  }
  const cfb = CFB.utils.cfb_new();
  // `unsafe` skips CFB's case-insensitive lookup of an existing entry (names are unique here).
  for (const f of files) CFB.utils.cfb_add(cfb, utf8Binary(f.name), f.bytes, { unsafe: true });
  const written = CFB.write(cfb, { type: 'array', fileType: 'zip', compression: options.compression ?? true }) as ArrayLike<number>;
  const zip = written instanceof Uint8Array ? written : Uint8Array.from(written);

  // The entries SheetJS wrote, in its order.
  const root = cfb.FullPaths[0] as string;
  const names: string[] = [];
  for (let i = 1; i < cfb.FullPaths.length; i++) {
    const fp = (cfb.FullPaths[i] as string).slice(root.length);
    const fi = cfb.FileIndex[i] as { size?: number; content?: unknown };
    if (!fi.size || !fi.content || fp === '\u0001Sh33tJ5') continue;
    names.push(fp);
  }
  patchEntries(zip, names, dosDateTime(options.date ?? new Date()));
  return zip;
}

function patchEntries(zip: Uint8Array, names: string[], when: { time: number; date: number }): void {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const writeName = (at: number, length: number, name: string) => {
    if (name.length !== length) throw new Error('zip: unexpected entry layout');
    for (let j = 0; j < length; j++) zip[at + j] = name.charCodeAt(j);
  };
  const utf8Flag = (name: string) => (/[\u0080-\uffff]/.test(name) ? 0x0800 : 0);
  // Local headers, one after another from the start.
  let p = 0;
  for (const name of names) {
    if (view.getUint32(p, true) !== 0x04034b50) throw new Error('zip: unexpected local header');
    const nameLen = view.getUint16(p + 26, true);
    const extraLen = view.getUint16(p + 28, true);
    const size = view.getUint32(p + 18, true);
    view.setUint16(p + 6, view.getUint16(p + 6, true) | utf8Flag(name), true);
    view.setUint16(p + 10, when.time, true);
    view.setUint16(p + 12, when.date, true);
    writeName(p + 30, nameLen, name);
    p += 30 + nameLen + extraLen + size;
  }
  // Central directory, from the end record (no archive comment: it is the last 22 bytes).
  const eocd = zip.length - 22;
  if (view.getUint32(eocd, true) !== 0x06054b50) throw new Error('zip: no end of central directory');
  let q = view.getUint32(eocd + 16, true);
  for (const name of names) {
    if (view.getUint32(q, true) !== 0x02014b50) throw new Error('zip: unexpected central directory entry');
    const nameLen = view.getUint16(q + 28, true);
    const extraLen = view.getUint16(q + 30, true);
    const commentLen = view.getUint16(q + 32, true);
    view.setUint16(q + 8, view.getUint16(q + 8, true) | utf8Flag(name), true);
    view.setUint16(q + 12, when.time, true);
    view.setUint16(q + 14, when.date, true);
    writeName(q + 46, nameLen, name);
    q += 46 + nameLen + extraLen + commentLen;
  }
}
