// Test helper: the sample files committed in test/fixtures (made for this project). Real published
// files come from ../shared/corpus at run time: see corpus.ts.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(fs.readFileSync(path.join(dir, name)));
}
