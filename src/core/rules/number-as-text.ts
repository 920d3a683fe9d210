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
import { getFormat, getValue } from '../model.ts';
import type { ColumnKind } from '../structure/types.ts';
import { type NumberText, formatUsesParenNegatives, parseNumberText } from '../text/numberText.ts';
import type { CellRule, RuleMeta, SheetView, Violation } from './types.ts';

const meta: RuleMeta = {
  id: 'number-as-text',
  level: 1,
  severity: 'error',
  family: 'value',
  guideRef: { guide: '手順2 カンマ除去', soumu: '1-3' },
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
    convert: {
      ja: '数値に変換し、単位・記数単位は単位行・記数単位行に移します。',
      en: 'Convert to a number; the unit and scale move to the Unit and Baseval rows.',
    },
  },
};

const HAS_DIGIT = /[0-9０-９]/;


const SKIPPED_KINDS: ReadonlySet<ColumnKind> = new Set<ColumnKind>(['code', 'date', 'period']);

/** The parse of a data cell's text, as this rule (and its fix) reads it. */
export function numberTextAt(view: SheetView, r: number, c: number): NumberText | undefined {
  const v = getValue(view.sheet, r, c);
  if (typeof v !== 'string' || !HAS_DIGIT.test(v)) return undefined;
  if (view.regionOf(r, c) !== 'data') return undefined;
  const kind = view.columnAt(r, c)?.kind;
  if (kind !== undefined && SKIPPED_KINDS.has(kind)) return undefined;
  return parseNumberText(v, { parenNegative: formatUsesParenNegatives(getFormat(view.sheet, r, c)) });
}

export const numberAsTextRule: CellRule = {
  meta,
  scope: 'cell',
  detectCell(view: SheetView, r: number, c: number): Violation[] | undefined {
    const parsed = numberTextAt(view, r, c);
    if (!parsed) return undefined;
    const params: Record<string, string | number> = { text: parsed.original, value: parsed.text };
    let messageId = 'number';
    if (parsed.unit) {
      params.unit = parsed.unit.unit;
      messageId = 'numberUnit';
      if (parsed.scale !== undefined) {
        params.scale = parsed.scale;
        messageId = 'numberScaled';
      }
    }
    return [
      {
        ruleId: 'number-as-text',
        sheetId: view.sheet.id,
        range: { s: { r, c }, e: { r, c } },
        messageId,
        fixId: 'convert',
        params,
      },
    ];
  },
};

export { numberAsTextRule as rule };
