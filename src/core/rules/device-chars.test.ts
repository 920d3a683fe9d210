import { describe, expect, it } from 'vitest';
import { fixtureBytes } from '../../../test/fixtures.ts';
import { fixtureView } from '../../../test/fixtureView.ts';
import { sheetFromRows, tableOf, viewOf } from '../../../test/sheets.ts';
import { type Change } from '../changes.ts';
import { readWorkbook } from '../io/read.ts';
import { cellAddress, getCell, getValue, parseAddress } from '../model.ts';
import { deviceCharsRule as rule } from './device-chars.ts';
import type { SheetView, Violation } from './types.ts';
import { applyFixChecked, at, detectAllCells, expectMessagesRender } from '../../../test/ruleHarness.ts';
import { cellFindings } from './findings.ts';

/** Device characters and half-width kana; full-width letters and digits have their own tests. */
function detectAll(view: SheetView): Violation[] {
  return detectEvery(view).filter((v) => v.messageId !== 'fullwidth');
}

const detectEvery = (view: SheetView): Violation[] => detectAllCells(rule, view);

function sheetOf(name: string, index = 0) {
  return readWorkbook(fixtureBytes(name), name.replace(/^.*\//, '')).workbook.sheets[index];
}

describe('device-chars rule', () => {
  it('lists each character with its replacement, in any region', () => {
    const sheet = sheetFromRows([
      ['㍻22年 調査'], // caption
      ['区分', '①道 路 用', '面積(㎞)'],
      ['㈱ｻﾝﾌﾟﾙ', 1, 'Ⅳ'],
      ['ｱｲｳ', '①①', 2],
      ['注：№は番号'], // note
    ]);
    const view = viewOf(sheet, [tableOf(sheet, { captionRows: [0], headerRows: [1, 1], dataRows: [2, 3], noteRows: [4] })]);
    expect(detectAll(view).map((v) => [at(v), v.messageId, v.params?.chars, v.params?.fixed])).toEqual([
      ['A1', 'device', '㍻→平成', '平成22年 調査'],
      ['B2', 'device', '①→(1)', '(1)道 路 用'],
      ['C2', 'device', '㎞→km', '面積(km)'],
      ['A3', 'both', '㈱→(株), ｻﾝﾌﾟﾙ→サンプル', '(株)サンプル'],
      ['C3', 'device', 'Ⅳ→IV', 'IV'],
      ['A4', 'kana', 'ｱｲｳ→アイウ', 'アイウ'],
      ['B4', 'device', '①→(1)', '(1)(1)'],
      ['A5', 'device', '№→No.', '注：No.は番号'],
    ]);
    expect(cellFindings(rule, view, 3, 1)[0]).toMatchObject({ ruleId: 'device-chars', fixId: 'replace', params: { count: 2 } });
    expect(rule.meta).toMatchObject({ id: 'device-chars', level: 2, family: 'text', guideRef: { soumu: '1-10' } });
    expectMessagesRender(rule, detectAll(view));
  });

  it('plain text, numbers and JIS symbols pass', () => {
    const sheet = sheetFromRows([['全国', 'New York', '※注', '℃', '(1)', 343.4, '髙橋']]);
    expect(detectAll(viewOf(sheet))).toEqual([]);
  });

  it('crushed-stone.xlsx: ①道 路 用, 砕石合計(①～④), ②, ③ in both tables', () => {
    const found = detectAll(viewOf(sheetOf('crushed-stone.xlsx')));
    expect(found.map((v) => [at(v), v.params?.chars])).toEqual([
      ['D3', '①→(1), ④→(4)'],
      ['E3', '①→(1)'],
      ['G3', '②→(2)'],
      ['D23', '①→(1)'],
      ['E23', '②→(2)'],
      ['F23', '③→(3)'],
    ]);
  });

  it('nb01h0013_cp932.csv: the ① of 1300東京都①', () => {
    const found = detectAll(viewOf(sheetOf('real/nb01h0013_cp932.csv')));
    expect(found.map((v) => [at(v), v.params?.chars])).toEqual([['A5', '①→(1)']]);
  });

  it('26jinugoki.xls: 第Ⅰ表…第Ⅷ表 in the contents are cells; the sheet names Ⅰ…Ⅷ are not', () => {
    const { workbook } = readWorkbook(fixtureBytes('real/26jinugoki.xls'), '26jinugoki.xls');
    expect(workbook.sheets.map((s) => s.name)).toEqual(['目次', 'Ⅰ', 'Ⅱ', 'Ⅲ', 'Ⅳ', 'Ⅴ', 'Ⅵ', 'Ⅶ', 'Ⅷ']);
    const contents = detectAll(viewOf(workbook.sheets[0]));
    expect(contents.map((v) => [at(v), v.params?.fixed])).toEqual([
      ['A3', '第I表'],
      ['A4', '第II表'],
      ['A5', '第III表'],
      ['A6', '第IV表'],
      ['A7', '第V表'],
      ['A8', '第VI表'],
      ['A9', '第VII表'],
      ['A10', '第VIII表'],
    ]);
    // Across the workbook: the contents, the table captions (`第 Ⅰ 表…`), and one
    // half-width bracket in a note of sheet Ⅷ (`「震災前平均｣`).
    const all = workbook.sheets.flatMap((s) => detectAll(viewOf(s)).map((v) => `${s.name}!${at(v)}`));
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
    const note = cellFindings(rule, viewOf(workbook.sheets[8]), 76, 0)[0];
    expect(note).toMatchObject({ messageId: 'kana', params: { chars: '｣→」' } });
  });

  describe('full-width letters and digits', () => {
    it('shelters-sjis.csv: the full-width addresses and numbers in text columns, not the capacity column', () => {
      const view = fixtureView('shelters-sjis.csv');
      const found = detectEvery(view).filter((v) => v.messageId === 'fullwidth');
      const addresses = found.filter((v) => v.range.s.c === 2).map((v) => [at(v), v.params?.fixed]);
      expect(addresses).toContainEqual(['C2', '中央町1-2-3']);
      // 「１，２００人」 is number-as-text's (a numeric column): never reported here.
      expect(found.some((v) => at(v) === 'D2')).toBe(false);
    });

    it('Japanese punctuation stays full-width; only letters, digits and the joiners between digits change', () => {
      const sheet = sheetFromRows([['名称', '備考'], ['ＪＲ線（単位：千円）', '１．５倍・２－３番']]);
      const found = detectEvery(viewOf(sheet, [tableOf(sheet, { headerRows: [0, 0], keyColumns: [0] })]));
      expect(found.map((v) => [at(v), v.params?.fixed])).toEqual([
        ['A2', 'JR線（単位：千円）'],
        ['B2', '1.5倍・2-3番'],
      ]);
    });

    it('half-width text and captions are left alone', () => {
      const sheet = sheetFromRows([['令和２年 表１'], ['名称', '住所'], ['北区', '北町1-2']]);
      const found = detectEvery(viewOf(sheet, [tableOf(sheet, { captionRows: [0], headerRows: [1, 1], keyColumns: [0] })]));
      expect(found).toEqual([]);
    });
  });
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
