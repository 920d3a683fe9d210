import { describe, expect, it } from 'vitest';
import { fixtureBytes } from '../../../test/fixtures.ts';
import { corpusSheet, itWithCorpus } from '../../../test/corpus.ts';
import { sheetFromRows } from '../../../test/sheets.ts';
import { readWorkbook } from '../io/read.ts';
import { rangeAddress } from '../model.ts';
import { detectStructure } from './detect.ts';
import type { TableStructure } from './types.ts';

function detect(name: string, sheetIndex = 0) {
  const { workbook } = readWorkbook(fixtureBytes(name), name);
  return detectStructure(workbook.sheets[sheetIndex]);
}

/** Rows as the fixtures README counts them (1-based). */
function oneBased(t: TableStructure) {
  return {
    captions: t.captionRows.map((r) => r + 1),
    header: [t.headerRows.start + 1, t.headerRows.end + 1],
    units: t.unitRows.map((r) => r + 1),
    data: [t.dataRows.start + 1, t.dataRows.end + 1],
    notes: t.noteRows.map((r) => r + 1),
    keys: t.columnInfo.filter((c) => c.key).map((c) => c.c),
  };
}

describe('the guide examples are detected without help', () => {
  it('population.xlsx: caption 1, header 3–5 with unit row 5, data 6–53, notes 55–58, key column A', () => {
    const s = detect('population.xlsx');
    expect(s.tables).toHaveLength(1);
    expect(oneBased(s.tables[0])).toEqual({ captions: [1], header: [3, 5], units: [5], data: [6, 53], notes: [55, 56, 57, 58], keys: [0] });
    expect(rangeAddress(s.tables[0].range)).toBe('A1:I58');
    const kinds = s.tables[0].columnInfo.map((c) => c.kind);
    expect(kinds).toEqual(['text', 'number', 'number', 'number', 'number', 'number', 'number', 'number', 'number']);
    expect(s.tables[0].columnInfo[2].headerPath).toEqual(['17年', '総数']);
    expect(s.tables[0].columnInfo[3].headerPath).toEqual(['17年', '人口集中\n地区　1)']);
  });

  it('crushed-stone.xlsx: two tables, each with its caption; the right-hand 年 月 column repeats column A', () => {
    const s = detect('crushed-stone.xlsx');
    expect(s.tables).toHaveLength(2);
    const [t1, t2] = s.tables;
    expect(oneBased(t1)).toEqual({ captions: [1, 2], header: [3, 4], units: [], data: [5, 20], notes: [], keys: [0, 8] });
    expect(t1.columnInfo[0].kind).toBe('period');
    expect(t1.columnInfo.find((c) => c.c === 8)?.duplicateOf).toBe(0);
    expect(oneBased(t2)).toEqual({ captions: [22], header: [23, 23], units: [], data: [24, 29], notes: [], keys: [0] });
    expect(t2.columnInfo[0].kind).toBe('period');
  });

  it('ci-index.xlsx: caption 1, header 3–4, data 5–30, key columns A–C', () => {
    const s = detect('ci-index.xlsx');
    expect(s.tables).toHaveLength(1);
    expect(oneBased(s.tables[0])).toEqual({ captions: [1], header: [3, 4], units: [], data: [5, 30], notes: [], keys: [0, 1, 2] });
    expect(s.tables[0].columnInfo.slice(0, 3).map((c) => c.kind)).toEqual(['period', 'period', 'period']);
  });

  it('industry.xlsx: three caption rows, header row 4, data 5–37, key column A', () => {
    const s = detect('industry.xlsx');
    expect(s.tables).toHaveLength(1);
    expect(oneBased(s.tables[0])).toEqual({ captions: [1, 2, 3], header: [4, 4], units: [], data: [5, 37], notes: [], keys: [0] });
  });

  it('county-income.csv: header row 1, data to the end, code and name columns as keys', () => {
    const s = detect('county-income.csv');
    expect(s.tables).toHaveLength(1);
    const t = oneBased(s.tables[0]);
    expect(t.header).toEqual([1, 1]);
    expect(t.data[0]).toBe(2);
    expect(t.keys).toEqual([0, 1, 2, 3]);
    expect(s.tables[0].columnInfo[4].kind).toBe('number');
  });

  it('shelters-sjis.csv: header row 1, data 2–7', () => {
    const s = detect('shelters-sjis.csv');
    expect(s.tables).toHaveLength(1);
    const t = oneBased(s.tables[0]);
    expect(t.header).toEqual([1, 1]);
    expect(t.data).toEqual([2, 7]);
  });
});

describe('shapes', () => {
  it('side-by-side tables separated by an empty column', () => {
    const sheet = sheetFromRows([
      ['地区', '人口', null, '品目', '金額'],
      ['北区', 100, null, '米', 10],
      ['南区', 200, null, '麦', 20],
    ]);
    const s = detectStructure(sheet);
    expect(s.tables.map((t) => [t.columns.start, t.columns.end])).toEqual([
      [0, 1],
      [3, 4],
    ]);
  });

  it('an empty spacer column under a merged header does not split the table', () => {
    const sheet = sheetFromRows(
      [
        ['地区', '人口', null, null],
        [null, '男', null, '女'],
        ['北区', 100, null, 90],
      ],
      { merges: ['B1:D1'] },
    );
    expect(detectStructure(sheet).tables).toHaveLength(1);
  });

  it('data continuing after a blank row stays in the same table', () => {
    const sheet = sheetFromRows([['地区', '人口'], ['北区', 100], [], ['南区', 200]]);
    const s = detectStructure(sheet);
    expect(s.tables).toHaveLength(1);
    expect(s.tables[0].dataRows).toEqual({ start: 1, end: 3 });
  });

  it('a list without numbers: the first row is the header, with lower confidence', () => {
    const s = detectStructure(sheetFromRows([['名称', '住所'], ['中央公民館', '中央町1-2-3'], ['北町集会所', '北町4-5']]));
    expect(s.tables[0].headerRows).toEqual({ start: 0, end: 0 });
    expect(s.tables[0].dataRows).toEqual({ start: 1, end: 2 });
    expect(s.tables[0].confidence).toBeLessThan(0.9);
  });

  it('user overrides replace the detected bands', () => {
    const { workbook } = readWorkbook(fixtureBytes('population.xlsx'), 'population.xlsx');
    const sheet = workbook.sheets[0];
    const s = detectStructure(sheet, undefined, [{ sheetId: sheet.id, table: 0, headerRows: { start: 2, end: 3 }, dataRows: { start: 4, end: 52 } }]);
    expect(s.overridden).toBe(true);
    expect(s.tables[0].headerRows).toEqual({ start: 2, end: 3 });
    expect(s.tables[0].dataRows).toEqual({ start: 4, end: 52 });
    expect(s.tables[0].captionRows).toEqual([0]);
    expect(s.tables[0].noteRows).toEqual([54, 55, 56, 57]);
  });
});

describe('size does not change the verdict', () => {
  // A 年次 column written only where the year changes: an even sample of 2,000 rows may
  // miss every year cell (at 100,000 rows with a year every 7,143 rows, starting on the
  // second data row, it did), and the column was then "empty" and not a key, so its blanks
  // went unreported.
  it.each([3_000, 20_000, 100_000, 142_857])('%i rows: the sparse 年次 column is a period key column', (n) => {
    const rows: (string | number | null)[][] = [['年次', '市区町村名', '人口']];
    const every = Math.ceil(n / 14);
    for (let i = 0; i < n; i++) rows.push([i % every === 1 ? `平成${22 + (i - 1) / every}年` : null, `市${i % 701}`, 1000 + (i % 977)]);
    const [table] = detectStructure(sheetFromRows(rows)).tables;
    expect(table.columnInfo[0]).toMatchObject({ kind: 'period', key: true });
    expect(table.columnInfo[1]).toMatchObject({ kind: 'text', key: true });
    expect(table.columnInfo[2]).toMatchObject({ kind: 'number', key: false });
  });
});

describe('a CSV header: two title rows and a units row, no merges', () => {
  // Saved as CSV, a merged parent title is one cell followed by blanks, and child titles
  // such as `65歳以上` read as numbers: the row test alone took the child titles for data.
  const rows: (string | number | null)[][] = [
    ['表3 市区町村別人口・世帯数の推移', null, null, null, null, null, null, null, null, null, null],
    ['年次', '市区町村名', '人口', null, null, '年齢3区分別人口', null, null, null, '面積', '人口密度'],
    [null, null, '総数', '男', '女', '0～14歳', '15～64歳', '65歳以上', '75歳以上', null, null],
    [null, null, '(人)', '(人)', '(人)', '(人)', '(人)', '(人)', '(人)', '(平方km)', '(人/平方km)'],
    ['平成22年', '札幌第1地区', 6627, 3436, 3191, 801, 4326, 1500, 700, 12.5, 530.2],
    [null, '函館第1地区', 784, 371, 413, 90, 484, 210, 99, 3.25, 241.2],
    [null, '旭川第1地区', 1200, 600, 600, 150, 750, 300, 140, 8.75, 137.1],
  ];
  it('finds the caption, header rows 2–4 with the units row 4, and data from row 5', () => {
    const [t] = detectStructure(sheetFromRows(rows)).tables;
    expect(t.captionRows).toEqual([0]);
    expect(t.headerRows).toEqual({ start: 1, end: 3 });
    expect(t.unitRows).toEqual([3]);
    expect(t.dataRows.start).toBe(4);
    expect(t.columnInfo[5].headerPath).toEqual(['年齢3区分別人口', '0～14歳']);
    expect(t.columnInfo.map((ci) => ci.kind)).toEqual(['period', 'text', ...Array(9).fill('number')]);
  });
});

describe('band labels', () => {
  it('two header rows of age bands written as text (16～ / 19歳) over numbers are titles, not data', () => {
    const sheet = sheetFromRows([
      ['○ 年齢層別の件数'],
      [null, '16～', '20～', '25～', '30～', '85歳'],
      ['区分', '19歳', '24歳', '29歳', '34歳', '以上'],
      ['信号無視', 0.79, 0.12, 0.14, 0.07, 0.13],
      ['通行区分', 1.13, 0.27, 0.18, 0.04, 0.06],
      ['最高速度', 1.24, 0.56, 0.24, 0.21, 0.11],
      ['一時不停止', 0.11, 0.12, 0.01, 0.04, 0.04],
    ]);
    const [t] = detectStructure(sheet).tables;
    expect([t.headerRows.start, t.headerRows.end]).toEqual([1, 2]);
    expect(t.dataRows.start).toBe(3);
    expect(t.columnInfo[1].headerPath).toEqual(['16～', '19歳']);
  });
});

describe('one table under blank lines, not several', () => {
  const row = (label: string, ...values: number[]) => [label, ...values];
  const body = (from: number) => [row('Wheat', from, from + 1, from + 2), row('Corn', from + 3, from + 4, from + 5), row('Rice', from + 6, from + 7, from + 8)];

  it('a section label after a blank line goes on the table above (its rows are section rows)', () => {
    const rows = [['Table 1. Crops'], [], ['Item', 2001, 2002, 2003], ...body(10), [], ['PRODUCTION'], [], ['Grains:'], ...body(1), [], ['Source: the survey.']];
    const { tables } = detectStructure(sheetFromRows(rows));
    expect(tables).toHaveLength(1);
    expect(tables[0].dataRows).toEqual({ start: 3, end: 12 });
    expect(tables[0].noteRows).toEqual([14]);
  });

  it('a labelled block after a blank line stays its own table when it is a caption (表2) or lies elsewhere', () => {
    const captioned = [['表1 作付'], ['区分', 2001, 2002, 2003], ...body(10), [], ['表2 収穫'], ['区分', 2001, 2002, 2003], ...body(1)];
    expect(detectStructure(sheetFromRows(captioned)).tables).toHaveLength(2);
    // A summary block further right (`内訳` over its own columns) is not a section of the table.
    const aside = [['区分', 'a', 'b', 'c'], ['東', 1, 2, 3], ['西', 4, 5, 6], ['南', 7, 8, 9], [], [null, null, '内訳'], [null, null, '○', 4, 5], [null, null, '×', 6, 7]];
    const t = detectStructure(sheetFromRows(aside)).tables;
    expect(t[0].dataRows.end).toBe(3);
  });

  it('a source paragraph two blank lines under the table is its notes, not a table of text', () => {
    const rows = [['Table 5. Families'], [], ['Item', 'Total', 'Men', 'Women'], ...body(10), [], [], ['Source: U.S. Census Bureau,'], ['Current Population Reports; and'], ['Table A1. Marital Status of People,'], ['published January 2009'], ['and unpublished data.']];
    const { tables } = detectStructure(sheetFromRows(rows));
    expect(tables).toHaveLength(1);
    expect(tables[0].noteRows).toEqual([8, 9, 10, 11, 12]);
  });

  it('a row of years cut off from the rest of the header by blank lines is still header', () => {
    const rows = [['Table 2. Output'], [], ['Item', 'Total', 'Men', 'Women'], [], [null, 2000, 2000, 2001], [], [], [null, '(1,000)', '(1,000)', '(1,000)'], ...body(100)];
    const { tables } = detectStructure(sheetFromRows(rows));
    expect(tables).toHaveLength(1);
    expect(tables[0].dataRows.start).toBe(8);
    expect(tables[0].headerRows.start).toBeLessThanOrEqual(4);
  });
});

describe('one table under blank lines, on published files', () => {
  itWithCorpus('2017okugaihinanjo.csv: the 内訳 tally right of the last shelter is no section of the shelter list', 'kobe-opendata/2017okugaihinanjo.csv', () => {
    const [list, ...rest] = detectStructure(corpusSheet('kobe-opendata/2017okugaihinanjo.csv')).tables;
    expect(list.dataRows.end).toBe(89);
    expect(rest.length).toBeGreaterThan(0);
  });
});

describe('lone labels at the top of the body', () => {
  const body = [['Wheat', 1, 2, 3], ['Corn', 4, 5, 6], ['Rice', 7, 8, 9]];

  it('a short label over the row labels, right on top of the column titles, is the header (the stub title)', () => {
    const rows = [['Table 3. Prices'], [], ['See notes'], [], ['Commodity'], [null, 1995, 2000, 2005], [], ...body];
    const [t] = detectStructure(sheetFromRows(rows)).tables;
    expect(t.headerRows).toEqual({ start: 4, end: 5 });
    expect(t.captionRows).toEqual([0, 2]);
  });

  it('titles of the stub columns (`Item | Unit`) left of where the years below start are the header', () => {
    const rows = [['Table 8. Farm balance'], [], ['See notes'], [], ['Item', 'Unit'], [null, null, 1995, 2000, 2005], ['Assets', 'Billions', 1, 2, 3], ['Debt', 'Billions', 4, 5, 6]];
    const [t] = detectStructure(sheetFromRows(rows)).tables;
    expect(t.headerRows).toEqual({ start: 4, end: 5 });
    expect(t.captionRows).toEqual([0, 2]);
  });

  it('a stub title that opens with `Source` (`Source of payment`) is a title, not the source', () => {
    const rows = [['Table 5. Care by payer'], [], ['See notes'], [], ['Source of payment'], [null, 1995, 2000, 2005], ...body];
    const [t] = detectStructure(sheetFromRows(rows)).tables;
    expect(t.headerRows).toEqual({ start: 4, end: 5 });
  });

  it('the first line of the sheet stays its caption even right on top of the titles', () => {
    const rows = [['HAS - Hasbro'], [null, 'Annual', 'Quarter', 'Month'], ...body];
    const [t] = detectStructure(sheetFromRows(rows)).tables;
    expect(t.captionRows).toEqual([0]);
    expect(t.headerRows).toEqual({ start: 1, end: 1 });
  });

  it('a section label in capitals right under the titles opens the data', () => {
    const rows = [['Table 4. People'], [], ['Year', 'Total', 'Men', 'Women'], ['BOTH SEXES'], ...body];
    const [t] = detectStructure(sheetFromRows(rows)).tables;
    expect(t.headerRows).toEqual({ start: 2, end: 2 });
    expect(t.dataRows.start).toBe(3);
  });
});

describe('one table, however its lines are laid out', () => {
  const one = (rows: unknown[][]) => detectStructure(sheetFromRows(rows as never)).tables;

  it('a ruling line of dashes over the titles does not make every two columns a table of their own', () => {
    const dashes = ['-', '-', '-', '-', '-', '-'];
    const rows = [dashes, [null, null, 'Total', 'Capital', 'Value', 'Jobs'], ['Industry', 'code', '(mil.)', '(mil.)', '(mil.)', '(1,000)'], dashes, ['All', '(X)', 1, 2, 3, 4], ['Mining', 21, 5, 6, 7, 8], ['Food', 311, 9, 10, 11, 12]];
    expect(one(rows)).toHaveLength(1);
  });

  it('a section label right under the titles, then a label wrapped over two lines: the data goes on', () => {
    const rows = [['Table 5. Flexibility'], [], ['Type', 'All (percent)', 'Small', 'Large'], [], ['FLEX TIME AND PLACE'], ['Periodically change starting and quitting times'], ['within some range of hours', 37, 40, 37], ['Work at home', 10, 11, 7], ['Compress workweek', 8, 10, 5]];
    const tables = one(rows);
    expect(tables).toHaveLength(1);
    expect(tables[0].dataRows).toEqual({ start: 4, end: 8 });
  });

  it('a line of years in blocks that each count up (2003 2006 | 2002 2005 2006) is a header line', () => {
    const rows = [['Country', 'Reading', null, 'Adults'], [], [null, 2003, 2006, 2002, 2005, 2006], [], ['Australia', 525, 513, 60, 65, 67], ['Austria', 490, 490, 77, 81, 80], ['Belgium', 507, 501, 64, 66, 70]];
    const [t] = one(rows);
    expect(t.headerRows).toEqual({ start: 0, end: 2 });
    expect(one(rows)).toHaveLength(1);
  });

  it('a row label on a line of its own over the values that have none is a data line', () => {
    const rows = [['Industry', 'Code', 'Assets', 'Jobs'], ['Finance', '52', 100, 3], ['Securities, commodity contracts, and other intermediation and related activities'], [null, '5231', 80, 2], ['Insurance', '524', 20, 1]];
    const tables = one(rows);
    expect(tables).toHaveLength(1);
    expect(tables[0].dataRows).toEqual({ start: 1, end: 4 });
  });

  it('a heading with a colon and its unit in the unit column (`…deposit: | Percent`) is a section of the data', () => {
    const rows = [['Type', 'Unit', 1990, 2000, 2005], ['Federal funds', 'Percent', 8.1, 6.2, 3.2], ['Large negotiable certificates of deposit:', 'Percent'], ['3-month', 'Percent', 8.2, 6.5, 3.7], ['6-month', 'Percent', 8.4, 6.6, 3.9]];
    const tables = one(rows);
    expect(tables).toHaveLength(1);
    expect(tables[0].dataRows).toEqual({ start: 1, end: 4 });
  });
});

describe('dates and placeholders in the lines', () => {
  it('a date alone on its line over the table dates it: a caption line, not a table of its own', () => {
    const rows = [['Transmission Services'], [], ['2014-07-02 00:00:00'], [], ['Item', 'Rate', 'Cost'], ['A', 1, 2], ['B', 3, 4], ['C', 5, 6]];
    const tables = detectStructure(sheetFromRows(rows)).tables;
    expect(tables).toHaveLength(1);
    expect(tables[0].captionRows).toEqual([0, 2]);
    expect(tables[0].headerRows).toEqual({ start: 4, end: 4 });
  });

  it('rows of `Not Available` and times are data, not titles', () => {
    const rows = [['Month', 'France', 'Germany', 'Italy'], ['1973-01-01 00:00:00', 'Not Available', 'Not Available', 1871], ['1973-02-01 00:00:00', 'Not Available', 'Not Available', 1909], ['1973-03-01 00:00:00', 'Not Available', 1500, 1721], ['1973-04-01 00:00:00', 1200, 1400, 1592]];
    const [t] = detectStructure(sheetFromRows(rows)).tables;
    expect(t.headerRows).toEqual({ start: 0, end: 0 });
    expect(t.dataRows).toEqual({ start: 1, end: 4 });
  });
});

itWithCorpus('jinkousu_areaage_r06-04-01_hamamatsushi.xlsx: the age table, the two small tables beside it and the next age table are tables of their own (ages typed as numbers label the rows)', 'hamamatsu-population/jinkousu_areaage_r06-04-01_hamamatsushi.xlsx', () => {
  const tables = detectStructure(corpusSheet('hamamatsu-population/jinkousu_areaage_r06-04-01_hamamatsushi.xlsx', '浜松市')).tables;
  expect(tables.map((t) => [t.columns.start, t.columns.end])).toEqual([
    [0, 11],
    [13, 15],
    [13, 19],
    [21, 32],
  ]);
});

itWithCorpus('26jinugoki.xls Ⅰ: the rate formula written out as a fraction over the cells under the table is its notes, not a table', 'kobe-opendata/26jinugoki.xls', () => {
  const tables = detectStructure(corpusSheet('kobe-opendata/26jinugoki.xls', 'Ⅰ')).tables;
  expect(tables).toHaveLength(1);
  expect(tables[0].noteRows).toEqual([61, 62, 63, 64, 65, 66]);
});

it('a line of sentences over the titles (beside the unit line) remarks on the table: a caption line, no title row', () => {
  const rows = [
    ['第1表 人口動態'],
    [],
    ['（単位：人）', null, '平成11年及び平成13年から平成16年の人口は国勢調査結果に基づいて，', ' 平成８・９年の人口は被災地人口実態調査結果に基づいて修正しているが，人口増加数は修正していない。'],
    [null, '出生', '死亡', '転入'],
    ['平成10年', 10, 5, 3],
    ['平成11年', 11, 6, 4],
    ['平成12年', 12, 7, 5],
  ];
  const [t] = detectStructure(sheetFromRows(rows)).tables;
  expect(t.captionRows).toEqual([0, 2]);
  expect(t.headerRows).toEqual({ start: 3, end: 3 });
});

it('identifiers in groups of digits (phone numbers, ZIP+4, 658-0027) are values of their row, not titles', () => {
  const rows = [
    ['Campus', 'Last', 'Phone', 'Fax', 'City', 'Zip'],
    ['Appalachian', 'Ellis', '828-262-2180', '828-262-2834', 'Boone', 28608],
    ['East Carolina', 'Thompson', '252-328-5598', null, 'Greenville', 27858],
    ['NC State', 'Bell', '919-513-9943', null, 'Raleigh', '27695-7642'],
    ['UNC Asheville', 'Mowitz', '828-251-6515', '828-251-6871', 'Asheville', 28804],
    ['UNC-Chapel Hill', 'Angle', '919-962-4481', null, 'Chapel Hill', '27599-5000'],
    ['UNC Charlotte', null, null, null, 'Charlotte', 28223],
  ];
  const tables = detectStructure(sheetFromRows(rows)).tables;
  expect(tables).toHaveLength(1);
  expect(tables[0].headerRows).toEqual({ start: 0, end: 0 });
});

it('a title written into every cell of its line (a merge filled across in a CSV) is the caption, not a header line', () => {
  const title = 'Area 1 Weekly Crime Report';
  const rows = [
    [title, title, title, title],
    ['Agency: Oakland PD', 'Agency: Oakland PD', 'Agency: Oakland PD', 'Agency: Oakland PD'],
    [],
    ['Crime', 'Week', 'Month', 'Year'],
    ['Burglary', 3, 12, 140],
    ['Robbery', 1, 5, 61],
    ['Theft', 7, 30, 355],
  ];
  const [t] = detectStructure(sheetFromRows(rows)).tables;
  expect(t.captionRows).toEqual([0, 1]);
  expect(t.headerRows).toEqual({ start: 3, end: 3 });
});

itWithCorpus('FUSTE QuickFacts: a capital letter standing for a withheld value (`F`, `S`) among the numbers keeps its row a data row', 'structure/fuste/csv/01ef1fa6-a687-46dd-ab7f-e717497693af.xlsx_Sheet1.csv', () => {
  const tables = detectStructure(corpusSheet('structure/fuste/csv/01ef1fa6-a687-46dd-ab7f-e717497693af.xlsx_Sheet1.csv')).tables;
  // `Business QuickFacts, Evansville, Wisconsin` is the title row; `Total number of firms, 2007, F, 433,797` is data.
  expect(tables[1].headerRows).toEqual({ start: 38, end: 38 });
  expect(tables[1].dataRows.start).toBe(39);
});
