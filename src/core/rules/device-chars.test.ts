import { describe, expect, it } from 'vitest';
import { corpusSheet, corpusWorkbook, itWithCorpus, missingCorpus } from '../../../test/corpus.ts';
import { fixtureBytes } from '../../../test/fixtures.ts';
import { fixtureView } from '../../../test/fixtureView.ts';
import { sheetFromRows, tableOf, viewOf } from '../../../test/sheets.ts';
import { type Change } from '../changes.ts';
import { readWorkbook } from '../io/read.ts';
import { cellAddress, getCell, getValue, parseAddress } from '../model.ts';
import { deviceCharsRule as rule } from './device-chars.ts';
import type { FindingParams, SheetView, Violation } from './types.ts';
import { applyFixChecked, at } from '../../../test/ruleHarness.ts';
import { findingsOfCase, ruleTester } from '../../../test/ruleTester.ts';

/** Device characters and half-width kana; full-width letters and digits have their own cases. */
function detectAll(view: SheetView): Violation[] {
  return detectEvery(view).filter(notFullwidth);
}

/** Every finding on the sheet, each checked against the rule's messages. */
const detectEvery = (view: SheetView): Violation[] => findingsOfCase(rule, view);

const notFullwidth = (v: Violation) => v.messageId !== 'fullwidth';

function sheetOf(name: string, index = 0) {
  return readWorkbook(fixtureBytes(name), name.replace(/^.*\//, '')).workbook.sheets[index];
}

const jinugoki = () => corpusWorkbook('kobe-opendata/26jinugoki.xls');

describe('device-chars rule', () => {
  it('meta follows the spec', () => {
    expect(rule.meta).toMatchObject({ id: 'device-chars', level: 2, family: 'text', guideRef: { soumu: '1-10' } });
  });

  itWithCorpus('26jinugoki.xls: the sheet names Ⅰ…Ⅷ are not cells, and not looked at', 'kobe-opendata/26jinugoki.xls', () => {
    expect(jinugoki().sheets.map((s) => s.name)).toEqual(['目次', 'Ⅰ', 'Ⅱ', 'Ⅲ', 'Ⅳ', 'Ⅴ', 'Ⅵ', 'Ⅶ', 'Ⅷ']);
  });

  itWithCorpus('26jinugoki.xls: across the workbook, the contents, the table captions (`第 Ⅰ 表…`) and one half-width bracket in a note of sheet Ⅷ (`「震災前平均｣`)', 'kobe-opendata/26jinugoki.xls', () => {
    const all = jinugoki().sheets.flatMap((s) => detectAll(viewOf(s)).map((v) => `${s.name}!${at(v)}`));
    expect(all).toEqual([
      ...['A3', 'A4', 'A5', 'A6', 'A7', 'A8', 'A9', 'A10'].map((a) => `目次!${a}`),
      'Ⅰ!J1',
      'Ⅱ!A1',
      'Ⅱ!A80',
      'Ⅲ!Q1',
      'Ⅳ!Q1',
      'Ⅴ!Q1',
      'Ⅵ!N1',
      'Ⅵ!N67',
      'Ⅶ!A1',
      'Ⅶ!A67',
      'Ⅷ!A1',
      'Ⅷ!A77',
    ]);
  });

  it('shelters-sjis.csv: the full-width addresses and numbers in text columns, not the capacity column', () => {
    const found = detectEvery(fixtureView('shelters-sjis.csv')).filter((v) => v.messageId === 'fullwidth');
    expect(found.filter((v) => v.range.s.c === 2).map((v) => [at(v), v.params?.fixed])).toContainEqual(['C2', '中央町1-2-3']);
    // 「１，２００人」 is number-as-text's (a numeric column): never reported here.
    expect(found.some((v) => at(v) === 'D2')).toBe(false);
  });
});

const chars = (at: string, messageId: 'device' | 'kana' | 'both', text: string, fixed?: string) => {
  const paramsLike: FindingParams = fixed === undefined ? { chars: text } : { chars: text, fixed };
  return { messageId, at, paramsLike };
};
const fullwidth = (at: string, fixed: string) => ({ messageId: 'fullwidth' as const, at, paramsLike: { fixed } });

ruleTester(rule, {
  valid: [
    { name: 'plain text, numbers and JIS symbols', rows: [['全国', 'New York', '※注', '℃', '(1)', 343.4, '髙橋']] },
    {
      name: 'half-width text and captions',
      rows: [['令和２年 表１'], ['名称', '住所'], ['北区', '北町1-2']],
      tables: [{ captionRows: [0], headerRows: [1, 1], keyColumns: [0] }],
    },
  ],
  invalid: [
    {
      name: 'each character listed with its replacement, in any region',
      rows: [
        ['㍻22年 調査'], // caption
        ['区分', '①道 路 用', '面積(㎞)'],
        ['㈱ｻﾝﾌﾟﾙ', 1, 'Ⅳ'],
        ['ｱｲｳ', '①①', 2],
        ['注：№は番号'], // note
      ],
      tables: [{ captionRows: [0], headerRows: [1, 1], dataRows: [2, 3], noteRows: [4] }],
      only: notFullwidth,
      errors: [
        chars('A1', 'device', '㍻→平成', '平成22年 調査'),
        chars('B2', 'device', '①→(1)', '(1)道 路 用'),
        chars('C2', 'device', '㎞→km', '面積(km)'),
        chars('A3', 'both', '㈱→(株), ｻﾝﾌﾟﾙ→サンプル', '(株)サンプル'),
        chars('C3', 'device', 'Ⅳ→IV', 'IV'),
        chars('A4', 'kana', 'ｱｲｳ→アイウ', 'アイウ'),
        { ...chars('B4', 'device', '①→(1)', '(1)(1)'), fixId: 'replace', paramsLike: { chars: '①→(1)', fixed: '(1)(1)', count: 2 } },
        chars('A5', 'device', '№→No.', '注：No.は番号'),
      ],
    },
    {
      name: 'crushed-stone.xlsx: ①道 路 用, 砕石合計(①～④), ②, ③ in both tables',
      view: () => viewOf(sheetOf('crushed-stone.xlsx')),
      only: notFullwidth,
      errors: [
        chars('D3', 'device', '①→(1), ④→(4)'),
        chars('E3', 'device', '①→(1)'),
        chars('G3', 'device', '②→(2)'),
        chars('D23', 'device', '①→(1)'),
        chars('E23', 'device', '②→(2)'),
        chars('F23', 'device', '③→(3)'),
      ],
    },
    {
      name: 'nb01h0013_cp932.csv: the ① of 1300東京都①',
      skip: missingCorpus(['open-data-linter/nb01h0013_cp932.csv']),
      view: () => viewOf(corpusSheet('open-data-linter/nb01h0013_cp932.csv')),
      only: notFullwidth,
      errors: [chars('A5', 'device', '①→(1)')],
    },
    {
      name: '26jinugoki.xls: 第Ⅰ表…第Ⅷ表 in the contents are cells',
      skip: missingCorpus(['kobe-opendata/26jinugoki.xls']),
      view: () => viewOf(jinugoki().sheets[0]),
      only: notFullwidth,
      errors: ['第I表', '第II表', '第III表', '第IV表', '第V表', '第VI表', '第VII表', '第VIII表'].map((fixed, i) => ({ messageId: 'device' as const, at: `A${i + 3}`, paramsLike: { fixed } })),
    },
    {
      name: '26jinugoki.xls: the half-width bracket in a note of sheet Ⅷ',
      skip: missingCorpus(['kobe-opendata/26jinugoki.xls']),
      view: () => viewOf(jinugoki().sheets[8]),
      cells: ['A77'],
      errors: [chars('A77', 'kana', '｣→」')],
    },
    {
      name: 'Japanese punctuation stays full-width; only letters, digits and the joiners between digits change',
      rows: [['名称', '備考'], ['ＪＲ線（単位：千円）', '１．５倍・２－３番']],
      tables: [{ headerRows: [0, 0], keyColumns: [0] }],
      errors: [fullwidth('A2', 'JR線（単位：千円）'), fullwidth('B2', '1.5倍・2-3番')],
    },
  ],
});

// --- fix ---------------------------------------------------------------------------------

const applyFix = (view: SheetView): Change[] => applyFixChecked(rule, view);

const cell = (view: SheetView, addr: string) => {
  const { r, c } = parseAddress(addr);
  return getCell(view.sheet, r, c);
};

describe('device-chars fix', () => {
  const build = () => {
    const sheet = sheetFromRows([
      ['①表 ㍻２２年'],
      ['名称', '住所', '件数', 'Ⅳ期'],
      ['㈱中央ｶﾞｽ', '中央町１－２－３', '１，２００', { value: '①１２', note: 'n' }],
      ['ﾊﾟｰｸ', 'New York', 5, '北町4-5'],
      ['※ ㍻元年 ＡＢＣ'],
    ]);
    return viewOf(sheet, [
      tableOf(sheet, { captionRows: [0], headerRows: [1, 1], dataRows: [2, 3], noteRows: [4], keyColumns: [0], kinds: ['text', 'text', 'number', 'text'] }),
    ]);
  };

  it('replaces device characters everywhere, and full-width letters and digits where they are reported', () => {
    const view = build();
    applyFix(view);
    expect(['A1', 'D2', 'A3', 'B3', 'C3', 'D3', 'A4', 'A5'].map((a) => [a, cell(view, a)])).toEqual([
      ['A1', { value: '(1)表 平成２２年' }], // caption: device characters only
      ['D2', { value: 'IV期' }],
      ['A3', { value: '(株)中央ガス' }],
      ['B3', { value: '中央町1-2-3' }],
      ['C3', { value: '１，２００' }], // a number: number-as-text's
      ['D3', { value: '(1)12', note: 'n' }], // device character and full-width digits in one step
      ['A4', { value: 'パーク' }],
      ['A5', { value: '※ 平成元年 ＡＢＣ' }], // note row: device characters only
    ]);
  });

  it('touches exactly the reported cells; nothing left to report afterwards', () => {
    const view = build();
    const reported = detectEvery(view).map(at);
    const changes = applyFix(view);
    expect(changes.map((c) => (c.kind === 'cell' ? cellAddress(c.r, c.c) : c.kind))).toEqual(reported);
    expect(detectEvery(view)).toEqual([]);
    expect(rule.fix!(view, {})).toEqual([]);
    expect(cell(view, 'B4').value).toBe('New York');
  });

  it('the table of replacements from the spec', () => {
    const sheet = sheetFromRows([['k', 'v'], ['a', '①'], ['b', '㈱'], ['c', '㍻'], ['d', 'Ⅳ'], ['e', 'ｶﾞｯｺｳ'], ['f', '№１']]);
    const view = viewOf(sheet);
    applyFix(view);
    const out: unknown[] = [];
    for (let r = 1; r < 7; r++) out.push(getValue(view.sheet, r, 1));
    expect(out).toEqual(['(1)', '(株)', '平成', 'IV', 'ガッコウ', 'No.1']);
  });

  it('shelters-sjis.csv: addresses 中央町1-2-3, 北町4-5, 南町2丁目3番地; capacities left to number-as-text', () => {
    const view = fixtureView('shelters-sjis.csv');
    applyFix(view);
    expect(['C2', 'C3', 'C4', 'C5'].map((a) => cell(view, a).value)).toEqual(['中央町1-2-3', '北町4-5', '本町1-1', '南町2丁目3番地']);
    expect(cell(view, 'D2').value).toBe('１，２００人');
    expect(detectEvery(view)).toEqual([]);
  });

  it('crushed-stone.xlsx: ①道 路 用 → (1)道 路 用 (spaces are layout-spaces\')', () => {
    const view = fixtureView('crushed-stone.xlsx');
    applyFix(view);
    const texts: string[] = [];
    for (const col of view.sheet.columns) for (const v of col.values) if (typeof v === 'string' && v.includes('道')) texts.push(v);
    expect(texts).toContain('(1)道 路 用');
    expect(detectEvery(view)).toEqual([]);
  });
});
