import { describe, expect, it } from 'vitest';
import type { ReadErrorCode } from './errors.ts';
import type { ReadWarning } from './read.ts';
import { READ_ERRORS, READ_WARNINGS, type ReadLang, type ReadSurface, readErrorText, readWarningText, rowList } from './readMessages.ts';

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;

// Every code once: a code added to ReadErrorCode without an entry here fails to compile.
const ERROR_CODES = {
  empty: true,
  'no-data': true,
  'not-spreadsheet': true,
  truncated: true,
  encrypted: true,
  unsupported: true,
  'too-large': true,
  'too-many-cells': true,
  'text-too-large': true,
} satisfies Record<ReadErrorCode, true>;

const WARNINGS: ReadWarning[] = [
  { code: 'invalid-characters', count: 3, encoding: 'shift_jis' },
  { code: 'unclosed-quote', count: 1, rows: [3] },
  { code: 'text-after-quote', count: 7, rows: [2, 4, 6, 8, 10] },
  { code: 'level2', metaLines: 9 },
  { code: 'thousands-separators', count: 2, rows: [5, 9], width: 5, repairs: [{ row: 4, fields: ['a', '1,234', '1', '2', '3'] }] },
  { code: 'thousands-separators', count: 1, rows: [5], width: 5, repairs: [] },
];

describe('the read catalogue', () => {
  it('has a Japanese and an English title and message for every read error and warning', () => {
    const entries = [...Object.keys(ERROR_CODES).map((k) => READ_ERRORS[k as ReadErrorCode]), READ_ERRORS.internal, ...Object.values(READ_WARNINGS)];
    for (const e of entries) {
      expect(e.title.ja && e.message.ja && e.title.en && e.message.en).toBeTruthy();
      expect(e.message.ja).toMatch(JAPANESE);
      expect(e.message.en).not.toMatch(JAPANESE);
      for (const h of Object.values(e.hint ?? {})) expect(h.en).not.toMatch(JAPANESE);
    }
  });

  it.each(['ja', 'en'] as ReadLang[])('every warning fills every placeholder (%s, app and CLI)', (lang) => {
    for (const w of WARNINGS) {
      for (const surface of ['app', 'cli'] as ReadSurface[]) {
        const text = readWarningText(w, lang, surface, 'Shift_JIS');
        expect(text, `${w.code} ${surface}`).not.toMatch(/[{}]/);
        if (lang === 'en') expect(text).not.toMatch(JAPANESE);
      }
    }
  });

  it('names the rows: a few, then "and more"', () => {
    expect(rowList([3], 1, 'ja')).toBe('3 行目');
    expect(rowList([2, 4, 6, 8, 10], 7, 'ja')).toBe('2・4・6・8・10 行目ほか');
    expect(rowList([3], 1, 'en')).toBe('row 3');
    expect(rowList([2, 4], 2, 'en')).toBe('rows 2, 4');
    expect(readWarningText(WARNINGS[1], 'ja', 'app')).toBe('引用符(")が閉じていない箇所が 1 か所あります(3 行目)。その引用符は文字として読み、後ろの行はそのまま分けました。');
  });

  it('says where the app and the CLI differ: the button, the recipe field', () => {
    expect(readWarningText(WARNINGS[0], 'ja', 'app', 'Shift_JIS(CP932)')).toContain('「文字コード」で切り替えて');
    expect(readWarningText(WARNINGS[0], 'ja', 'cli')).toContain('shift_jis として読めない文字が 3 個あり');
    expect(readWarningText(WARNINGS[0], 'ja', 'cli')).toContain('source.encoding');
    expect(readWarningText(WARNINGS[4], 'ja', 'app')).toContain('「修復する」を押すと、1 行で');
    expect(readWarningText(WARNINGS[4], 'ja', 'cli')).toContain('CLI は修復しません');
    expect(readWarningText(WARNINGS[5], 'ja', 'app')).toContain('自動では修復しません');
  });

  it('a file that is no spreadsheet: what it is when known', () => {
    expect(readErrorText({ code: 'not-spreadsheet', detected: 'PDF' }, 'ja')).toContain('中身は PDF ファイルです');
    expect(readErrorText({ code: 'not-spreadsheet', detected: 'binary' }, 'en')).toBe(READ_ERRORS['not-spreadsheet.unknown'].message.en);
    expect(readErrorText({ code: 'internal' }, 'ja')).toBe('読み込み中に予期しないエラーが発生しました。');
  });
});
