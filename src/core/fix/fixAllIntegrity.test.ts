// 「すべて修正」 on published workbooks that once made it throw ("sheet s2-t2 exists"): it
// completes, every sheet id stays unique, the browser's path (analysis handed in) and the
// CLI's path (nothing handed in) make the same changes.
import { describe, expect, it } from 'vitest';
import { SheetAnalyzer } from '../analysis/analyse.ts';
import { readWorkbook } from '../io/read.ts';
import { corpusBytes, corpusTitle, hasCorpusFile } from '../../../test/corpus.ts';
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
