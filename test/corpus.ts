// Test helper: published files from the shared corpus beside the repository
// (`../shared/corpus/…`). They are never copied into the repository: tests that use them
// read them at run time and are skipped, saying so, where the corpus is absent (a clone
// on its own).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { it } from 'vitest';
import { readWorkbook } from '../src/core/io/read.ts';
import type { Sheet, Workbook } from '../src/core/model.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'corpus');

export function corpusPath(rel: string): string {
  return path.join(root, rel);
}

export function hasCorpusFile(rel: string): boolean {
  return fs.existsSync(corpusPath(rel));
}

/** A corpus file's bytes; `rel` is relative to the corpus (`kobe-opendata/26jinugoki.xls`). */
export function corpusBytes(rel: string): Uint8Array {
  return new Uint8Array(fs.readFileSync(corpusPath(rel)));
}

export function corpusWorkbook(rel: string): Workbook {
  return readWorkbook(corpusBytes(rel), path.basename(rel)).workbook;
}

/** A sheet of a corpus file, by index or name. */
export function corpusSheet(rel: string, which: number | string = 0): Sheet {
  const sheets = corpusWorkbook(rel).sheets;
  const sheet = typeof which === 'number' ? sheets[which] : sheets.find((s) => s.name === which);
  if (!sheet) throw new Error(`${rel} has no sheet ${which}`);
  return sheet;
}

/** The test name says why it was skipped when the file is absent. */
export function corpusTitle(rel: string, what: string): string {
  return hasCorpusFile(rel) ? `${rel}: ${what}` : `${rel}: ${what} (skipped: ../shared/corpus is not beside this checkout)`;
}

/** Why a test that needs `files` cannot run here, or undefined when it can. */
export function missingCorpus(files: string[]): string | undefined {
  const missing = files.filter((f) => !hasCorpusFile(f));
  return missing.length === 0 ? undefined : `needs ${missing.map((f) => `../shared/corpus/${f}`).join(', ')} beside the repository`;
}

/** A test on corpus files: skipped, saying which file is missing, when they are not there. */
export function itWithCorpus(name: string, files: string | string[], fn: () => void | Promise<void>, timeout?: number): void {
  it(
    name,
    (ctx) => {
      const missing = missingCorpus(typeof files === 'string' ? [files] : files);
      if (missing) ctx.skip(missing);
      return fn();
    },
    timeout,
  );
}
