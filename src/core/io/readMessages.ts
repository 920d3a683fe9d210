// The catalogue of read errors and read warnings (frictionless' error catalogue is the
// model): every code has a title and a message template in Japanese and English, and the
// app and the CLI both say what reading a file found with these sentences. A hint tells
// the user what to do where the two differ (a button in the app, a recipe field in the CLI).
import type { ReadErrorCode, ReadErrorInfo } from './errors.ts';
import { fillTemplate } from '../messages/template.ts';
import type { ReadWarning } from './read.ts';

export type ReadLang = 'ja' | 'en';
/** Who shows the sentence: the app (buttons, menus) or the CLI (options, recipe fields). */
export type ReadSurface = 'app' | 'cli';

export interface LocalizedText {
  ja: string;
  en: string;
}

export interface CatalogueEntry {
  title: LocalizedText;
  /** Template: `{name}` is replaced by the parameter of that name. */
  message: LocalizedText;
  /** What the user can do about it, per surface (appended to the message). */
  hint?: Partial<Record<ReadSurface, LocalizedText>>;
}

/** A load failure that is not the file's fault (a crashed worker, a lost original). */
export type LoadErrorCode = ReadErrorCode | 'internal';

export const READ_ERRORS: Readonly<Record<LoadErrorCode | 'not-spreadsheet.unknown', CatalogueEntry>> = {
  empty: {
    title: { ja: '空のファイル', en: 'Empty file' },
    message: { ja: 'ファイルが空です(0 バイト、または空白だけです)。', en: 'The file is empty (0 bytes, or only blanks).' },
  },
  'no-data': {
    title: { ja: 'データなし', en: 'No data' },
    message: { ja: 'どのシートにもデータがありません。', en: 'No sheet contains any data.' },
  },
  'not-spreadsheet': {
    title: { ja: '表計算ファイルではない', en: 'Not a spreadsheet' },
    message: {
      ja: '表計算ファイルではありません(中身は {detected} ファイルです)。Excel(.xlsx / .xls)、ODS、CSV のファイルを選んでください。',
      en: 'This is not a spreadsheet (it is a {detected} file). Choose an Excel (.xlsx / .xls), ODS or CSV file.',
    },
  },
  'not-spreadsheet.unknown': {
    title: { ja: '表計算ファイルではない', en: 'Not a spreadsheet' },
    message: {
      ja: '表計算ファイルとして認識できません。Excel(.xlsx / .xls)、ODS、CSV のファイルを選んでください。',
      en: 'This file is not recognised as a spreadsheet. Choose an Excel (.xlsx / .xls), ODS or CSV file.',
    },
  },
  truncated: {
    title: { ja: '壊れたファイル', en: 'Damaged file' },
    message: {
      ja: 'ファイルが壊れているか、途中までしかありません。もう一度ダウンロードするか、Excel で開いて保存し直してください。',
      en: 'The file is damaged or incomplete. Download it again, or open it in Excel and save it again.',
    },
  },
  encrypted: {
    title: { ja: 'パスワード保護', en: 'Password-protected' },
    message: {
      ja: 'パスワードで保護されています。Excel でパスワードを解除して保存してから開いてください。',
      en: 'The file is password-protected. Remove the password in Excel, save, and open it again.',
    },
  },
  unsupported: {
    title: { ja: '未対応の形式', en: 'Unsupported kind' },
    message: {
      ja: 'この種類の表計算ファイルには対応していません。Excel で .xlsx 形式で保存し直してください。',
      en: 'This kind of spreadsheet is not supported. Save it as .xlsx in Excel.',
    },
  },
  'too-large': {
    title: { ja: '展開すると大きすぎる', en: 'Expands too much' },
    message: {
      ja: 'ファイルを展開すると大きくなりすぎるため(上限 1 GB)、メモリ不足になる前に読み込みを中止しました。展開すると巨大になるよう細工されたファイル(zip bomb)の可能性があります。',
      en: 'The file expands to too much data (limit 1 GB), so reading stopped before memory ran out. It may be a file crafted to expand enormously (a zip bomb).',
    },
  },
  'too-many-cells': {
    title: { ja: 'セルが多すぎる', en: 'Too many cells' },
    message: {
      ja: 'シートが大きすぎます(1 シートあたり 3,000 万セル・16,384 列まで)。メモリ不足になる前に読み込みを中止しました。不要な行や列を削除するか、ファイルを分けてから開いてください。',
      en: 'A sheet is too large (at most 30 million cells and 16,384 columns per sheet), so reading stopped before memory ran out. Delete unneeded rows or columns, or split the file.',
    },
  },
  'text-too-large': {
    title: { ja: 'テキストが大きすぎる', en: 'Text too large' },
    message: { ja: 'テキストファイルが大きすぎます(上限 512 MB)。ファイルを分けてから開いてください。', en: 'The text file is too large (limit 512 MB). Split it and open the parts.' },
  },
  internal: {
    title: { ja: '内部エラー', en: 'Internal error' },
    message: { ja: '読み込み中に予期しないエラーが発生しました。', en: 'An unexpected error occurred while reading.' },
  },
};

/** The sentences around a read error's reason. */
export const READ_ERROR_FRAME = {
  title: { ja: '{file} を開けませんでした。', en: 'Could not open {file}.' },
  keep: { ja: '前に開いていたデータはそのまま使えます。', en: 'The data you had open is still available.' },
} as const satisfies Record<string, LocalizedText>;

export const READ_WARNINGS: Readonly<Record<ReadWarning['code'], CatalogueEntry>> = {
  'invalid-characters': {
    title: { ja: '読めない文字', en: 'Undecodable characters' },
    message: {
      ja: '{encoding} として読めない文字が {count} 個あり、「�」に置き換わっています。文字コードが違う可能性があります。',
      en: '{count} characters could not be decoded as {encoding} and became "�"; the file may use another encoding.',
    },
    hint: {
      app: { ja: '「文字コード」で切り替えてみてください。', en: 'Try another one under “Encoding”.' },
      cli: { ja: '(レシピの source.encoding で指定できます)', en: "(Set it in the recipe's source.encoding.)" },
    },
  },
  'unclosed-quote': {
    title: { ja: '閉じていない引用符', en: 'Unclosed quote' },
    message: {
      ja: '引用符(")が閉じていない箇所が {count} か所あります({rows})。その引用符は文字として読み、後ろの行はそのまま分けました。',
      en: 'A quote (") is never closed in {count} places ({rows}). It was read as a character, and the rows after it were split as usual.',
    },
  },
  'text-after-quote': {
    title: { ja: '引用符の後ろの文字', en: 'Text after a closing quote' },
    message: {
      ja: '引用符で囲んだ値の後ろに文字が続く箇所が {count} か所あります({rows})。後ろの文字も値の一部として読みました(例: "1367墨田区"　　 → 1367墨田区　　)。',
      en: 'Text follows a closing quote in {count} places ({rows}). It was kept as part of the value (e.g. "Sumida"   → Sumida   ).',
    },
  },
  level2: {
    title: { ja: 'Level 2 CSV', en: 'Level 2 CSV' },
    message: {
      ja: 'Level 2 形式の CSV です。@ 行とその値の行(計 {count} 行)は表のメタデータ(表題・作成者・単位・データ型など)として読みました。',
      en: 'This is a Level 2 CSV. Its @ lines and their rows ({count} lines) were read as the table’s metadata (caption, creator, units, datatypes…).',
    },
    hint: {
      app: { ja: '「メタデータ」欄に表示しています。表には見出し行とデータだけが入っています。', en: 'They are shown under “Metadata”; the grid holds the title row and the data.' },
    },
  },
  'thousands-separators': {
    title: { ja: '引用符のない桁区切り', en: 'Unquoted thousands separators' },
    message: {
      ja: '見出しより列の多い行が {count} 行あります({rows})。引用符で囲まれていない桁区切りのコンマ(「1,234」の「,」)で数値が分かれたようです。',
      en: 'Rows with more fields than the header: {count} ({rows}). Thousands separators without quotes (the “,” of “1,234”) seem to have split their numbers.',
    },
    hint: {
      app: {
        ja: '「修復する」を押すと、{repairable} 行で 3 桁ずつの数字をつなぎ直して見出しの列数に合わせます(元に戻せます)。',
        en: 'Press “Repair” to join the groups of three digits again in {repairable} rows so that they fit the header (undoable).',
      },
      cli: {
        ja: '(CLI は修復しません。アプリの「修復する」を使うか、元のファイルで数値を引用符で囲んでください)',
        en: '(The CLI does not repair them: use “Repair” in the app, or quote the numbers in the source file.)',
      },
    },
  },
};

/** What the catalogue says when no repair can be offered: the digits join in more than one way. */
export const THOUSANDS_AMBIGUOUS: LocalizedText = {
  ja: 'つなぎ方が一通りに決まらないため、自動では修復しません。',
  en: 'They can be joined in more than one way, so no repair is offered.',
};

/** The label of the button that applies the repair. */
export const THOUSANDS_REPAIR = {
  button: { ja: '修復する', en: 'Repair' },
} as const satisfies Record<string, LocalizedText>;


const ROWS_SHOWN = 5;

/** `3 行目`, `3・5・9 行目ほか` / `row 3`, `rows 3, 5, 9…`: the rows a warning names (1-based). */
export function rowList(rows: readonly number[], count: number, lang: ReadLang): string {
  const shown = rows.slice(0, ROWS_SHOWN);
  const more = count > shown.length;
  if (lang === 'ja') return `${shown.join('・')} 行目${more ? 'ほか' : ''}`;
  return `${shown.length === 1 && !more ? 'row' : 'rows'} ${shown.join(', ')}${more ? '…' : ''}`;
}

/** The reason a file could not be read, as one sentence. */
export function readErrorText(info: ReadErrorInfo | { code: 'internal'; detail?: string }, lang: ReadLang): string {
  if (info.code === 'not-spreadsheet') {
    const detected = 'detected' in info ? info.detected : undefined;
    if (!detected || detected === 'binary' || detected === 'text') return READ_ERRORS['not-spreadsheet.unknown'].message[lang];
    return fillTemplate(READ_ERRORS['not-spreadsheet'].message[lang], { detected });
  }
  return READ_ERRORS[info.code].message[lang];
}

/**
 * A read warning as sentences. `encodingName`: how the surface names the encoding (the app
 * shows `Shift_JIS(CP932)`, the CLI the recipe's `shift_jis`).
 */
export function readWarningText(w: ReadWarning, lang: ReadLang, surface: ReadSurface, encodingName?: string): string {
  const entry = READ_WARNINGS[w.code];
  const gap = lang === 'ja' ? '' : ' ';
  let params: Record<string, string | number>;
  let hint: string | undefined = entry.hint?.[surface]?.[lang];
  switch (w.code) {
    case 'invalid-characters':
      params = { count: w.count, encoding: encodingName ?? w.encoding };
      break;
    case 'unclosed-quote':
    case 'text-after-quote':
      params = { count: w.count, rows: rowList(w.rows, w.count, lang) };
      break;
    case 'level2':
      params = { count: w.metaLines };
      break;
    case 'thousands-separators':
      params = { count: w.count, rows: rowList(w.rows, w.count, lang), repairable: w.repairs.length };
      if (w.repairs.length === 0) hint = THOUSANDS_AMBIGUOUS[lang];
      break;
  }
  const message = fillTemplate(entry.message[lang], params);
  return hint ? message + gap + fillTemplate(hint, params) : message;
}
