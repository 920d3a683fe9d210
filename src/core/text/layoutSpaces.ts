// Spaces and line breaks typed to align a printed table (`全 国`, `岩　手`, `平成 22 年`,
// `12,064 `, `人口増減率\n(平成12～17年)`), told apart from spaces that separate words
// (`New York`, `山田 太郎`, `2. 推移`). Used by the layout-spaces rule, which reports and
// removes them, and by everything that reads a label or a title as its words (header
// titles, captions).
//
// What counts as layout:
// - white space before or after the text → removed; a cell of only white space → empty;
// - a line break inside the text (with any spaces around it) → removed next to a CJK
//   character (`人口増減率\n(平成…` → `人口増減率(平成…`), one ASCII space when a Latin
//   letter is on either side (`(H17=100)\nComposite` → `(H17=100) Composite`,
//   `和暦\nJapanese year` → `和暦 Japanese year`);
// - spaces between two CJK characters, when they pad single characters (`岩　手`,
//   `神 奈 川`, `①道 路 用`) or are two or more wide (`転  出`) → removed. One space
//   between two longer words (`山田 太郎`, `中央小学校 体育館`) separates words and stays;
// - spaces between a CJK character and a bare number (`平成 22 年`, `23 年`, `第 1 回`) →
//   removed; a number that is part of a longer token stays apart (`2-2 都道府県別…`,
//   `中央町 1-2-3`, `地区　1)`), and so does a code with a leading zero (`0911 部分肉…`);
// - spaces between a CJK word and a bracketed Japanese remark (`市内総生産　(生産側）`) →
//   removed;
// - anything else is left alone, except that an ideographic space or a tab between
//   non-CJK characters becomes one ASCII space (`(人/km²)　2)` → `(人/km²) 2)`). In
//   particular spaces between Latin words are never touched (`New York`,
//   `Composite Indexes (2005=100)`), and neither is `2. 推移`'s space after the point.

export interface LayoutSpaceResult {
  original: string;
  /** The text without layout white space. */
  fixed: string;
  /** White space before or after the text. */
  edges: boolean;
  /** Alignment spaces inside the text. */
  inner: boolean;
  /** Line breaks inside the text. */
  lineBreaks: boolean;
  /** The text was only white space (the fix empties the cell). */
  blank: boolean;
}

// JS `\s` covers ASCII white space, U+3000, NBSP and the other Unicode spaces.
const WHITE = /\s/;

/** Any white space at all: the cheap test before `findLayoutSpaces`. */
export function hasWhiteSpace(text: string): boolean {
  return WHITE.test(text);
}

function isWhite(code: number): boolean {
  return (
    code === 0x20 ||
    code === 0x3000 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0xfeff ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f
  );
}

function isBreak(code: number): boolean {
  return code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029;
}

/**
 * Characters written without spaces between them in Japanese: kanji, kana, CJK
 * punctuation and brackets, full-width forms, half-width kana, and the enclosed and
 * squared characters (`①`, `㈱`, `㎞`).
 */
function isCjk(code: number): boolean {
  return (
    (code >= 0x3001 && code <= 0x303f) || // 、。々〆〇「」『』【】〜…
    (code >= 0x3040 && code <= 0x30ff) || // hiragana, katakana, ・ ー
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xff01 && code <= 0xff0f) || // full-width punctuation ！＂＃…／
    (code >= 0xff1a && code <= 0xff20) ||
    (code >= 0xff3b && code <= 0xff40) ||
    (code >= 0xff5b && code <= 0xff9f) || // ｛｝～ and half-width kana
    (code >= 0x2460 && code <= 0x24ff) || // ① ⑴ ⓐ
    (code >= 0x3200 && code <= 0x33ff) || // ㈱ ㊤ ㍻ ㎞
    code === 0x203b // ※
  );
}

/** The last character before `i` that is not white space (NaN at the start). */
function nonWhiteBefore(text: string, i: number, floor: number): number {
  while (i > floor && isWhite(text.charCodeAt(i - 1))) i--;
  return i > floor ? text.charCodeAt(i - 1) : NaN;
}

/** The first character at or after `i` that is not white space (NaN at the end). */
function nonWhiteAfter(text: string, i: number, end: number): number {
  while (i < end && isWhite(text.charCodeAt(i))) i++;
  return i < end ? text.charCodeAt(i) : NaN;
}

function isOpenBracket(code: number): boolean {
  return code === 0x28 || code === 0x5b || code === 0xff08 || code === 0x300c || code === 0x3010 || code === 0x3014;
}

function isCloseBracket(code: number): boolean {
  return code === 0x29 || code === 0x5d || code === 0xff09 || code === 0x300d || code === 0x3011 || code === 0x3015;
}

function isLatinLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

function isDigit(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0xff10 && code <= 0xff19);
}

/** Length of the run of non-white characters ending before `end` (or starting at `start`). */
function tokenBefore(text: string, end: number, floor: number): number {
  let i = end;
  while (i > floor && !isWhite(text.charCodeAt(i - 1))) i--;
  return end - i;
}

function tokenAfter(text: string, start: number, ceil: number): number {
  let i = start;
  while (i < ceil && !isWhite(text.charCodeAt(i))) i++;
  return i - start;
}

function isNumberChar(code: number): boolean {
  return isDigit(code) || code === 0x2c || code === 0x2e || code === 0xff0c || code === 0xff0e;
}

/**
 * The non-white run ending before `end` is a bare number (`22`, `７`, `1,234`) — not a
 * code with a leading zero (`0911 部分肉…`), where the space separates code and name.
 */
function numberTokenBefore(text: string, end: number, floor: number): boolean {
  let i = end;
  while (i > floor && !isWhite(text.charCodeAt(i - 1))) {
    if (!isNumberChar(text.charCodeAt(i - 1))) return false;
    i--;
  }
  return !(end - i > 1 && (text[i] === '0' || text[i] === '０'));
}

/** The non-white run starting at `start` is a bare number. */
function numberTokenAfter(text: string, start: number, ceil: number): boolean {
  for (let i = start; i < ceil && !isWhite(text.charCodeAt(i)); i++) {
    if (!isNumberChar(text.charCodeAt(i))) return false;
  }
  return true;
}

/**
 * The layout white space in `text` and the text without it, or undefined when there is
 * none. See the module comment for what counts as layout.
 */
export function findLayoutSpaces(text: string): LayoutSpaceResult | undefined {
  const first = layoutSpacesOnce(text);
  if (!first || first.blank) return first;
  // Removing one run can bring two characters together that make the next run layout
  // (`全↵)␣全` → `全)␣全`, where `)␣全` now closes a Japanese remark). The fix must leave
  // nothing to find, so the text is read again until it no longer changes; every pass
  // shortens it or only turns odd white space into one ASCII space, so this ends.
  let result = first;
  for (let pass = 0; pass < 8; pass++) {
    const again = layoutSpacesOnce(result.fixed);
    if (!again) break;
    result = {
      original: text,
      fixed: again.fixed,
      edges: result.edges || again.edges,
      inner: result.inner || again.inner,
      lineBreaks: result.lineBreaks || again.lineBreaks,
      blank: again.blank,
    };
  }
  return result;
}

function layoutSpacesOnce(text: string): LayoutSpaceResult | undefined {
  if (!WHITE.test(text)) return undefined;
  let s = 0;
  let e = text.length;
  while (s < e && isWhite(text.charCodeAt(s))) s++;
  while (e > s && isWhite(text.charCodeAt(e - 1))) e--;
  const edges = s > 0 || e < text.length;
  if (s === e) return { original: text, fixed: '', edges: true, inner: false, lineBreaks: false, blank: true };

  let fixed = '';
  let inner = false;
  let lineBreaks = false;
  let at = s;
  let i = s;
  while (i < e) {
    if (!isWhite(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const a = i;
    let hasBreak = false;
    let onlyAsciiSpace = true;
    while (i < e && isWhite(text.charCodeAt(i))) {
      const code = text.charCodeAt(i);
      if (isBreak(code)) hasBreak = true;
      if (code !== 0x20) onlyAsciiSpace = false;
      i++;
    }
    const left = text.charCodeAt(a - 1);
    const right = text.charCodeAt(i);
    const cjkL = isCjk(left);
    const cjkR = isCjk(right);
    const len = i - a;
    // What the run becomes; `undefined` keeps it as written (no string is built then).
    let replacement: string | undefined;
    if (hasBreak) {
      // Japanese joins without a space, but a bilingual title keeps its words apart:
      // `人口増減率\n(平成…` → `人口増減率(平成…`, `和暦\nJapanese year` → `和暦 Japanese year`.
      replacement = (cjkL && !isLatinLetter(right)) || (cjkR && !isLatinLetter(left)) ? '' : ' ';
    } else if (cjkL && cjkR) {
      const wide = len >= 2;
      const single = tokenBefore(text, a, s) === 1 || tokenAfter(text, i, e) === 1;
      // Between two longer words one space separates them; a tab or NBSP there becomes one.
      const plainSeparator = text.charCodeAt(a) === 0x20 || text.charCodeAt(a) === 0x3000;
      const bracket = (isOpenBracket(right) && isCjk(nonWhiteAfter(text, i + 1, e))) || (isCloseBracket(left) && isCjk(nonWhiteBefore(text, a - 1, s)));
      replacement = wide || single || bracket ? '' : plainSeparator ? undefined : ' ';
    } else if ((cjkL && isDigit(right) && numberTokenAfter(text, i, e)) || (isDigit(left) && cjkR && numberTokenBefore(text, a, s))) {
      replacement = '';
    } else if ((cjkL && isOpenBracket(right) && isCjk(nonWhiteAfter(text, i + 1, e))) || (isCloseBracket(left) && cjkR && isCjk(nonWhiteBefore(text, a - 1, s)))) {
      // `市　内　総　生　産　(生産側）`: a bracketed Japanese remark sits against its word.
      replacement = '';
    } else if (cjkL || cjkR) {
      replacement = onlyAsciiSpace && len === 1 ? undefined : ' ';
    } else {
      replacement = onlyAsciiSpace ? undefined : ' ';
    }
    if (replacement !== undefined && !(len === 1 && replacement === ' ' && text.charCodeAt(a) === 0x20)) {
      if (hasBreak) lineBreaks = true;
      else inner = true;
      fixed += text.slice(at, a) + replacement;
      at = i;
    }
  }
  if (!edges && !inner && !lineBreaks) return undefined;
  fixed += text.slice(at, e);
  return { original: text, fixed, edges, inner, lineBreaks, blank: false };
}

/** The text without its layout white space (the text itself when it has none). */
export function withoutLayoutSpaces(text: string): string {
  return findLayoutSpaces(text)?.fixed ?? text;
}

/** The text with its white space made visible: `␣` half-width, `□` full-width, `↵` line break, `⇥` tab. */
export function visibleSpaces(text: string, max = 60): string {
  const shown = text.replace(/\r\n?|\n|\u2028|\u2029/g, '↵').replace(/\t/g, '⇥').replace(/\u3000/g, '□').replace(/[ \u00a0]/g, '␣');
  return shown.length > max ? `${shown.slice(0, max)}…` : shown;
}
