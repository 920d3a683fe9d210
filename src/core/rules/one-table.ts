// ガイド 手順1 / 総務省 2-2: one table per sheet. Several blocks separated by blank rows
// or columns, each with its own header, are separate tables; a key column repeated at
// the right edge of a wide table (for reading on paper) is a copy, not data.
import { columnLetter, rangeAddress } from '../model.ts';
import type { SheetRule, Violation } from './types.ts';

export const rule: SheetRule = {
  scope: 'sheet',
  meta: {
    id: 'one-table',
    level: 1,
    severity: 'error',
    family: 'structure',
    guideRef: { guide: '手順1 データセットの分割', soumu: '2-2' },
    title: { ja: '1シートに1つの表', en: 'One table per sheet' },
    description: {
      ja: '1つのシートには1種類の表だけを入れます。複数の表は別々のシート(ファイル)に分けます。',
      en: 'A sheet holds a single table; several tables go to separate sheets (files).',
    },
    messages: {
      several: {
        ja: 'このシートには表が{count}つあります。表{index}({range})を別の表に分けます。',
        en: 'This sheet holds {count} tables. Table {index} ({range}) becomes a table of its own.',
      },
      duplicateColumn: {
        ja: '{column}列は{twin}列(「{title}」)の繰り返しです。',
        en: 'Column {column} repeats column {twin} ("{title}").',
      },
      split: { ja: '表ごとに別のシートに分割', en: 'Split into one sheet per table' },
      dropDuplicate: { ja: '重複した列を削除', en: 'Remove the repeated column' },
    },
  },
  detect(view) {
    const out: Violation[] = [];
    const { tables } = view.structure;
    if (tables.length > 1) {
      tables.forEach((t, i) =>
        out.push({
          ruleId: 'one-table',
          sheetId: view.sheet.id,
          range: t.range,
          messageId: 'several',
          fixId: 'split',
          params: { count: tables.length, index: i + 1, range: rangeAddress(t.range) },
        }),
      );
    }
    for (const t of tables) {
      const hasHeader = t.headerRows.end >= t.headerRows.start;
      for (const ci of t.columnInfo) {
        if (ci.duplicateOf === undefined) continue;
        out.push({
          ruleId: 'one-table',
          sheetId: view.sheet.id,
          range: { s: { r: hasHeader ? t.headerRows.start : t.dataRows.start, c: ci.c }, e: { r: t.dataRows.end, c: ci.c } },
          messageId: 'duplicateColumn',
          fixId: 'dropDuplicate',
          params: { column: columnLetter(ci.c), twin: columnLetter(ci.duplicateOf), title: ci.headerPath.join(' ').replace(/\s+/g, ' ') },
        });
      }
    }
    return out;
  },
};
