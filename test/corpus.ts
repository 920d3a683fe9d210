// Test helper: published files from the shared corpus beside the repository
// (`../shared/corpus/…`). They are never copied into the repository: tests that use them
// read them at run time and are skipped, saying so, where the corpus is absent.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'corpus');

export function corpusPath(rel: string): string {
  return path.join(root, rel);
}

export function hasCorpusFile(rel: string): boolean {
  return fs.existsSync(corpusPath(rel));
}

export function corpusBytes(rel: string): Uint8Array {
  return new Uint8Array(fs.readFileSync(corpusPath(rel)));
}

/** The test name says why it was skipped when the file is absent. */
export function corpusTitle(rel: string, what: string): string {
  return hasCorpusFile(rel) ? `${rel}: ${what}` : `${rel}: ${what} (skipped: ../shared/corpus is not beside this checkout)`;
}
