// Rule `formulas` (総務省 1-7): a published table should hold values, not formulas. A
// formula refers to other cells (which the CSV will not have, or which later fixes move),
// so the fix keeps the value the file last computed and drops the formula.
//
// A cell rule: the engine calls it for every cell with a value or a formula, so it must be cheap. Most
// columns have no formula at all and no `formulas` array: that is checked first.
import type { Change } from '../changes.ts';
import { type CellValue, getCell, getValue, isCellError } from '../model.ts';
import { type SheetView, cellRule, ruleMeta } from './types.ts';

const meta = ruleMeta({
  id: 'formulas',
  level: 2,
  severity: 'warning',
  family: 'source',
  guideRef: { soumu: '1-7' },
  fixAll: { phase: 'clean-up', order: 20 },
  title: { ja: '数式', en: 'Formulas' },
  description: {
    ja: 'セルには数式ではなく値を入れます。数式は計算結果の値に置き換えます。',
    en: 'Cells should hold values, not formulas. Formulas are replaced by their computed values.',
  },
  messages: {
    formula: {
      ja: 'セルに数式「={formula}」が入っています。計算結果「{value}」を値として残します。',
      en: 'The cell holds the formula "={formula}". Its computed value "{value}" is kept.',
    },
    formulaEmpty: {
      ja: 'セルに数式「={formula}」が入っています。計算結果は空のため、空のセルになります。',
      en: 'The cell holds the formula "={formula}". Its result is empty, so the cell becomes empty.',
    },
    keepValue: {
      ja: '数式を外し、計算結果の値だけを残します。',
      en: 'Remove the formula and keep only its computed value.',
    },
  },
});

function shown(v: CellValue): string {
  if (v === null) return '';
  if (isCellError(v)) return v.error;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

/** Every formula cell keeps the value the file last computed; the formula is dropped. */
function fixFormulas(view: SheetView): Change[] {
  const { sheet } = view;
  const out: Change[] = [];
  sheet.columns.forEach((col, c) => {
    col.formulas?.forEach((f, r) => {
      if (f === undefined) return;
      const before = getCell(sheet, r, c);
      const { formula: _dropped, ...after } = before;
      out.push({ kind: 'cell', sheetId: sheet.id, r, c, before, after, ruleId: 'formulas' });
    });
  });
  return out;
}

export const formulasRule = cellRule({
  meta,
  scope: 'cell',
  fix: (view) => fixFormulas(view),
  applies() {
    return true;
  },
  detectCell(view, r, c, report) {
    const formulas = view.sheet.columns[c]?.formulas;
    if (!formulas) return;
    const formula = formulas[r];
    if (formula === undefined || formula === '') return;
    const value = shown(getValue(view.sheet, r, c));
    report(value === '' ? 'formulaEmpty' : 'formula', { r, c }, { formula: formula.replace(/^=/, ''), value }, { fixId: 'keepValue' });
  },
});

// The registry imports every rule as `rule`.
export { formulasRule as rule };
