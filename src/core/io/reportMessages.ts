// The sentences of the report that 「すべての表をダウンロード」 and `seiton clean` write next
// to the tables (core, so that the browser and the CLI write the same report).
import type { SheetKind } from '../structure/sheetKind.ts';

export type ReportLang = 'ja' | 'en';

interface ReportMessages {
  heading: string;
  source: string;
  format: string;
  level: (level: 1 | 2) => string;
  numbers: (numbers: 'shown' | 'stored') => string;
  changed: string;
  changedNone: string;
  changes: (count: number) => string;
  edit: string;
  meta: string;
  tables: string;
  table: (file: string, sheet: string) => string;
  caption: string;
  creator: string;
  date: string;
  emptyLines: string;
  emptyNone: string;
  notes: string;
  notesNone: string;
  open: string;
  openNone: string;
  findings: (count: number) => string;
  left: string;
  kind: Record<Exclude<SheetKind, 'data'>, string>;
  none: string;
}

export const REPORT_MESSAGES: Record<ReportLang, ReportMessages> = {
  ja: {
    heading: '整頓(Seiton)による変換の記録',
    source: '元のファイル',
    format: '形式',
    level: (level) => (level === 2 ? 'レベル2 CSV' : 'レベル1 CSV'),
    numbers: (n) => (n === 'shown' ? '数値は表示どおりの桁' : '数値は保存されているすべての桁'),
    changed: '■ 修正した内容(ルールごとの変更の数)',
    changedNone: '修正はありません。',
    changes: (n) => `${n} 件`,
    edit: '手入力の編集',
    meta: 'メタデータの編集',
    tables: '■ 表ごとの内容',
    table: (file, sheet) => `□ ${file}(シート「${sheet}」)`,
    caption: '表題',
    creator: '作成者',
    date: '日付',
    emptyLines: '値が空の@行',
    emptyNone: 'なし',
    notes: '注記',
    notesNone: '注記はありません。',
    open: '残っている指摘',
    openNone: 'なし',
    findings: (n) => `${n} 件`,
    left: '■ 含めなかったシート(データの表ではないと判断したもの)',
    kind: { contents: '目次', notes: '注意書き・凡例', stray: '表のない残りのセル', empty: '空のシート' },
    none: '(なし)',
  },
  en: {
    heading: 'What Seiton did',
    source: 'Source file',
    format: 'Format',
    level: (level) => `Level ${level} CSV`,
    numbers: (n) => (n === 'shown' ? 'numbers as the sheet shows them' : 'numbers with every stored digit'),
    changed: '■ Changes made (per rule)',
    changedNone: 'Nothing was changed.',
    changes: (n) => `${n}`,
    edit: 'Edits by hand',
    meta: 'Metadata edits',
    tables: '■ Tables',
    table: (file, sheet) => `□ ${file} (sheet "${sheet}")`,
    caption: 'Caption',
    creator: 'Creator',
    date: 'Date',
    emptyLines: '@ lines with no value',
    emptyNone: 'none',
    notes: 'Notes',
    notesNone: 'No notes.',
    open: 'Findings still open',
    openNone: 'none',
    findings: (n) => `${n}`,
    left: '■ Sheets left out (judged not to be data tables)',
    kind: { contents: 'contents', notes: 'notes or legend', stray: 'stray cells, no table', empty: 'empty sheet' },
    none: '(none)',
  },
};
