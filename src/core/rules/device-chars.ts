// Rule `device-chars` (総務省 1-10): 機種依存文字 — `①`, `㈱`, `㍻`, `Ⅳ`, `㎞`, `№` — and
// half-width katakana. They are encoded or shown differently across systems (a strict
// Shift_JIS reader rejects them; another platform shows a box), and search does not find
// `①` when asked for `(1)`. The fix replaces each with its plain equivalent from
// `deviceChars.ts` (`(1)`, `(株)`, `平成`, `IV`, `km`, full-width kana); no blanket NFKC.
//
// Which cells: every region, captions and notes included — they travel into the
// metadata and the CSV as text. Sheet names are not cells and are not looked at here.
import type { Change } from '../changes.ts';
import { getCell, getValue } from '../model.ts';
import { type DeviceCharHit, findDeviceChars, replaceDeviceChars } from '../text/deviceChars.ts';
import { halfwidthAlphanumerics } from '../text/fullwidth.ts';
import { forEachText } from './shared/textCells.ts';
import { type Report, type SheetView, cellRule, ruleMeta } from './types.ts';

const meta = ruleMeta({
  id: 'device-chars',
  level: 2,
  severity: 'warning',
  family: 'text',
  guideRef: { soumu: '1-10' },
  fixAll: { phase: 'values', order: 40 },
  title: { ja: '機種依存文字', en: 'Platform-dependent characters' },
  description: {
    ja: '丸数字（①）、ローマ数字（Ⅳ）、㈱・㍻・㎞ などの機種依存文字や半角カタカナは、環境によって文字化けしたり検索できなかったりします。(1)・IV・(株)・平成・km や全角カタカナに置き換えます。',
    en: 'Platform-dependent characters such as circled numbers (①), roman numerals (Ⅳ), ㈱, ㍻ or ㎞, and half-width katakana, may be garbled or unsearchable elsewhere. They are replaced with (1), IV, (株), 平成, km and full-width katakana.',
  },
  messages: {
    device: {
      ja: '「{text}」に機種依存文字があります（{chars}）。「{fixed}」にします。',
      en: '"{text}" contains platform-dependent characters ({chars}). It becomes "{fixed}".',
    },
    kana: {
      ja: '「{text}」に半角カタカナがあります（{chars}）。「{fixed}」にします。',
      en: '"{text}" contains half-width katakana ({chars}). It becomes "{fixed}".',
    },
    both: {
      ja: '「{text}」に機種依存文字と半角カタカナがあります（{chars}）。「{fixed}」にします。',
      en: '"{text}" contains platform-dependent characters and half-width katakana ({chars}). It becomes "{fixed}".',
    },
    fullwidth: {
      ja: '「{text}」に全角の英数字があります。「{fixed}」にします。',
      en: '"{text}" contains full-width letters or digits. It becomes "{fixed}".',
    },
    toHalfwidth: {
      ja: '英数字を半角にします。',
      en: 'Make letters and digits half-width.',
    },
    replace: {
      ja: '機種依存文字と半角カタカナを、標準的な文字に置き換えます。',
      en: 'Replace platform-dependent characters and half-width katakana with standard characters.',
    },
  },
});

/** `①→(1), ㈱→(株)`: each distinct character once, in order of appearance. */
function describe(hits: readonly DeviceCharHit[]): string {
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const h of hits) {
    if (seen.has(h.text)) continue;
    seen.add(h.text);
    parts.push(`${h.text}→${h.replacement}`);
  }
  return parts.join(', ');
}

function shorten(s: string, max = 60): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

/**
 * Full-width letters and digits in text (`中央町１－２－３`): searchable data writes them
 * half-width. Numbers typed as text are number-as-text's, so numeric data columns are left
 * to it; captions and notes become metadata as written.
 */
function reportFullwidth(view: SheetView, r: number, c: number, v: string, report: Report<typeof meta.messages>): void {
  const fixed = halfwidthAlphanumerics(v);
  if (fixed === v || !halfwidthApplies(view, r, c)) return;
  report('fullwidth', { r, c }, { text: shorten(v), fixed: shorten(fixed) }, { fixId: 'toHalfwidth' });
}

/** Where full-width letters and digits are reported and made half-width (see `reportFullwidth`). */
function halfwidthApplies(view: SheetView, r: number, c: number): boolean {
  const region = view.regionOf(r, c);
  if (region === 'caption' || region === 'note' || region === 'outside') return false;
  return !(region === 'data' && view.columnAt(r, c)?.kind === 'number');
}

/**
 * The text of cell (r, c) as the fix writes it, or undefined when the rule finds nothing
 * there: device characters replaced (`①` → `(1)`, `㈱` → `(株)`, `ｶﾞ` → `ガ`), and where
 * the full-width finding applies, full-width letters and digits made half-width
 * (`中央町１－２－３` → `中央町1-2-3`) in the same step, so that nothing is left to report.
 */
export function deviceCharsFixed(view: SheetView, r: number, c: number): string | undefined {
  const v = getValue(view.sheet, r, c);
  if (typeof v !== 'string') return undefined;
  const replaced = replaceDeviceChars(v);
  const fixed = halfwidthApplies(view, r, c) ? halfwidthAlphanumerics(replaced) : replaced;
  return fixed === v ? undefined : fixed;
}

/** Every cell the rule reports gets `deviceCharsFixed`; nothing else on the cell changes. */
export function fixDeviceChars(view: SheetView): Change[] {
  const out: Change[] = [];
  forEachText(view, (r, c) => {
    const fixed = deviceCharsFixed(view, r, c);
    if (fixed === undefined) return;
    const before = getCell(view.sheet, r, c);
    out.push({ kind: 'cell', sheetId: view.sheet.id, r, c, before, after: { ...before, value: fixed }, ruleId: 'device-chars' });
  });
  return out;
}

export const deviceCharsRule = cellRule({
  meta,
  scope: 'cell',
  textOnly: true,
  detectCell(view, r, c, report) {
    const v = getValue(view.sheet, r, c);
    if (typeof v !== 'string') return;
    const hits = findDeviceChars(v);
    if (hits.length === 0) return reportFullwidth(view, r, c, v, report);
    const kana = hits.some((h) => h.kind === 'halfwidthKana');
    const device = hits.some((h) => h.kind !== 'halfwidthKana');
    report(kana && device ? 'both' : kana ? 'kana' : 'device', { r, c }, { text: shorten(v), chars: describe(hits), fixed: shorten(replaceDeviceChars(v)), count: hits.length }, { fixId: 'replace' });
  },
  fix: (view) => fixDeviceChars(view),
  fixCompleteInOnePass: true,
});

export { deviceCharsRule as rule };
