// Rule `dates` (デジタル庁 データ標準): a 西暦 date is written `YYYY-MM-DD`. `1955/1/1`,
// `2019.4.1` and `2019年4月1日` name the same kind of day, but a machine reading the
// column as dates (CSVW xsd:date) needs the one form; mixed forms sort and compare wrong.
// The fix writes each date `YYYY-MM-DD`; a day that does not exist (`2019/2/30`) is
// reported and left as it is, never guessed.
//
// Which cells: key and data cells that hold one date and nothing else (`text/isoDate.ts`).
// Titles and captions keep their dates as written (a `…現在` line becomes @Date on its
// own); 和暦 dates are the wareki rule's, which writes them `YYYY-MM-DD` too.
import type { Change } from '../changes.ts';
import { getCell, getValue } from '../model.ts';
import { type DateText, nonIsoDate } from '../text/isoDate.ts';
import { forEachText } from './shared/textCells.ts';
import { type SheetView, cellRule, ruleMeta } from './types.ts';

const meta = ruleMeta({
  id: 'dates',
  level: 2,
  severity: 'warning',
  family: 'date',
  guideRef: { other: 'デジタル庁 データ標準（日付は YYYY-MM-DD）' },
  fixAll: { phase: 'values', order: 35 },
  title: { ja: '日付の書き方', en: 'Date format' },
  description: {
    ja: '日付は「2019-04-01」のように YYYY-MM-DD で書きます。「2019/4/1」「2019年4月1日」などが混ざると、機械は日付として並べたり比べたりできません。',
    en: 'Dates are written YYYY-MM-DD (2019-04-01). Mixed forms such as 2019/4/1 or 2019年4月1日 cannot be sorted or compared as dates by a machine.',
  },
  messages: {
    nonIso: {
      ja: '「{text}」は日付ですが、YYYY-MM-DD の形ではありません。「{iso}」にします。',
      en: '"{text}" is a date not written YYYY-MM-DD. It becomes "{iso}".',
    },
    noSuchDay: {
      ja: '「{text}」は存在しない日付です（{year}年{month}月に{day}日はありません）。元の資料を確認してください。',
      en: '"{text}" names a day that does not exist ({year}-{month} has no day {day}); check the source.',
    },
    toIso: {
      ja: '「{iso}」に書き換え',
      en: 'Rewrite as "{iso}"',
    },
  },
});

/** The date in key or data cell (r, c) that is not written YYYY-MM-DD, as this rule (and its fix) reads it. */
export function nonIsoDateAt(view: SheetView, r: number, c: number): DateText | undefined {
  const v = getValue(view.sheet, r, c);
  if (typeof v !== 'string') return undefined;
  const found = nonIsoDate(v);
  if (!found) return undefined;
  const region = view.regionOf(r, c);
  return region === 'key' || region === 'data' ? found : undefined;
}

export function fixDates(view: SheetView): Change[] {
  const out: Change[] = [];
  forEachText(view, (r, c) => {
    const iso = nonIsoDateAt(view, r, c)?.iso;
    if (!iso) return;
    const before = getCell(view.sheet, r, c);
    out.push({ kind: 'cell', sheetId: view.sheet.id, r, c, before, after: { ...before, value: iso }, ruleId: 'dates' });
  });
  return out;
}

export const rule = cellRule({
  meta,
  scope: 'cell',
  textOnly: true,
  detectCell(view, r, c, report) {
    const found = nonIsoDateAt(view, r, c);
    if (!found) return;
    const text = String(getValue(view.sheet, r, c)).trim();
    if (found.iso) report('nonIso', { r, c }, { text, iso: found.iso }, { fixId: 'toIso' });
    else report('noSuchDay', { r, c }, { text, year: found.year, month: found.month, day: found.day });
  },
  fix: (view) => fixDates(view),
  fixCompleteInOnePass: true,
});
