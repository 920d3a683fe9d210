// Rule `layout-spaces` (guide 手順2 「スペース・改行除去」, 総務省 1-5): spaces and line
// breaks typed to make a printed table look aligned — `全 国`, `岩　手`, `神 奈 川`,
// `平成 22 年`, `12,064 `, `  △46,841`, `人口増減率\n(平成12～17年)` — are not part of
// the value. A machine compares `全 国` with `全国` and finds them different.
//
// What counts as layout (and what the fix does):
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
// - anything else is left alone, except that an ideographic space or a tab between
//   non-CJK characters becomes one ASCII space (`(人/km²)　2)` → `(人/km²) 2)`). In
//   particular spaces between Latin words are never touched (`New York`,
//   `Composite Indexes (2005=100)`), and neither is `2. 推移`'s space after the point.
// Regions: header, unit, key and data cells. Caption and note rows become metadata
// (caption-notes), where the text is kept as written.
import type { Change } from '../changes.ts';
import { getCell, getValue } from '../model.ts';
import { forEachText } from './number-as-text.ts';
import { type LayoutSpaceResult, findLayoutSpaces } from '../text/layoutSpaces.ts';

export { type LayoutSpaceResult, findLayoutSpaces };
import type { CellRule, RuleMeta, SheetView, Violation } from './types.ts';

/** The text with its white space made visible: `␣` half-width, `□` full-width, `↵` line break, `⇥` tab. */
export function visibleSpaces(text: string, max = 60): string {
  const shown = text.replace(/\r\n?|\n|\u2028|\u2029/g, '↵').replace(/\t/g, '⇥').replace(/\u3000/g, '□').replace(/[ \u00a0]/g, '␣');
  return shown.length > max ? `${shown.slice(0, max)}…` : shown;
}

const meta: RuleMeta = {
  id: 'layout-spaces',
  level: 1,
  severity: 'error',
  family: 'text',
  guideRef: { guide: '手順2 スペース・改行除去', soumu: '1-5' },
  title: { ja: '整形のためのスペース・改行', en: 'Spaces and line breaks for layout' },
  description: {
    ja: '見た目をそろえるためのスペースやセル内の改行は、値の一部ではありません。機械は「全 国」と「全国」を別の値として扱うため、取り除きます（␣は半角スペース、□は全角スペース、↵は改行を表します）。英単語の間のスペース（New York など）はそのままにします。',
    en: 'Spaces and line breaks typed to align a printed table are not part of the value: a machine treats "全 国" and "全国" as different values, so they are removed (␣ marks a half-width space, □ a full-width space, ↵ a line break). Spaces between Latin words (New York) stay.',
  },
  messages: {
    edges: {
      ja: '「{text}」の前後に余分なスペースがあります。「{fixed}」にします。',
      en: '"{text}" has white space before or after it. It becomes "{fixed}".',
    },
    inner: {
      ja: '「{text}」に見た目をそろえるためのスペースがあります。「{fixed}」にします。',
      en: '"{text}" has spaces used for alignment. It becomes "{fixed}".',
    },
    lineBreak: {
      ja: '「{text}」にセル内の改行があります。「{fixed}」にします。',
      en: '"{text}" has a line break inside the cell. It becomes "{fixed}".',
    },
    several: {
      ja: '「{text}」に整形のためのスペースや改行があります。「{fixed}」にします。',
      en: '"{text}" has spaces or line breaks used for layout. It becomes "{fixed}".',
    },
    blank: {
      ja: 'セルにスペース「{text}」だけが入っています。空のセルにします。',
      en: 'The cell holds only white space ("{text}"). It becomes empty.',
    },
    remove: {
      ja: '整形のためのスペースと改行を取り除きます。',
      en: 'Remove the spaces and line breaks used for layout.',
    },
  },
};

function messageId(r: LayoutSpaceResult): string {
  if (r.blank) return 'blank';
  const kinds = (r.edges ? 1 : 0) + (r.inner ? 1 : 0) + (r.lineBreaks ? 1 : 0);
  if (kinds > 1) return 'several';
  return r.edges ? 'edges' : r.inner ? 'inner' : 'lineBreak';
}

/** The layout white space of cell (r, c), as this rule (and its fix) reads it. */
export function layoutSpacesAt(view: SheetView, r: number, c: number): LayoutSpaceResult | undefined {
  const v = getValue(view.sheet, r, c);
  if (typeof v !== 'string' || !/\s/.test(v)) return undefined;
  const region = view.regionOf(r, c);
  if (region !== 'header' && region !== 'unit' && region !== 'key' && region !== 'data') return undefined;
  return findLayoutSpaces(v);
}

/**
 * Every cell with layout white space gets `findLayoutSpaces(text).fixed`; a cell of only
 * white space becomes empty. Nothing else on the cell changes. Text such as `12,064 `
 * stays text here (number-as-text types it).
 */
export function fixLayoutSpaces(view: SheetView): Change[] {
  const out: Change[] = [];
  forEachText(view, (r, c) => {
    const found = layoutSpacesAt(view, r, c);
    if (!found) return;
    const before = getCell(view.sheet, r, c);
    out.push({ kind: 'cell', sheetId: view.sheet.id, r, c, before, after: { ...before, value: found.blank ? null : found.fixed }, ruleId: 'layout-spaces' });
  });
  return out;
}

export const layoutSpacesRule: CellRule = {
  meta,
  scope: 'cell',
  textOnly: true,
  detectCell(view: SheetView, r: number, c: number): Violation[] | undefined {
    const found = layoutSpacesAt(view, r, c);
    if (!found) return undefined;
    const v = found.original;
    return [
      {
        ruleId: 'layout-spaces',
        sheetId: view.sheet.id,
        range: { s: { r, c }, e: { r, c } },
        messageId: messageId(found),
        fixId: 'remove',
        params: { text: visibleSpaces(v), fixed: visibleSpaces(found.fixed) },
      },
    ];
  },
  fix: (view) => fixLayoutSpaces(view),
  fixCompleteInOnePass: true,
};

export { layoutSpacesRule as rule };
