import { describe, expect, it } from 'vitest';
import { corpusSheet, itWithCorpus, missingCorpus } from '../../../test/corpus.ts';
import { fixtureBytes } from '../../../test/fixtures.ts';
import { fixtureView } from '../../../test/fixtureView.ts';
import { sheetFromRows, tableOf, viewOf } from '../../../test/sheets.ts';
import { type Change } from '../changes.ts';
import { readWorkbook } from '../io/read.ts';
import { getCell, parseAddress } from '../model.ts';
import type { ColumnKind } from '../structure/types.ts';
import { labelsAt, labelsInValuesRule as rule } from './labels-in-values.ts';
import type { FindingParams, SheetView, Violation } from './types.ts';
import { applyFixChecked, populationView } from '../../../test/ruleHarness.ts';
import { findingsOfCase, ruleTester, viewOfCase } from '../../../test/ruleTester.ts';

/** Every finding on the sheet, each checked against the rule's messages. */
const detectAll = (view: SheetView): Violation[] => findingsOfCase(rule, view);

function sheetOf(name: string, index = 0) {
  return readWorkbook(fixtureBytes(name), name.replace(/^.*\//, '')).workbook.sheets[index];
}

const numbers = (n: number): ColumnKind[] => new Array<ColumnKind>(n).fill('number');

const marksSheet = {
  rows: [
    ['表題 1)'], // caption: left to caption-notes
    ['地域', '人口集中\n地区　1)', '密度', '備考'],
    ['全国 a)', 'a)343.4', 343.4, '2階のみ使用可 ※1'],
    ['北海道', '1,234 1)', '1,234r', '※耐震改修済'],
    ['青森', 'x 2)', '約300人', '(平成12～17年)'],
    ['岩手', '343.4', '2019年', 'New York'],
    ['a) 注記'], // note
  ],
  tables: [{ captionRows: [0], headerRows: [1, 1] as [number, number], dataRows: [2, 5] as [number, number], noteRows: [6], keyColumns: [0], kinds: ['text', 'number', 'number', 'text'] as ColumnKind[] }],
};

describe('labels-in-values rule', () => {
  it('meta follows the spec', () => {
    expect(rule.meta).toMatchObject({ id: 'labels-in-values', level: 1, family: 'value', guideRef: { guide: '手順4 ラベル・脚注除去', soumu: '1-2' } });
  });

  it('labelsAt gives the fix the parse it reports', () => {
    const view = viewOfCase(marksSheet);
    expect(labelsAt(view, 2, 1)).toMatchObject({ kind: 'value', marked: { rest: '343.4', number: { value: 343.4 }, marks: [{ id: 'a', position: 'prefix' }] } });
    expect(labelsAt(view, 4, 2)).toMatchObject({ kind: 'approx', number: { value: 300, approx: '約', unit: { unit: '人' } } });
  });
});

const mark = (at: string, messageId: 'titleMark' | 'textMark' | 'valueMark' | 'valueRevised' | 'approx', m: string, more: FindingParams = {}) => ({ messageId, at, paramsLike: { mark: m, ...more } });

ruleTester(rule, {
  valid: [
    {
      name: 'a plain typed or text number, a note text, a bracketed title and Latin text are not labels',
      ...marksSheet,
      // typed 343.4, '343.4' (number-as-text's), ※耐震改修済, (平成12～17年), 2019年, New York, the caption, the note row.
      cells: ['C3', 'B6', 'D4', 'D5', 'C6', 'D6', 'A1', 'A7'],
    },
    {
      name: 'crushed-stone.xlsx: list numbers (①道 路 用) and 砕石合計(①～④) are not footnote marks',
      view: () => {
        const s = sheetOf('crushed-stone.xlsx');
        return viewOf(s, [tableOf(s, { captionRows: [0, 1], headerRows: [2, 3], dataRows: [4, 19], columns: [0, 8], keyColumns: [0, 8], kinds: ['period', ...numbers(7), 'period'] })]);
      },
    },
  ],
  invalid: [
    {
      name: 'marks on values, titles and row labels, naming the mark and the value',
      ...marksSheet,
      errors: [
        { messageId: 'titleMark', at: 'B2', params: { text: '人口集中\n地区　1)', mark: '1)', rest: '人口集中\n地区' } },
        { messageId: 'titleMark', at: 'A3', params: { text: '全国 a)', mark: 'a)', rest: '全国' } },
        { messageId: 'valueMark', at: 'B3', params: { text: 'a)343.4', mark: 'a)', value: '343.4' }, fixId: 'moveToNote' },
        { messageId: 'textMark', at: 'D3', params: { text: '2階のみ使用可 ※1', mark: '※1', rest: '2階のみ使用可' } },
        { messageId: 'valueMark', at: 'B4', params: { text: '1,234 1)', mark: '1)', value: '1234' } },
        { messageId: 'valueRevised', at: 'C4', params: { text: '1,234r', mark: 'r', value: '1234' } },
        { messageId: 'valueMark', at: 'B5', params: { text: 'x 2)', mark: '2)', value: 'x' } },
        { messageId: 'approx', at: 'C5', params: { text: '約300人', mark: '約', value: '300' } },
      ],
    },
    {
      name: 'population.xlsx: a)343.4 at H6, and the marks 2) on H3 and 1) on D4',
      view: populationView,
      errors: [
        mark('H3', 'titleMark', '2)', { rest: '人口密度\n(人/km²)' }),
        mark('D4', 'titleMark', '1)', { rest: '人口集中\n地区' }),
        mark('H6', 'valueMark', 'a)', { value: '343.4' }),
      ],
    },
    {
      name: 'shelters-sjis.csv: 約300人 and the ※1 after a remark',
      view: () => {
        const s = sheetOf('shelters-sjis.csv');
        return viewOf(s, [tableOf(s, { headerRows: [0, 0], keyColumns: [0], kinds: ['code', 'text', 'text', 'number', 'date', 'text'] })]);
      },
      errors: [mark('D4', 'approx', '約'), mark('F5', 'textMark', '※1')],
    },
    {
      name: 'nb01h0013_cp932.csv: the ① glued to 1300東京都',
      skip: missingCorpus(['open-data-linter/nb01h0013_cp932.csv']),
      view: () => {
        const s = corpusSheet('open-data-linter/nb01h0013_cp932.csv');
        return viewOf(s, [tableOf(s, { captionRows: [0, 1], headerRows: [2, 3], dataRows: [4, 35], keyColumns: [0], kinds: ['text', ...numbers(18)] })]);
      },
      errors: [{ messageId: 'titleMark', at: 'A5', paramsLike: { mark: '①', rest: '1300東京都' } }],
    },
    {
      name: '26jinugoki.xls sheet Ⅰ: the a)…e) marks on the header titles',
      skip: missingCorpus(['kobe-opendata/26jinugoki.xls']),
      view: () => {
        const s = corpusSheet('kobe-opendata/26jinugoki.xls', 1);
        return viewOf(s, [tableOf(s, { captionRows: [0, 2], headerRows: [3, 6], dataRows: [8, 8], columns: [0, 18], keyColumns: [0, 18] })]);
      },
      errors: [
        { messageId: 'titleMark', at: 'O4', paramsLike: { mark: 'd)', rest: '人口動態率' } },
        { messageId: 'titleMark', at: 'R4', paramsLike: { mark: 'e)', rest: '人口' } },
        { messageId: 'titleMark', at: 'I6', paramsLike: { mark: 'a)', rest: '市内他区\nから転入' } },
        { messageId: 'titleMark', at: 'J6', paramsLike: { mark: 'b)', rest: 'その他' } },
        { messageId: 'titleMark', at: 'M6', paramsLike: { mark: 'a)', rest: '市内他区\nへ転出' } },
        { messageId: 'titleMark', at: 'N6', paramsLike: { mark: 'c)', rest: 'その他' } },
      ],
    },
  ],
});

// --- fix ---------------------------------------------------------------------------------

const applyFix = (view: SheetView): Change[] => applyFixChecked(rule, view);

const cell = (view: SheetView, addr: string) => {
  const { r, c } = parseAddress(addr);
  return getCell(view.sheet, r, c);
};

const HABOMAI = '歯舞群島、色丹島、国後島、択捉島及び竹島を除き算出。';

describe('labels-in-values fix', () => {
  const build = () => {
    const sheet = sheetFromRows([
      ['表題 1)'],
      ['地域', '人口集中\n地区　1)', '密度', '備考'],
      ['全国 a)', 'a)343.4', 343.4, '2階のみ使用可 ※1'],
      ['北海道', '1,234 1)', '1,234r', '※耐震改修済'],
      ['青森', 'x 2)', '約300人', '(平成12～17年)'],
      ['岩手', { value: '1,234※', format: '#,##0' }, '2019年', 'New York'],
      ['a) 注記の本文。'],
      ['1) 人口集中地区の定義。', undefined, '※1 2階は避難所。'],
    ]);
    return viewOf(sheet, [
      tableOf(sheet, { captionRows: [0], headerRows: [1, 1], dataRows: [2, 5], noteRows: [6, 7], keyColumns: [0], kinds: ['text', 'number', 'number', 'text'] }),
    ]);
  };

  it('keeps each value or title and moves the mark to the cell note', () => {
    const view = build();
    applyFix(view);
    expect(['B2', 'A3', 'B3', 'D3', 'B4', 'C4', 'B5', 'C5', 'B6'].map((a) => [a, cell(view, a)])).toEqual([
      ['B2', { value: '人口集中\n地区', note: '1)' }],
      ['A3', { value: '全国', note: 'a)' }],
      ['B3', { value: 343.4, note: 'a)' }],
      ['D3', { value: '2階のみ使用可', note: '※1' }],
      ['B4', { value: 1234, note: '1)' }],
      ['C4', { value: 1234, note: 'r' }],
      ['B5', { value: 'x', note: '2)' }],
      ['C5', { value: 300, note: '約' }],
      ['B6', { value: 1234, format: '#,##0', note: '※' }],
    ]);
  });

  it('lists each mark once in the metadata with the footnote text it refers to', () => {
    const view = build();
    const changes = applyFix(view);
    expect(changes.filter((c) => c.kind === 'meta')).toHaveLength(1);
    expect(changes[changes.length - 1].kind).toBe('meta');
    expect(view.sheet.meta?.notes).toEqual([
      { mark: '1)', text: '人口集中地区の定義。' },
      { mark: 'a)', text: '注記の本文。' },
      { mark: '※1', text: '2階は避難所。' },
      { mark: 'r', text: '訂正値' },
      { mark: '2)', text: '' }, // no note defines 2): listed, the text left for the user
      { mark: '※', text: '' },
      { mark: '約', text: '概数（おおよその値）' },
    ]);
    // 約300人: the unit goes to the column, as number-as-text does it.
    expect(view.sheet.meta?.columns[2]).toEqual({ unit: '人' });
  });

  it('leaves the caption, the notes, plain numbers, brackets and Latin text alone; nothing left to report', () => {
    const view = build();
    applyFix(view);
    expect(cell(view, 'A1')).toEqual({ value: '表題 1)' });
    expect(cell(view, 'A7')).toEqual({ value: 'a) 注記の本文。' });
    expect(cell(view, 'D4')).toEqual({ value: '※耐震改修済' });
    expect(cell(view, 'D5')).toEqual({ value: '(平成12～17年)' });
    expect(cell(view, 'C6')).toEqual({ value: '2019年' });
    expect(cell(view, 'C3')).toEqual({ value: 343.4 });
    expect(detectAll(view)).toEqual([]);
    expect(rule.fix!(view, {})).toEqual([]);
  });

  it('finds the footnote text in the metadata when the notes were moved there, and adds no duplicate', () => {
    const sheet = sheetFromRows([
      ['地域', '密度'],
      ['全国', 'a)343.4'],
      ['北', '1,234 1)'],
      ['南', '5 2)'],
    ]);
    sheet.meta = { caption: '表', notes: [{ mark: 'a)', text: HABOMAI }, { text: '10月1日現在。　1) 人口密度の高い地域。' }], columns: [] };
    const view = viewOf(sheet, [tableOf(sheet, { headerRows: [0, 0], kinds: ['text', 'number'] })]);
    applyFix(view);
    expect(cell(view, 'B2')).toEqual({ value: 343.4, note: 'a)' });
    expect(cell(view, 'B3')).toEqual({ value: 1234, note: '1)' });
    expect(view.sheet.meta?.notes).toEqual([
      { mark: 'a)', text: HABOMAI },
      { text: '10月1日現在。　1) 人口密度の高い地域。' },
      { mark: '2)', text: '' },
    ]);
  });

  it('a note continued on the next row of its column belongs to its mark; a finished one does not take the next row', () => {
    const sheet = sheetFromRows([
      ['区', '転入', '転出'],
      ['北', 'a)5', 'b)6'],
      ['　a)各区の数値には，本区の', undefined, 'b)職権による'],
      ['　　数値を含む。', undefined, '　記載である。'],
      ['資料　総務省'],
    ]);
    const view = viewOf(sheet, [tableOf(sheet, { headerRows: [0, 0], dataRows: [1, 1], noteRows: [2, 3, 4], kinds: ['text', 'number', 'number'] })]);
    applyFix(view);
    expect(view.sheet.meta?.notes).toEqual([
      { mark: 'a)', text: '各区の数値には，本区の数値を含む。' },
      { mark: 'b)', text: '職権による記載である。' },
    ]);
  });

  it('population.xlsx: a)343.4 → 343.4 with note a) and its footnote; the titles lose 1) and 2)', () => {
    const view = populationView();
    applyFix(view);
    expect(cell(view, 'H6')).toEqual({ value: 343.4, note: 'a)' });
    expect(cell(view, 'H3')).toEqual({ value: '人口密度\n(人/km²)', note: '2)' });
    expect(cell(view, 'D4')).toEqual({ value: '人口集中\n地区', note: '1)' });
    expect(view.sheet.meta?.notes).toEqual([
      { mark: '2)', text: '算出に用いた面積は、国土交通省国土地理院「平成22年全国都道府県市区町村別面積調」による。' },
      {
        mark: '1)',
        text: '人口密度の高い基本単位区（人口密度が1km²当たり約4,000人以上）が市区町村の境域内で互いに隣接して、国勢調査時に人口5,000人以上を有する地域。',
      },
      { mark: 'a)', text: HABOMAI },
    ]);
    expect(detectAll(view)).toEqual([]);
  });

  it('population.xlsx as detected: the same result', () => {
    const view = fixtureView('population.xlsx');
    applyFix(view);
    expect(cell(view, 'H6')).toEqual({ value: 343.4, note: 'a)' });
    expect(view.sheet.meta?.notes.find((n) => n.mark === 'a)')).toEqual({ mark: 'a)', text: HABOMAI });
  });

  it('shelters-sjis.csv: 約300人 → 300 (note 約, unit 人); 2階のみ使用可 ※1 keeps its text', () => {
    const view = fixtureView('shelters-sjis.csv');
    applyFix(view);
    expect(cell(view, 'D4')).toEqual({ value: 300, note: '約' });
    expect(cell(view, 'F5')).toEqual({ value: '2階のみ使用可', note: '※1' });
    expect(view.sheet.meta?.columns[3]).toEqual({ unit: '人' });
  });

  itWithCorpus('26jinugoki.xls sheet Ⅰ: footnotes side by side and wrapped over rows', 'kobe-opendata/26jinugoki.xls', () => {
    const s = corpusSheet('kobe-opendata/26jinugoki.xls', 1);
    const t = tableOf(s, { captionRows: [0, 2], headerRows: [3, 6], dataRows: [8, 59], noteRows: [61, 62, 63, 64, 65, 66], columns: [0, 18], keyColumns: [0, 18] });
    const view = viewOf(s, [t]);
    applyFix(view);
    const notes = new Map(view.sheet.meta!.notes.map((n) => [n.mark, n.text]));
    expect([...notes.keys()].sort()).toEqual(['a)', 'b)', 'c)', 'd)', 'e)']);
    expect(notes.get('a)')).toMatch(/^各区の数値には.*各出張所の数値には.*合計は一致しない。$/);
    expect(notes.get('d)')).toBe('年率計算の分母に用いた人口は，各年10月１日現在の人口である。');
    expect(notes.get('c)')).toBe('転出届によらないで，職権で抹消した数で，例えば，失踪宣告，国籍喪失等の数字である。');
    expect(cell(view, 'I6')).toMatchObject({ value: '市内他区\nから転入', note: 'a)' });
  });
});
