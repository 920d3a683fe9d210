// 機種依存文字 (総務省 1-10): characters that only some systems encode or render the same
// way — the NEC and IBM extensions of Shift_JIS (CP932) and their Unicode siblings. A
// strict Shift_JIS reader rejects them, other platforms show boxes or different glyphs,
// and search or sorting does not match `①` with `(1)` or `㍻` with `平成`. The data should
// say the same thing in plain characters.
//
// Each character maps to exactly one plain replacement, chosen to keep its meaning:
// - circled and parenthesized numbers and letters → bracketed text (`①` → `(1)`,
//   `⑴` → `(1)`, `ⓐ` → `(a)`); the bracket keeps them apart from a following number
//   (`①2` must not become `12`);
// - parenthesized and circled ideographs → `(株)`, `(有)`, `(上)`;
// - era squares → the era name (`㍻` → `平成`, `㋿` → `令和`): converting the year is the
//   wareki rule's job;
// - roman numerals → Latin letters (`Ⅳ` → `IV`, `ⅲ` → `iii`);
// - squared units → their letters or katakana (`㎞` → `km`, `㎡` → `m2`, `㌔` → `キロ`);
// - `№` → `No.`, `℡` → `TEL`, `〝〟` → `"`;
// - half-width katakana → full-width, composed (`ｶﾞ` → `ガ`), reported per run.
// The IBM extended kanji (`髙`, `﨑`…) are deliberately left out: they are how people
// and places spell their names, and replacing them changes the name.
//
// No blanket NFKC: it would also fold `²`, `…`, full-width letters and compatibility
// kanji. The tables below were generated once from NFKC for the listed ranges only and
// are written out so that every replacement can be read and reviewed here.
import { halfwidthKanaToFullwidth } from './fullwidth.ts';

export type DeviceCharKind =
  | 'circled' // ① ⑴ ⒈ ⓐ ❶ ㊤ ㋐
  | 'parenthesized' // ㈱ ㈲ ㈹
  | 'roman' // Ⅰ ⅳ
  | 'era' // ㍻ ㋿
  | 'squared' // ㎞ ㌔ ㍿ ㏠
  | 'symbol' // № ℡ 〝
  | 'halfwidthKana'; // ｶﾞｯｺｳ

export interface DeviceCharHit {
  /** Index in the text (UTF-16 code units; every device character is one unit). */
  index: number;
  /** The character (or, for half-width kana, the whole run) exactly as written. */
  text: string;
  replacement: string;
  kind: DeviceCharKind;
}

interface Entry {
  replacement: string;
  kind: DeviceCharKind;
}

const TABLE = new Map<number, Entry>();

function put(code: number, replacement: string, kind: DeviceCharKind): void {
  TABLE.set(code, { replacement, kind });
}

/** `first`…: consecutive code points mapped to `replacements` in order. */
function putAll(first: number, replacements: readonly string[], kind: DeviceCharKind): void {
  replacements.forEach((r, i) => put(first + i, r, kind));
}

function numbers(from: number, to: number, fmt: (n: number) => string): string[] {
  const out: string[] = [];
  for (let n = from; n <= to; n++) out.push(fmt(n));
  return out;
}

const paren = (n: number | string) => `(${n})`;
const LOWER = 'abcdefghijklmnopqrstuvwxyz'.split('');
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');

// Circled and bracketed numbers and letters.
putAll(0x2460, numbers(1, 20, paren), 'circled'); // ①–⑳
putAll(0x2474, numbers(1, 20, paren), 'circled'); // ⑴–⒇
putAll(0x2488, numbers(1, 20, (n) => `${n}.`), 'circled'); // ⒈–⒛
putAll(0x249c, LOWER.map(paren), 'circled'); // ⒜–⒵
putAll(0x24b6, UPPER.map(paren), 'circled'); // Ⓐ–Ⓩ
putAll(0x24d0, LOWER.map(paren), 'circled'); // ⓐ–ⓩ
put(0x24ea, '(0)', 'circled'); // ⓪
putAll(0x24eb, numbers(11, 20, paren), 'circled'); // ⓫–⓴
putAll(0x24f5, numbers(1, 10, paren), 'circled'); // ⓵–⓾
put(0x24ff, '(0)', 'circled'); // ⓿
putAll(0x2776, numbers(1, 10, paren), 'circled'); // ❶–❿
putAll(0x2780, numbers(1, 10, paren), 'circled'); // ➀–➉
putAll(0x278a, numbers(1, 10, paren), 'circled'); // ➊–➓
putAll(0x3251, numbers(21, 35, paren), 'circled'); // ㉑–㉟
putAll(0x32b1, numbers(36, 50, paren), 'circled'); // ㊱–㊿

// Roman numerals.
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'L', 'C', 'D', 'M'];
putAll(0x2160, ROMAN, 'roman'); // Ⅰ–Ⅿ
putAll(0x2170, ROMAN.map((s) => s.toLowerCase()), 'roman'); // ⅰ–ⅿ

// Parenthesized ideographs ㈠–㉃.
putAll(
  0x3220,
  '一二三四五六七八九十月火水木金土日株有社名特財祝労代呼学監企資協祭休自至'.split('').map(paren),
  'parenthesized',
);
// Circled ideographs ㊀–㊰ (㊤ 上, ㊥ 中, ㊦ 下, ㊧ 左, ㊨ 右…).
putAll(
  0x3280,
  '一二三四五六七八九十月火水木金土日株有社名特財祝労秘男女適優印注項休写正上中下左右医宗学監企資協夜'.split('').map(paren),
  'circled',
);
// Telegraph months ㋀–㋋ and circled katakana ㋐–㋾.
putAll(0x32c0, numbers(1, 12, (n) => `${n}月`), 'squared');
putAll(0x32d0, 'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヰヱヲ'.split('').map(paren), 'circled');

// Era names.
put(0x337b, '平成', 'era'); // ㍻
put(0x337c, '昭和', 'era'); // ㍼
put(0x337d, '大正', 'era'); // ㍽
put(0x337e, '明治', 'era'); // ㍾
put(0x32ff, '令和', 'era'); // ㋿
put(0x337f, '株式会社', 'squared'); // ㍿

// Squared katakana words ㌀–㍗.
putAll(
  0x3300,
  [
    'アパート', 'アルファ', 'アンペア', 'アール', 'イニング', 'インチ', 'ウォン', 'エスクード', 'エーカー', 'オンス',
    'オーム', 'カイリ', 'カラット', 'カロリー', 'ガロン', 'ガンマ', 'ギガ', 'ギニー', 'キュリー', 'ギルダー',
    'キロ', 'キログラム', 'キロメートル', 'キロワット', 'グラム', 'グラムトン', 'クルゼイロ', 'クローネ', 'ケース', 'コルナ',
    'コーポ', 'サイクル', 'サンチーム', 'シリング', 'センチ', 'セント', 'ダース', 'デシ', 'ドル', 'トン',
    'ナノ', 'ノット', 'ハイツ', 'パーセント', 'パーツ', 'バーレル', 'ピアストル', 'ピクル', 'ピコ', 'ビル',
    'ファラッド', 'フィート', 'ブッシェル', 'フラン', 'ヘクタール', 'ペソ', 'ペニヒ', 'ヘルツ', 'ペンス', 'ページ',
    'ベータ', 'ポイント', 'ボルト', 'ホン', 'ポンド', 'ホール', 'ホーン', 'マイクロ', 'マイル', 'マッハ',
    'マルク', 'マンション', 'ミクロン', 'ミリ', 'ミリバール', 'メガ', 'メガトン', 'メートル', 'ヤード', 'ヤール',
    'ユアン', 'リットル', 'リラ', 'ルピー', 'ルーブル', 'レム', 'レントゲン', 'ワット',
  ],
  'squared',
);
// Telegraph hours ㍘–㍰ and days ㏠–㏾.
putAll(0x3358, numbers(0, 24, (n) => `${n}点`), 'squared');
putAll(0x33e0, numbers(1, 31, (n) => `${n}日`), 'squared');
// Squared Latin units ㍱–㍺ and ㎀–㏟ (`∕` written as `/`; ㏍ is 株式会社's K.K.).
putAll(0x3371, ['hPa', 'da', 'AU', 'bar', 'oV', 'pc', 'dm', 'dm2', 'dm3', 'IU'], 'squared');
putAll(
  0x3380,
  [
    'pA', 'nA', 'μA', 'mA', 'kA', 'KB', 'MB', 'GB', 'cal', 'kcal', 'pF', 'nF', 'μF', 'μg', 'mg', 'kg',
    'Hz', 'kHz', 'MHz', 'GHz', 'THz', 'μl', 'ml', 'dl', 'kl', 'fm', 'nm', 'μm', 'mm', 'cm', 'km', 'mm2',
    'cm2', 'm2', 'km2', 'mm3', 'cm3', 'm3', 'km3', 'm/s', 'm/s2', 'Pa', 'kPa', 'MPa', 'GPa', 'rad', 'rad/s', 'rad/s2',
    'ps', 'ns', 'μs', 'ms', 'pV', 'nV', 'μV', 'mV', 'kV', 'MV', 'pW', 'nW', 'μW', 'mW', 'kW', 'MW',
    'kΩ', 'MΩ', 'a.m.', 'Bq', 'cc', 'cd', 'C/kg', 'Co.', 'dB', 'Gy', 'ha', 'HP', 'in', 'K.K.', 'KM', 'kt',
    'lm', 'ln', 'log', 'lx', 'mb', 'mil', 'mol', 'PH', 'p.m.', 'PPM', 'PR', 'sr', 'Sv', 'Wb', 'V/m', 'A/m',
  ],
  'squared',
);
put(0x33ff, 'gal', 'squared'); // ㏿

// Symbols.
put(0x2116, 'No.', 'symbol'); // №
put(0x2121, 'TEL', 'symbol'); // ℡
put(0x301d, '"', 'symbol'); // 〝
put(0x301e, '"', 'symbol'); // 〞
put(0x301f, '"', 'symbol'); // 〟

// One class covering every mapped block (and half-width kana), so that text without any
// of them — nearly all cells — is rejected by a single precompiled test. Code points in
// these blocks that are not in the table (parenthesized Hangul…) are skipped.
const CANDIDATE = /[\u2116\u2121\u2160-\u217f\u2460-\u24ff\u2776-\u2793\u301d-\u301f\u3220-\u3243\u3251-\u325f\u3280-\u33ff\uff61-\uff9f]/;

function isHalfwidthKana(code: number): boolean {
  return code >= 0xff61 && code <= 0xff9f;
}

/** True when `text` holds at least one device-dependent character. */
export function hasDeviceChars(text: string): boolean {
  if (!CANDIDATE.test(text)) return false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isHalfwidthKana(code) || TABLE.has(code)) return true;
  }
  return false;
}

/** The plain replacement of one device-dependent character, or undefined for any other. */
export function deviceCharReplacement(ch: string): string | undefined {
  if (ch.length !== 1) return undefined;
  const code = ch.charCodeAt(0);
  if (isHalfwidthKana(code)) return halfwidthKanaToFullwidth(ch);
  return TABLE.get(code)?.replacement;
}

const NONE: readonly DeviceCharHit[] = Object.freeze([]);

/**
 * Every device-dependent character in `text`, in order, with its replacement. A run of
 * half-width kana is one hit (`ｶﾞｯｺｳ` → `ガッコウ`: composing `ｶ` + `ﾞ` needs the run).
 * Returns a shared empty array when there are none (no allocation).
 */
export function findDeviceChars(text: string): readonly DeviceCharHit[] {
  if (!CANDIDATE.test(text)) return NONE;
  let hits: DeviceCharHit[] | undefined;
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (isHalfwidthKana(code)) {
      let j = i + 1;
      while (j < text.length && isHalfwidthKana(text.charCodeAt(j))) j++;
      const run = text.slice(i, j);
      (hits ??= []).push({ index: i, text: run, replacement: halfwidthKanaToFullwidth(run), kind: 'halfwidthKana' });
      i = j;
      continue;
    }
    const e = TABLE.get(code);
    if (e) (hits ??= []).push({ index: i, text: text[i], replacement: e.replacement, kind: e.kind });
    i++;
  }
  return hits ?? NONE;
}

/** `text` with every device-dependent character replaced (`①道路用` → `(1)道路用`). */
export function replaceDeviceChars(text: string): string {
  const hits = findDeviceChars(text);
  if (hits.length === 0) return text;
  let out = '';
  let at = 0;
  for (const h of hits) {
    out += text.slice(at, h.index) + h.replacement;
    at = h.index + h.text.length;
  }
  return out + text.slice(at);
}
