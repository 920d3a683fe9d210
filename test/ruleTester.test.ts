// The rule tester must fail where a rule's messages would render wrong: an unknown message
// id, a placeholder left unfilled in either language, texts missing in a language.
import { describe, expect, it } from 'vitest';
import type { AnyReport, CellRule, Messages, RuleModule } from '../src/core/rules/types.ts';
import { checkExpected, checkMeta, findingsOfCase, matchesAt, viewOfCase } from './ruleTester.ts';

const texts = { title: { ja: '題', en: 'Title' }, description: { ja: '説明', en: 'Says' } };

/** A cell rule reporting `report(messageId, params)` on every text cell. */
function ruleSaying(messages: Messages, messageId: string, params?: Record<string, string | number>, fixId?: string): RuleModule {
  const rule: CellRule = {
    scope: 'cell',
    meta: { id: 'layout-spaces', level: 1, severity: 'error', family: 'text', guideRef: {}, ...texts, messages },
    detectCell(view, r, c, report: AnyReport) {
      if (typeof view.sheet.columns[c].values[r] === 'string') report(messageId, { r, c }, params, fixId ? { fixId } : undefined);
    },
  };
  return rule;
}

const view = () => viewOfCase({ rows: [['見出し'], ['全 国']] });
const run = (rule: RuleModule) => findingsOfCase(rule, view());

describe('ruleTester', () => {
  it('accepts findings whose messages exist and whose params fill them', () => {
    const rule = ruleSaying({ m: { ja: '「{text}」', en: '"{text}"' }, fix: { ja: '{text} を直す', en: 'fix {text}' } }, 'm', { text: 'x' }, 'fix');
    expect(() => checkMeta(rule)).not.toThrow();
    expect(run(rule)).toHaveLength(2);
  });

  it('fails on an unknown message id, in a finding or in the fix message', () => {
    expect(() => run(ruleSaying({ m: { ja: 'a', en: 'a' } }, 'nope'))).toThrow(/unknown message "nope"/);
    expect(() => run(ruleSaying({ m: { ja: 'a', en: 'a' } }, 'm', undefined, 'nope'))).toThrow(/unknown message "nope"/);
  });

  it('fails on a placeholder the params leave unfilled, in Japanese or in English', () => {
    expect(() => run(ruleSaying({ m: { ja: '「{text}」', en: '"{text}"' } }, 'm', {}))).toThrow(/m\.ja has unfilled placeholders/);
    // Only the English template names {value}: the finding would render "{value}" there.
    expect(() => run(ruleSaying({ m: { ja: '「{text}」', en: '"{text}" {value}' } }, 'm', { text: 'x' }))).toThrow(/m\.en has unfilled placeholders/);
    expect(() => run(ruleSaying({ m: { ja: 'a', en: 'a' }, fix: { ja: '{to} に', en: 'to {to}' } }, 'm', {}, 'fix'))).toThrow(/fix\.ja has unfilled placeholders/);
  });

  it('fails on messages that differ in their placeholders or miss a language', () => {
    expect(() => checkMeta(ruleSaying({ m: { ja: '「{text}」', en: '"{txt}"' } }, 'm'))).toThrow(/the same placeholders/);
    expect(() => checkMeta(ruleSaying({ m: { ja: 'a', en: '' } }, 'm'))).toThrow(/English/);
  });

  it('compares the expected findings in order: message, place, params, fix message', () => {
    const found = run(ruleSaying({ m: { ja: '「{text}」', en: '"{text}"' }, fix: { ja: 'f', en: 'f' } }, 'm', { text: 'x' }, 'fix'));
    expect(() => checkExpected(found, [{ messageId: 'm', at: 'A1' }, { messageId: 'm', at: 'A2', params: { text: 'x' }, fixId: 'fix' }])).not.toThrow();
    expect(() => checkExpected(found, [{ messageId: 'm', at: 'A2' }, { messageId: 'm' }])).toThrow();
    expect(() => checkExpected(found, [{ messageId: 'm' }])).toThrow();
    expect(() => checkExpected(found, [{ messageId: 'm', params: { text: 'y' } }, { messageId: 'm' }])).toThrow();
    expect(() => checkExpected(found, [{ messageId: 'm', fixId: null }, { messageId: 'm' }])).toThrow();
    expect(() => checkExpected(found, 2)).not.toThrow();
    expect(() => checkExpected(found, 3)).toThrow();
  });

  it('reads places A1-style: a cell, a range, whole rows, whole columns', () => {
    const range = { s: { r: 2, c: 0 }, e: { r: 4, c: 8 } };
    expect(['A3:I5', '3:5', 'A:I'].map((at) => matchesAt(range, at))).toEqual([true, true, true]);
    expect(['A3', 'A3:I4', '3:3', 'B:I'].map((at) => matchesAt(range, at))).toEqual([false, false, false, false]);
    expect(matchesAt({ s: { r: 1, c: 1 }, e: { r: 1, c: 1 } }, 'B2')).toBe(true);
  });
});
