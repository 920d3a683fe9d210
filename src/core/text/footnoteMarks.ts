// Footnote marks glued to values and titles (guide 手順4 「ラベル除去」「脚注除去」,
// 総務省 1-2): `a)343.4`, `343.4 1)`, `1,234※`, `2階のみ使用可 ※1`, `1,234 r`, and in
// titles `人口集中\n地区　1)`, `人口密度\n(人/km²)　2)`, `a)市内他区\nから転入`,
// `1300東京都①`. The guide's point (4): 「このセルの数値やタイトルを機械が取得するには、
// セル値からラベルを除かなければならない」. This module finds the marks and says exactly
// what remains, so that a fix can move the mark into a note attached to the cell.
//
// Two contexts, because the same characters mean different things:
// - `value` (data cells): the text without its marks must be a value — a number text
//   (`parseNumberText`) or a placeholder symbol (`x`, `…`). A number mark at the end
//   needs white space before it (`343.4 1)`), since `343.41)` cannot be split safely; a
//   trailing `r` (revised, 訂正値) or `p` (preliminary, 速報値) right after a number is a
//   mark, as the 日本統計年鑑 writes them;
// - `title` (header, unit and key cells, and text in data cells): the rest must be
//   non-empty. A `1)` or `a)` at the end is a mark only when its `)` closes no `(`:
//   `(平成12～17年)`, `(In Thousands)` and `(2005=100)` are not marks, `地区　1)` is. A
//   circled number at the end is a mark (`東京都①`); at the start it numbers a list item
//   (`①道 路 用`) and is left to the device-chars rule. A leading `※` starts a note
//   text (`※耐震改修済`), not a mark on something else, so it is not reported.
import { type NumberText, type NumberTextOptions, parseNumberText } from './numberText.ts';
import { type SpecialSymbol, classifySpecialSymbol } from './specialSymbols.ts';

export type MarkKind =
  | 'label' // a) 1) (注) 注1 — a footnote label
  | 'reference' // ※ ※1 * ** † ‡ — a reference mark
  | 'circled' // ① … ⑳ used as a footnote number
  | 'revised' // r: 訂正値
  | 'preliminary'; // p: 速報値

export type MarkContext = 'value' | 'title';

export interface FootnoteMark {
  /** The mark exactly as written: `a)`, `1)`, `１）`, `※1`, `*`, `(注)`, `注1`, `r`, `①`. */
  mark: string;
  /**
   * The label that ties it to its note, half-width and without brackets: `a`, `1`, `※1`,
   * `*`, `注`, `注1`, `r`, `p`, `1` (for `①`). A note row starting `1)` or `a)` has the same id.
   */
  id: string;
  kind: MarkKind;
  position: 'prefix' | 'suffix';
  /** Span of the mark in the original text: `original.slice(start, end) === mark`. */
  start: number;
  end: number;
}

export interface MarkedText {
  original: string;
  /**
   * The text without its marks and the white space that joined them to it
   * (`人口集中\n地区　1)` → `人口集中\n地区`, `a)343.4` → `343.4`). Other white space,
   * inside the text or padding the whole cell, is kept as written: removing it is the
   * layout-spaces rule's job.
   */
  rest: string;
  /** The marks in reading order (at least one). */
  marks: FootnoteMark[];
  /** All marks as written, joined by a space: for messages. */
  mark: string;
  position: 'prefix' | 'suffix' | 'both';
  /** Value context: the rest as a number. */
  number?: NumberText;
  /** Value context: the rest as a placeholder symbol. */
  symbol?: SpecialSymbol;
}

// A cheap test that rejects nearly all texts before any real work.
const CANDIDATE = /[)）※*＊†‡注\u2460-\u2473]|[0-9０-９][\s\u3000]*[rpｒｐ][\s\u3000]*$/;

const SP = '[\\s\\u3000]';
const DIGIT = '[0-9０-９]';

interface Pattern {
  re: RegExp;
  kind: MarkKind;
  /** Contexts it applies in. */
  value: boolean;
  title: boolean;
  /** Suffix only: the `)` must close no `(` before it (title context). */
  unmatchedParen?: boolean;
  /** Suffix, value context: white space must separate the mark from the value. */
  spacedInValue?: boolean;
}

// Prefixes: matched at the first non-space character; group 1 is the mark, the rest of
// the match is the white space joining it to the text.
const PREFIXES: readonly Pattern[] = [
  { re: new RegExp(`^([a-zａ-ｚ][)）])${SP}*`), kind: 'label', value: true, title: true },
  { re: new RegExp(`^(${DIGIT}{1,2}[)）])${SP}*`), kind: 'label', value: true, title: true },
  { re: new RegExp(`^([(（]注${DIGIT}*[)）]|注${DIGIT}*[)）])${SP}*`), kind: 'label', value: true, title: true },
  { re: new RegExp(`^([*＊]+|[†‡]+)${SP}*`), kind: 'reference', value: true, title: true },
  // `※1 1,234`: the digits belong to the mark only when white space follows them.
  { re: new RegExp(`^(※${DIGIT}*(?=${SP})|※)${SP}*`), kind: 'reference', value: true, title: false },
];

// Suffixes: matched at the end (trailing white space already cut); group 1 is the white
// space joining the mark, group 2 the mark.
const SUFFIXES: readonly Pattern[] = [
  { re: new RegExp(`(${SP}*)([(（]注${DIGIT}*[)）])$`), kind: 'label', value: true, title: true },
  {
    re: new RegExp(`(${SP}*)((?<![0-9０-９])${DIGIT}{1,2}[)）])$`),
    kind: 'label',
    value: true,
    title: true,
    unmatchedParen: true,
    spacedInValue: true,
  },
  { re: new RegExp(`(${SP}*)((?<![A-Za-zＡ-Ｚａ-ｚ])[a-zａ-ｚ][)）])$`), kind: 'label', value: true, title: true, unmatchedParen: true },
  { re: new RegExp(`(${SP}+)(注${DIGIT}+)$`), kind: 'label', value: true, title: true },
  { re: new RegExp(`(${SP}*)(※${DIGIT}*)$`), kind: 'reference', value: true, title: true },
  { re: new RegExp(`(${SP}*)([*＊]+|[†‡]+)$`), kind: 'reference', value: true, title: true },
  { re: new RegExp(`(${SP}*)([\\u2460-\\u2473])$`), kind: 'circled', value: true, title: true },
  { re: new RegExp(`(?<=[0-9０-９])(${SP}*)([rｒ])$`), kind: 'revised', value: true, title: false },
  { re: new RegExp(`(?<=[0-9０-９])(${SP}*)([pｐ])$`), kind: 'preliminary', value: true, title: false },
];

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x3000 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0xa0;
}

function halfwidth(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    out += code >= 0xff01 && code <= 0xff5e ? String.fromCharCode(code - 0xfee0) : s[i];
  }
  return out;
}

/** The note label a mark refers to. */
function markId(mark: string, kind: MarkKind): string {
  if (kind === 'circled') return String(mark.charCodeAt(0) - 0x2460 + 1);
  return halfwidth(mark).replace(/[()]/g, '');
}

/** Opening brackets not closed before `end`. */
function openBrackets(text: string, from: number, end: number): number {
  let depth = 0;
  for (let i = from; i < end; i++) {
    const ch = text[i];
    if (ch === '(' || ch === '（') depth++;
    else if ((ch === ')' || ch === '）') && depth > 0) depth--;
  }
  return depth;
}

/**
 * The footnote marks at the start and end of `text`, or undefined when there are none
 * (or, in the `value` context, when what remains is not a value).
 */
export function findFootnoteMarks(text: string, context: MarkContext, opts: NumberTextOptions = {}): MarkedText | undefined {
  if (!CANDIDATE.test(text)) return undefined;
  let s = 0;
  let e = text.length;
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  if (s === e) return undefined;

  const marks: FootnoteMark[] = [];
  const inContext = (p: Pattern) => (context === 'value' ? p.value : p.title);

  // One prefix mark.
  let restStart = s;
  const head = text.slice(s, e);
  for (const p of PREFIXES) {
    if (!inContext(p)) continue;
    const m = p.re.exec(head);
    if (!m || m[0].length === head.length) continue;
    marks.push({ mark: m[1], id: markId(m[1], p.kind), kind: p.kind, position: 'prefix', start: s, end: s + m[1].length });
    restStart = s + m[0].length;
    break;
  }

  // Up to two suffix marks (`343.4 1) r`), peeled from the end.
  let restEnd = e;
  const suffixes: FootnoteMark[] = [];
  for (let round = 0; round < 2; round++) {
    const body = text.slice(restStart, restEnd);
    let found = false;
    for (const p of SUFFIXES) {
      if (!inContext(p)) continue;
      const m = p.re.exec(body);
      if (!m) continue;
      const joinLen = m[1].length;
      const markStart = restStart + m.index + joinLen;
      if (markStart - joinLen <= restStart) continue; // nothing left before the mark
      if (context === 'value' && p.spacedInValue && joinLen === 0) continue;
      if (context === 'title' && p.unmatchedParen && openBrackets(text, restStart, markStart) > 0) continue;
      suffixes.unshift({ mark: m[2], id: markId(m[2], p.kind), kind: p.kind, position: 'suffix', start: markStart, end: markStart + m[2].length });
      restEnd = markStart - joinLen;
      found = true;
      break;
    }
    if (!found) break;
  }
  marks.push(...suffixes);
  if (marks.length === 0) return undefined;

  const rest = text.slice(0, s) + text.slice(restStart, restEnd) + text.slice(e);
  const core = text.slice(restStart, restEnd);
  if (core.trim() === '') return undefined;
  const hasPrefix = marks[0].position === 'prefix';
  const hasSuffix = marks[marks.length - 1].position === 'suffix';
  const result: MarkedText = {
    original: text,
    rest,
    marks,
    mark: marks.map((m) => m.mark).join(' '),
    position: hasPrefix && hasSuffix ? 'both' : hasPrefix ? 'prefix' : 'suffix',
  };
  if (context === 'value') {
    const number = parseNumberText(core, opts);
    if (number) {
      result.number = number;
      return result;
    }
    const symbol = classifySpecialSymbol(core);
    // r / p mark revised or preliminary numbers, not symbols.
    if (symbol && !marks.some((m) => m.kind === 'revised' || m.kind === 'preliminary')) {
      result.symbol = symbol;
      return result;
    }
    return undefined;
  }
  return result;
}

/**
 * The label a mark refers to, as `FootnoteMark.id` gives it: `a)` and `ａ）` → `a`,
 * `1)` → `1`, `(注)` → `注`, `※1` → `※1`, `①` → `1`. Used to match a mark on a cell with
 * the note that defines it.
 */
export function footnoteId(mark: string): string {
  const t = mark.trim();
  if (t.length === 1 && t.charCodeAt(0) >= 0x2460 && t.charCodeAt(0) <= 0x2473) return markId(t, 'circled');
  return markId(t, 'label').replace(/[:：]$/, '');
}

/** One footnote defined in a note text: `a) 歯舞群島…を除き算出。` → mark `a)`, text `歯舞群島…`. */
export interface NoteDefinition {
  /** The mark exactly as written in the note (`a)`, `1)`, `※1`, `(注)`), absent for text before any mark. */
  mark?: string;
  /** `footnoteId(mark)`. */
  id?: string;
  /** The text the mark introduces, without the mark and surrounding white space. */
  text: string;
}

// A mark that starts a definition: at the start of the note, or after white space or 。
// (`10月1日現在。　1) 人口密度の…`). Bare `注` only at the very start (`注 数値は…`).
const DEFINITION_MARK =
  /(?<=^|[\s\u3000。])(?:[(（]注[0-9０-９]*[)）]|注[0-9０-９]*[)）]|注[0-9０-９]+(?=[\s\u3000:：])|[0-9０-９]{1,2}[)）]|[a-zａ-ｚ][)）]|※[0-9０-９]*|[*＊]+|[†‡]+|[①-⑳])|^[\s\u3000]*注(?=[\s\u3000:：])/g;

/**
 * The footnotes a note text defines, in order: `a) 歯舞群島…` gives one;
 * `10月1日現在。　1) 人口密度の高い…` gives the unmarked `10月1日現在。` and `1)` with its text.
 * A mark with no text after it defines nothing.
 */
export function noteDefinitions(text: string): NoteDefinition[] {
  const found: { mark: string; at: number; end: number }[] = [];
  for (const m of text.matchAll(DEFINITION_MARK)) {
    const mark = m[0].trim();
    const at = m.index + m[0].length - mark.length;
    found.push({ mark, at, end: m.index + m[0].length });
  }
  const out: NoteDefinition[] = [];
  const lead = (found.length ? text.slice(0, found[0].at) : text).trim();
  if (lead !== '') out.push({ text: lead });
  found.forEach((f, i) => {
    const body = text
      .slice(f.end, i + 1 < found.length ? found[i + 1].at : text.length)
      .replace(/^[\s\u3000]*[:：]?/, '')
      .trim();
    if (body === '') return;
    out.push({ mark: f.mark, id: footnoteId(f.mark), text: body });
  });
  return out;
}
