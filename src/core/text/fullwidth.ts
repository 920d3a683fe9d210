// Targeted width conversions for Japanese spreadsheet text.
//
// Why not `normalize('NFKC')`: NFKC folds far more than width. It turns `①` into `1`
// (losing the circle that marked a list item), `㍻` into `平成`, `²` into `2`, `ｶﾞ` into
// `ガ`, `…` into `...`, and compatibility kanji such as `﨑` into `崎` — a person's or a
// place's name changes spelling. Every fix must record exactly what it changed and why, so
// each conversion here is one named, closed mapping:
//
// - full-width ASCII (U+FF01–FF5E: `１２３`, `ＡＢＣ`, `，．－（）`) ↔ ASCII, the two
//   blocks being offset by a constant;
// - the full-width currency/sign forms (U+FFE0–FFE6: `￥`, `￠`, `￡`…) → their Latin-1 or
//   Unicode equivalents;
// - half-width katakana (U+FF61–FF9F) → full-width katakana, composing a following
//   half-width voiced mark (`ﾞ`, `ﾟ`) into one character (`ｶﾞ` → `ガ`, `ﾊﾟ` → `パ`,
//   `ｳﾞ` → `ヴ`), because `カ` + `゛` is not the same text as `ガ` for search or sorting;
// - the ideographic space U+3000, handled separately: it is layout, not a character of the
//   value, and whether it disappears or becomes an ASCII space depends on its neighbours
//   (the layout-spaces rule decides), so the ASCII conversion leaves it alone unless asked.

const FW_FIRST = 0xff01; // ！
const FW_LAST = 0xff5e; // ～
const FW_OFFSET = 0xff01 - 0x21;

/** U+FFE0–FFE6 → their ordinary forms. */
const FW_SIGNS: Readonly<Record<string, string>> = {
  '\uffe0': '\u00a2', // ￠ → ¢
  '\uffe1': '\u00a3', // ￡ → £
  '\uffe2': '\u00ac', // ￢ → ¬
  '\uffe3': '\u00af', // ￣ → ¯
  '\uffe4': '\u00a6', // ￤ → ¦
  '\uffe5': '\u00a5', // ￥ → ¥
  '\uffe6': '\u20a9', // ￦ → ₩
};

const HAS_FW_ASCII = /[\uff01-\uff5e\uffe0-\uffe6]/;
const HAS_FW_DIGIT = /[０-９]/;
const HAS_HW_KANA = /[\uff61-\uff9f]/;

/** True when `text` holds a full-width ASCII character (`１`, `Ａ`, `，`) or sign (`￥`). */
export function hasFullwidthAscii(text: string): boolean {
  return HAS_FW_ASCII.test(text);
}

/** True when `text` holds a half-width katakana or half-width Japanese punctuation (`ｱ`, `｡`, `ﾞ`). */
export function hasHalfwidthKana(text: string): boolean {
  return HAS_HW_KANA.test(text);
}

/** One character: its half-width form if it is full-width ASCII, else itself. */
export function halfwidthChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code >= FW_FIRST && code <= FW_LAST) return String.fromCharCode(code - FW_OFFSET);
  return FW_SIGNS[ch] ?? ch;
}

export interface HalfwidthOptions {
  /**
   * What to do with the ideographic space U+3000: `keep` (default) leaves it, `ascii`
   * turns each into one ASCII space. Removing layout spaces is the layout-spaces rule's
   * job, not a width conversion.
   */
  space?: 'keep' | 'ascii';
  /** Convert only the digits `０`–`９`, leaving `－`, `Ａ` and every other character as written. */
  digitsOnly?: boolean;
}

/**
 * Full-width ASCII → ASCII: `中央町１－２－３` → `中央町1-2-3`, `ＡＢＣ` → `ABC`, `￥` → `¥`.
 * Everything else (kana, kanji, `①`, `㍻`, `…`, `〜`) is left exactly as it was. With
 * `digitsOnly`, only `０`–`９` change. Returns `text` itself when nothing changes.
 */
export function toHalfwidthAscii(text: string, opts: HalfwidthOptions = {}): string {
  const spaces = opts.space === 'ascii' && text.includes('\u3000');
  if (opts.digitsOnly) {
    if (!HAS_FW_DIGIT.test(text) && !spaces) return text;
  } else if (!HAS_FW_ASCII.test(text) && !spaces) {
    return text;
  }
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const code = ch.charCodeAt(0);
    if (code === 0x3000) out += spaces ? ' ' : ch;
    else if (opts.digitsOnly) out += code >= 0xff10 && code <= 0xff19 ? String.fromCharCode(code - FW_OFFSET) : ch;
    else out += halfwidthChar(ch);
  }
  return out;
}

/**
 * ASCII → full-width (`A1` → `Ａ１`), the inverse of `toHalfwidthAscii` for printable
 * ASCII except the space. Only for display and tests; data should be half-width.
 */
export function toFullwidthAscii(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out += code >= 0x21 && code <= 0x7e ? String.fromCharCode(code + FW_OFFSET) : text[i];
  }
  return out;
}

// Half-width katakana block U+FF61–FF9F in code order, as full-width characters. The
// voiced marks U+FF9E/FF9F map to the spacing marks ゛ ゜ when they cannot be composed.
const HW_KANA_BASE =
  '。「」、・ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン゛゜';

// Composition with the voiced mark (dakuten) and the semi-voiced mark (handakuten).
const DAKUTEN: Readonly<Record<string, string>> = {
  カ: 'ガ', キ: 'ギ', ク: 'グ', ケ: 'ゲ', コ: 'ゴ',
  サ: 'ザ', シ: 'ジ', ス: 'ズ', セ: 'ゼ', ソ: 'ゾ',
  タ: 'ダ', チ: 'ヂ', ツ: 'ヅ', テ: 'デ', ト: 'ド',
  ハ: 'バ', ヒ: 'ビ', フ: 'ブ', ヘ: 'ベ', ホ: 'ボ',
  ウ: 'ヴ', ワ: 'ヷ', ヲ: 'ヺ',
};
const HANDAKUTEN: Readonly<Record<string, string>> = { ハ: 'パ', ヒ: 'ピ', フ: 'プ', ヘ: 'ペ', ホ: 'ポ' };

/** The full-width form of one half-width kana code unit (U+FF61–FF9F), else undefined. */
function hwKana(code: number): string | undefined {
  return code >= 0xff61 && code <= 0xff9f ? HW_KANA_BASE[code - 0xff61] : undefined;
}

/**
 * Half-width katakana → full-width: `ｶﾞｯｺｳ` → `ガッコウ`, `ﾊﾟｰｸ` → `パーク`, `｢ｱ｣` → `「ア」`.
 * A voiced mark that cannot compose (`ｱﾞ`) becomes the spacing mark `゛`, so no
 * character is lost. Returns `text` itself when there is nothing to convert.
 */
export function halfwidthKanaToFullwidth(text: string): string {
  if (!HAS_HW_KANA.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const base = hwKana(text.charCodeAt(i));
    if (base === undefined) {
      out += text[i];
      continue;
    }
    const next = text.charCodeAt(i + 1);
    const composed = next === 0xff9e ? DAKUTEN[base] : next === 0xff9f ? HANDAKUTEN[base] : undefined;
    if (composed) {
      out += composed;
      i++;
    } else {
      out += base;
    }
  }
  return out;
}

/** A run of half-width kana in a text, with its full-width form. */
export interface HalfwidthKanaRun {
  /** Index of the run in the text (UTF-16 code units). */
  index: number;
  /** The run exactly as written (`ｶﾞｯｺｳ`). */
  text: string;
  /** Its full-width form (`ガッコウ`). */
  replacement: string;
}

/** Every maximal run of half-width kana (`ｻｲﾀﾏ ｼ` gives two runs: the space is not kana). */
export function findHalfwidthKanaRuns(text: string): HalfwidthKanaRun[] {
  const runs: HalfwidthKanaRun[] = [];
  if (!HAS_HW_KANA.test(text)) return runs;
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code < 0xff61 || code > 0xff9f) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < text.length && text.charCodeAt(j) >= 0xff61 && text.charCodeAt(j) <= 0xff9f) j++;
    const run = text.slice(i, j);
    runs.push({ index: i, text: run, replacement: halfwidthKanaToFullwidth(run) });
    i = j;
  }
  return runs;
}

/** True for a full-width digit `０`–`９`. */
export function isFullwidthDigit(ch: string): boolean {
  const code = ch.charCodeAt(0);
  return code >= 0xff10 && code <= 0xff19;
}

const FW_ALNUM = /[０-９Ａ-Ｚａ-ｚ]/;
const DIGIT_LIKE = /[0-9０-９]/;

/**
 * Full-width letters and digits → ASCII inside text (`中央町１－２－３` → `中央町1-2-3`,
 * `ＪＲ線` → `JR線`). Unlike `toHalfwidthAscii`, Japanese punctuation stays as written
 * (`（単位：千円）`, `１，２００` inside a sentence keeps its `，`), except `－` and `．`
 * between two digits, which are part of the number (`１－２－３`, `１．５`).
 * Returns `text` itself when nothing changes.
 */
export function halfwidthAlphanumerics(text: string): string {
  if (!FW_ALNUM.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const code = ch.charCodeAt(0);
    const alnum = (code >= 0xff10 && code <= 0xff19) || (code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a);
    const joiner = (ch === '－' || ch === '．') && DIGIT_LIKE.test(text[i - 1] ?? '') && DIGIT_LIKE.test(text[i + 1] ?? '');
    out += alnum || joiner ? String.fromCharCode(code - FW_OFFSET) : ch;
  }
  return out;
}
