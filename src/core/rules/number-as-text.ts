// Rule `number-as-text` (guide 手順2 「カンマ除去」, 総務省 1-3): numbers typed as text —
// `1,894.2`, `12,064 `, `１，２００人`, `△37,655`, `$92,162,773`, `120円` — cannot be
// summed, sorted or typed as xsd:integer by a machine. The guide's point (9):
// 「位取りのカンマを除いた方が、機械は解読しやすい」. The fix writes the number and moves
// the unit to the column's Unit row (and a scale such as 千 to the Baseval row).
//
// Which cells: text cells of the data region, not in key columns (row labels such as
// `1300東京都`) and not in columns whose kind is `code` (`0911`, `011002`: identifiers
// keep their text), `date` or `period` (`2019`, `7` under `平成23年7-9月` are labels the
// wareki rule reads in context). The parsing is `parseNumberText`'s, exactly; the fix
// uses the same result. Text such as `2019年`, `0911`, `650-0001` or `a)343.4` is not
// reported here (the last is labels-in-values').
//
// The fix (`fixNumbersAsText`) writes exactly the parsed number: `value` from the decimal
// text, `raw` when `String(value)` would lose what was written (`-0.0`, `1.50`), the
// cell's number format kept (not the text format `@`). The unit goes to the column's
// metadata only when the column's values agree on it (else each cell keeps `単位：…` in its
// note); 約 goes to the cell note and the metadata notes. Nothing is dropped.
import type { Change } from '../changes.ts';
import { draftChanges, metaDraft } from './shared/metaDraft.ts';
import { type NumberCell, numberCellChanges } from './shared/numberCells.ts';
import { plainNumber } from '../plainNumber.ts';
import { visibleSpaces } from '../text/layoutSpaces.ts';
import { numberTextAt } from './shared/numberTextAt.ts';
import { forEachText } from './shared/textCells.ts';
import { type SheetView, cellRule, ruleMeta } from './types.ts';

const meta = ruleMeta({
  id: 'number-as-text',
  level: 1,
  severity: 'error',
  family: 'value',
  guideRef: { guide: '手順2 カンマ除去', soumu: '1-3' },
  fixAll: { phase: 'values', order: 20 },
  title: { ja: '文字列として入力された数値', en: 'Numbers stored as text' },
  description: {
    ja: '数値は、位取りのカンマ・全角数字・△などの記号・単位を含まない半角の数値として入力します。文字列のままでは、機械は計算や並べ替えができません。単位は単位行に移します。',
    en: 'Numbers should be plain half-width numbers, without thousands separators, full-width digits, signs such as △ or units. As text, a machine cannot compute with or sort them. Units move to the Unit row.',
  },
  messages: {
    number: {
      ja: '「{text}」は文字列として入力された数値です。数値 {value} として扱えます。',
      en: '"{text}" is a number stored as text. It can be the number {value}.',
    },
    numberUnit: {
      ja: '「{text}」は数値 {value}(単位: {unit})として扱えます。',
      en: '"{text}" can be the number {value} (unit: {unit}).',
    },
    numberScaled: {
      ja: '「{text}」は数値 {value}(単位: {unit}、記数単位: {scale})として扱えます。',
      en: '"{text}" can be the number {value} (unit: {unit}, scale: {scale}).',
    },
    padded: {
      ja: '「{text}」は前後にスペースのある数値です。CSV を読むプログラムの多くはこのまま数値 {value} として読みますが、スペースを除いて数値にします。',
      en: '"{text}" is a number with spaces around it. Most CSV readers read it as the number {value} as it is; the spaces are removed and it becomes a number.',
    },
    convert: {
      ja: '数値に変換し、単位・記数単位は単位行・記数単位行に移します。',
      en: 'Convert to a number; the unit and scale move to the Unit and Baseval rows.',
    },
  },
});

// --- fix ---------------------------------------------------------------------------------

/**
 * Every number typed as text becomes a typed number (see `numberSnapshot`); units go to
 * the column's Unit and Baseval, or stay in the cell note when the column's values
 * disagree; 約 goes to the cell note and the metadata notes. One metadata change, last.
 */
export function fixNumbersAsText(view: SheetView): Change[] {
  const cells: NumberCell[] = [];
  forEachText(view, (r, c) => {
    const number = numberTextAt(view, r, c);
    if (number) cells.push({ r, c, number, marks: [] });
  });
  if (cells.length === 0) return [];
  const draft = metaDraft(view.sheet);
  const changes: Change[] = numberCellChanges(view, cells, draft, 'number-as-text');
  return [...changes, ...draftChanges(view.sheet, draft, 'number-as-text')];
}

export const numberAsTextRule = cellRule({
  meta,
  scope: 'cell',
  textOnly: true,
  detectCell(view, r, c, report) {
    const parsed = numberTextAt(view, r, c);
    if (!parsed) return;
    const { original: text, text: value, unit, scale } = parsed;
    // ` 2` in `1, 2, 3` (a CSV written with a space after each comma): a plain number but
    // for the spaces, which every CSV reader skips. Shown, never failing.
    if (text !== text.trim() && /^ *[^ ]+ *$/.test(text) && plainNumber(text.trim()) !== undefined) report('padded', { r, c }, { text: visibleSpaces(text), value }, { fixId: 'convert', severity: 'info' });
    else if (!unit) report('number', { r, c }, { text, value }, { fixId: 'convert' });
    else if (scale === undefined) report('numberUnit', { r, c }, { text, value, unit: unit.unit }, { fixId: 'convert' });
    else report('numberScaled', { r, c }, { text, value, unit: unit.unit, scale }, { fixId: 'convert' });
  },
  fix: (view) => fixNumbersAsText(view),
  fixCompleteInOnePass: true,
});

export { numberAsTextRule as rule };
