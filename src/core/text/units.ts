// Units (単位) and scales (記数単位) as municipal tables write them: `(1,000人)`,
// `（単位：千円）`, `(百万円)`, `人口密度\n(人/km²)　2)`. The guide (手順8-9) wants the unit
// in the Unit row and the scale in the Baseval row; this module only reads the text and
// says exactly what it found and where, so that the `units` rule can report it and a fix
// can move it without guessing again.
//
// The grammar is deliberately closed: an expression is a unit only when every part of it
// is a known scale or a known unit. `(平成12～17年)`, `(H17=100)`, `(女性100に対する男性)`,
// `（各月1日現在）`, `（人口 1,000人につき）` are notes, not units, and stay untouched.

/** One unit with its scale, as found. */
export interface UnitSpec {
  /**
   * The unit for the Unit row, normalised: `人`, `円`, `t` (from `ト`/`トン`), `%`, `‰`,
   * `km2` (from `km²`/`㎢`), `人/km2`. Empty when only a scale was written (`単位：千`).
   */
  unit: string;
  /** The scale for the Baseval row (`千` → 1000, `百万` → 1000000); absent when none. */
  scale?: number;
  /** The item exactly as written (`1,000人`, `千ト`, `人/km²`). */
  written: string;
  /**
   * The unit is a counter word (助数詞: 人, 戸, 件, 台, 世帯…). The guide does not count
   * these as units (「助数詞は含まない」, 手順8 ◆): a fix may leave the Unit row blank and
   * say it in the title instead (`従業者の人数`). The parse still reports them.
   */
  counter: boolean;
}

/** A unit expression found in a text, with its exact place. */
export interface UnitExpression {
  /** The matched text exactly as in the input, brackets included: `(1,000人)`, `（単位：千円）`. */
  text: string;
  /** Span of `text` in the input: `input.slice(start, end) === text`. */
  start: number;
  end: number;
  /** The units, in order (`（単位：人，‰）` gives two). Never empty. */
  units: UnitSpec[];
  /** Written with the 単位 label (`単位：千円`): a table-wide note when in a caption. */
  labelled: boolean;
}

/** A unit found inside a column title. */
export interface TitleUnit extends UnitExpression {
  /**
   * The title without the unit text and the white space that joined it to the title
   * (`現金給与\n総額\n(百万円)` → `現金給与\n総額`); anything after the unit, such as a
   * footnote mark, is kept (`人口密度\n(人/km²)　2)` → `人口密度　2)`). Empty when the
   * cell held only the unit.
   */
  title: string;
  /** A footnote mark written after the unit (`2)`, `※1`, `*`), if any. */
  footnote?: string;
}

const OPEN = '(（[［〔【';
const CLOSE = ')）]］〕】';

/** Kanji scales, longest first so that `百万` wins over `百`. */
const KANJI_SCALES: readonly [string, number][] = [
  ['千億', 1e11],
  ['百億', 1e10],
  ['十億', 1e9],
  ['千万', 1e7],
  ['百万', 1e6],
  ['十万', 1e5],
  ['億', 1e8],
  ['兆', 1e12],
  ['万', 1e4],
  ['千', 1e3],
  ['百', 1e2],
  ['十', 10],
];

interface AtomInfo {
  unit: string;
  counter: boolean;
}

// Counter words (助数詞). Kept short and common: a longer list buys little and every entry
// is one more way for an ordinary word in brackets to pass as a unit.
const COUNTERS = [
  '人', '戸', '件', '台', '世帯', '個', '歳', '所', '箇所', 'か所', 'ヶ所', 'カ所', 'ヵ所', '事業所', '校', '社', '店',
  '頭', '羽', '隻', '本', '枚', '冊', '回', '床', '室', '棟', '組', '団体', '施設', '人日', '人泊', '泊', '学級', '園', '経営体',
];

// Measures, keyed by their NFKC form (so `km²`, `㎢`, `ｋｍ２` all reach `km2`).
const MEASURES: Record<string, string> = {
  円: '円',
  ドル: 'ドル',
  米ドル: '米ドル',
  ユーロ: 'ユーロ',
  t: 't',
  ト: 't', // the statistics abbreviation of トン (`千ト`)
  トン: 't',
  kt: 'kt',
  kg: 'kg',
  g: 'g',
  mg: 'mg',
  ha: 'ha',
  km: 'km',
  m: 'm',
  cm: 'cm',
  mm: 'mm',
  km2: 'km2',
  平方km: 'km2',
  平方キロメートル: 'km2',
  m2: 'm2',
  平方m: 'm2',
  平方メートル: 'm2',
  m3: 'm3',
  L: 'L',
  l: 'L', // NFKC of ℓ
  kl: 'kL',
  kL: 'kL',
  ml: 'mL',
  mL: 'mL',
  リットル: 'L',
  kWh: 'kWh',
  MWh: 'MWh',
  GWh: 'GWh',
  kW: 'kW',
  MW: 'MW',
  '°C': '℃',
  時間: '時間',
  分: '分',
  日: '日',
  '%': '%',
  '‰': '‰',
  ポイント: 'ポイント',
};

const ATOMS = new Map<string, AtomInfo>([
  ...COUNTERS.map((w): [string, AtomInfo] => [w, { unit: w, counter: true }]),
  ...Object.entries(MEASURES).map(([k, v]): [string, AtomInfo] => [k, { unit: v, counter: false }]),
]);

/** Units that never take a scale or a denominator. */
const BARE_ONLY = new Set(['%', '‰', 'ポイント']);

function nfkc(s: string): string {
  // NFKC maps ², ㎢, ％, ｋｇ, ／, ：, full-width digits and the full-width comma; the
  // parser only reads the result, spans always refer to the original text.
  return s.normalize('NFKC');
}

/** A power of ten ≥ 10 written in digits (`1,000`, `1000`, `10`), or undefined. */
function digitScale(s: string): number | undefined {
  if (!/^(?:\d{1,3}(?:,\d{3})+|\d+)$/.test(s)) return undefined;
  const digits = s.replace(/,/g, '');
  if (!/^10+$/.test(digits)) return undefined;
  return Number(digits);
}

function kanjiScale(s: string): { scale: number; rest: string } | undefined {
  for (const [k, v] of KANJI_SCALES) if (s.startsWith(k)) return { scale: v, rest: s.slice(k.length) };
  return undefined;
}

function atom(s: string): AtomInfo | undefined {
  return ATOMS.get(s);
}

/** `人`, `人/km2`, `/km2`, `円/kg` (NFKC text, no scale) → normalised unit. */
function compoundUnit(s: string): AtomInfo | undefined {
  const parts = s.split('/');
  if (parts.length === 1) return atom(s.trim());
  if (parts.length !== 2) return undefined;
  const [num, den] = parts.map((p) => p.trim());
  const d = atom(den);
  if (!d || BARE_ONLY.has(d.unit)) return undefined;
  if (num === '') return { unit: `/${d.unit}`, counter: false };
  const n = atom(num);
  if (!n || BARE_ONLY.has(n.unit)) return undefined;
  return { unit: `${n.unit}/${d.unit}`, counter: false };
}

/**
 * One item: optional scale (digits and/or kanji) then a unit. `allowScaleOnly` admits a
 * bare scale (`千`, `1,000`), which is only trusted after the 単位 label.
 */
function parseItem(written: string, allowScaleOnly: boolean): UnitSpec | undefined {
  const s = nfkc(written).trim();
  if (s === '') return undefined;
  const m = /^(\d{1,3}(?:,\d{3})+|\d+)?\s*(.*)$/s.exec(s)!;
  let scale: number | undefined;
  if (m[1] !== undefined) {
    scale = digitScale(m[1]);
    if (scale === undefined) return undefined;
  }
  let rest = m[2];
  const k = kanjiScale(rest);
  if (k && (k.rest === '' || compoundUnit(k.rest))) {
    scale = (scale ?? 1) * k.scale;
    rest = k.rest;
  }
  rest = rest.trim();
  if (rest === '') {
    if (scale === undefined || !allowScaleOnly) return undefined;
    return { unit: '', scale, written: written.trim(), counter: false };
  }
  const u = compoundUnit(rest);
  if (!u) return undefined;
  if (scale !== undefined && BARE_ONLY.has(u.unit)) return undefined;
  const spec: UnitSpec = { unit: u.unit, written: written.trim(), counter: u.counter };
  if (scale !== undefined) spec.scale = scale;
  return spec;
}

/** Splits a list of units (`人，‰`) but not a thousands separator (`1,000人`). */
function splitList(inner: string): { text: string }[] {
  // Work on the original text so `written` keeps its form; separators: 、 ， , ; ；
  const out: { text: string }[] = [];
  let start = 0;
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i];
    const isComma = ch === ',' || ch === '，';
    if (ch === '、' || ch === ';' || ch === '；' || isComma) {
      if (isComma) {
        const before = nfkc(inner.slice(0, i));
        const after = nfkc(inner.slice(i + 1));
        if (/\d$/.test(before) && /^\d{3}(?!\d)/.test(after)) continue; // 1,000
      }
      out.push({ text: inner.slice(start, i) });
      start = i + 1;
    }
  }
  out.push({ text: inner.slice(start) });
  return out;
}

const LABEL = /^\s*単位\s*[:：]?\s*/;

/**
 * Parses the content of a unit expression without its brackets: `1,000人`, `単位：千円`,
 * `単位：人，‰`, `%`, `人/km²`. Returns undefined unless every part is a scale or a unit.
 */
export function parseUnitContent(content: string): { units: UnitSpec[]; labelled: boolean } | undefined {
  const label = LABEL.exec(content);
  const labelled = label !== null;
  const body = labelled ? content.slice(label[0].length) : content;
  if (body.trim() === '' || /\n/.test(body)) return undefined;
  const units: UnitSpec[] = [];
  for (const part of splitList(body)) {
    const spec = parseItem(part.text, labelled);
    if (!spec) return undefined;
    units.push(spec);
  }
  return { units, labelled };
}

/**
 * The whole text (surrounding white space aside) is a unit expression: `(1,000人)`,
 * `（単位：千円）`, `単位：千円`. With `bare` (cells of a unit row), an unbracketed unit
 * such as `千円` or `%` counts too; elsewhere a bare word (`世帯`) is a title, not a unit.
 */
export function parseUnitExpression(text: string, opts: { bare?: boolean } = {}): UnitExpression | undefined {
  const start = text.length - text.trimStart().length;
  const end = text.trimEnd().length;
  if (end <= start) return undefined;
  const t = text.slice(start, end);
  let content = t;
  const bracketed = OPEN.includes(t[0]) && CLOSE.includes(t[t.length - 1]) && t.length > 2;
  if (bracketed) {
    content = t.slice(1, -1);
    if (/[(（[［〔【)）\]］〕】]/.test(content)) return undefined;
  }
  const parsed = parseUnitContent(content);
  if (!parsed) return undefined;
  if (!bracketed && !parsed.labelled && !opts.bare) return undefined;
  return { text: t, start, end, units: parsed.units, labelled: parsed.labelled };
}

interface Group {
  start: number; // index of the opening bracket
  end: number; // index after the closing bracket
}

/** Innermost bracket groups in reading order (no nesting inside a group). */
function bracketGroups(text: string): Group[] {
  const groups: Group[] = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    if (OPEN.includes(text[i])) open = i;
    else if (CLOSE.includes(text[i]) && open >= 0) {
      groups.push({ start: open, end: i + 1 });
      open = -1;
    }
  }
  return groups;
}

const FOOTNOTE = /^[\s\u3000]*((?:[0-9０-９a-zA-Zａ-ｚＡ-Ｚ]{1,2}[)）])|※[0-9０-９]*|注[0-9０-９]*|\*+|[①-⑳])[\s\u3000]*$/;

function expressionAt(text: string, g: Group): UnitExpression | undefined {
  const parsed = parseUnitContent(text.slice(g.start + 1, g.end - 1));
  if (!parsed) return undefined;
  return { text: text.slice(g.start, g.end), start: g.start, end: g.end, units: parsed.units, labelled: parsed.labelled };
}

/**
 * A unit written in brackets inside a column title (`従業者数\n(人)`,
 * `現金給与\n総額\n(百万円)`, `人口密度\n(人/km²)　2)`), or a cell that is only a unit
 * (`(1,000人)`, then `title` is empty). The last bracket group that parses wins: in
 * `付加価値額\n(従業者29人\n以下は粗付\n加価値額)\n(百万円)` only `(百万円)` is a unit.
 */
export function findUnitInTitle(text: string): TitleUnit | undefined {
  const groups = bracketGroups(text);
  for (let i = groups.length - 1; i >= 0; i--) {
    const e = expressionAt(text, groups[i]);
    if (!e) continue;
    const before = text.slice(0, e.start).replace(/[\s\u3000]+$/, '');
    const after = text.slice(e.end);
    const fm = FOOTNOTE.exec(after);
    const title = before === '' ? after.replace(/^[\s\u3000]+/, '') : before + after.replace(/[\s\u3000]+$/, '');
    const result: TitleUnit = { ...e, title: after.trim() === '' ? before : title };
    if (fm) result.footnote = fm[1];
    return result;
  }
  return perUnitAtEnd(text);
}

/** `人口密度　1k㎡当たり`: a rate per one unit written after the title, without brackets. */
const PER_UNIT = /[\s\u3000]+(?:1|１)?[\s\u3000]*([^\s\u30000-9０-９]{1,6}?)[\s\u3000]*(?:当たり|当り|あたり)[\s\u3000]*$/;

function perUnitAtEnd(text: string): TitleUnit | undefined {
  const m = PER_UNIT.exec(text);
  if (!m) return undefined;
  const parsed = parseUnitContent(m[1]);
  // Only a measure (km², ha): `1人当たり`, `1世帯当たり` name what is counted, not a unit.
  if (!parsed || parsed.units.length !== 1 || parsed.units[0].counter || parsed.units[0].scale !== undefined || !parsed.units[0].unit) return undefined;
  const before = text.slice(0, m.index).replace(/[\s\u3000]+$/, '');
  if (!before) return undefined;
  const start = m.index + m[0].length - m[0].trimStart().length;
  const written = text.slice(start).trimEnd();
  return { text: written, start, end: start + written.length, units: [{ unit: `/${parsed.units[0].unit}`, written, counter: false }], labelled: false, title: before };
}

/**
 * A table-wide unit note in a caption or note cell: `（単位：千円）`, `(単位:千ト)`,
 * `単位：人` anywhere in the text, or a caption cell that is only a unit (`（千円）`), or a
 * caption ending with one (`…人口（人）`). Text such as `基本単位区（…）` or
 * `（各月1日現在）` is not a unit.
 */
export function findTableUnit(text: string): UnitExpression | undefined {
  // 1. The labelled form anywhere, bracketed or not.
  for (let i = text.indexOf('単位'); i >= 0; i = text.indexOf('単位', i + 1)) {
    const open = /[(（[［〔【][\s\u3000]*$/.exec(text.slice(0, i));
    if (open) {
      const closeAt = indexOfAny(text, CLOSE, i);
      if (closeAt < 0) continue;
      const start = i - open[0].length;
      const e = expressionAt(text, { start, end: closeAt + 1 });
      if (e && e.labelled) return e;
    } else {
      const m = /^単位[\s\u3000]*[:：]?[\s\u3000]*[^\s\u3000\n()（）[\]［］〔〕【】]+/.exec(text.slice(i));
      if (!m) continue;
      const parsed = parseUnitContent(m[0]);
      if (parsed && parsed.labelled) return { text: m[0], start: i, end: i + m[0].length, units: parsed.units, labelled: true };
    }
  }
  // 2. A bracketed unit closing the caption (or being all of it).
  const groups = bracketGroups(text);
  const last = groups[groups.length - 1];
  if (last && (text.slice(last.end).trim() === '' || FOOTNOTE.test(text.slice(last.end)))) return expressionAt(text, last);
  return undefined;
}

function indexOfAny(text: string, chars: string, from: number): number {
  for (let i = from; i < text.length; i++) if (chars.includes(text[i])) return i;
  return -1;
}

/**
 * A value with its unit glued on (`850人`, `１，２００人`, `約300人`, `120円`): the number
 * text and the unit. Used to tell that a column states its unit in its values (the
 * `number-as-text` rule moves it).
 */
export function splitValueUnit(text: string): { number: string; unit: UnitSpec } | undefined {
  const m = /^[\s\u3000]*(?:約|およそ|概ね)?[\s\u3000]*([△▲-]?[\d,]+(?:\.\d+)?)[\s\u3000]*(\S+?)[\s\u3000]*$/.exec(nfkc(text));
  if (!m) return undefined;
  const spec = parseItem(m[2], false);
  if (!spec || spec.scale !== undefined) return undefined;
  return { number: m[1], unit: spec };
}

/** Whether a word is a counter (助数詞: 人, 世帯, 件…), which the guide does not count as a unit. */
export function isCounterWord(word: string): boolean {
  return ATOMS.get(nfkc(word).trim())?.counter === true;
}

/**
 * How a counter is written in the Level 2 header:
 * - `blank` (the guide, 手順8 ◆ and its Level 2 example): 助数詞 are not units, so the
 *   Unit stays blank (`(1,000人)` → Baseval 1000, no unit; `人/km²` → `/km2`);
 * - `unit`: the counter goes to the Unit row as written (`人`, `人/km2`).
 */
export type CounterUnits = 'blank' | 'unit';

/** What one unit item puts in a column's Level 2 header: its Unit and its Baseval (scale). */
export interface Level2Unit {
  unit?: string;
  baseval?: number;
}

/**
 * The Unit and Baseval a unit item gives a column (guide 手順8-9: unit and scale in separate
 * rows): `(1,000人)` → Baseval 1000 (a counter: no unit), `(百万円)` → 円 ×1000000,
 * `(単位:千ト)` → t ×1000, `(%)` → %, `(人/km²)` → /km2 (the counter numerator dropped).
 */
export function level2Unit(spec: UnitSpec, counters: CounterUnits = 'blank'): Level2Unit {
  const out: Level2Unit = {};
  if (spec.scale !== undefined) out.baseval = spec.scale;
  let unit = spec.unit;
  if (counters === 'blank') {
    if (spec.counter) unit = '';
    else {
      const slash = unit.indexOf('/');
      if (slash > 0 && isCounterWord(unit.slice(0, slash))) unit = unit.slice(slash);
    }
  }
  if (unit !== '') out.unit = unit;
  return out;
}

/**
 * The text with a unit expression (by its span) taken out, and the white space that joined
 * it: `(1) 砕石の生産 (単位:千ト)` → `(1) 砕石の生産`; `表1　（単位：千円）　各年4月1日` →
 * `表1　各年4月1日`. Empty when nothing else was there.
 */
export function withoutUnit(text: string, e: { start: number; end: number }): string {
  const left = text.slice(0, e.start);
  const right = text.slice(e.end);
  const l = left.replace(/[\s\u3000]+$/, '');
  const r = right.replace(/^[\s\u3000]+/, '');
  if (l === '') return r.replace(/[\s\u3000]+$/, '');
  if (r === '') return l;
  const gap = left.length > l.length ? left[l.length] : right.length > r.length ? right[0] : '';
  return l + gap + r;
}

/** All units of an expression as one string for messages: `人`, `人, ‰`. */
export function unitLabel(units: readonly UnitSpec[]): string {
  return units
    .map((u) => u.unit)
    .filter((u) => u !== '')
    .join(', ');
}

/** The scale of an expression when one is written (the first found), for messages. */
export function scaleOf(units: readonly UnitSpec[]): number | undefined {
  return units.find((u) => u.scale !== undefined)?.scale;
}

/**
 * Whether a column title itself says its values take no unit, following the guide
 * (手順8 ◆: for counter words the title says what is counted — 「〇〇の人数」 — and the Unit
 * row stays blank; the guide's own Level 2 table leaves 人口性比 and its indexes blank):
 * - `count`: the title names a count (`事業所数`, `世帯数`, `Number of …`);
 * - `ratio`: a ratio or an index (`人口性比`, `CI指数 (H17=100)`, `… Index`, `… ratio`).
 * Bracketed notes and footnote marks are ignored (`人口性比\n(女性100に\n対する男性)` → 人口性比).
 * 率 (rates) is not here: a rate needs its unit (`%`, `‰`).
 */
export function unitlessTitle(title: string): 'count' | 'ratio' | undefined {
  if (/[(（][^()（）]*=\s*100[)）]/.test(title)) return 'ratio';
  const plain = title
    .replace(/[(（][^()（）]*[)）]/g, '')
    .replace(/[\s\u3000]*(?:[0-9a-zA-Z]{1,2}[)）]|※\d*|\*+)[\s\u3000]*$/, '')
    .replace(/[\s\u3000]+/g, ' ')
    .trim();
  if (/比|指数|係数|倍率/.test(plain) || /\b(?:index(?:es)?|ratio)\b/i.test(plain)) return 'ratio';
  if (/数$/.test(plain) || /\bnumber of\b|\bcount\b/i.test(plain)) return 'count';
  return undefined;
}

/** An English scale note such as `(In Thousands)`, `(in millions of dollars)` (kept in the title: the guide leaves English headers as they are). */
export function englishScale(title: string): number | undefined {
  const m = /\(\s*in\s+(thousands|millions|billions)\b[^)]*\)/i.exec(title);
  if (!m) return undefined;
  return { thousands: 1e3, millions: 1e6, billions: 1e9 }[m[1].toLowerCase() as 'thousands' | 'millions' | 'billions'];
}

/** A title naming an identifier column (`No.`, `番号`), which has no unit. */
export function identifierTitle(title: string): boolean {
  return /^(?:no\.?|№|番号|連番|id|コード|code)$/i.test(title.trim());
}
