import fc from 'fast-check';
import { corpusSheet, itWithCorpus, missingCorpus } from '../../../test/corpus.ts';
import { describe, expect, it } from 'vitest';
import { buildSheetView } from '../analysis/view.ts';
import { type Change } from '../changes.ts';
import { readWorkbook } from '../io/read.ts';
import { type CellValue, type Sheet, cellAddress, getCell, getFormat, getValue, newSheet, rangeAddress, setCell } from '../model.ts';
import { exportText, formatValue } from '../numberFormat.ts';
import { detectStructure } from '../structure/detect.ts';
import type { ColumnKind } from '../structure/types.ts';
import { fixtureBytes } from '../../../test/fixtures.ts';
import { fixtureView } from '../../../test/fixtureView.ts';
import { sheetFromRows, tableOf, viewOf } from '../../../test/sheets.ts';
import type { FixOptions, SheetView, Violation } from './types.ts';
import { applyFixChecked } from '../../../test/ruleHarness.ts';
import { findingsOfCase, ruleTester } from '../../../test/ruleTester.ts';
import { meta, rule as wareki } from './wareki.ts';

/** Every finding on the sheet, each checked against the rule's messages. */
const detect = (view: SheetView): Violation[] => findingsOfCase(wareki, view);
import { LINEAR, countingView, growth } from '../../../test/workCount.ts';

/** `A1 era 平成22年 → 2010` style lines, one per violation, in sheet order. */
function lines(vs: Violation[]): string[] {
  return vs
    .slice()
    .sort((a, b) => a.range.s.c - b.range.s.c || a.range.s.r - b.range.s.r)
    .map((v) => {
      const p = v.params ?? {};
      const what = p.text ?? p.value ?? p.display;
      const result = p.seireki ?? p.iso ?? p.span ?? '';
      return `${cellAddress(v.range.s.r, v.range.s.c)} ${v.messageId} ${what}${result ? ` = ${result}` : ''}${v.fixId ? ` → ${p.after}` : ''}`;
    });
}

function sheetOf(name: string, sheetName?: string): Sheet {
  const { workbook } = readWorkbook(fixtureBytes(name), name);
  const sheet = sheetName ? workbook.sheets.find((s) => s.name === sheetName) : workbook.sheets[0];
  if (!sheet) throw new Error(`no sheet ${sheetName} in ${name}`);
  return sheet;
}

describe('wareki rule: meta', () => {
  it('has the shape the registry expects', () => {
    expect(wareki.meta).toBe(meta);
    expect(wareki.scope).toBe('sheet');
    expect(meta).toMatchObject({
      id: 'wareki',
      level: 1,
      severity: 'error',
      family: 'date',
      guideRef: { guide: '手順3 西暦表記', soumu: '1-11' },
    });
    expect(meta.title.ja).toBeTruthy();
    expect(meta.title.en).toBeTruthy();
    expect(wareki.applies?.(viewOf(sheetFromRows([['a']])))).toBe(true);
  });
});

/** The findings read as `lines`, and how many there are (what a case of the tester compares). */
const reading = (expected: string[]) => ({ errors: expected.length, check: (found: Violation[]) => expect(lines(found)).toEqual(expected) });

const serial20120229 = 40968;

ruleTester(wareki, {
  valid: [
    // --- text cells
    {
      name: 'cells outside every table',
      rows: [['平成22年'], [null], ['年'], ['2010']],
      tables: [{ headerRows: [2, 2], dataRows: [3, 3] }],
    },
    ...['2019年', '2019-05-01', 'H2O', 'HR', 'S1', 'M2', 'R2', '平成町', '平成通り1丁目', '昭和', '最大10人', '123', '17年', '7'].map((text) => ({
      name: `${JSON.stringify(text)} is no 和暦`,
      rows: [
        ['区分', '値'],
        [text, text],
      ],
    })),
    // --- implied era
    { name: 'a header year after a flattened title, with no era before it', rows: [['区分', '17年 総数'], ['a', 1]] },
    // --- era number formats
    {
      name: 'Gregorian date formats and plain numbers',
      rows: [
        ['日付', '値'],
        [
          { value: serial20120229, format: 'yyyy/m/d' },
          { value: 1234, format: '#,##0' },
        ],
      ],
    },
    // --- numeric 和暦 year columns
    {
      name: 'a 和暦 column beside a 西暦 column (和暦を併記してもよい)',
      rows: [
        ['和暦\nJapanese year', '西暦\nCalendar year', '値'],
        [21, 2009, 5],
        [22, 2010, 6],
      ],
      tables: [{ headerRows: [0, 0], keyColumns: [0, 1] }],
    },
    { name: 'an ordinary header that mentions an era is not a 和暦 column', rows: [['市町村', '平成の合併前の人口'], ['A市', 21]] },
    {
      name: 'a column titled 和暦 beside 西暦 years that agree row by row (和暦を併記)',
      rows: [
        ['西暦', '和暦', '人口'],
        [2018, '平成30年', 5],
        [2019, '令和元年', 6],
        ['2020年', '令和2年', 7],
      ],
      tables: [{ headerRows: [0, 0], keyColumns: [0, 1] }],
    },
    {
      name: 'a column titled 和暦 beside an e-Stat time code (2017000000) that agrees',
      rows: [
        ['time_code', '和暦', '値'],
        [2017000000, '平成29年', 1],
        [2018000000, '平成30年', 2],
      ],
      tables: [{ headerRows: [0, 0], keyColumns: [0, 1] }],
    },
    {
      name: '和暦 dates titled 和暦 beside 西暦 dates of the same days',
      rows: [
        ['日付', '和暦', '件数'],
        ['2017-04-01', '平成29年4月1日', 1],
        ['2019-05-01', '令和元年5月1日', 2],
      ],
      tables: [{ headerRows: [0, 0], keyColumns: [0, 1] }],
    },
  ],
  invalid: [
    // --- 和暦 beside 西暦
    {
      name: 'a row whose 和暦 disagrees with the 西暦 beside it is reported, never converted; the rows that agree are',
      rows: [
        ['code', 'jp_cal', 'c_e'],
        [2017000000, '平成29年', 2017],
        [2019000000, '令和元年', 2019],
        [2020000000, '令和22年', 2020],
      ],
      tables: [{ headerRows: [0, 0], keyColumns: [0, 1, 2] }],
      ...reading(['B2 era 平成29年 = 2017年 → 2017', 'B3 era 令和元年 = 2019年 → 2019', 'B4 columnMismatch 令和22年 = 2040']),
      check(found) {
        expect(found.find((v) => v.messageId === 'columnMismatch')?.params).toEqual({ text: '令和22年', seireki: 2040, column: 'A', other: '2020000000', otherYear: 2020 });
      },
    },
    {
      name: 'a 和暦 date a day off the 西暦 date beside it is reported',
      rows: [
        ['日付', '和暦', '件数'],
        ['2017-04-01', '平成29年4月1日', 1],
        ['2019-05-01', '令和元年5月2日', 2],
      ],
      tables: [{ headerRows: [0, 0], keyColumns: [0, 1] }],
      ...reading(['B3 columnMismatch 令和元年5月2日 = 2019']),
    },
    {
      name: 'a column titled 和暦 whose years match no 西暦 column is converted like any other',
      rows: [
        ['西暦', '和暦', '値'],
        [1990, '令和2年', 1],
        [1992, '令和3年', 2],
      ],
      tables: [{ headerRows: [0, 0], keyColumns: [0, 1] }],
      ...reading(['B2 era 令和2年 = 2020年 → 2020', 'B3 era 令和3年 = 2021年 → 2021']),
    },
    // --- text cells
    {
      name: 'explicit eras in every region but notes and outside cells',
      rows: [
        ['平成22年国勢調査', null, null], // caption
        ['区分', '平成22年', '(H17=100)'], // header
        [null, '(平成22年=100)', null], // unit
        ['東京', 'H30.3.31', '令和元年5月1日'], // data
        ['大阪', '平成22年度', '2019年'],
        ['注：平成22年の数値', null, null], // note
      ],
      tables: [{ captionRows: [0], headerRows: [1, 1], unitRows: [2], dataRows: [3, 4], noteRows: [5] }],
      ...reading([
        'A1 era 平成22年 = 2010年 → 2010年国勢調査',
        'B2 era 平成22年 = 2010年 → 2010年',
        'B3 era 平成22年 = 2010年 → (2010年=100)',
        'B4 era H30.3.31 = 2018-03-31 → 2018-03-31',
        'B5 era 平成22年度 = 2010年度 → 2010年度',
        'C2 era H17 = 2005年 → (2005=100)',
        'C4 era 令和元年5月1日 = 2019-05-01 → 2019-05-01',
      ]),
    },
    {
      name: 'findings the engine can key on',
      rows: [['年'], ['平成22年']],
      sheet: { id: 'sheet-7' },
      errors: [{ messageId: 'era', at: 'A2', fixId: 'convert', params: { text: '平成22年', seireki: '2010年', after: '2010', count: 1 } }],
    },
    {
      name: 'impossible era dates, reported without converting them',
      rows: [['日付'], ['平成31年5月1日'], ['昭和64年1月8日'], ['平成元年1月7日'], ['平成22年2月30日'], ['平成17～12年'], ['大正16年'], ['昭和64年1月7日']],
      errors: 7,
      check(found) {
        expect(lines(found)).toEqual([
          'A2 outOfEra 平成31年5月1日 = 1989-01-08～2019-04-30',
          'A3 outOfEra 昭和64年1月8日 = 1926-12-25～1989-01-07',
          'A4 outOfEra 平成元年1月7日 = 1989-01-08～2019-04-30',
          'A5 invalidDate 平成22年2月30日',
          'A6 invalidRange 平成17～12年',
          'A7 outOfEra 大正16年 = 1912-07-30～1926-12-24',
          'A8 era 昭和64年1月7日 = 1989-01-07 → 1989-01-07',
        ]);
        expect(found.filter((v) => v.messageId !== 'era').every((v) => v.fixId === undefined && v.params?.after === undefined)).toBe(true);
      },
    },
    {
      name: 'the first invalid match of a cell with several',
      rows: [['期間'], ['平成30年4月1日～平成31年5月1日']],
      ...reading(['A2 outOfEra 平成31年5月1日 = 1989-01-08～2019-04-30']),
    },
    // --- implied era
    {
      name: 'an era carried to the right along a header row',
      rows: [
        ['都道府県', '平成12年', '17年', '人口性比', '22年', '2019年', '23年'],
        ['全国', 1, 2, 3, 4, 5, 6],
      ],
      ...reading(['B1 era 平成12年 = 2000年 → 2000年', 'C1 impliedEra 17年 = 2005年 → 2005年', 'E1 impliedEra 22年 = 2010年 → 2010年']),
    },
    {
      name: 'the leading year of a title flattened from two header rows (`17年 総数`)',
      rows: [
        ['都道府県', '平成12年', '17年 総数', '17年　人口集中地区', '22年度 計', '増減 17年'],
        ['全国', 1, 2, 3, 4, 5],
      ],
      ...reading([
        'B1 era 平成12年 = 2000年 → 2000年',
        'C1 impliedEra 17年 = 2005年 → 2005年 総数',
        'D1 impliedEra 17年 = 2005年 → 2005年　人口集中地区',
        'E1 impliedEra 22年度 = 2010年度 → 2010年度 計',
      ]),
    },
    {
      name: 'no era guessed for header years with none before them',
      rows: [
        ['区分', '17年', '22年', '平成12年'],
        ['全国', 1, 2, 3],
      ],
      ...reading(['D1 era 平成12年 = 2000年 → 2000年']),
    },
    {
      name: 'an era carried down a key column, with bare months under a year',
      rows: [
        ['年 月', '値'],
        ['平成 22 年', 1],
        ['23 年', 1],
        ['平成23年7-9月', 1],
        ['7', 1],
        [8, 1], // typed number
        ['9月', 1],
        ['10-12月', 1],
        [null, 1], // omitted: context kept
        ['11', 1],
        ['1', 1], // month going back: a new year nobody wrote, so no guess
        ['2', 1],
        ['24 年', 1], // the era still holds
      ],
      ...reading([
        'A2 era 平成 22 年 = 2010年 → 2010年',
        'A3 impliedEra 23 年 = 2011年 → 2011年',
        'A4 era 平成23年7-9月 = 2011年7-9月 → 2011年7-9月',
        'A5 impliedEra 7 = 2011年7月 → 2011年7月',
        'A6 impliedEra 8 = 2011年8月 → 2011年8月',
        'A7 impliedEra 9月 = 2011年9月 → 2011年9月',
        'A8 impliedEra 10-12月 = 2011年10-12月 → 2011年10-12月',
        'A10 impliedEra 11 = 2011年11月 → 2011年11月',
        'A13 impliedEra 24 年 = 2012年 → 2012年',
      ]),
    },
    {
      name: 'no months read under a fiscal year (they straddle two years)',
      rows: [['年度'], ['平成22年度'], ['4'], ['5'], ['23年度']],
      ...reading(['A2 era 平成22年度 = 2010年度 → 2010年度', 'A5 impliedEra 23年度 = 2011年度 → 2011年度']),
    },
    {
      name: 'the context stops at a Gregorian year and at other labels',
      rows: [['年'], ['平成22年'], ['2011年'], ['12年'], ['平成24年'], ['合計'], ['3'], ['25年']],
      ...reading([
        'A2 era 平成22年 = 2010年 → 2010年',
        'A4 eraMissing 12年', // among 西暦 years: which era, nobody can tell
        'A5 era 平成24年 = 2012年 → 2012年',
        'A8 impliedEra 25年 = 2013年 → 2013年',
      ]),
    },
    {
      name: 'context carried only in label columns, never in measurement columns',
      rows: [
        ['区分', 'メモ'],
        ['平成22年', '平成22年'],
        ['23年', '23年'],
        ['1', '1'],
      ],
      ...reading(['A2 era 平成22年 = 2010年 → 2010年', 'A3 impliedEra 23年 = 2011年 → 2011年', 'A4 impliedEra 1 = 2011年1月 → 2011年1月', 'B2 era 平成22年 = 2010年 → 2010年']),
    },
    {
      name: 'context carried in a column detected as period even when not a key',
      rows: [
        ['No.', '時点'],
        [1, '平成22年'],
        [2, '23年'],
      ],
      tables: [{ headerRows: [0, 0], keyColumns: [0], kinds: ['code', 'period'] }],
      ...reading(['B2 era 平成22年 = 2010年 → 2010', 'B3 impliedEra 23年 = 2011年 → 2011']),
    },
    {
      name: 'tables kept apart',
      rows: [['年'], ['平成22年'], [null], ['年'], ['23年']],
      tables: [
        { headerRows: [0, 0], dataRows: [1, 1] },
        { headerRows: [3, 3], dataRows: [4, 4] },
      ],
      ...reading(['A2 era 平成22年 = 2010年 → 2010']),
    },
    // --- era number formats
    ...(
      [
        ['[$-411]ggge"年"m"月"d"日"', '平成24年2月29日'],
        ['[$-ja-JP]ggge"年"m"月"d"日"', '平成24年2月29日'],
        ['[$-411]ge.m.d', 'H24.2.29'],
      ] as const
    ).map(([format, display]) => ({
      name: `a date serial shown as ${format}`,
      rows: [['日付'], [{ value: serial20120229, format }]],
      errors: [{ messageId: 'eraFormat' as const, at: 'A2', fixId: 'isoFormat' as const, params: { display, iso: '2012-02-29', after: '2012-02-29' } }],
    })),
    {
      name: 'the 1904 date system when the workbook uses it',
      rows: [['日付'], [{ value: serial20120229 - 1462, format: '[$-411]ggge"年"m"月"d"日"' }]],
      date1904: true,
      ...reading(['A2 eraFormat 平成24年2月29日 = 2012-02-29 → 2012-02-29']),
    },
    // --- numeric 和暦 year columns
    {
      name: 'a 和暦 year column without a 西暦 column: converted only when the era is named',
      rows: [
        ['和暦', '和暦（平成）', '年(昭和)', '値'],
        [21, 21, 63, 5],
        ['22', '22年', 65, 6],
      ],
      tables: [{ headerRows: [0, 0], keyColumns: [0, 1, 2] }],
      ...reading([
        'A2 eraYearColumnUnknownEra 21',
        'A3 eraYearColumnUnknownEra 22',
        'B2 eraYearColumn 21 = 2009年 → 2009',
        'B3 eraYearColumn 22 = 2010年 → 2010',
        'C2 eraYearColumn 63 = 1988年 → 1988',
        'C3 outOfEra 65年 = 1926-12-25～1989-01-07',
      ]),
    },
    // --- fixtures
    {
      name: 'population.xlsx: header years 平成12年, 17年, 22年 and the ranges in titles',
      view: () => {
        const sheet = sheetOf('population.xlsx');
        expect(getValue(sheet, 55, 0)).toContain('平成22年'); // in a note: not reported
        // README rows (1-based): caption 1, header 3–4, units 5, data 6–53, notes 55–58.
        return viewOf(sheet, [tableOf(sheet, { captionRows: [0], headerRows: [2, 3], unitRows: [4], dataRows: [5, 52], noteRows: [54, 55, 56, 57] })]);
      },
      ...reading([
        'B3 era 平成12年 = 2000年 → 2000年',
        'C3 impliedEra 17年 = 2005年 → 2005年',
        'E3 era 平成12～17年 = 2000～2005年 → 人口増減率\n(2000～2005年)',
        'F3 impliedEra 22年 = 2010年 → 2010年',
        'I3 era 平成17～22年 = 2005～2010年 → 人口増減率\n(2005～2010年)',
      ]),
    },
    {
      name: 'crushed-stone.xlsx: years, fiscal years, quarters and bare months in both tables',
      view: () => {
        const sheet = sheetOf('crushed-stone.xlsx');
        // Table (1): caption rows 1–2, header 3–4, data 5–20, 年 月 in A and again in I.
        const t1 = tableOf(sheet, { captionRows: [0, 1], headerRows: [2, 3], dataRows: [4, 19], columns: [0, 8], keyColumns: [0, 8] }, 't1');
        // Table (2): caption row 22, header 23, data 24–29.
        const t2 = tableOf(sheet, { captionRows: [21], headerRows: [22, 22], dataRows: [23, 28], columns: [0, 6], keyColumns: [0] }, 't2');
        return viewOf(sheet, [t1, t2]);
      },
      ...(() => {
        const table1 = (col: string) => [
          `${col}5 era 平成 22 年 = 2010年 → 2010年`,
          `${col}6 impliedEra 23 年 = 2011年 → 2011年`,
          `${col}7 era 平成 22 年度 = 2010年度 → 2010年度`,
          `${col}8 impliedEra 23 年度 = 2011年度 → 2011年度`,
          `${col}9 era 平成23年7-9月 = 2011年7-9月 → 2011年7-9月`,
          `${col}10 impliedEra 7 = 2011年7月 → 2011年7月`,
          `${col}11 impliedEra 8 = 2011年8月 → 2011年8月`,
          `${col}12 impliedEra 9 = 2011年9月 → 2011年9月`,
          `${col}13 impliedEra 10-12月 = 2011年10-12月 → 2011年10-12月`,
          `${col}14 impliedEra 10 = 2011年10月 → 2011年10月`,
          `${col}15 impliedEra 11 = 2011年11月 → 2011年11月`,
          `${col}16 impliedEra 12 = 2011年12月 → 2011年12月`,
          `${col}17 era 平成24年1-3月 = 2012年1-3月 → 2012年1-3月`,
          `${col}18 impliedEra 1 = 2012年1月 → 2012年1月`,
          `${col}19 impliedEra 2 = 2012年2月 → 2012年2月`,
          `${col}20 impliedEra 3 = 2012年3月 → 2012年3月`,
        ];
        const expected = [
          ...table1('A'),
          'A24 era 平成 22 年 = 2010年 → 2010年',
          'A25 impliedEra 23 年 = 2011年 → 2011年',
          'A26 era 平成23年7-9月 = 2011年7-9月 → 2011年7-9月',
          'A27 impliedEra 7 = 2011年7月 → 2011年7月',
          'A28 impliedEra 8 = 2011年8月 → 2011年8月',
          'A29 impliedEra 9 = 2011年9月 → 2011年9月',
          ...table1('I'),
        ];
        expect(expected).toHaveLength(16 + 6 + 16);
        return reading(expected);
      })(),
    },
    {
      name: 'ci-index.xlsx: H17 in the header; the 和暦 column beside 西暦 is allowed',
      view: () => {
        const sheet = sheetOf('ci-index.xlsx');
        return viewOf(sheet, [tableOf(sheet, { captionRows: [0], headerRows: [2, 3], dataRows: [4, sheet.rowCount - 1], keyColumns: [0, 1, 2] })]);
      },
      ...reading(['D3 era H17 = 2005年 → CI指数 (2005=100)\nComposite Indexes (2005=100)']),
    },
    {
      name: 'ci-index.xlsx without its 西暦 column: the 和暦 years are reported, era unknown',
      view: () => {
        const sheet = sheetOf('ci-index.xlsx');
        sheet.columns.splice(1, 1); // drop column B (西暦)
        return viewOf(sheet, [tableOf(sheet, { captionRows: [0], headerRows: [2, 3], dataRows: [4, sheet.rowCount - 1], keyColumns: [0, 1] })]);
      },
      // Column A holds 21 (row 5), 22 (row 7), 23 (row 19), 24 (row 27): the year is written
      // only on each year's first month.
      ...reading([
        'A5 eraYearColumnUnknownEra 21',
        'A7 eraYearColumnUnknownEra 22',
        'A19 eraYearColumnUnknownEra 23',
        'A27 eraYearColumnUnknownEra 24',
        'C3 era H17 = 2005年 → CI指数 (2005=100)\nComposite Indexes (2005=100)',
      ]),
    },
    {
      name: 'shelters-sjis.csv: mixed era dates become YYYY-MM-DD',
      view: () => {
        const sheet = sheetOf('shelters-sjis.csv');
        return viewOf(sheet, [tableOf(sheet, { headerRows: [0, 0], dataRows: [1, 6], keyColumns: [0] })]);
      },
      ...reading([
        'E2 era 平成31年4月1日 = 2019-04-01 → 2019-04-01',
        'E3 era H30.3.31 = 2018-03-31 → 2018-03-31',
        'E4 era 令和元年5月1日 = 2019-05-01 → 2019-05-01',
        'E5 era R2.10.1 = 2020-10-01 → 2020-10-01',
        'E6 era 令和5年4月1日 = 2023-04-01 → 2023-04-01',
        'E7 era 昭和63年7月1日 = 1988-07-01 → 1988-07-01',
      ]),
    },
    {
      name: 'cell_format_2007.xlsx 書式（日付）: [$-411] serials across era boundaries, and the texts Excel shows',
      skip: missingCorpus(['excel-cellformatter/cell_format_2007.xlsx']),
      view: () => {
        const sheet = corpusSheet('excel-cellformatter/cell_format_2007.xlsx', '書式（日付）');
        // Header row 3 (No. / 説明 / テストケース / テスト結果 …), cases in rows 4–36.
        return viewOf(sheet, [tableOf(sheet, { captionRows: [0], headerRows: [2, 2], dataRows: [3, sheet.rowCount - 1], keyColumns: [0] })]);
      },
      errors: 35,
      check(found, view) {
        // Rows 22–28 use [$-411]ge.m.d, rows 29–35 [$-411]ggge"年"m"月"d"日"; column D holds
        // what Excel displays for the serial in column C.
        const isoOf: Record<string, string> = {
          'H24.2.29': '2012-02-29',
          'S64.1.7': '1989-01-07',
          'H1.1.8': '1989-01-08',
          'T15.12.24': '1926-12-24',
          'S1.12.25': '1926-12-25',
          'M45.7.29': '1912-07-29',
          'T1.7.30': '1912-07-30',
        };
        const shown = Object.keys(isoOf);
        const kanji = ['平成24年2月29日', '昭和64年1月7日', '平成1年1月8日', '大正15年12月24日', '昭和1年12月25日', '明治45年7月29日', '大正1年7月30日'];
        const iso = Object.values(isoOf);
        expect(lines(found)).toEqual([
          // 説明 column: `(和暦)平成13年3月14日` (rows 29–35); `(和暦)H:13:3.14` is no date.
          ...[29, 30, 31, 32, 33, 34, 35].map((r) => `B${r} era 平成13年3月14日 = 2001-03-14 → (和暦)2001年3月14日`),
          ...shown.map((d, i) => `C${22 + i} eraFormat ${d} = ${iso[i]} → ${iso[i]}`),
          ...kanji.map((d, i) => `C${29 + i} eraFormat ${d} = ${iso[i]} → ${iso[i]}`),
          ...shown.map((d, i) => `D${22 + i} era ${d} = ${iso[i]} → ${iso[i]}`),
          ...kanji.map((d, i) => `D${29 + i} era ${d} = ${iso[i]} → ${iso[i]}`),
        ]);
        // The display text the rule quotes is what Excel shows (テスト結果 column).
        for (const v of found.filter((x) => x.messageId === 'eraFormat')) {
          expect(v.params?.display).toBe(getValue(view.sheet, v.range.s.r, 3));
        }
      },
    },
    {
      name: '26jinugoki.xls Ⅰ: ` 平 成 ６ 年` then years and months with the era left out',
      skip: missingCorpus(['kobe-opendata/26jinugoki.xls']),
      view: () => {
        const sheet = corpusSheet('kobe-opendata/26jinugoki.xls', 'Ⅰ');
        // Title rows 1 and 3 (J3/K3 hold remarks on the years), header rows 4–7 (年月・区 in A
        // and again in S), data rows 9–60, notes 62–67.
        const t = tableOf(sheet, { captionRows: [0, 2], headerRows: [3, 6], dataRows: [8, 59], noteRows: [61, 62, 63, 64, 65, 66], columns: [0, 18], keyColumns: [0, 18] });
        return viewOf(sheet, [t]);
      },
      ...(() => {
        const column = (col: string) => {
          const out = [`${col}9 era 平 成 ６ 年 = 1994年 → 1994年`];
          // Heisei 7–25 in rows 10–18 and 20–29 (row 19 is blank).
          for (let y = 7, r = 10; y <= 25; y++, r++) {
            if (r === 19) r++;
            out.push(`${col}${r} impliedEra ${y < 10 ? String.fromCharCode(0xff10 + y) : y} 年 = ${1988 + y}年 → ${1988 + y}年`);
          }
          out.push(`${col}31 era 平 成 26 年 = 2014年 → 2014年`);
          const fw = (n: number) => String(n).replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
          for (let m = 1; m <= 12; m++) {
            const text = m < 10 ? `${fw(m)}　　月` : `${m}　　月`;
            out.push(`${col}${32 + m} impliedEra ${text} = 2014年${m}月 → 2014年${m}月`);
          }
          return out;
        };
        const expected = [
          ...column('A'),
          'J3 era 平成11年、平成13年、平成16年、平成18年、平成21年 = 1999年、2001年、2004年、2006年、2009年 → 1999年，2001年から2004年及び2006年から2009年の人口は国勢調査結果に基づいて，',
          // `平成８・９年`: the era is written once for both years.
          'K3 era 平成８、９年 = 1996年、1997年 →  1996・1997年の人口は被災地人口実態調査結果に基づいて修正しているが，人口増加数は修正していない。',
          ...column('S'),
        ];
        expect(expected).toHaveLength(33 * 2 + 2);
        return reading(expected);
      })(),
    },
  ],
});

describe('wareki rule: performance', () => {
  it('checks a sheet with work linear in its rows', () => {
    const work = (rows: number) => {
      const sheet = newSheet('big', 'big', rows, 6);
      setCell(sheet, 0, 0, { value: '年 月' });
      for (let c = 1; c < 6; c++) setCell(sheet, 0, c, { value: `項目${c}` });
      for (let r = 1; r < rows; r++) {
        const k = r % 13;
        setCell(sheet, r, 0, { value: k === 0 ? `平成${10 + (Math.floor(r / 13) % 20)}年` : String(k) });
        setCell(sheet, r, 1, { value: r * 3 });
        setCell(sheet, r, 2, { value: (r % 97) / 7 });
        setCell(sheet, r, 3, { value: r % 5 === 0 ? '東京都千代田区' : '1,234' });
        setCell(sheet, r, 4, { value: r % 11 === 0 ? 'H30.3.31' : 'x' });
        setCell(sheet, r, 5, { value: r % 3 === 0 ? null : '備考あり' });
      }
      const { view, steps } = countingView(viewOf(sheet));
      const vs = detect(view);
      // Every row but the first data rows (months before any era) is 和暦 in column A.
      expect(vs.filter((v) => v.range.s.c === 0)).toHaveLength(rows - 1 - 12);
      expect(vs.filter((v) => v.range.s.c === 4)).toHaveLength(Math.floor((rows - 1) / 11));
      return steps();
    };
    expect(growth(work, 5000)).toBeLessThan(LINEAR);
  });
});

// --- fix ---------------------------------------------------------------------------------

const applyFix = (view: SheetView, options: FixOptions = {}, date1904 = false): Change[] => applyFixChecked(wareki, view, options, date1904);

/** `A5 平成 22 年 → 2010年` per cell change. */
function edits(changes: Change[]): string[] {
  return changes.flatMap((c) => (c.kind === 'cell' ? [`${cellAddress(c.r, c.c)} ${String(c.before.value)} → ${JSON.stringify(c.after.value)}`] : []));
}

const fixable = (vs: Violation[]) => vs.filter((v) => v.fixId !== undefined);
const column = (sheet: Sheet, c: number) => sheet.columns[c].values.slice();

/** The rows of a sheet as plain values. */
function grid(sheet: Sheet): CellValue[][] {
  const out: CellValue[][] = [];
  for (let r = 0; r < sheet.rowCount; r++) out.push(sheet.columns.map((_, c) => getValue(sheet, r, c)));
  return out;
}

describe('wareki fix: titles and text', () => {
  it('replaces each 和暦 expression in place, with the implied era of the header', () => {
    const sheet = sheetFromRows([
      ['平成22年国勢調査 (H17=100)', null, null, null],
      ['都道府県', '平成12年', '17年', '人口増減率(平成12～17年)'],
      ['全国', 1, 2, 3],
    ]);
    const t = tableOf(sheet, { captionRows: [0], headerRows: [1, 1] });
    const changes = applyFix(viewOf(sheet, [t]));
    expect(edits(changes)).toEqual([
      'A1 平成22年国勢調査 (H17=100) → "2010年国勢調査 (2005=100)"',
      'B2 平成12年 → "2000年"',
      'C2 17年 → "2005年"',
      'D2 人口増減率(平成12～17年) → "人口増減率(2000～2005年)"',
    ]);
    expect(detect(viewOf(sheet, [t]))).toEqual([]);
  });

  it('keeps 年度, periods and dates inside text readable', () => {
    const sheet = sheetFromRows([['平成22年度 決算', null], ['項目', '平成23年7-9月の値（平成23年7月1日現在）'], ['a', 1]]);
    const t = tableOf(sheet, { captionRows: [0], headerRows: [1, 1] });
    expect(edits(applyFix(viewOf(sheet, [t])))).toEqual([
      'A1 平成22年度 決算 → "2010年度 決算"',
      'B2 平成23年7-9月の値（平成23年7月1日現在） → "2011年7-9月の値（2011年7月1日現在）"',
    ]);
  });

  it('gives the same text in the violation as the fix writes', () => {
    const sheet = sheetFromRows([
      ['年 月', '日付', '説明'],
      ['平成 22 年', 'H30.3.31', '(和暦)平成13年3月14日'],
      ['平成23年7-9月', '令和元年5月1日', '平成12～17年'],
      ['7', 'R2.10.1', 'x'],
    ]);
    const view = viewOf(sheet);
    const promised = new Map(detect(view).map((v) => [cellAddress(v.range.s.r, v.range.s.c), v.params?.after]));
    for (const ch of wareki.fix!(view, {})) {
      if (ch.kind === 'cell') expect(String(ch.after.value)).toBe(promised.get(cellAddress(ch.r, ch.c)));
    }
    expect(promised.size).toBe(8);
  });

  it('leaves a 西暦 written beside the era (平成24(2012)年) as it is', () => {
    const sheet = sheetFromRows([['平成22年工業統計表　平成24(2012)年1月25日掲載'], ['区分'], ['2012（平成24）年']]);
    const t = tableOf(sheet, { captionRows: [0], headerRows: [1, 1] });
    expect(edits(applyFix(viewOf(sheet, [t])))).toEqual(['A1 平成22年工業統計表　平成24(2012)年1月25日掲載 → "2010年工業統計表　平成24(2012)年1月25日掲載"']);
    expect(detect(viewOf(sheet, [t]))).toEqual([]);
  });

  it('reports a 西暦 beside the era that disagrees, and converts nothing', () => {
    const sheet = sheetFromRows([['年'], ['平成24(2013)年']]);
    expect(lines(detect(viewOf(sheet)))).toEqual(['A2 gregorianMismatch 平成24(2013)年']);
    expect(wareki.fix!(viewOf(sheet), {})).toEqual([]);
  });
});

describe('wareki fix: key and year cells', () => {
  it('gives a column of plain years numbers (xsd:gYear), 西暦 years already there included', () => {
    const sheet = sheetFromRows([
      ['年', '人口'],
      [{ value: '平成 22 年', format: '@', note: 'a)' }, 1],
      [{ value: '23 年', format: '#,##0' }, 2],
      ['2012年', 3],
      [2013, 4],
      [null, 5],
      ['平成26年', 6],
    ]);
    const changes = applyFix(viewOf(sheet));
    expect(edits(changes)).toEqual(['A2 平成 22 年 → 2010', 'A3 23 年 → 2011', 'A7 平成26年 → 2014']);
    expect(getCell(sheet, 1, 0)).toEqual({ value: 2010, note: 'a)' }); // the text format goes, the note stays
    expect(getCell(sheet, 2, 0)).toEqual({ value: 2011 }); // not 2,011
    expect(detect(viewOf(sheet))).toEqual([]);
  });

  it('keeps text in a period column mixing years, fiscal years, quarters and months', () => {
    const sheet = sheetFromRows([
      ['年 月', '値'],
      ['平成 22 年', 1],
      ['23 年', 1],
      ['平成 22 年度', 1],
      ['平成23年7-9月', 1],
      ['7', 1],
      [8, 1],
      ['10-12月', 1],
      ['10', 1],
    ]);
    applyFix(viewOf(sheet));
    expect(column(sheet, 0)).toEqual(['年 月', '2010年', '2011年', '2010年度', '2011年7-9月', '2011年7月', '2011年8月', '2011年10-12月', '2011年10月']);
    expect(detect(viewOf(sheet))).toEqual([]);
  });

  it('writes dates as YYYY-MM-DD text', () => {
    const sheet = sheetFromRows([['日付'], ['平成31年4月1日'], ['H30.3.31'], ['令和元年5月1日'], ['R2.10.1'], ['昭和63年7月1日'], ['昭和64年1月7日']]);
    applyFix(viewOf(sheet));
    expect(column(sheet, 0)).toEqual(['日付', '2019-04-01', '2018-03-31', '2019-05-01', '2020-10-01', '1988-07-01', '1989-01-07']);
  });

  it('never converts an impossible era date; it stays reported', () => {
    const sheet = sheetFromRows([['日付', '期間'], ['平成31年5月1日', '平成30年～平成31年5月1日'], ['昭和64年1月8日', '平成23年9-7月'], ['平成31年4月30日', 'x']]);
    const changes = applyFix(viewOf(sheet));
    expect(edits(changes)).toEqual(['A4 平成31年4月30日 → "2019-04-30"']);
    expect(lines(detect(viewOf(sheet)))).toEqual([
      'A2 outOfEra 平成31年5月1日 = 1989-01-08～2019-04-30',
      'A3 outOfEra 昭和64年1月8日 = 1926-12-25～1989-01-07',
      'B2 outOfEra 平成31年5月1日 = 1989-01-08～2019-04-30',
      'B3 invalidRange 平成23年9-7月',
    ]);
    expect(wareki.fix!(viewOf(sheet), {})).toEqual([]);
  });

  it('gives era-formatted date serials the format yyyy-mm-dd, keeping the value', () => {
    const serial = 40968; // 2012-02-29
    const sheet = sheetFromRows([['日付', '時刻'], [{ value: serial, format: '[$-411]ggge"年"m"月"d"日"' }, { value: serial + 0.5, format: '[$-411]ge.m.d h:mm' }]]);
    const changes = applyFix(viewOf(sheet));
    expect(changes).toMatchObject([
      { kind: 'cell', r: 1, c: 0, before: { value: serial, format: '[$-411]ggge"年"m"月"d"日"' }, after: { value: serial, format: 'yyyy-mm-dd' } },
      { kind: 'cell', r: 1, c: 1, before: { format: '[$-411]ge.m.d h:mm' }, after: { value: serial + 0.5, format: 'yyyy-mm-dd hh:mm:ss' } },
    ]);
    expect(formatValue(serial, getFormat(sheet, 1, 0))).toBe('2012-02-29');
    expect(exportText(serial + 0.5, getFormat(sheet, 1, 1), undefined)).toBe('2012-02-29T12:00:00');
    expect(detect(viewOf(sheet))).toEqual([]);
  });

  it('uses the 1904 date system for what it shows', () => {
    const sheet = sheetFromRows([['日付'], [{ value: 40968 - 1462, format: '[$-411]ggge"年"m"月"d"日"' }]]);
    const view = viewOf(sheet, undefined, true);
    const changes = applyFix(view, { keepOriginal: true }, true);
    expect(changes[0]).toMatchObject({ kind: 'columns', columns: [{ column: { values: ['日付（和暦）', '平成24年2月29日'] } }] });
  });

  it('does nothing on a sheet without 和暦, and nothing the second time', () => {
    const sheet = sheetFromRows([['年', '値'], ['2010年', 1], [2011, 2]]);
    expect(wareki.fix!(viewOf(sheet), {})).toEqual([]);
    const again = sheetFromRows([['年', '値'], ['平成22年', 1]]);
    applyFix(viewOf(again));
    expect(wareki.fix!(viewOf(again), { keepOriginal: true })).toEqual([]);
  });
});

describe('wareki fix: numeric 和暦 year columns', () => {
  it('leaves a 和暦 column beside a 西暦 column as it is (ci-index.xlsx)', () => {
    const view = fixtureView('ci-index.xlsx');
    const a = column(view.sheet, 0);
    const changes = applyFix(view);
    expect(edits(changes)).toEqual(['D3 CI指数 (H17=100)\nComposite Indexes (2005=100) → "CI指数 (2005=100)\\nComposite Indexes (2005=100)"']);
    expect(column(view.sheet, 0)).toEqual(a);
    expect(detect(fixtureView('ci-index.xlsx')).length).toBe(1);
  });

  it('adds a 西暦 column beside a 和暦 column whose era is named, and still reports impossible years there', () => {
    const sheet = sheetFromRows([
      ['和暦（平成）', '値'],
      [21, 5],
      [null, 6],
      ['22年', 7],
      [32, 8],
    ]);
    const t = tableOf(sheet, { headerRows: [0, 0], keyColumns: [0] });
    const changes = applyFix(viewOf(sheet, [t]));
    expect(changes.map((c) => c.kind)).toEqual(['columns']);
    expect(column(sheet, 0)).toEqual(['和暦（平成）', 21, null, '22年', 32]);
    expect(column(sheet, 1)).toEqual(['西暦', 2009, null, 2010, null]);
    const after = tableOf(sheet, { headerRows: [0, 0], keyColumns: [0, 1] });
    expect(lines(detect(viewOf(sheet, [after])))).toEqual(['A5 outOfEra 32年 = 1989-01-08～2019-04-30']);
    expect(wareki.fix!(viewOf(sheet, [after]), {})).toEqual([]);
  });

  it('converts nothing when the era of a 和暦 column is unknown', () => {
    const sheet = sheetFromRows([['和暦', '値'], [21, 5]]);
    expect(wareki.fix!(viewOf(sheet), {})).toEqual([]);
    expect(lines(detect(viewOf(sheet)))).toEqual(['A2 eraYearColumnUnknownEra 21']);
  });
});

describe('wareki fix: keepOriginal', () => {
  it('is off by default', () => {
    expect(wareki.fixOptions?.keepOriginal.default).toBe(false);
  });

  it('adds the original 和暦 right of each converted column, before the cell changes', () => {
    const sheet = sheetFromRows([
      ['No.', '指定日', '備考'],
      ['1', '平成31年4月1日', 'x'],
      ['2', 'H30.3.31', null],
      ['3', '2020-10-01', null],
    ]);
    sheet.colWidths = [40, 120, 80];
    const t = tableOf(sheet, { headerRows: [0, 0], keyColumns: [0] });
    const changes = applyFix(viewOf(sheet, [t]), { keepOriginal: true });
    expect(changes.map((c) => c.kind)).toEqual(['columns', 'cell', 'cell']);
    expect(changes[0]).toMatchObject({ op: 'insert', start: 2, columns: [{ width: 120, hidden: false }] });
    expect(column(sheet, 1)).toEqual(['指定日', '2019-04-01', '2018-03-31', '2020-10-01']);
    expect(column(sheet, 2)).toEqual(['指定日（和暦）', '平成31年4月1日', 'H30.3.31', null]);
    expect(column(sheet, 3)).toEqual(['備考', 'x', null, null]);
    expect(sheet.colWidths).toEqual([40, 120, 120, 80]);
    // The 和暦 kept beside its 西暦 is allowed (「和暦を併記してもよい」).
    const after = tableOf(sheet, { headerRows: [0, 0], keyColumns: [0] });
    expect(detect(viewOf(sheet, [after]))).toEqual([]);
  });

  it('widens a header merge spanning the insertion point and mirrors the column’s own header merge', () => {
    const sheet = sheetFromRows(
      [
        ['年 月', '時点', null, '値'],
        [null, '開始', '終了', null],
        ['平成22年', '平成22年4月1日', '平成23年3月31日', 1],
        ['平成23年', '平成23年4月1日', '平成24年3月31日', 2],
      ],
      { merges: ['A1:A2', 'B1:C1', 'D1:D2'] },
    );
    const t = tableOf(sheet, { headerRows: [0, 1], keyColumns: [0] });
    const changes = applyFix(viewOf(sheet, [t]), { keepOriginal: true });
    expect(changes.map((c) => c.kind).slice(0, 9)).toEqual(['merge', 'columns', 'merge', 'merge', 'columns', 'merge', 'columns', 'merge', 'cell']);
    expect(grid(sheet).slice(0, 3)).toEqual([
      ['年 月', '年 月（和暦）', '時点', null, null, null, '値'],
      [null, null, '開始', '開始（和暦）', '終了', '終了（和暦）', null],
      [2010, '平成22年', '2010-04-01', '平成22年4月1日', '2011-03-31', '平成23年3月31日', 1],
    ]);
    expect(sheet.merges.map((m) => rangeAddress(m)).sort()).toEqual(['A1:A2', 'B1:B2', 'C1:F1', 'G1:G2']);
    const after = tableOf(sheet, { headerRows: [0, 1], keyColumns: [0] });
    expect(detect(viewOf(sheet, [after]))).toEqual([]);
  });

  it('crushed-stone.xlsx: one 和暦 column per converted column, shared by both tables', () => {
    const view = fixtureView('crushed-stone.xlsx');
    const { sheet } = view;
    const changes = applyFix(view, { keepOriginal: true });
    expect(changes.filter((c) => c.kind === 'columns').map((c) => c.kind === 'columns' && c.start)).toEqual([9, 1]);
    expect(getValue(sheet, 2, 1)).toBe('年 月（和暦）');
    expect(getValue(sheet, 22, 1)).toBe('年 月（和暦）');
    expect(getValue(sheet, 2, 10)).toBe('年 月（和暦）');
    expect([getValue(sheet, 9, 0), getValue(sheet, 9, 1)]).toEqual(['2011年7月', '7']);
    expect([getValue(sheet, 26, 0), getValue(sheet, 26, 1)]).toEqual(['2011年7月', '7']);
    expect(getValue(sheet, 9, 2)).toBe('...');
    expect(detect(buildSheetView(sheet, false, detectStructure(sheet)))).toEqual([]);
  });
});

describe('wareki fix: guide fixtures', () => {
  it('population.xlsx: titles in 西暦 (2000年, 2005年, 2010年) and the ranges', () => {
    const view = fixtureView('population.xlsx');
    const changes = applyFix(view);
    expect(edits(changes)).toEqual([
      'B3 平成12年 → "2000年"',
      'C3 17年 → "2005年"',
      'E3 人口増減率\n(平成12～17年) → "人口増減率\\n(2000～2005年)"',
      'F3 22年 → "2010年"',
      'I3 人口増減率\n(平成17～22年) → "人口増減率\\n(2005～2010年)"',
    ]);
    expect(getValue(view.sheet, 55, 0)).toContain('平成22年'); // the note names a document: untouched
    expect(detect(buildSheetView(view.sheet, false, detectStructure(view.sheet)))).toEqual([]);
  });

  it('crushed-stone.xlsx: column A periods in 西暦, months placed in their year, in both tables', () => {
    const view = fixtureView('crushed-stone.xlsx');
    const { sheet } = view;
    applyFix(view);
    const table1 = [
      '2010年',
      '2011年',
      '2010年度',
      '2011年度',
      '2011年7-9月',
      '2011年7月',
      '2011年8月',
      '2011年9月',
      '2011年10-12月',
      '2011年10月',
      '2011年11月',
      '2011年12月',
      '2012年1-3月',
      '2012年1月',
      '2012年2月',
      '2012年3月',
    ];
    expect(column(sheet, 0).slice(4, 20)).toEqual(table1);
    expect(column(sheet, 8).slice(4, 20)).toEqual(table1); // the repeated 年 月 on the right
    expect(column(sheet, 0).slice(23, 29)).toEqual(['2010年', '2011年', '2011年7-9月', '2011年7月', '2011年8月', '2011年9月']);
    expect(getValue(sheet, 9, 1)).toBe('...');
    expect(detect(buildSheetView(sheet, false, detectStructure(sheet)))).toEqual([]);
  });

  it('ci-index.xlsx: H17 → 2005 in the title', () => {
    const view = fixtureView('ci-index.xlsx');
    applyFix(view);
    expect(getValue(view.sheet, 2, 3)).toBe('CI指数 (2005=100)\nComposite Indexes (2005=100)');
  });

  it('shelters-sjis.csv: dates 2019-04-01, 2018-03-31, 2019-05-01, 2020-10-01, 2023-04-01, 1988-07-01', () => {
    const view = fixtureView('shelters-sjis.csv');
    applyFix(view);
    expect(column(view.sheet, 4)).toEqual(['指定日', '2019-04-01', '2018-03-31', '2019-05-01', '2020-10-01', '2023-04-01', '1988-07-01']);
    expect(detect(buildSheetView(view.sheet, false, detectStructure(view.sheet)))).toEqual([]);
  });

  itWithCorpus('cell_format_2007.xlsx 書式（日付）: [$-411] serials keep their value and show as yyyy-mm-dd', 'excel-cellformatter/cell_format_2007.xlsx', () => {
    const sheet = corpusSheet('excel-cellformatter/cell_format_2007.xlsx', '書式（日付）');
    const t = tableOf(sheet, { captionRows: [0], headerRows: [2, 2], dataRows: [3, sheet.rowCount - 1], keyColumns: [0] });
    const values = column(sheet, 2);
    const changes = applyFix(viewOf(sheet, [t]));
    expect(column(sheet, 2)).toEqual(values);
    const iso = ['2012-02-29', '1989-01-07', '1989-01-08', '1926-12-24', '1926-12-25', '1912-07-29', '1912-07-30'];
    for (let i = 0; i < 7; i++) {
      for (const r of [21 + i, 28 + i]) {
        expect(getFormat(sheet, r, 2)).toBe('yyyy-mm-dd');
        expect(formatValue(getValue(sheet, r, 2), getFormat(sheet, r, 2))).toBe(iso[i]);
        expect(getValue(sheet, r, 3)).toBe(iso[i]); // what Excel showed, converted too
      }
    }
    expect(changes.filter((c) => c.kind === 'cell' && c.c === 2)).toHaveLength(14);
    expect(detect(viewOf(sheet, [t]))).toEqual([]);
  });

  it('industry.xlsx: the caption year; the 西暦 written beside 平成24 stays', () => {
    const view = fixtureView('industry.xlsx');
    expect(edits(applyFix(view))).toEqual([
      'A1 平成22年工業統計表【概要版】データ　平成24(2012)年1月25日掲載 → "2010年工業統計表【概要版】データ　平成24(2012)年1月25日掲載"',
    ]);
  });
});

describe('wareki fix: properties', () => {
  const era = fc.constantFrom('平成', '昭和', 'H', 'S', '令和');
  const year = fc.integer({ min: 1, max: 40 });
  const label: fc.Arbitrary<CellValue> = fc.oneof(
    fc.tuple(era, year).map(([e, y]) => `${e}${y}年`),
    fc.tuple(era, year).map(([e, y]) => `${e} ${y} 年度`),
    fc.tuple(era, year, fc.integer({ min: 1, max: 12 })).map(([e, y, m]) => `${e}${y}年${m}-${Math.min(12, m + 2)}月`),
    fc.tuple(era, year, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 })).map(([e, y, m, d]) => `${e}${y}.${m}.${d}`),
    year.map((y) => `${y}年`),
    fc.integer({ min: 1, max: 13 }).map(String),
    fc.integer({ min: 1, max: 12 }),
    fc.constantFrom('合計', '2019年', null, '平成31年5月1日', '昭和64年1月8日'),
  );
  /** The table over the whole sheet, kinds from the titles (an added column is text). */
  const tableFor = (sheet: Sheet) => {
    const kinds = sheet.columns.map((_, c): ColumnKind => {
      const title = String(getValue(sheet, 0, c));
      return title.endsWith('（和暦）') ? 'text' : title === '年' ? 'period' : title === '日付' ? 'date' : 'number';
    });
    return tableOf(sheet, { headerRows: [0, 0], keyColumns: [0], kinds });
  };
  /**
   * `row text` of the findings the fix cannot act on, but bare months: `5` under `31年` is
   * 平成31年5月 (impossible) before the fix, and 2019年5月 once `31年` reads `2019年`.
   */
  const unfixable = (sheet: Sheet) =>
    detect(viewOf(sheet, [tableFor(sheet)]))
      .filter((v) => !v.fixId && /年|\./.test(String(getValue(sheet, v.range.s.r, v.range.s.c))))
      .map((v) => `${v.range.s.r} ${String(getValue(sheet, v.range.s.r, v.range.s.c))}`)
      .sort();

  it('reverts exactly, converts every fixable finding, and keeps what it cannot convert, still reported', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(label, label), { minLength: 1, maxLength: 12 }), fc.boolean(), (rows, keepOriginal) => {
        const sheet = sheetFromRows([['年', '日付', '値'], ...rows.map(([a, b], i) => [a, b, i])]);
        const stuck = unfixable(sheet);
        applyFix(viewOf(sheet, [tableFor(sheet)]), { keepOriginal });
        expect(fixable(detect(viewOf(sheet, [tableFor(sheet)])))).toEqual([]);
        const left = new Set(unfixable(sheet));
        for (const s of stuck) expect(left.has(s), s).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('和暦 beside 西暦: accepted where the years agree, reported where not, the same after the fix', () => {
    const row = fc.tuple(fc.integer({ min: 1990, max: 2018 }), fc.constantFrom(0, 0, 0, 1, -1), fc.constantFrom('plain', 'text', 'code'), fc.boolean());
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 10 }), fc.boolean(), fc.constantFrom('和暦', '年次'), (rows, keepOriginal, title) => {
        const body = rows.map(([y, off, form, heisei]): CellValue[] => [
          form === 'plain' ? y : form === 'text' ? `${y}年` : y * 1_000_000,
          heisei ? `平成${y - 1988 + off}年` : `H${y - 1988 + off}`,
          1,
        ]);
        const sheet = sheetFromRows([['年', title, '値'], ...body]);
        const t = () => tableOf(sheet, { headerRows: [0, 0], keyColumns: [0, 1] });
        const before = detect(viewOf(sheet, [t()]));
        applyFix(viewOf(sheet, [t()]), { keepOriginal });
        const after = detect(viewOf(sheet, [t()]));
        expect(fixable(after)).toEqual([]);
        // Accepted 和暦 is never converted; where it is, nothing is left to report but mismatches.
        if (before.every((v) => !v.fixId)) expect(lines(after)).toEqual(lines(before));
        // A row that disagrees with its 西暦 is reported before and after, and never converted.
        const mismatches = (vs: Violation[]) => vs.filter((v) => v.messageId === 'columnMismatch').map((v) => `${v.range.s.r} ${v.params?.text}`);
        expect(mismatches(after)).toEqual(mismatches(before));
        expect(applyFix(viewOf(sheet, [t()]), { keepOriginal })).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('wareki fix: performance', () => {
  it('fixes a sheet with work linear in its rows', () => {
    const work = (rows: number) => {
      const sheet = newSheet('big', 'big', rows, 4);
      setCell(sheet, 0, 0, { value: '年 月' });
      setCell(sheet, 0, 1, { value: '日付' });
      setCell(sheet, 0, 2, { value: '値' });
      setCell(sheet, 0, 3, { value: '備考' });
      for (let r = 1; r < rows; r++) {
        const k = r % 13;
        setCell(sheet, r, 0, { value: k === 0 ? `平成${10 + (Math.floor(r / 13) % 20)}年` : String(k) });
        setCell(sheet, r, 1, { value: r % 2 ? 'H30.3.31' : '令和元年5月1日' });
        setCell(sheet, r, 2, { value: r });
        setCell(sheet, r, 3, { value: r % 3 ? null : '備考あり' });
      }
      const { view, steps } = countingView(viewOf(sheet));
      const changes = wareki.fix!(view, { keepOriginal: true });
      expect(changes.filter((c) => c.kind === 'columns')).toHaveLength(2);
      expect(changes.filter((c) => c.kind === 'cell').length).toBe(rows - 1 - 12 + rows - 1);
      return steps();
    };
    expect(growth(work, 5000)).toBeLessThan(LINEAR);
  });
});

describe('wareki: 和暦 beside 西暦 in the peer linter sample', () => {
  itWithCorpus('check_1_11.csv: every 和暦 is found; 令和22年 beside 2020 (and 2020000000) is reported, not converted', 'open-data-linter/check_1_11.csv', () => {
    const view = viewOf(corpusSheet('open-data-linter/check_1_11.csv'));
    expect(lines(detect(view))).toEqual([
      'B2 era 平成29年 = 2017年 → 2017',
      'B3 era 令和２年 = 2020年 → 2020',
      'C2 era 平成29年 = 2017年 → 2017',
      'C3 columnMismatch 令和22年 = 2040',
      'F2 era 平成29年 = 2017年 → 2017',
      'F3 era 令和2年 = 2020年 → 2020',
    ]);
  });
});
