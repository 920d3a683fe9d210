// 「すべて修正」 on published workbooks that once made it throw ("sheet s2-t2 exists"): it
// completes, every sheet id stays unique, the browser's path (analysis handed in) and the
// CLI's path (nothing handed in) make the same changes.
import { describe, expect, it } from 'vitest';
import { SheetAnalyzer } from '../analysis/analyse.ts';
import { readWorkbook } from '../io/read.ts';
import { corpusBytes, corpusTitle, hasCorpusFile } from '../../../test/corpus.ts';
import { fixtureBytes } from '../../../test/fixtures.ts';
import { type SheetSeed, fixAllInPlace, planFix } from './runFixes.ts';
import { sheetFromRows } from '../../../test/sheets.ts';
import type { Workbook } from '../model.ts';

const twoTables = (id: string, name: string) =>
  sheetFromRows(
    [
      ['地区', '人口', null, '品目', '金額'],
      ['北区', 100, null, '米', 10],
      ['南区', 200, null, '麦', 20],
    ],
    { id, name },
  );

describe('splitting a sheet into tables', () => {
  it('gives the new sheet an id and a name no sheet of the workbook has', () => {
    const taken = sheetFromRows([['x']], { id: 's1-t2', name: 'Sheet1 (2)' });
    const wb: Workbook = { source: { fileName: 'a.xlsx', format: 'xlsx', byteLength: 0 }, date1904: false, sheets: [twoTables('s1', 'Sheet1'), taken] };
    const changes = planFix(wb, 's1', 'one-table');
    const added = changes.flatMap((ch) => (ch.kind === 'sheet' && ch.op === 'add' ? [ch.sheet] : []));
    expect(added).toHaveLength(1);
    expect(added[0].id).not.toBe('s1-t2');
    expect(added[0].name).not.toBe('Sheet1 (2)');
  });

  it('does not reuse an analysis of the sheet once a fix has changed it', () => {
    const wb: Workbook = { source: { fileName: 'a.xlsx', format: 'xlsx', byteLength: 0 }, date1904: false, sheets: [twoTables('s1', 'Sheet1')] };
    const analyzer = new SheetAnalyzer(wb.sheets[0], false);
    analyzer.analyse();
    const seeds = new Map([['s1', analyzer.seed()!]]);
    const { changes } = fixAllInPlace(wb, undefined, {}, [], seeds);
    expect(changes.filter((ch) => ch.kind === 'sheet')).toHaveLength(1);
    expect(wb.sheets.map((s) => s.columns.length)).toEqual([2, 2]);
  });
});

describe('tables split off one sheet keep what the sheet states for all of them', () => {
  it('the date over the first table, the footnote explained under the second', () => {
    const rows = [
      ['人口と品目の表'],
      ['2015年8月1日現在'],
      [],
      ['地区', '人口'],
      ['北区 a)', 100],
      ['南区', 200],
      [],
      [],
      ['品目', '金額'],
      ['米', 10],
      ['麦', 20],
      [],
      ['a) 旧北区を含む。'],
    ];
    const wb: Workbook = { source: { fileName: 'a.xlsx', format: 'xlsx', byteLength: 0 }, date1904: false, sheets: [sheetFromRows(rows, { id: 's1' })] };
    fixAllInPlace(wb);
    expect(wb.sheets).toHaveLength(2);
    expect(wb.sheets.map((s) => s.meta?.date)).toEqual(['2015-08-01', '2015-08-01']);
    expect(wb.sheets[0].meta?.notes).toContainEqual({ mark: 'a)', text: '旧北区を含む。' });
  });
});

const FILES = [
  'npa-traffic/2018_12.xls',
  'npa-traffic/2018_12_a.xls',
  'hamamatsu-population/jinkousu_areaage_h19-04-01_kitaku.xls',
  'hamamatsu-population/jinkousu_areaage_r06-04-01_hamamatsushi.xlsx',
  'hamamatsu-population/jinkousu_areaage_r06-10-01_hamanaku.xlsx',
  'kobe-opendata/zaiseijoukyousiryoushuu2013.xlsx',
  'excel-cellformatter/cell_format_2007.xlsx',
  'kobe-opendata/26jinugoki.xls',
];

const open = (rel: string) => readWorkbook(corpusBytes(rel), rel.split('/').pop()!).workbook;

describe('fix-all on published workbooks', () => {
  for (const rel of FILES) {
    it.skipIf(!hasCorpusFile(rel))(corpusTitle(rel, 'completes with unique sheet ids, the same with or without the analysis handed in'), () => {
      const cli = open(rel);
      const cliChanges = fixAllInPlace(cli).changes;
      const ids = cli.sheets.map((s) => s.id);
      expect(new Set(ids).size).toBe(ids.length);

      const app = open(rel);
      const seeds = new Map<string, SheetSeed>();
      for (const sheet of app.sheets) {
        const analyzer = new SheetAnalyzer(sheet, app.date1904);
        analyzer.analyse();
        seeds.set(sheet.id, analyzer.seed()!);
      }
      const appChanges = fixAllInPlace(app, undefined, {}, [], seeds).changes;
      expect(appChanges.length).toBe(cliChanges.length);
      expect(app.sheets.map((s) => s.id)).toEqual(ids);
    }, 60_000);
  }
});

const SECOND_PRESS = [
  'npa-traffic/2020_05.xlsx',
  'npa-traffic/2020_05_a.xlsx',
  'npa-traffic/2020_05_b.xlsx',
  'kobe-opendata/25kk_sankouhyou.xls',
  'kobe-opendata/26jinugoki.xls',
  'hamamatsu-population/setaisu-jinkousu_area_h28-11.xlsx',
  'kobe-opendata/zaiseijoukyousiryoushuu2013.xlsx',
];

describe('a second 「すべて修正」 changes nothing', () => {
  for (const name of ['population.xlsx', 'ci-index.xlsx', 'crushed-stone.xlsx', 'industry.xlsx', 'county-income.csv', 'shelters-sjis.csv']) {
    it(`test/fixtures/${name}`, () => {
      const { workbook } = readWorkbook(fixtureBytes(name), name);
      expect(fixAllInPlace(workbook).changes.length).toBeGreaterThan(0);
      expect(fixAllInPlace(workbook).changes).toEqual([]);
    });
  }
  for (const rel of SECOND_PRESS) {
    it.skipIf(!hasCorpusFile(rel))(
      corpusTitle(rel, 'changes nothing the second time'),
      () => {
        const wb = open(rel);
        fixAllInPlace(wb);
        expect(fixAllInPlace(wb).changes.map((ch) => ch.ruleId)).toEqual([]);
      },
      120_000,
    );
  }
});

it.skipIf(!hasCorpusFile('npa-traffic/2020_05_a.xlsx'))(corpusTitle('npa-traffic/2020_05_a.xlsx', 'the 和暦 years split over three header rows become 2010年… in the first press'), () => {
  const wb = open('npa-traffic/2020_05_a.xlsx');
  fixAllInPlace(wb);
  const sheet = wb.sheets[0];
  const titles = sheet.columns.map((col) => col.values[0]);
  expect(titles.slice(0, 4)).toEqual(['年齢層', '状態', '2010年', '2011年']);
});

describe('a structure correction wins over detection in 「すべて修正」', () => {
  const header = (wb: Workbook) => wb.sheets[0].columns.map((col) => col.values[0]);

  it('a header corrected to its second row: the titles are that row, the row above is not joined in', () => {
    const rows = [
      ['地区', '人口', '世帯'],
      ['Area', 'Population', 'Households'],
      ['北区', 100, 50],
      ['南区', 200, 60],
    ];
    const make = (): Workbook => ({ source: { fileName: 'a.xlsx', format: 'xlsx', byteLength: 0 }, date1904: false, sheets: [sheetFromRows(rows, { id: 's1' })] });
    const detected = make();
    fixAllInPlace(detected);
    expect(header(detected)).toEqual(['地区', '人口', '世帯']);

    const corrected = make();
    fixAllInPlace(corrected, undefined, {}, [{ sheetId: 's1', table: 0, headerRows: { start: 1, end: 1 } }]);
    expect(header(corrected)).toEqual(['Area', 'Population', 'Households']);
  });

  it.skipIf(!hasCorpusFile('kobe-opendata/jinkou2708.xls'))(corpusTitle('kobe-opendata/jinkou2708.xls', 'the header corrected to row 9 alone stays row 9 alone'), () => {
    const wb = open('kobe-opendata/jinkou2708.xls');
    const id = wb.sheets[0].id;
    fixAllInPlace(wb, undefined, {}, [{ sheetId: id, table: 0, headerRows: { start: 8, end: 8 } }]);
    const titles = header(wb).map(String);
    expect(titles[0]).toMatch(/^区別/);
    expect(titles.join('|')).not.toMatch(/年月|面積|世帯数/);
  });
});

it.skipIf(!hasCorpusFile('kobe-opendata/26jinugoki.xls'))(corpusTitle('kobe-opendata/26jinugoki.xls', 'Ⅱ: the ward written over each group of years becomes a column, one table per page'), () => {
  const wb = open('kobe-opendata/26jinugoki.xls');
  fixAllInPlace(wb);
  const pages = wb.sheets.filter((s) => s.name.startsWith('Ⅱ'));
  expect(pages.map((s) => s.name)).toEqual(['Ⅱ', 'Ⅱ (2)']);
  const [first] = pages;
  const wards = first.columns[0].values.slice(1);
  expect([...new Set(wards)]).toEqual(['東灘区', '灘区', '中央区', '兵庫区', '北区']);
  expect(wards).toHaveLength(55);
  expect(first.columns[1].values.slice(1, 3)).toEqual([2004, 2005]);
});

it.skipIf(!hasCorpusFile('kobe-opendata/jinkou2708.xls'))(corpusTitle('kobe-opendata/jinkou2708.xls', 'split into two tables, each keeps the sheet’s date and maker, and the first the footnotes explained under the second'), () => {
  const wb = open('kobe-opendata/jinkou2708.xls');
  fixAllInPlace(wb);
  const tables = wb.sheets.filter((s) => s.rowCount > 0);
  expect(tables).toHaveLength(2);
  for (const s of tables) {
    expect(s.meta?.date).toBe('2015-08-01');
    expect(s.meta?.creator).toBe('神戸市企画調整局政策企画部総合計画課');
  }
  const notes = tables[0].meta?.notes ?? [];
  expect(notes.find((n) => n.mark === 'a)')?.text).toBe('10月１日現在');
  expect(notes.find((n) => n.mark === 'b)')?.text).toMatch(/国土地理院面積調/);
});

it.skipIf(!hasCorpusFile('hamamatsu-population/setaisu-jinkousu_area_h28-11.xlsx'))(corpusTitle('hamamatsu-population/setaisu-jinkousu_area_h28-11.xlsx', 'the pieces of a district written down its rows are no section headings: no untitled column of them'), () => {
  const wb = open('hamamatsu-population/setaisu-jinkousu_area_h28-11.xlsx');
  fixAllInPlace(wb);
  for (const s of wb.sheets) {
    if (s.rowCount < 3) continue;
    const first = s.columns[0]?.values ?? [];
    const pieces = first.slice(1).filter((v) => v === '町' || v === '地区');
    expect(pieces.length, s.name).toBeLessThan(3);
  }
  const main = wb.sheets.find((s) => s.name === '中区')!;
  expect(main.columns.slice(0, 3).map((c) => c.values[0])).toEqual(['地区', '町名', '世帯数']);
});

it.skipIf(!hasCorpusFile('kobe-opendata/26jinugoki.xls'))(corpusTitle('kobe-opendata/26jinugoki.xls', 'Ⅰ: the unit line and the remarks beside the caption are neither caption nor titles; the remarks are notes'), () => {
  const wb = open('kobe-opendata/26jinugoki.xls');
  fixAllInPlace(wb);
  const sheet = wb.sheets.find((s) => s.name === 'Ⅰ')!;
  expect(sheet.meta?.caption).toBe('第 Ⅰ 表人口の自然動態及び社会動態');
  expect(sheet.meta?.notes[0].text).toMatch(/^1999年，2001年から2004年.*修正していない。$/);
  for (const col of sheet.columns) expect(String(col.values[0] ?? '')).not.toMatch(/被災地|国勢調査結果|単位/);
});

it.skipIf(!hasCorpusFile('kobe-opendata/26jinugoki.xls'))(corpusTitle('kobe-opendata/26jinugoki.xls', 'Ⅷ: one table, its three sections (人口増減数, 自然増減数, 社会増減数) a column, 震災前平均 the label of its row of values'), () => {
  const wb = open('kobe-opendata/26jinugoki.xls');
  fixAllInPlace(wb);
  const pages = wb.sheets.filter((s) => s.name.startsWith('Ⅷ'));
  expect(pages).toHaveLength(1);
  const [sheet] = pages;
  expect([...new Set(sheet.columns[0].values.slice(1))]).toEqual(['人口増減数（人口動態）', '自然増減数（自然動態）', '社会増減数（社会動態）']);
  const labels = sheet.columns[1].values;
  const average = labels.indexOf('震災前平均');
  expect(sheet.columns[2].values[average]).toBe(520.8);
  expect(labels.filter((v) => v === '震災前平均')).toHaveLength(3);
});
