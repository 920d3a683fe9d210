// The UI's catalogue (with the core's sentences it includes): both languages have the same
// keys and placeholders, every key is used, and keys are typed, never cast.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { en as coreEn } from '../../core/messages/en.ts';
import { ja as coreJa } from '../../core/messages/ja.ts';
import { en } from './en.ts';
import { ja } from './ja.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const CATALOGUES = new Set(['src/ui/messages/ja.ts', 'src/ui/messages/en.ts', 'src/core/messages/ja.ts', 'src/core/messages/en.ts']);

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return sources(rel);
    return /\.(ts|tsx)$/.test(e.name) && !/\.test\.ts$/.test(e.name) && !CATALOGUES.has(rel) ? [rel] : [];
  });
}

const files = [...sources('src'), ...sources('cli')];
const code = new Map(files.map((f) => [f, fs.readFileSync(path.join(ROOT, f), 'utf8')]));

/**
 * Every string literal of the code (read by the TypeScript parser, escapes and all), and the
 * heads of template strings: `error.` for `` `error.${code}` ``, a key built from a typed value
 * (the compiler checks that every value has its key).
 */
function stringsOfCode(): { written: Set<string>; prefixes: Set<string> } {
  const written = new Set<string>();
  const prefixes = new Set<string>();
  for (const [file, text] of code) {
    const visit = (node: ts.Node): void => {
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) written.add(node.text);
      else if (ts.isTemplateExpression(node) && /^[a-z][\w.-]*\.$/.test(node.head.text)) prefixes.add(node.head.text);
      ts.forEachChild(node, visit);
    };
    visit(ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS));
  }
  return { written, prefixes };
}

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the message catalogue', () => {
  it('has the same keys, and the same placeholders per key, in Japanese and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(ja).sort());
    expect(Object.keys(coreEn).sort()).toEqual(Object.keys(coreJa).sort());
    const differ = (Object.keys(ja) as (keyof typeof ja)[]).filter((k) => placeholders(ja[k]).join() !== placeholders(en[k]).join());
    expect(differ).toEqual([]);
  });

  it("holds the core's sentences, as the core writes them", () => {
    for (const [k, v] of Object.entries(coreJa)) expect(ja[k as keyof typeof ja]).toBe(v);
    for (const [k, v] of Object.entries(coreEn)) expect(en[k as keyof typeof en]).toBe(v);
  });

  it('uses every key: written out in the code, or built from a typed value', () => {
    const { written, prefixes } = stringsOfCode();
    const unused = Object.keys(ja).filter((k) => !written.has(k) && ![...prefixes].some((p) => k.startsWith(p)));
    expect(unused).toEqual([]);
    // The reader sees what it must: a key written out with an escape.
    expect(written.has('delimiter.\t')).toBe(true);
  });

  it('never casts a string to a message key, and the CLI has no sentence of its own', () => {
    expect(files.filter((f) => /as MessageKey\b/.test(code.get(f)!))).toEqual([]);
    expect(code.get('cli/main.ts')).not.toMatch(/lang === 'ja'/);
  });
});
