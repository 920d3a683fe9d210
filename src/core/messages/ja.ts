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
} as const;

export type CoreMessageKey = keyof typeof ja;
