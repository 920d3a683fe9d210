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
import type { Change } from '../changes.ts';
import { cellAddress, getCell, getValue } from '../model.ts';
import { SYMBOL_MEANINGS, type SpecialSymbol, type SymbolMeaning, classifySpecialSymbol } from '../text/specialSymbols.ts';
import { joinNotes } from './shared/cellNote.ts';
import { draftChanges, metaDraft } from './shared/metaDraft.ts';
import { forEachText } from './shared/textCells.ts';
import { type FixOptions, type SheetView, cellRule, ruleMeta } from './types.ts';

const { confidential, none, unavailable } = SYMBOL_MEANINGS;

const meta = ruleMeta({
  id: 'special-symbols',
  level: 2,
  severity: 'warning',
  family: 'value',
  guideRef: { soumu: '1-13' },
  fixAll: { phase: 'values', order: 50 },
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
});


/** The symbol in a data cell of a numeric column, as this rule (and its fix) reads it. */
export function specialSymbolAt(view: SheetView, r: number, c: number): SpecialSymbol | undefined {
  const v = getValue(view.sheet, r, c);
  if (typeof v !== 'string' || v.length > 12) return undefined;
  const symbol = classifySpecialSymbol(v);
  if (!symbol) return undefined;
  if (view.regionOf(r, c) !== 'data') return undefined;
  return view.columnAt(r, c)?.kind === 'number' ? symbol : undefined;
}

/** `B10:B12, C10`: cells as runs of consecutive rows, column by column. */
function cellList(byColumn: Map<number, number[]>): string {
  const parts: string[] = [];
  for (const c of [...byColumn.keys()].sort((a, b) => a - b)) {
    const rows = byColumn.get(c)!;
    for (let i = 0; i < rows.length; ) {
      let j = i;
      while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
      parts.push(i === j ? cellAddress(rows[i], c) : `${cellAddress(rows[i], c)}:${cellAddress(rows[j], c)}`);
      i = j + 1;
    }
  }
  return parts.join(', ');
}

/**
 * The metadata note for one symbol: `{ mark: '－', text: '－: 該当数値なし (D7, E3:E5)' }` —
 * the symbol as written, its meaning, and every cell that holds it (runs of rows as
 * ranges), so that mapping the cells to blank loses nothing.
 */
export function symbolNoteText(symbol: string, meaning: SymbolMeaning, cells: string): string {
  return `${symbol}: ${SYMBOL_MEANINGS[meaning].ja} (${cells})`;
}

/**
 * Lists each distinct symbol once in the metadata notes with its meaning and cells (a
 * note this fix wrote before for the same symbol is brought up to date, not repeated).
 * `mode: 'keep'` (default) leaves the cells as they are; `mode: 'empty'` empties them,
 * the symbol staying in the cell note and in the list.
 */
export function fixSpecialSymbols(view: SheetView, options: FixOptions = {}): Change[] {
  const empty = options.mode === 'empty';
  const found = new Map<string, { meaning: SymbolMeaning; byColumn: Map<number, number[]> }>();
  const cells: { r: number; c: number; symbol: string }[] = [];
  forEachText(view, (r, c) => {
    const s = specialSymbolAt(view, r, c);
    if (!s) return;
    let entry = found.get(s.symbol);
    if (!entry) found.set(s.symbol, (entry = { meaning: s.meaning, byColumn: new Map() }));
    let rows = entry.byColumn.get(c);
    if (!rows) entry.byColumn.set(c, (rows = []));
    rows.push(r);
    if (empty) cells.push({ r, c, symbol: s.symbol });
  });
  if (found.size === 0) return [];
  const { sheet } = view;
  const out: Change[] = [];
  for (const { r, c, symbol } of cells) {
    const before = getCell(sheet, r, c);
    const after = { ...before, value: null };
    const note = joinNotes(before.note, [symbol]);
    if (note !== undefined) after.note = note;
    out.push({ kind: 'cell', sheetId: sheet.id, r, c, before, after, ruleId: 'special-symbols' });
  }
  const draft = metaDraft(sheet);
  for (const [symbol, { meaning, byColumn }] of found) {
    const text = symbolNoteText(symbol, meaning, cellList(byColumn));
    const mine = draft.meta.notes.findIndex((n) => n.mark === symbol && n.text.startsWith(`${symbol}: `));
    if (mine < 0) draft.meta.notes.push({ mark: symbol, text });
    else if (draft.meta.notes[mine].text !== text) draft.meta.notes[mine] = { mark: symbol, text };
    else continue;
    draft.changed = true;
  }
  for (const ch of draftChanges(sheet, draft, 'special-symbols')) out.push(ch);
  return out;
}

export const specialSymbolsRule = cellRule({
  meta,
  scope: 'cell',
  textOnly: true,
  detectCell(view, r, c, report) {
    const symbol = specialSymbolAt(view, r, c);
    if (symbol) report(symbol.meaning, { r, c }, { symbol: symbol.symbol }, { fixId: 'document' });
  },
  fix: (view, options) => fixSpecialSymbols(view, options),
  fixCompleteInOnePass: true,
  fixOptions: {
    mode: {
      default: 'keep',
      label: { ja: '記号の扱い', en: 'Symbols' },
      choices: [
        { value: 'keep', label: { ja: '記号をそのまま残し、意味を注記に記載する', en: 'Keep the symbols; state their meaning in the notes' } },
        { value: 'empty', label: { ja: '空欄にし、記号と意味・セルの一覧を注記に残す', en: 'Blank the cells; list the symbols, meanings and cells in the notes' } },
      ],
    },
  },
});

export { specialSymbolsRule as rule };
