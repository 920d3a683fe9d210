// The main thread's copy of the analysis of one sheet, shaped for the grid (what is
// wrong with this cell?) and the panel (how many per rule, where are they?). Built from
// the worker's SheetAnalysis and patched with its AnalysisDeltas after edits.
import { type AnalysisDelta, type RuleResult, type Score, type SheetAnalysis } from '../core/analysis/analyse.ts';
import { cellKey } from '../core/model.ts';
import { type RangeIndex, buildRangeIndex } from '../core/rangeIndex.ts';
import type { RuleId, Violation } from '../core/rules/types.ts';
import type { SheetStructure } from '../core/structure/types.ts';

export interface SheetFindings {
  structure: SheetStructure;
  byCell: Map<number, Violation[]>;
  sheetViolations: Violation[];
  ranges: RangeIndex<Violation>;
  rules: RuleResult[];
  score: Score;
  total: number;
}

function rangesOf(list: Violation[]): RangeIndex<Violation> {
  return buildRangeIndex(list, (v) => v.range);
}

function totalOf(rules: RuleResult[]): number {
  return rules.reduce((n, r) => n + r.count, 0);
}

export function findingsFrom(a: SheetAnalysis): SheetFindings {
  const byCell = new Map<number, Violation[]>();
  for (const v of a.cellViolations) {
    const key = cellKey(v.range.s.r, v.range.s.c);
    const list = byCell.get(key);
    if (list) list.push(v);
    else byCell.set(key, [v]);
  }
  return { structure: a.structure, byCell, sheetViolations: a.sheetViolations, ranges: rangesOf(a.sheetViolations), rules: a.rules, score: a.score, total: totalOf(a.rules) };
}

/** Patches findings with a delta; returns a new object (the cell map is reused). */
export function applyDelta(f: SheetFindings, d: AnalysisDelta): SheetFindings {
  if (d.full) return findingsFrom(d.full);
  const byCell = f.byCell;
  for (const key of d.cells ?? []) byCell.delete(key);
  for (const v of d.cellViolations ?? []) {
    const key = cellKey(v.range.s.r, v.range.s.c);
    const list = byCell.get(key);
    if (list) list.push(v);
    else byCell.set(key, [v]);
  }
  const sheetViolations = d.sheetViolations ?? f.sheetViolations;
  const rules = d.rules ?? f.rules;
  return {
    structure: f.structure,
    byCell,
    sheetViolations,
    ranges: sheetViolations === f.sheetViolations ? f.ranges : rangesOf(sheetViolations),
    rules,
    score: d.score ?? f.score,
    total: totalOf(rules),
  };
}

/** Findings per sheet after an edit's deltas: sheets gone are dropped, re-analysed ones replaced. */
export function mergeDeltas(findings: Readonly<Record<string, SheetFindings>>, deltas: readonly AnalysisDelta[]): Record<string, SheetFindings> {
  const out = { ...findings };
  for (const d of deltas) {
    const current = out[d.sheetId];
    if (d.removed) delete out[d.sheetId];
    else if (d.full) out[d.sheetId] = findingsFrom(d.full);
    else if (current) out[d.sheetId] = applyDelta(current, d);
  }
  return out;
}

export function violationsAt(f: SheetFindings | undefined, r: number, c: number): Violation[] {
  if (!f) return [];
  const own = f.byCell.get(cellKey(r, c));
  const ranged = f.ranges.all(r, c);
  return own ? (ranged.length ? [...own, ...ranged] : own) : ranged;
}

/** Every violation of one rule, in reading order (row, then column). */
export function violationsOfRule(f: SheetFindings, ruleId: RuleId): Violation[] {
  const out: Violation[] = [];
  for (const list of f.byCell.values()) for (const v of list) if (v.ruleId === ruleId) out.push(v);
  for (const v of f.sheetViolations) if (v.ruleId === ruleId) out.push(v);
  return out.sort((a, b) => a.range.s.r - b.range.s.r || a.range.s.c - b.range.s.c);
}
