// ガイド 手順4 / 総務省 1-2: the caption above a table and the notes below it are not
// data. They move into the Level 2 metadata (@Caption, notes, source) and leave the grid.
import { getValue } from '../model.ts';
import type { TableStructure } from '../structure/types.ts';
import type { SheetRule, SheetView, Violation } from './types.ts';

const SOURCE = /^[\s\u3000]*(?:資料|出典|出所)/;

function rowText(view: SheetView, t: TableStructure, r: number): string {
  const parts: string[] = [];
  for (let c = t.range.s.c; c <= t.range.e.c; c++) {
    const v = getValue(view.sheet, r, c);
    if (v !== null && v !== '') parts.push(typeof v === 'object' ? v.error : String(v));
  }
  const text = parts.join(' ').replace(/\s+/g, ' ').trim();
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

export const rule: SheetRule = {
  scope: 'sheet',
  meta: {
    id: 'caption-notes',
    level: 1,
    severity: 'error',
    family: 'structure',
    guideRef: { guide: '手順4 タイトル・脚注除去', soumu: '1-2' },
    title: { ja: '表題・注記は表の外へ', en: 'Caption and notes out of the table' },
    description: {
      ja: '表の上の表題や下の注記・資料は、データではありません。メタデータ(表題・注記・出典)に移します。',
      en: 'A caption above the table and notes or sources below it are not data; they belong in the metadata.',
    },
    messages: {
      caption: { ja: '表の上に表題「{text}」があります。', en: 'Caption "{text}" above the table.' },
      note: { ja: '表の下に注記「{text}」があります。', en: 'Note "{text}" below the table.' },
      source: { ja: '表の下に出典「{text}」があります。', en: 'Source "{text}" below the table.' },
      toCaption: { ja: 'メタデータの表題(Caption)に移す', en: 'Move to the metadata caption' },
      toNotes: { ja: 'メタデータの注記(Notes)に移す', en: 'Move to the metadata notes' },
      toSource: { ja: 'メタデータの出典(Source)に移す', en: 'Move to the metadata source' },
    },
  },
  detect(view) {
    const out: Violation[] = [];
    for (const t of view.structure.tables) {
      const row = (r: number) => ({ s: { r, c: t.range.s.c }, e: { r, c: t.range.e.c } });
      for (const r of t.captionRows) {
        out.push({ ruleId: 'caption-notes', sheetId: view.sheet.id, range: row(r), messageId: 'caption', fixId: 'toCaption', params: { text: rowText(view, t, r) } });
      }
      for (const r of t.noteRows) {
        const text = rowText(view, t, r);
        const source = SOURCE.test(text);
        out.push({
          ruleId: 'caption-notes',
          sheetId: view.sheet.id,
          range: row(r),
          messageId: source ? 'source' : 'note',
          fixId: source ? 'toSource' : 'toNotes',
          params: { text },
        });
      }
    }
    return out;
  },
};
