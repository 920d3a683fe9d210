import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { fixtureBytes } from '../../../test/fixtures.ts';
import { sheetFromRows } from '../../../test/sheets.ts';
import { applyChanges, revertChanges, workbookMetaChange } from '../changes.ts';
import { fixAllInPlace } from '../fix/runFixes.ts';
import type { Sheet, Workbook } from '../model.ts';
import { detectStructure } from '../structure/detect.ts';
import { DEFAULT_EXPORT, exportAllZip, exportCsv, exportCsvFile, exportMeta, exportPlan, exportTables } from './export.ts';
import { parseLevel2 } from './level2.ts';
import { readWorkbook } from './read.ts';

function workbook(fileName: string, sheets: Sheet[]): Workbook {
  return { source: { fileName, format: 'xlsx', byteLength: 0 }, date1904: false, sheets };
}

const table = (name: string, id: string, caption = '表') =>
  sheetFromRows(
    [
      [caption],
      ['区', '人口'],
      ['北区', 100],
      ['南区', 200],
      ['西区', 300],
    ],
    { id, name },
  );

const names = (wb: Workbook, includeAll = false) => exportPlan(wb, (s) => detectStructure(s), includeAll).filter((p) => p.included).map((p) => p.stem);
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes).replace(/^\uFEFF/, '');

describe('file names: from the source file, never the caption', () => {
  it('<stem>.csv for a file with one data table, whatever its caption', () => {
    const wb = workbook('budget.xlsx', [table('予算', 's1', '令和6年度 一般会計予算')]);
    expect(exportCsvFile(wb, 's1').fileName).toBe('budget.csv');
  });

  it('<stem>_<sheet>.csv for several; a 目次 does not count and is left out', () => {
    const toc = sheetFromRows([['目次'], ['第1表', '人口'], ['第2表', '世帯']], { id: 's0', name: '目次' });
    const wb = workbook('26jinugoki.xls', [toc, table('Ⅰ', 's1'), table('Ⅱ', 's2')]);
    expect(names(wb)).toEqual(['26jinugoki_Ⅰ', '26jinugoki_Ⅱ']);
    expect(names(wb, true)).toEqual(['26jinugoki_目次', '26jinugoki_Ⅰ', '26jinugoki_Ⅱ']);
    const one = workbook('x.xlsx', [toc, table('人口', 's1')]);
    expect(exportCsvFile(one, 's1').fileName).toBe('x.csv');
  });

  it('characters a file system refuses are replaced; names stay unique', () => {
    const wb = workbook('a:b?.xlsx', [table('北/南', 's1'), table('北_南', 's2'), table('東*', 's3')]);
    expect(names(wb)).toEqual(['a_b__北_南', 'a_b__北_南_2', 'a_b__東_']);
  });

  it('a sheet split by 「すべて修正」 gives <stem>_<sheet>_1, _2…, the same after undo and redo', () => {
    const sheet = sheetFromRows(
      [['第1表 人口'], ['区', '人口'], ['北区', 100], ['南区', 200], ['西区', 300], [], [], ['第2表 世帯'], ['区', '世帯数'], ['北区', 40], ['南区', 90], ['西区', 120]],
      { id: 's1', name: '人口' },
    );
    const wb = workbook('two.xlsx', [sheet]);
    const { changes } = fixAllInPlace(wb);
    expect(wb.sheets).toHaveLength(2);
    expect(names(wb)).toEqual(['two_人口_1', 'two_人口_2']);
    expect(parseLevel2(decode(exportCsvFile(wb, wb.sheets[1].id).bytes))!.rows.map((r) => r[1])).toEqual(['40', '90', '120']);
    // An autosave is the workbook as data: the names come back with it.
    const saved = structuredClone(wb);
    expect(names(saved)).toEqual(['two_人口_1', 'two_人口_2']);
    revertChanges(wb, changes);
    expect(names(wb)).toEqual(['two']);
    applyChanges(wb, changes);
    expect(names(wb)).toEqual(['two_人口_1', 'two_人口_2']);
  });

  it('_<n> counts the tables of a split sheet, not what a split left over: one table among leftovers is <stem>_<sheet>', () => {
    const leftover = (id: string, name: string) => sheetFromRows([['第Ⅷ表 月別人口動態の推移']], { id, name });
    // 26jinugoki.xls after 「すべて修正」: Ⅰ keeps its table and leaves a title on Ⅰ (2); Ⅷ keeps a title and its tables move on.
    const wb = workbook('26jinugoki.xls', [table('Ⅰ', 's2'), leftover('s2-t2', 'Ⅰ (2)'), leftover('s9', 'Ⅷ'), table('Ⅷ (2)', 's9-t2'), table('Ⅷ (3)', 's9-t3'), table('Ⅷ (4)', 's9-t4')]);
    expect(names(wb)).toEqual(['26jinugoki_Ⅰ', '26jinugoki_Ⅷ_1', '26jinugoki_Ⅷ_2', '26jinugoki_Ⅷ_3']);
    // The leftovers, when asked for, come after the tables and change none of their names.
    expect(names(wb, true)).toEqual(['26jinugoki_Ⅰ', '26jinugoki_Ⅰ_2', '26jinugoki_Ⅷ_4', '26jinugoki_Ⅷ_1', '26jinugoki_Ⅷ_2', '26jinugoki_Ⅷ_3']);
    expect(exportCsvFile(wb, 's9-t2').fileName).toBe('26jinugoki_Ⅷ_1.csv');
  });
});

describe('metadata of the whole file and of each table', () => {
  it('the file\'s creator and date fill every table that has none; a table\'s own wins', () => {
    const a = table('A', 's1');
    const b = table('B', 's2');
    b.meta = { notes: [], columns: [], creator: '北区役所' };
    const wb = workbook('book.xlsx', [a, b]);
    applyChanges(wb, [workbookMetaChange(wb, 's1', { creator: '神戸市企画調整局', date: '2015-08-01' }, 'meta')]);
    expect(exportMeta(wb, a)).toMatchObject({ creator: '神戸市企画調整局', date: '2015-08-01' });
    expect(exportMeta(wb, b)).toMatchObject({ creator: '北区役所', date: '2015-08-01' });
    const lines = decode(exportCsvFile(wb, 's1').bytes).split('\r\n');
    expect(lines.slice(1, 3)).toEqual(['@Creator,神戸市企画調整局,ja', '@Date,2015-08-01']);
  });

  it('population.xlsx: @Date 2010-10-01 from 10月1日現在 and the table\'s latest year, before and after 「すべて修正」', () => {
    const { workbook: wb } = readWorkbook(fixtureBytes('population.xlsx'), 'population.xlsx');
    expect(exportMeta(wb, wb.sheets[0]).date).toBe('2010-10-01');
    fixAllInPlace(wb);
    expect(wb.sheets[0].meta?.date).toBe('2010-10-01');
    const csv = exportCsv(wb, 's1');
    expect(decode(csv.file.bytes).split('\r\n')[2]).toBe('@Date,2010-10-01,,,,,,,');
    expect(csv.empty).toEqual([]);
  });
});

describe('every table in one ZIP', () => {
  it('a CSV and a sidecar per data table, the recipe and a report of changes, empty @ lines, notes and what was left out', () => {
    const { workbook: wb } = readWorkbook(fixtureBytes('population.xlsx'), 'population.xlsx');
    const toc = sheetFromRows([['目次'], ['第1表', '人口'], ['第2表', '世帯']], { id: 's9', name: '目次' });
    wb.sheets.unshift(toc);
    const { changes } = fixAllInPlace(wb);
    const done = exportAllZip(wb, { changes, recipeJson: '{"version":1}\n', open: () => [{ ruleId: 'units', failing: 2 }] });
    expect(done.file.fileName).toBe('population.zip');
    const files = unzipSync(done.file.bytes);
    expect(Object.keys(files).sort()).toEqual(['population.csv', 'population.csv-metadata.json', 'population.recipe.json', 'population_report.txt']);
    expect(done.left).toEqual([{ sheet: '目次', kind: 'contents' }]);
    const report = decode(files['population_report.txt']);
    expect(report).toMatch(/- 表題・注記は表の外へ: \d+ 件/);
    expect(report).toContain('□ population.csv(シート「2-2」)');
    expect(report).toContain('  日付: 2010-10-01');
    expect(report).toContain('    a) 歯舞群島、色丹島、国後島、択捉島及び竹島を除き算出。');
    expect(report).toContain('  残っている指摘: 単位・記数単位 2 件');
    expect(report).toContain('- 目次: 目次');
    const sidecar = JSON.parse(decode(files['population.csv-metadata.json']));
    expect(sidecar['dc:description']['@value']).toContain('歯舞群島');
    expect(decode(files['population.csv'])).toBe(decode(exportCsvFile(wb, wb.sheets[1].id).bytes));
  });

  it('numbers stored on request; nothing left out of a file without a data table', () => {
    const only = sheetFromRows([['目次'], ['第1表', '人口'], ['第2表', '世帯']], { id: 's1', name: '目次' });
    expect(exportTables(workbook('toc.xlsx', [only])).tables.map((t) => t.csv.fileName)).toEqual(['toc.csv']);
    const rate = sheetFromRows([['区', '率'], ['北区', { value: 27.2727272727273, format: '0.0' }], ['南区', { value: 3.14159, format: '0.0' }]], { id: 's1', name: 'S' });
    const wb = workbook('rate.xlsx', [rate]);
    const row = (numbers: 'shown' | 'stored') => parseLevel2(decode(exportTables(wb, { options: { ...DEFAULT_EXPORT, numbers } }).tables[0].csv.bytes))!.rows[0];
    expect(row('shown')).toEqual(['北区', '27.3']);
    expect(row('stored')).toEqual(['北区', '27.2727272727273']);
  });
});

const CORPUS = path.resolve(__dirname, '../../../../shared/corpus');
const jinkou = path.join(CORPUS, 'kobe-opendata/jinkou2708.xls');

describe.skipIf(!fs.existsSync(jinkou))(`jinkou2708.xls (skipped when ${path.relative(process.cwd(), CORPUS)} is absent)`, () => {
  it('@Date 2015-08-01, @Creator 神戸市企画調整局政策企画部総合計画課, caption 神戸市の推計人口 …, after 「すべて修正」', () => {
    const { workbook: wb } = readWorkbook(new Uint8Array(fs.readFileSync(jinkou)), 'jinkou2708.xls');
    fixAllInPlace(wb);
    const lines = decode(exportCsvFile(wb, wb.sheets[0].id).bytes).split('\r\n');
    expect(lines[0]).toMatch(/^@Caption,神戸市の推計人口/);
    expect(lines[1]).toMatch(/^@Creator,神戸市企画調整局政策企画部総合計画課,ja/);
    expect(lines[2]).toMatch(/^@Date,2015-08-01,/);
  });
});
