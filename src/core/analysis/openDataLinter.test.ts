// The sample files of a Japanese machine-readability linter (`../shared/corpus/open-data-linter/`,
// read at run time, skipped when absent): its clean controls give no failing finding here,
// and its samples of each 総務省 item are found by the rule for that item.
import { describe, expect } from 'vitest';
import { corpusWorkbook, itWithCorpus } from '../../../test/corpus.ts';
import { cellAddress, rangeAddress } from '../model.ts';
import type { RuleId, Violation } from '../rules/types.ts';
import { ruleById } from '../rules/registry.ts';
import { SheetAnalyzer, type SheetAnalysis } from './analyse.ts';

const DIR = 'open-data-linter';

export function analyseCorpus(file: string): SheetAnalysis {
  const wb = corpusWorkbook(`${DIR}/${file}`);
  return new SheetAnalyzer(wb.sheets[0], wb.date1904).analyse();
}

const all = (a: SheetAnalysis): Violation[] => [...a.cellViolations, ...a.sheetViolations];

/** A finding fails unless it (or its rule) is of severity info. */
const failing = (a: SheetAnalysis) => all(a).filter((v) => (v.severity ?? ruleById(v.ruleId)?.meta.severity) !== 'info');

const at = (v: Violation) => (v.range.s.r === v.range.e.r && v.range.s.c === v.range.e.c ? cellAddress(v.range.s.r, v.range.s.c) : rangeAddress(v.range));

export function where(a: SheetAnalysis, ruleId: RuleId): string[] {
  return all(a)
    .filter((v) => v.ruleId === ruleId)
    .map(at)
    .sort();
}

describe('clean controls', () => {
  itWithCorpus('perfect.csv: no failing finding; the columns without a unit are advice', `${DIR}/perfect.csv`, () => {
    const a = analyseCorpus('perfect.csv');
    expect(failing(a)).toEqual([]);
    expect(a.rules.every((r) => r.failing === 0)).toBe(true);
    expect(where(a, 'units')).toEqual(['A1', 'B1', 'D1']);
  });

  itWithCorpus('all_num.csv (`1, 2, 3, 4`): one finding per cell, none failing', `${DIR}/all_num.csv`, () => {
    const a = analyseCorpus('all_num.csv');
    expect(failing(a)).toEqual([]);
    // ` 2` is number-as-text's alone (its fix types the number; the space goes with the text).
    expect(where(a, 'layout-spaces')).toEqual([]);
    expect(where(a, 'number-as-text')).toEqual(['B1', 'B2', 'C1', 'C2', 'D1', 'D2']);
    const cells = all(a).filter((v) => v.ruleId !== 'units' && v.ruleId !== 'multi-row-header').map(at);
    expect(new Set(cells).size).toBe(cells.length);
  });

  itWithCorpus('date.xlsx: a row of typed dates over numbers is the header', `${DIR}/date.xlsx`, () => {
    const a = analyseCorpus('date.xlsx');
    const [t] = a.structure.tables;
    expect(t.headerRows).toEqual({ start: 0, end: 0 });
    expect(t.dataRows).toEqual({ start: 1, end: 2 });
    expect(failing(a)).toEqual([]);
  });
});
