// ZIP of the export files (CSVs, CSVW sidecars, recipe, report), written by fflate's
// `zipSync`: it marks non-ASCII names as UTF-8 (general-purpose flag bit 11, APPNOTE
// 4.4.4), so Japanese file names survive, and writes empty files as entries.
// Reading ZIPs (xlsx, ods) is a different matter: see zipGuard.ts and inflate.ts.
import { type Zippable, zipSync } from 'fflate';

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

// A DOS date holds the years 1980–2107; fflate refuses dates outside 1980–2099.
const EARLIEST = new Date(1980, 0, 1).getTime();
const LATEST = new Date(2099, 11, 31, 23, 59, 58).getTime();

/** A ZIP archive holding `files` (names must be unique and non-empty). */
export function makeZip(files: readonly ZipEntry[], options: ZipOptions = {}): Uint8Array {
  const seen = new Set<string>();
  const mtime = new Date(Math.min(Math.max((options.date ?? new Date()).getTime(), EARLIEST), LATEST));
  const level = options.compression === false ? 0 : 6;
  const entries: Zippable = {};
  for (const f of files) {
    if (!f.name || f.name.endsWith('/')) throw new Error(`zip: not a file name: ${JSON.stringify(f.name)}`);
    if (seen.has(f.name)) throw new Error(`zip: duplicate name ${f.name}`);
    seen.add(f.name);
    // A flat key with `/` inside is written as that path; nested objects would be folders.
    entries[f.name] = [f.bytes, { level, mtime }];
  }
  return zipSync(entries);
}
