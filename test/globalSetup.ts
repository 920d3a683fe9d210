// Vitest global setup: says once, at the start of a run, when the published files the
// corpus tests read are not there (a clone on its own), so a run with those tests skipped
// says so without the verbose reporter (which names each skipped test and its file).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const corpus = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'corpus');
  if (!fs.existsSync(corpus)) {
    console.warn(`${corpus} is not there: the tests on real published files are skipped (--reporter verbose names each one and its file).`);
  }
}
