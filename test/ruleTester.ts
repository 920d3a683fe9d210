// One way to test a rule, ESLint's RuleTester for sheets:
//
//   ruleTester(rule, {
//     valid: [{ name: 'a plain table', rows: [['a', 'b'], ['x', 1]] }],
//     invalid: [{ name: '全 国', rows: [['地域'], ['全 国']], errors: [{ messageId: 'inner', at: 'A2', params: { text: '全␣国', fixed: '全国' } }] }],
//   });
//
// Every finding of every case is checked against the rule's messages: its message and fix
// message exist, and its params fill every `{placeholder}` of both, in Japanese and in
// English. The messages themselves must be written in both languages with the same
// placeholders. Then the findings are compared with the case's `errors` (in order), and a
// case with `output` applies the fix (checking that undoing it restores the sheet exactly)
// and compares the result.
import { describe, expect, it } from 'vitest';
import type { SheetView } from '../src/core/analysis/view.ts';
import type { Change } from '../src/core/changes.ts';
import { type CellRange, type CellValue, cellAddress, getValue, parseAddress, rangeAddress } from '../src/core/model.ts';
import { cellFindings, findingsOf } from '../src/core/rules/findings.ts';
import type { CellRule, FindingParams, FixOptions, MessageId, Messages, RuleId, RuleModule, SheetRule, Violation } from '../src/core/rules/types.ts';
import { fixtureView } from './fixtureView.ts';
import { applyFixChecked } from './ruleHarness.ts';
import { type TableSpec, sheetFromRows, tableOf, viewOf } from './sheets.ts';

/** The sheet of a case: literal rows (with hand-written tables), a fixture, or any view. */
export type SheetSource =
  | { rows: Parameters<typeof sheetFromRows>[0]; sheet?: Parameters<typeof sheetFromRows>[1]; tables?: TableSpec[]; date1904?: boolean }
  | { fixture: string; sheetIndex?: number }
  | { view: () => SheetView };

export type SheetCase = SheetSource & {
  name: string;
  /** Cell rules: judge these cells only (`B3`); default every non-empty cell, as the engine does. */
  cells?: string[];
  /** Why the case cannot run here (a file that is absent): it is skipped, saying so. */
  skip?: string | false;
};

export interface ExpectedFinding<M extends Messages> {
  messageId: MessageId<M>;
  /**
   * Where: a cell (`B3`), a range (`A3:I5`), or, A1-style, only its rows (`55:55`) or
   * columns (`I:I`). Not compared when absent.
   */
  at?: string;
  /** Exactly these params. */
  params?: FindingParams;
  /** At least these params. */
  paramsLike?: FindingParams;
  /** The fix message, or `null` for none. Not compared when absent. */
  fixId?: MessageId<M> | null;
  severity?: 'error' | 'warning' | 'info' | null;
}

export interface FixOutput {
  options?: FixOptions;
  /** The values of the whole sheet afterwards, row by row (`null` for an empty cell). */
  rows?: CellValue[][];
  /** After the fix the rule finds nothing, and fixing again changes nothing. */
  clean?: boolean;
  /** Anything else about the fixed sheet. */
  check?: (view: SheetView, changes: Change[]) => void;
}

export type InvalidCase<M extends Messages> = SheetCase & {
  /** The findings in order (each compared on what it gives), or how many there are. */
  errors: ExpectedFinding<M>[] | number;
  /** Compare `errors` with these findings only (every finding is still checked against the messages). */
  only?: (v: Violation) => boolean;
  /** Compare `errors` with the findings in reading order (top to bottom, then left to right), not as reported. */
  readingOrder?: boolean;
  /** More about the findings. */
  check?: (found: Violation[], view: SheetView) => void;
  output?: FixOutput;
};

export type ValidCase = SheetCase & { output?: FixOutput };

const PLACEHOLDER = /\{(\w+)\}/g;
const placeholders = (s: string): string[] => [...new Set([...s.matchAll(PLACEHOLDER)].map((m) => m[1]))].sort();

/** The rule's own texts: a title, a description and every message in both languages, with the same placeholders. */
export function checkMeta(rule: RuleModule): void {
  const { meta } = rule;
  for (const text of [meta.title, meta.description]) {
    expect(text.ja, `${meta.id}: Japanese title and description`).not.toBe('');
    expect(text.en, `${meta.id}: English title and description`).not.toBe('');
  }
  const messages: Messages = meta.messages;
  expect(Object.keys(messages).length, `${meta.id}: messages`).toBeGreaterThan(0);
  for (const [id, m] of Object.entries(messages)) {
    expect(m.ja, `${meta.id}.${id}: Japanese`).not.toBe('');
    expect(m.en, `${meta.id}.${id}: English`).not.toBe('');
    expect(placeholders(m.en), `${meta.id}.${id}: the same placeholders in ja and en`).toEqual(placeholders(m.ja));
  }
}

/**
 * A finding as the rule's messages allow it: its own rule and sheet, a range on the sheet,
 * a known message and fix message, and params for every placeholder of both in either
 * language.
 */
export function checkFinding(rule: RuleModule, view: SheetView, v: Violation): void {
  // Plain checks first, `expect` only to report: a sheet can have 100,000 findings.
  const { meta } = rule;
  const messages: Messages = meta.messages;
  const problems: string[] = [];
  if (v.ruleId !== meta.id) problems.push(`its rule is ${v.ruleId}`);
  if (v.sheetId !== view.sheet.id) problems.push(`its sheet is ${v.sheetId}, not ${view.sheet.id}`);
  const { s, e } = v.range;
  if (!(s.r <= e.r && s.c <= e.c && s.r >= 0 && s.c >= 0)) problems.push('its range is not a range on the sheet');
  for (const id of v.fixId === undefined ? [v.messageId] : [v.messageId, v.fixId]) {
    const m = Object.hasOwn(messages, id) ? messages[id] : undefined;
    if (!m) {
      problems.push(`unknown message "${id}"`);
      continue;
    }
    for (const lang of ['ja', 'en'] as const) {
      const unfilled = [...m[lang].matchAll(PLACEHOLDER)].map((x) => x[1]).filter((p) => v.params?.[p] === undefined);
      if (unfilled.length) problems.push(`${id}.${lang} has unfilled placeholders {${[...new Set(unfilled)].join('}, {')}}`);
    }
  }
  if (problems.length) expect.fail(`${meta.id} ${v.messageId} at ${rangeAddress(v.range)}: ${problems.join('; ')}`);
}

/** `B3`, `A3:I5`, `55:55` or `I:I` against a finding's range. */
export function matchesAt(range: CellRange, at: string): boolean {
  const rows = /^(\d+):(\d+)$/.exec(at);
  if (rows) return range.s.r === Number(rows[1]) - 1 && range.e.r === Number(rows[2]) - 1;
  const cols = /^([A-Z]+):([A-Z]+)$/.exec(at);
  if (cols) return range.s.c === parseAddress(`${cols[1]}1`).c && range.e.c === parseAddress(`${cols[2]}1`).c;
  const [a, b = a] = at.split(':');
  const s = parseAddress(a);
  const e = parseAddress(b);
  return range.s.r === s.r && range.s.c === s.c && range.e.r === e.r && range.e.c === e.c;
}

/** How a finding reads in a failure: `A3:I5 rows`. */
function shown(v: Violation): string {
  const { s, e } = v.range;
  return `${s.r === e.r && s.c === e.c ? cellAddress(s.r, s.c) : rangeAddress(v.range)} ${v.messageId}`;
}

export function checkExpected<M extends Messages>(found: Violation[], errors: ExpectedFinding<M>[] | number): void {
  if (typeof errors === 'number') {
    expect(found.length, `findings: ${found.map(shown).join(', ')}`).toBe(errors);
    return;
  }
  expect(found.map(shown), 'the findings').toHaveLength(errors.length);
  errors.forEach((want, i) => {
    const v = found[i];
    const label = `finding ${i + 1} (${shown(v)})`;
    expect(v.messageId, label).toBe(want.messageId);
    if (want.at !== undefined) expect(matchesAt(v.range, want.at), `${label}: at ${want.at}`).toBe(true);
    if (want.params !== undefined) expect(v.params, `${label}: params`).toEqual(want.params);
    if (want.paramsLike !== undefined) expect(v.params, `${label}: params`).toMatchObject(want.paramsLike);
    if (want.fixId !== undefined) expect(v.fixId ?? null, `${label}: fix message`).toBe(want.fixId);
    if (want.severity !== undefined) expect(v.severity ?? null, `${label}: severity`).toBe(want.severity);
  });
}

export function viewOfCase(source: SheetSource): SheetView {
  if ('view' in source) return source.view();
  if ('fixture' in source) return fixtureView(source.fixture, source.sheetIndex);
  const sheet = sheetFromRows(source.rows, source.sheet);
  const tables = source.tables?.map((spec, i) => tableOf(sheet, spec, `t${i + 1}`));
  return viewOf(sheet, tables, source.date1904);
}

/** What the rule finds in the case's sheet, each finding checked against the messages. */
export function findingsOfCase(rule: RuleModule, view: SheetView, cells?: string[]): Violation[] {
  let found: Violation[];
  if (cells && rule.scope === 'cell') {
    found = cells.flatMap((a) => {
      const { r, c } = parseAddress(a);
      const here = cellFindings(rule, view, r, c);
      for (const v of here) expect(rangeAddress(v.range), `${rule.meta.id}: a cell rule reports the cell it judges`).toBe(`${a}:${a}`);
      return here;
    });
  } else {
    found = findingsOf(rule, view);
  }
  for (const v of found) checkFinding(rule, view, v);
  return found;
}

function valuesOf(view: SheetView): CellValue[][] {
  const { sheet } = view;
  const rows: CellValue[][] = [];
  for (let r = 0; r < sheet.rowCount; r++) {
    const row: CellValue[] = [];
    for (let c = 0; c < sheet.columns.length; c++) row.push(getValue(sheet, r, c));
    rows.push(row);
  }
  return rows;
}

export function checkOutput(rule: RuleModule, view: SheetView, output: FixOutput): void {
  expect(rule.fix, `${rule.meta.id} has a fix`).toBeDefined();
  const changes = applyFixChecked(rule, view, output.options ?? {});
  if (output.rows) expect(valuesOf(view), 'the sheet after the fix').toEqual(output.rows);
  if (output.clean) {
    expect(findingsOf(rule, view).map(shown), 'findings after the fix').toEqual([]);
    expect(rule.fix!(view, output.options ?? {}), 'a second fix').toEqual([]);
  }
  output.check?.(view, changes);
}

/** The rule's tests: its texts, then one test per case. */
export function ruleTester<M extends Messages, I extends RuleId>(rule: SheetRule<M, I> | CellRule<M, I>, cases: { valid?: ValidCase[]; invalid?: InvalidCase<M>[] }): void {
  const engineRule: RuleModule = rule;
  describe(`rule ${rule.meta.id}`, () => {
    it('has a title, a description and every message in Japanese and English, with the same placeholders', () => checkMeta(engineRule));
    for (const c of cases.valid ?? []) {
      it.skipIf(Boolean(c.skip))(`valid: ${c.name}${c.skip ? ` (skipped: ${c.skip})` : ''}`, () => {
        const view = viewOfCase(c);
        expect(findingsOfCase(engineRule, view, c.cells).map(shown)).toEqual([]);
        if (c.output) checkOutput(engineRule, view, c.output);
      });
    }
    for (const c of cases.invalid ?? []) {
      it.skipIf(Boolean(c.skip))(`invalid: ${c.name}${c.skip ? ` (skipped: ${c.skip})` : ''}`, () => {
        const view = viewOfCase(c);
        const found = findingsOfCase(engineRule, view, c.cells);
        expect(found.length, 'an invalid case finds something').toBeGreaterThan(0);
        const compared = c.only ? found.filter(c.only) : [...found];
        if (c.readingOrder) compared.sort((a, b) => a.range.s.r - b.range.s.r || a.range.s.c - b.range.s.c);
        checkExpected(compared, c.errors);
        c.check?.(found, view);
        if (c.output) checkOutput(engineRule, view, c.output);
      });
    }
  });
}
