// Sentences the core and the CLI write, in Japanese: the default language and the source of
// the keys. The UI's catalogue (src/ui/messages) includes them, so UI and CLI share one set.
// Read errors and warnings have their own catalogue.
export const ja = {
  'rule.guideStep': 'ガイド {step}',
  'rule.soumuItem': '総務省 {item}',

  'cli.cannotRead': '読めません',
  'cli.checkSummary': 'レベル1 違反 {level1} 件、全体 {total} 件',
  'cli.advisory': '(うち参考 {count})',
  'cli.level1Remain': '(レベル1 違反が {count} 件残っています)',
  'cli.stepNotApplied': '適用しなかった手順',
  'cli.sheetLeftOut': '書き出さなかったシート',
  'cli.noFiles': 'ファイルが見つかりません',

  // The report written beside the tables (「すべての表をダウンロード」, `seiton clean`).
  'report.heading': '整頓(Seiton)による変換の記録',
  'report.source': '元のファイル',
  'report.format': '形式',
  'report.level': 'レベル{level} CSV',
  'report.numbers.shown': '数値は表示どおりの桁',
  'report.numbers.stored': '数値は保存されているすべての桁',
  'report.changed': '■ 修正した内容(ルールごとの変更の数)',
  'report.changedNone': '修正はありません。',
  'report.count': '{count} 件',
  'report.edit': '手入力の編集',
  'report.meta': 'メタデータの編集',
  'report.tables': '■ 表ごとの内容',
  'report.table': '□ {file}(シート「{sheet}」)',
  'report.caption': '表題',
  'report.creator': '作成者',
  'report.date': '日付',
  'report.emptyLines': '値が空の@行',
  'report.emptyNone': 'なし',
  'report.notes': '注記',
  'report.notesNone': '注記はありません。',
  'report.open': '残っている指摘',
  'report.openNone': 'なし',
  'report.left': '■ 含めなかったシート(データの表ではないと判断したもの)',
  'report.kind.contents': '目次',
  'report.kind.notes': '注意書き・凡例',
  'report.kind.stray': '表のない残りのセル',
  'report.kind.empty': '空のシート',
  'report.none': '(なし)',
} as const;

export type CoreMessageKey = keyof typeof ja;
