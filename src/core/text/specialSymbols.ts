// Statistical placeholder symbols (総務省 1-13): what a numeric cell holds instead of a
// number. Japanese statistical tables use a small, conventional set, stated in the notes
// of the 日本統計年鑑 and e-Stat tables:
//   「－」 該当数値なし (none: the count is zero by definition or nothing applies)
//   「…」 数値不詳 / 調査していない (unavailable: not known or not surveyed)
//   「x」 秘匿 (confidential: hidden to protect respondents)
// and local variants of each (`-`, `―`, `−`, `...`, `・・・`, `X`, `***`…). They carry
// meaning that 0 and a blank do not: 0 is a measured zero, blank is "no entry". The rule
// reports them so they stay distinct; the fix may map them to blank and list the meaning
// in the metadata.
//
// Only whole cells are classified (surrounding white space aside): `-5` is a number,
// `1-3` a range, `x` inside a word is a letter.

export type SymbolMeaning =
  /** 秘匿: withheld to protect respondents (`x`, `X`, `***`). */
  | 'confidential'
  /** 該当数値なし: nothing to count (`-`, `－`, `―`, `−`, `‐`). */
  | 'none'
  /** 不詳・調査なし: the value is not known or was not surveyed (`…`, `...`, `・・・`). */
  | 'unavailable';

export interface SpecialSymbol {
  /** The symbol as written, without surrounding white space. */
  symbol: string;
  /** The text exactly as in the cell. */
  original: string;
  meaning: SymbolMeaning;
}

/** Japanese and English names of each meaning, for messages and metadata. */
export const SYMBOL_MEANINGS: Readonly<Record<SymbolMeaning, { ja: string; en: string }>> = {
  confidential: { ja: '秘匿', en: 'confidential (withheld)' },
  none: { ja: '該当数値なし', en: 'none (nothing applies)' },
  unavailable: { ja: '不詳・調査なし', en: 'not available (unknown or not surveyed)' },
};

// Single dash-like characters, written alone: hyphen-minus, full-width hyphen-minus,
// hyphen, non-breaking hyphen, figure dash, en dash, em dash, horizontal bar, minus sign,
// box-drawing horizontal, and the katakana prolonged sound mark that Japanese input often
// produces for a dash.
const DASHES = '-－‐‑‒–—―−─ー';

const WORDS: Readonly<Record<string, SymbolMeaning>> = {
  秘匿: 'confidential',
  該当なし: 'none',
  該当数値なし: 'none',
  皆無: 'none',
  不詳: 'unavailable',
  不明: 'unavailable',
  調査なし: 'unavailable',
  未調査: 'unavailable',
  'N/A': 'unavailable',
  'n/a': 'unavailable',
  NA: 'unavailable',
  'n.a.': 'unavailable',
};

// `×` is not here: it is a value (○/× availability) more often than a placeholder.
// Runs of one character: `***`, `＊＊`, `...`, `・・・`, `‥`, `…`, `……`, `--`, `－－`.
const RUN_OF_ONE = /^(?:[xXｘＸ]|[*＊]+|[.．]{2,}|[・･]{2,}|[…‥]+|[-－‐‑‒–—―−─ー]{1,3})$/;

const EDGE_SPACE = /^[\s\u3000]|[\s\u3000]$/;

/**
 * The placeholder symbol `text` is, or undefined for anything else (numbers, words,
 * empty text). Cheap on ordinary text: it looks at the first character before anything
 * else.
 */
export function classifySpecialSymbol(text: string): SpecialSymbol | undefined {
  if (text.length === 0 || text.length > 12) return undefined;
  const symbol = EDGE_SPACE.test(text) ? text.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '') : text;
  if (symbol === '') return undefined;
  const meaning = meaningOf(symbol);
  return meaning ? { symbol, original: text, meaning } : undefined;
}

// Every symbol and word above starts with one of these: the rest of text (names, codes,
// numbers — millions of cells) is turned away on its first character.
const FIRST_CHARS = new Set([...Object.keys(WORDS).map((w) => w[0]), ...'xXｘＸ*＊.．・･…‥', ...DASHES]);

function meaningOf(s: string): SymbolMeaning | undefined {
  if (!FIRST_CHARS.has(s[0])) return undefined;
  const word = Object.hasOwn(WORDS, s) ? WORDS[s] : undefined;
  if (word) return word;
  if (!RUN_OF_ONE.test(s)) return undefined;
  const first = s[0];
  if ('xXｘＸ*＊'.includes(first)) return 'confidential';
  if (DASHES.includes(first)) return 'none';
  return 'unavailable'; // dots, 中黒, …, ‥
}

/** True when `text` is a placeholder symbol. */
export function isSpecialSymbol(text: string): boolean {
  return classifySpecialSymbol(text) !== undefined;
}
