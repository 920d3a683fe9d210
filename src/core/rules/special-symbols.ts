// Rule `special-symbols` (総務省 1-13): placeholder symbols in numeric columns — `x`,
// `X`, `***` (秘匿), `-`, `－`, `―` (該当数値なし), `…`, `...`, `・・・` (不詳・調査なし).
// They are not numbers, and they are not 0 or blank either: 0 is a measured zero, a blank
// says nothing. A machine reading the column as numbers fails on them, or, worse, a tool
// turns them into 0. The rule reports each one with its usual meaning; the fix either
// keeps them as they are (distinct, documented) or maps them to blank and lists the
// meaning in the metadata, as the user chooses.
//
// Which cells: data cells of columns whose kind is `number` only. In a text column a `-`
// or `x` is ordinary text.
import { getValue } from '../model.ts';
import { SYMBOL_MEANINGS, type SpecialSymbol, classifySpecialSymbol } from '../text/specialSymbols.ts';
import type { CellRule, RuleMeta, SheetView, Violation } from './types.ts';

const { confidential, none, unavailable } = SYMBOL_MEANINGS;

const meta: RuleMeta = {
  id: 'special-symbols',
  level: 2,
  severity: 'warning',
  family: 'value',
  guideRef: { soumu: '1-13' },
  title: { ja: '数値欄の記号', en: 'Symbols in numeric columns' },
  description: {
    ja: '数値の列にある「x」「－」「…」などの記号は、秘匿・該当数値なし・不詳といった意味を持ちます。0 や空欄とは区別して扱い、意味をメタデータに記載してください。',
    en: 'Symbols such as "x", "－" or "…" in a numeric column mean confidential, none or not available. Keep them distinct from 0 and blank, and state their meaning in the metadata.',
  },
  messages: {
    confidential: {
      ja: `「{symbol}」は${confidential.ja}を表す記号です。0 や空欄と区別できるよう、記号の意味をメタデータに記載してください。`,
      en: `"{symbol}" means ${confidential.en}. Keep it distinct from 0 and blank, and state its meaning in the metadata.`,
    },
    none: {
      ja: `「{symbol}」は${none.ja}を表す記号です。0 や空欄と区別できるよう、記号の意味をメタデータに記載してください。`,
      en: `"{symbol}" means ${none.en}. Keep it distinct from 0 and blank, and state its meaning in the metadata.`,
    },
    unavailable: {
      ja: `「{symbol}」は${unavailable.ja}を表す記号です。0 や空欄と区別できるよう、記号の意味をメタデータに記載してください。`,
      en: `"{symbol}" means ${unavailable.en}. Keep it distinct from 0 and blank, and state its meaning in the metadata.`,
    },
    document: {
      ja: '記号の意味をメタデータの注記に記載します（オプションで、記号を空欄にして一覧を注記に残せます）。',
      en: 'State the meaning of the symbol in the metadata notes (optionally, blank the cell and list it in the notes).',
    },
  },
};


/** The symbol in a data cell of a numeric column, as this rule (and its fix) reads it. */
export function specialSymbolAt(view: SheetView, r: number, c: number): SpecialSymbol | undefined {
  const v = getValue(view.sheet, r, c);
  if (typeof v !== 'string' || v.length > 12) return undefined;
  const symbol = classifySpecialSymbol(v);
  if (!symbol) return undefined;
  if (view.regionOf(r, c) !== 'data') return undefined;
  return view.columnAt(r, c)?.kind === 'number' ? symbol : undefined;
}

export const specialSymbolsRule: CellRule = {
  meta,
  scope: 'cell',
  detectCell(view: SheetView, r: number, c: number): Violation[] | undefined {
    const symbol = specialSymbolAt(view, r, c);
    if (!symbol) return undefined;
    return [
      {
        ruleId: 'special-symbols',
        sheetId: view.sheet.id,
        range: { s: { r, c }, e: { r, c } },
        messageId: symbol.meaning,
        fixId: 'document',
        params: { symbol: symbol.symbol },
      },
    ];
  },
};

export { specialSymbolsRule as rule };
