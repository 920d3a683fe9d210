// 「すべて修正」 on published workbooks that once made it throw ("sheet s2-t2 exists"): it
// completes, every sheet id stays unique, the browser's path (analysis handed in) and the
// CLI's path (nothing handed in) make the same changes.
import { describe, expect, it } from 'vitest';
import { SheetAnalyzer } from '../analysis/analyse.ts';
import { readWorkbook } from '../io/read.ts';
import { corpusBytes, corpusTitle, hasCorpusFile } from '../../../test/corpus.ts';
import { type SheetSeed, fixAllInPlace } from './runFixes.ts';

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
    });
  }
});
