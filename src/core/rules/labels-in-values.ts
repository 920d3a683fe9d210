// Rule `labels-in-values` (guide 手順4 「ラベル・脚注除去」, 総務省 1-2): footnote marks and
// labels written in the same cell as a value or a title — `a)343.4`, `1,234 1)`,
// `1,234※`, `343.4 r`, `約300人`, titles `人口集中\n地区　1)`, `a)市内他区\nから転入`, row
// labels `1300東京都①`. The guide's point (4): 「このセルの数値やタイトルを機械が取得するに
// は、セル値からラベルを除かなければならない」, and its Level 1 requirement 4: 「データセルの
// 末尾にも注釈などを入れない」. The fix keeps the value or title and moves the mark (or the
// 約) into a note attached to the cell and to the metadata.
//
// Which cells and how they are read (the parsers are `footnoteMarks.ts` and
// `numberText.ts`; the fix uses the same results through `labelsAt`):
// - data cells: first as a value (`a)343.4` → 343.4, `x 1)` → the symbol x); then an
//   approximate number (`約300人`: 約 is a label on the value; number-as-text also
//   reports the cell, and either fix leaves the other's part intact); otherwise, for text
//   such as a remark `2階のみ使用可 ※1`, as a title;
// - header, unit and key cells: as a title.
// Caption and note rows are left alone: they move to the metadata whole.
import { getFormat, getValue } from '../model.ts';
import { type MarkedText, findFootnoteMarks } from '../text/footnoteMarks.ts';
import { type NumberText, formatUsesParenNegatives, parseNumberText } from '../text/numberText.ts';
import type { CellRule, RuleMeta, SheetView, Violation } from './types.ts';

const meta: RuleMeta = {
  id: 'labels-in-values',
  level: 1,
  severity: 'error',
  family: 'value',
  guideRef: { guide: '手順4 ラベル・脚注除去', soumu: '1-2' },
  title: { ja: '値に付いたラベル・脚注番号', en: 'Labels and footnote marks in values' },
  description: {
    ja: 'セルには値やタイトルだけを入れ、脚注番号（a)、1)、※ など）や「約」などのラベルは入れません。値やタイトルはそのまま残し、ラベルはセルの注記とメタデータに移します。',
    en: 'A cell should hold only its value or title, without footnote marks (a), 1), ※…) or labels such as 約 (about). The value or title stays; the label moves to a note on the cell and to the metadata.',
  },
  messages: {
    valueMark: {
      ja: '「{text}」には値 {value} に脚注番号「{mark}」が付いています。値だけを残し、「{mark}」は注記に移します。',
      en: '"{text}" has the footnote mark "{mark}" on the value {value}. The value stays; "{mark}" moves to a note.',
    },
    valueRevised: {
      ja: '「{text}」には値 {value} に訂正値を示す「{mark}」が付いています。値だけを残し、「訂正値」であることを注記に移します。',
      en: '"{text}" has the mark "{mark}" (revised) on the value {value}. The value stays; "revised" moves to a note.',
    },
    valuePreliminary: {
      ja: '「{text}」には値 {value} に速報値を示す「{mark}」が付いています。値だけを残し、「速報値」であることを注記に移します。',
      en: '"{text}" has the mark "{mark}" (preliminary) on the value {value}. The value stays; "preliminary" moves to a note.',
    },
    approx: {
      ja: '「{text}」には値 {value} にラベル「{mark}」が付いています。値だけを残し、「{mark}」（概数であること）は注記に移します。',
      en: '"{text}" has the label "{mark}" (approximate) on the value {value}. The value stays; "{mark}" moves to a note.',
    },
    titleMark: {
      ja: 'タイトル「{text}」に脚注番号「{mark}」が付いています。タイトルは「{rest}」とし、「{mark}」は注記に移します。',
      en: 'The title "{text}" carries the footnote mark "{mark}". The title becomes "{rest}"; "{mark}" moves to a note.',
    },
    textMark: {
      ja: '「{text}」に脚注番号「{mark}」が付いています。値は「{rest}」とし、「{mark}」は注記に移します。',
      en: '"{text}" carries the footnote mark "{mark}". The value becomes "{rest}"; "{mark}" moves to a note.',
    },
    moveToNote: {
      ja: '値やタイトルだけを残し、脚注番号・ラベルはセルの注記とメタデータに移します。',
      en: 'Keep the value or title; move the mark or label to a note on the cell and to the metadata.',
    },
  },
};

// Cheap pre-test: a mark character, a trailing r/p, or an approximation word.
const CANDIDATE = /[)）※*＊†‡注\u2460-\u2473]|[0-9０-９][\s\u3000]*[rpｒｐ][\s\u3000]*$|約|およそ|概ね/;
const APPROX_WORD = /約|およそ|概ね/;

export type LabelsFinding =
  | { kind: 'value'; marked: MarkedText }
  | { kind: 'approx'; number: NumberText }
  | { kind: 'title'; marked: MarkedText; inData: boolean };

/** What this rule (and its fix) finds in a cell, or undefined. */
export function labelsAt(view: SheetView, r: number, c: number): LabelsFinding | undefined {
  const v = getValue(view.sheet, r, c);
  if (typeof v !== 'string' || !CANDIDATE.test(v)) return undefined;
  const region = view.regionOf(r, c);
  if (region === 'data') {
    const opts = { parenNegative: formatUsesParenNegatives(getFormat(view.sheet, r, c)) };
    const value = findFootnoteMarks(v, 'value', opts);
    if (value) return { kind: 'value', marked: value };
    if (APPROX_WORD.test(v)) {
      const number = parseNumberText(v, opts);
      if (number?.approx !== undefined) return { kind: 'approx', number };
    }
    const text = findFootnoteMarks(v, 'title');
    return text ? { kind: 'title', marked: text, inData: true } : undefined;
  }
  if (region === 'header' || region === 'unit' || region === 'key') {
    const title = findFootnoteMarks(v, 'title');
    return title ? { kind: 'title', marked: title, inData: false } : undefined;
  }
  return undefined;
}

function shorten(s: string, max = 60): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

export const labelsInValuesRule: CellRule = {
  meta,
  scope: 'cell',
  detectCell(view: SheetView, r: number, c: number): Violation[] | undefined {
    const found = labelsAt(view, r, c);
    if (!found) return undefined;
    let messageId: string;
    let params: Record<string, string | number>;
    if (found.kind === 'approx') {
      messageId = 'approx';
      params = { text: found.number.original, mark: found.number.approx!, value: found.number.text };
    } else if (found.kind === 'value') {
      const m = found.marked;
      const kinds = m.marks.map((k) => k.kind);
      messageId = kinds.includes('revised') ? 'valueRevised' : kinds.includes('preliminary') ? 'valuePreliminary' : 'valueMark';
      params = { text: m.original, mark: m.mark, value: m.number ? m.number.text : m.symbol!.symbol };
    } else {
      const m = found.marked;
      messageId = found.inData ? 'textMark' : 'titleMark';
      params = { text: shorten(m.original), mark: m.mark, rest: shorten(m.rest.trim()) };
    }
    return [
      {
        ruleId: 'labels-in-values',
        sheetId: view.sheet.id,
        range: { s: { r, c }, e: { r, c } },
        messageId,
        fixId: 'moveToNote',
        params,
      },
    ];
  },
};

export { labelsInValuesRule as rule };
