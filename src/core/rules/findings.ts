// What a rule reports becomes a `Violation`: the engine adds the rule id and the sheet, and
// a finding on one cell gets that cell as its range.
import type { SheetView } from '../analysis/view.ts';
import type { AnyReport, CellRule, RuleId, RuleModule, Violation } from './types.ts';

/** A `report` for `ruleId` on sheet `sheetId` that appends each finding to `out`. */
export function reporter(ruleId: RuleId, sheetId: string, out: Violation[]): AnyReport {
  return (messageId, at, params, options) => {
    const range = 's' in at ? at : { s: { r: at.r, c: at.c }, e: { r: at.r, c: at.c } };
    const v: Violation = { ruleId, sheetId, range, messageId };
    if (options?.fixId !== undefined) v.fixId = options.fixId;
    if (params !== undefined) v.params = params;
    if (options?.severity !== undefined) v.severity = options.severity;
    out.push(v);
  };
}

/** What a cell rule finds in cell (r, c). */
export function cellFindings(rule: CellRule, view: SheetView, r: number, c: number): Violation[] {
  const out: Violation[] = [];
  rule.detectCell(view, r, c, reporter(rule.meta.id, view.sheet.id, out));
  return out;
}

/**
 * Every finding of a rule on the sheet, as the engine makes them: a sheet rule once, a
 * cell rule on every non-empty cell row by row (on text cells only when it is `textOnly`).
 */
export function findingsOf(rule: RuleModule, view: SheetView): Violation[] {
  const out: Violation[] = [];
  const report = reporter(rule.meta.id, view.sheet.id, out);
  if (rule.scope === 'sheet') {
    rule.detect(view, report);
    return out;
  }
  const { columns } = view.sheet;
  for (let r = 0; r < view.sheet.rowCount; r++) {
    for (let c = 0; c < columns.length; c++) {
      const v = columns[c].values[r];
      if (v === null || (rule.textOnly && typeof v !== 'string')) continue;
      rule.detectCell(view, r, c, report);
    }
  }
  return out;
}
