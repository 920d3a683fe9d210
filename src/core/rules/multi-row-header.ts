// ガイド 手順7: the titles of a table fit on one row. A header of several rows (parent
// titles merged over child titles, `17年` over `総数`) is flattened by joining each
// column's path (`2005年 総数`); a unit row is not a title row (the units rule takes it).
import type { SheetRule, Violation } from './types.ts';

export const rule: SheetRule = {
  scope: 'sheet',
  meta: {
    id: 'multi-row-header',
    level: 1,
    severity: 'error',
    family: 'structure',
    guideRef: { guide: '手順7 タイトルを1行に' },
    title: { ja: '見出しは1行に', en: 'One header row' },
    description: {
      ja: 'データの内容を示すタイトル(見出し)は1行で書きます。階層のある見出しは、言葉を補って1行にまとめます。',
      en: 'Column titles take one row; a hierarchy of titles is spelled out on that row.',
    },
    messages: {
      rows: {
        ja: '見出しが{count}行({first}〜{last}行目)にわたっています。例:「{example}」',
        en: 'The header spans {count} rows ({first}–{last}). Example: "{example}"',
      },
      none: { ja: '見出し行が見つかりません。', en: 'No header row was found.' },
      flatten: { ja: '見出しを1行にまとめる(親と子を結合)', en: 'Flatten to one title row (parent + child)' },
      addHeader: { ja: '見出し行を指定する', en: 'Mark the header row' },
    },
  },
  detect(view) {
    const out: Violation[] = [];
    for (const t of view.structure.tables) {
      const titleRows: number[] = [];
      for (let r = t.headerRows.start; r <= t.headerRows.end; r++) if (!t.unitRows.includes(r)) titleRows.push(r);
      const range = { s: { r: t.headerRows.start, c: t.columns.start }, e: { r: t.headerRows.end, c: t.columns.end } };
      if (titleRows.length === 0) {
        if (t.dataRows.end >= t.dataRows.start) {
          const r = t.dataRows.start;
          out.push({ ruleId: 'multi-row-header', sheetId: view.sheet.id, range: { s: { r, c: t.columns.start }, e: { r, c: t.columns.end } }, messageId: 'none', fixId: 'addHeader' });
        }
        continue;
      }
      if (titleRows.length < 2) continue;
      const deepest = t.columnInfo.reduce((best, ci) => (ci.headerPath.length > best.headerPath.length ? ci : best), t.columnInfo[0]);
      const example = (deepest?.headerPath ?? []).map((p) => p.replace(/\s+/g, '')).join(' ');
      out.push({
        ruleId: 'multi-row-header',
        sheetId: view.sheet.id,
        range,
        messageId: 'rows',
        fixId: 'flatten',
        params: { count: titleRows.length, first: titleRows[0] + 1, last: titleRows[titleRows.length - 1] + 1, example },
      } satisfies Violation);
    }
    return out;
  },
};
