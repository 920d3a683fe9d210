// ガイド 手順4 / 総務省 1-2: the caption above a table and the notes below it are not
// data. They move into the Level 2 metadata (@Caption, notes, source) and leave the grid.
import { type Change, deleteRowsChange, metaChange, removeMergeChange } from '../changes.ts';
import { captionNotesMeta } from '../analysis/captionNotesMeta.ts';
import { getCell, getValue } from '../model.ts';
import type { TableStructure } from '../structure/types.ts';
import { type SheetView, sheetRule } from './types.ts';

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

export const rule = sheetRule({
  scope: 'sheet',
  meta: {
    id: 'caption-notes',
    level: 1,
    severity: 'error',
    family: 'structure',
    guideRef: { guide: '手順4 タイトル・脚注除去', soumu: '1-2' },
    // The notes move to the metadata before the labels fix matches footnote marks to them.
    fixAll: { phase: 'structure', order: 70 },
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
  fix: (view) => fixCaptionNotes(view),
  detect(view, report) {
    for (const t of view.structure.tables) {
      const row = (r: number) => ({ s: { r, c: t.range.s.c }, e: { r, c: t.range.e.c } });
      for (const r of t.captionRows) report('caption', row(r), { text: rowText(view, t, r) }, { fixId: 'toCaption' });
      for (const r of t.noteRows) {
        const text = rowText(view, t, r);
        const source = SOURCE.test(text);
        report(source ? 'source' : 'note', row(r), { text }, { fixId: source ? 'toSource' : 'toNotes' });
      }
    }
  },
});

/**
 * Caption rows become the metadata caption, note rows its notes (keyed by their marks),
 * a 資料/出典 row its source (and the organisation its creator, unless one is set); then
 * the rows above the header and below the data leave the grid. When several tables still
 * share the sheet, rows are cleared instead of deleted (deleting would cut the others).
 */
function fixCaptionNotes(view: SheetView): Change[] {
  const { sheet } = view;
  if (view.structure.tables.every((t) => t.captionRows.length === 0 && t.noteRows.length === 0)) return [];
  const out: Change[] = [];
  const meta = captionNotesMeta(view);
  const shared = view.structure.tables.length > 1;
  const removals: [number, number][] = [];
  for (const t of view.structure.tables) {
    if (t.captionRows.length === 0 && t.noteRows.length === 0) continue;
    const top = t.headerRows.end >= t.headerRows.start ? t.headerRows.start : t.dataRows.start;
    if (t.range.s.r < top) removals.push([t.range.s.r, top - 1]);
    if (t.range.e.r > t.dataRows.end) removals.push([t.dataRows.end + 1, t.range.e.r]);
  }
  out.push(metaChange(sheet, meta, 'caption-notes'));

  const inRemoved = (r: number) => removals.some(([a, b]) => r >= a && r <= b);
  if (shared) {
    for (const t of view.structure.tables) {
      for (const r of [...t.captionRows, ...t.noteRows]) {
        for (let c = t.range.s.c; c <= t.range.e.c; c++) {
          const before = getCell(sheet, r, c);
          if (before.value !== null) out.push({ kind: 'cell', sheetId: sheet.id, r, c, before, after: { value: null }, ruleId: 'caption-notes' });
        }
      }
    }
    return out;
  }
  for (const m of sheet.merges) {
    let crosses = false;
    for (let r = m.s.r; r <= m.e.r && !crosses; r++) crosses = inRemoved(r);
    if (crosses) out.push(removeMergeChange(sheet, m, 'caption-notes'));
  }
  for (const [a, b] of removals.sort((x, y) => y[0] - x[0])) out.push(deleteRowsChange(sheet, a, b - a + 1, 'caption-notes'));
  return out;
}
