// What 「すべて修正」 will do, shown before it is applied: per rule the cells it changes,
// the rows and columns it removes or adds, the sheets it adds, a few examples of before →
// after; and every cell the fill-down (omitted-cells) will fill, since a filled value is
// one the file never held in that cell and the user should see each one.
import type { Change } from '../changes.ts';
import { type CellValue, type Workbook, cellAddress } from '../model.ts';
import type { RuleId } from '../rules/registry.ts';
import { FIX_ORDER } from './runFixes.ts';

/** One cell as the preview lists it: where, and the value before and after (as stored). */
export interface CellSample {
  sheet: string;
  cell: string;
  before: string;
  after: string;
}

export interface RuleSummary {
  ruleId: RuleId;
  cells: number;
  rowsRemoved: number;
  columnsRemoved: number;
  columnsAdded: number;
  sheetsAdded: number;
  /** Metadata changes (caption, notes, units…): the table's @ lines. */
  meta: number;
  samples: CellSample[];
}

export interface FixAllSummary {
  rules: RuleSummary[];
  /** The cells the fill-down fills, in order (at most `FILLED_LISTED`), and how many there are. */
  filled: CellSample[];
  filledCount: number;
  changes: number;
}

const SAMPLES = 3;
export const FILLED_LISTED = 500;

function text(v: CellValue): string {
  if (v === null) return '';
  if (typeof v === 'object') return v.error;
  return String(v);
}

/**
 * The summary of `changes`, read against `wb` as the changes left it (so that the names of
 * the sheets a split added are known).
 */
export function summarizeFixAll(wb: Workbook, changes: readonly Change[]): FixAllSummary {
  const names = new Map(wb.sheets.map((s) => [s.id, s.name]));
  const byRule = new Map<string, RuleSummary>();
  const filled: CellSample[] = [];
  let filledCount = 0;
  const of = (ruleId: string): RuleSummary => {
    let r = byRule.get(ruleId);
    if (!r) byRule.set(ruleId, (r = { ruleId: ruleId as RuleId, cells: 0, rowsRemoved: 0, columnsRemoved: 0, columnsAdded: 0, sheetsAdded: 0, meta: 0, samples: [] }));
    return r;
  };
  for (const ch of changes) {
    const r = of(ch.ruleId);
    if (ch.kind === 'cell') {
      r.cells++;
      const sample = { sheet: names.get(ch.sheetId) ?? ch.sheetId, cell: cellAddress(ch.r, ch.c), before: text(ch.before.value), after: text(ch.after.value) };
      if (r.samples.length < SAMPLES && sample.before !== sample.after) r.samples.push(sample);
      if (ch.ruleId === 'omitted-cells') {
        filledCount++;
        if (filled.length < FILLED_LISTED) filled.push(sample);
      }
    } else if (ch.kind === 'rows' && ch.op === 'delete') r.rowsRemoved += ch.rows.length;
    else if (ch.kind === 'columns') {
      if (ch.op === 'delete') r.columnsRemoved += ch.columns.length;
      else r.columnsAdded += ch.columns.length;
    } else if (ch.kind === 'sheet' && ch.op === 'add') r.sheetsAdded++;
    else if (ch.kind === 'meta') r.meta++;
  }
  // In the order 「すべて修正」 runs them.
  const order = (id: string) => {
    const i = FIX_ORDER.indexOf(id as RuleId);
    return i < 0 ? FIX_ORDER.length : i;
  };
  const rules = [...byRule.values()].sort((a, b) => order(a.ruleId) - order(b.ruleId));
  return { rules, filled, filledCount, changes: changes.length };
}
