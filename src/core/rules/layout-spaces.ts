// Rule `layout-spaces` (guide 手順2 「スペース・改行除去」, 総務省 1-5): spaces and line
// breaks typed to make a printed table look aligned — `全 国`, `岩　手`, `神 奈 川`,
// `平成 22 年`, `12,064 `, `  △46,841`, `人口増減率\n(平成12～17年)` — are not part of
// the value. A machine compares `全 国` with `全国` and finds them different.
//
// What counts as layout is `findLayoutSpaces`' (`text/layoutSpaces.ts`); the fix writes its
// result. Regions: header, unit, key and data cells. Caption and note rows become metadata
// (caption-notes), where the text is kept as written.
import type { Change } from '../changes.ts';
import { getCell, getValue } from '../model.ts';
import { type LayoutSpaceResult, findLayoutSpaces, hasWhiteSpace, visibleSpaces } from '../text/layoutSpaces.ts';
import { numberTextAt } from './shared/numberTextAt.ts';
import { forEachText } from './shared/textCells.ts';
import { type MessageId, type SheetView, cellRule, ruleMeta } from './types.ts';

const meta = ruleMeta({
  id: 'layout-spaces',
  level: 1,
  severity: 'error',
  family: 'text',
  guideRef: { guide: '手順2 スペース・改行除去', soumu: '1-5' },
  fixAll: { phase: 'values', order: 30 },
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
});

function messageId(r: LayoutSpaceResult): MessageId<typeof meta.messages> {
  if (r.blank) return 'blank';
  const kinds = (r.edges ? 1 : 0) + (r.inner ? 1 : 0) + (r.lineBreaks ? 1 : 0);
  if (kinds > 1) return 'several';
  return r.edges ? 'edges' : r.inner ? 'inner' : 'lineBreak';
}

/** The layout white space of cell (r, c), as this rule (and its fix) reads it. */
export function layoutSpacesAt(view: SheetView, r: number, c: number): LayoutSpaceResult | undefined {
  const v = getValue(view.sheet, r, c);
  if (typeof v !== 'string' || !hasWhiteSpace(v)) return undefined;
  const region = view.regionOf(r, c);
  if (region !== 'header' && region !== 'unit' && region !== 'key' && region !== 'data') return undefined;
  // A number typed as text with spaces in or around it (`12,064 `, ` 2`, `16 769`) is one
  // finding, number-as-text's: its fix types the number, and the spaces go with the text.
  if (region === 'data' && numberTextAt(view, r, c)) return undefined;
  return findLayoutSpaces(v);
}

/**
 * Every cell with layout white space gets `findLayoutSpaces(text).fixed`; a cell of only
 * white space becomes empty. Nothing else on the cell changes. Text such as `12,064 `
 * is left to number-as-text, which types it.
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

export const layoutSpacesRule = cellRule({
  meta,
  scope: 'cell',
  textOnly: true,
  detectCell(view, r, c, report) {
    const found = layoutSpacesAt(view, r, c);
    if (!found) return;
    // `text` and `fixed` show the white space (␣ □ ↵) for the message; `value` and `after`
    // are the texts as they are, for whoever reads the report.
    report(messageId(found), { r, c }, { text: visibleSpaces(found.original), fixed: visibleSpaces(found.fixed), value: found.original, after: found.fixed }, { fixId: 'remove' });
  },
  fix: (view) => fixLayoutSpaces(view),
  fixCompleteInOnePass: true,
});

export { layoutSpacesRule as rule };
