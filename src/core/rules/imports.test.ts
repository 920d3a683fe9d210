// Rules are reached only through the registry: no rule is another rule's utility module,
// and nothing outside the rules imports a rule (shared helpers live in `rules/shared/`,
// `text/` or `analysis/`). Read from the import lines of every source file.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const RULES_DIR = path.join(ROOT, 'src/core/rules');
const REGISTRY = path.join(RULES_DIR, 'registry.ts');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'fixtures' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else if (/\.(ts|tsx|mts|mjs)$/.test(entry.name)) out.push(full);
  }
  return out;
}

/** The files a source file imports (static, re-exports and dynamic), resolved; packages left out. */
export function importsOf(file: string, text = fs.readFileSync(file, 'utf8')): string[] {
  const specs = [
    ...text.matchAll(/^\s*(?:import|export)\b[^'";]*?\bfrom\s*['"]([^'"]+)['"]/gm),
    ...text.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm),
    ...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => m[1]);
  return specs.filter((s) => s.startsWith('.')).map((s) => path.resolve(path.dirname(file), s));
}

const ruleModules = new Set(importsOf(REGISTRY).filter((f) => path.dirname(f) === RULES_DIR && !/\/(types|messages)\.ts$/.test(f)));
const files = ['src', 'cli', 'test', 'bench', 'build', 'e2e'].flatMap((d) => (fs.existsSync(path.join(ROOT, d)) ? sourceFiles(path.join(ROOT, d)) : []));
const rel = (f: string) => path.relative(ROOT, f);

describe('rule modules are reached through the registry', () => {
  it('the registry names the rule files, and this test reads every source file', () => {
    expect(ruleModules.size).toBeGreaterThanOrEqual(16);
    expect(files.map(rel)).toContain('src/core/io/export.ts');
    // The import reader sees each form of import.
    const f = path.join(RULES_DIR, 'x.ts');
    expect(importsOf(f, "import a from './a.ts';\nimport type { B } from '../b.ts';\nexport { c } from './c.ts';\nimport './d.ts';\nconst e = await import('./e.ts');\nimport z from 'zod';\n").map(rel)).toEqual([
      'src/core/rules/a.ts',
      'src/core/b.ts',
      'src/core/rules/c.ts',
      'src/core/rules/d.ts',
      'src/core/rules/e.ts',
    ]);
  });

  it('no file imports a rule module but the registry (and a rule test its own rule)', () => {
    const offending: string[] = [];
    for (const file of files) {
      if (file === REGISTRY) continue;
      for (const target of importsOf(file)) {
        if (!ruleModules.has(target)) continue;
        // `wareki.test.ts` and `wareki-era-rows.test.ts` test wareki.ts.
        const rule = path.basename(target, '.ts');
        const ownTest = path.dirname(file) === RULES_DIR && new RegExp(`^${rule}(?:-[a-z-]+)?\\.test\\.ts$`).test(path.basename(file));
        if (!ownTest) offending.push(`${rel(file)} → ${rel(target)}`);
      }
    }
    expect(offending).toEqual([]);
  });

  it('no source file holds a control character (a raw NUL makes tools read it as binary)', () => {
    // eslint-disable-next-line no-control-regex -- the control characters are what this test looks for
    const offending = files.filter((f) => /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(fs.readFileSync(f, 'utf8'))).map(rel);
    expect(offending).toEqual([]);
  });
});
