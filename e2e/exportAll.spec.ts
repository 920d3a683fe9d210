// 「すべての表をダウンロード」: every table of a workbook in one ZIP, named after the source
// file, with every @ line of the guide's header, the file's metadata typed once in every
// table, the recipe and a report. Published files are read from ../shared/corpus at run
// time; those tests are skipped, saying so, when it is absent.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import * as XLSX from 'xlsx';
import { download, expect, fixedPopulation, gridCell, openFile, test, fixAll } from './fixtures.ts';

const CORPUS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'corpus');
const corpus = (name: string) => path.join(CORPUS, name);
const absent = (name: string) => `${name} is not in ${CORPUS}`;
const corpusFile = (name: string) => ({ name: path.basename(name), mimeType: 'application/octet-stream', buffer: fs.readFileSync(corpus(name)) });

const AT_LINES = ['@Caption', '@Creator', '@Date', '@Language', '@Title', '@Baseval', '@Unit', '@Datatype'];
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes).replace(/^\uFEFF/, '');
const atKeywords = (csv: string) => csv.split('\r\n').filter((l) => l.startsWith('@')).map((l) => l.split(',')[0]);

async function fixAllDone(page: import('@playwright/test').Page) {
  await fixAll(page);
  await expect(page.getByRole('button', { name: '修正中…' })).toHaveCount(0, { timeout: 60_000 });
  await expect(page.getByRole('button', { name: 'すべて修正' })).toBeEnabled();
}

test('26jinugoki.xls → すべて修正 → すべての表をダウンロード: one CSV per data table, no 目次, all eight @ lines, the creator typed once in every CSV', async ({ page }) => {
  test.skip(!fs.existsSync(corpus('kobe-opendata/26jinugoki.xls')), absent('kobe-opendata/26jinugoki.xls'));
  test.setTimeout(180_000);
  await page.goto('/');
  await openFile(page, corpusFile('kobe-opendata/26jinugoki.xls'));
  await expect(page.getByTestId('violation-count')).toBeVisible({ timeout: 60_000 });
  await fixAllDone(page);
  await page.getByTestId('book-input-creator').fill('神戸市企画調整局');
  await page.getByTestId('book-input-creator').blur();
  await expect(page.getByTestId('book-input-creator')).toHaveValue('神戸市企画調整局');

  const zip = await download(page, () => page.getByRole('button', { name: 'すべての表をダウンロード' }).click());
  expect(zip.name).toBe('26jinugoki.zip');
  const files = unzipSync(new Uint8Array(zip.bytes));
  const csvs = Object.keys(files).filter((n) => n.endsWith('.csv')).sort();
  expect(csvs.length).toBeGreaterThanOrEqual(8);
  for (const name of csvs) expect(name).toMatch(/^26jinugoki_(Ⅰ|Ⅱ|Ⅲ|Ⅳ|Ⅴ|Ⅵ|Ⅶ|Ⅷ)(_\d+)?\.csv$/);
  // The n of _<n> counts a sheet's tables: one table is <stem>_<sheet>.csv, several are _1 … _k.
  const bySheet = new Map<string, string[]>();
  for (const n of csvs) {
    const sheet = n.replace(/^26jinugoki_/, '').replace(/(_\d+)?\.csv$/, '');
    bySheet.set(sheet, [...(bySheet.get(sheet) ?? []), n]);
  }
  for (const [sheet, names] of bySheet) {
    const expected = names.length === 1 ? [`26jinugoki_${sheet}.csv`] : names.map((_, i) => `26jinugoki_${sheet}_${i + 1}.csv`);
    expect(names.toSorted(), sheet).toEqual(expected.toSorted());
  }
  // Every data sheet of the file is there; the contents page is not.
  for (const sheet of ['Ⅰ', 'Ⅱ', 'Ⅲ', 'Ⅳ', 'Ⅴ', 'Ⅵ', 'Ⅶ', 'Ⅷ']) expect(csvs.some((n) => n.startsWith(`26jinugoki_${sheet}`))).toBe(true);
  expect(Object.keys(files).some((n) => n.includes('目次'))).toBe(false);
  for (const name of csvs) {
    const csv = text(files[name]);
    expect(atKeywords(csv), name).toEqual(AT_LINES);
    expect(csv.split('\r\n')[1], name).toMatch(/^@Creator,神戸市企画調整局,ja/);
    expect(files[`${name}-metadata.json`], `${name}'s sidecar`).toBeDefined();
  }
  expect(files['26jinugoki.recipe.json']).toBeDefined();
  // The ZIP's recipe given to the CLI writes the same files, name for name and byte for byte.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seiton-all-'));
  fs.writeFileSync(path.join(dir, 'recipe.json'), files['26jinugoki.recipe.json']);
  execFileSync(process.execPath, ['cli/seiton.mjs', 'clean', corpus('kobe-opendata/26jinugoki.xls'), '--recipe', path.join(dir, 'recipe.json'), '--out', path.join(dir, 'out'), '--jobs', '1'], { stdio: 'pipe' });
  const cli = fs.readdirSync(path.join(dir, 'out')).sort();
  expect(cli).toEqual(csvs);
  for (const name of cli) expect(Buffer.from(files[name]).equals(fs.readFileSync(path.join(dir, 'out', name))), name).toBe(true);
  fs.rmSync(dir, { recursive: true, force: true });
  const report = text(files['26jinugoki_report.txt']);
  expect(report).toContain('- 目次: 目次');
  expect(report).toMatch(/- 1シートに1つの表: \d+ 件/);
  await expect(page.getByTestId('export-summary')).toContainText(`${csvs.length} 個の表を書き出しました`);
  await expect(page.getByTestId('export-empty')).toContainText('@Date');
});

test('population.xlsx: @Date,2010-10-01 from 10月1日現在 and the table\'s years; the ZIP holds population.csv, its sidecar, the recipe and the report', async ({ page }) => {
  await fixedPopulation(page);
  const zip = await download(page, () => page.getByRole('button', { name: 'すべての表をダウンロード' }).click());
  const files = unzipSync(new Uint8Array(zip.bytes));
  expect(Object.keys(files).sort()).toEqual(['population.csv', 'population.csv-metadata.json', 'population.recipe.json', 'population_report.txt']);
  const csv = text(files['population.csv']);
  expect(csv.split('\r\n')[2]).toBe('@Date,2010-10-01,,,,,,,');
  expect(text(files['population_report.txt'])).toContain('a) 歯舞群島、色丹島、国後島、択捉島及び竹島を除き算出。');
});

test('jinkou2708.xls: @Date,2015-08-01, @Creator 神戸市企画調整局政策企画部総合計画課 and the caption 神戸市の推計人口 without its layout spaces', async ({ page }) => {
  test.skip(!fs.existsSync(corpus('kobe-opendata/jinkou2708.xls')), absent('kobe-opendata/jinkou2708.xls'));
  await page.goto('/');
  await openFile(page, corpusFile('kobe-opendata/jinkou2708.xls'));
  await expect(page.getByTestId('violation-count')).toBeVisible();
  await fixAllDone(page);
  await page.getByRole('tab', { name: '毎月人口ＨＰ', exact: true }).click();
  const csv = await download(page, () => page.getByRole('button', { name: 'CSVをダウンロード' }).click());
  expect(csv.name).toMatch(/^jinkou2708_毎月人口ＨＰ(_1)?\.csv$/);
  const lines = text(new Uint8Array(csv.bytes)).split('\r\n');
  expect(lines[0]).toMatch(/^@Caption,神戸市の推計人口/);
  expect(lines[1]).toMatch(/^@Creator,神戸市企画調整局政策企画部総合計画課,ja/);
  expect(lines[2]).toMatch(/^@Date,2015-08-01,/);
});

test('before 「すべて修正」 the metadata panel shows what the download will write: caption, creator and date read from the rows, their notes', async ({ page }) => {
  await page.goto('/');
  await openFile(page, 'population.xlsx');
  await expect(page.getByTestId('violation-count')).toBeVisible();
  await expect(page.getByTestId('meta-input-date')).toHaveAttribute('placeholder', '2010-10-01(表から読み取った値)');
  await expect(page.getByTestId('meta-input-creator')).toHaveAttribute('placeholder', '総務省統計局統計調査部国勢統計課(表から読み取った値)');
  await expect(page.getByTestId('meta-input-caption')).toHaveAttribute('placeholder', /^2-2 都道府県別人口と人口増加率/);
  await expect(page.getByTestId('meta-input-date')).toHaveValue('');
  await expect(page.getByTestId('meta-found-notes')).toContainText('a) 歯舞群島、色丹島、国後島、択捉島及び竹島を除き算出。');
  const lines = text(new Uint8Array((await download(page, () => page.getByRole('button', { name: 'CSVをダウンロード' }).click())).bytes)).split('\r\n');
  expect(lines.slice(1, 3)).toEqual(['@Creator,総務省統計局統計調査部国勢統計課,ja,,,,,,', '@Date,2010-10-01,,,,,,,']);
  // A date typed in the field wins over the one read, and the field shows it.
  await page.getByTestId('meta-input-date').fill('2010/9/30');
  await page.getByTestId('meta-input-date').blur();
  await expect(page.getByTestId('meta-input-date')).toHaveValue('2010-09-30');
  const typed = text(new Uint8Array((await download(page, () => page.getByRole('button', { name: 'CSVをダウンロード' }).click())).bytes)).split('\r\n');
  expect(typed[2]).toBe('@Date,2010-09-30,,,,,,,');
  // After 「すべて修正」 the notes are the table's own: listed once, editable.
  await fixAllDone(page);
  await expect(page.getByTestId('meta-found-notes')).toHaveCount(0);
  await expect(page.getByTestId('meta-notes').getByLabel('注記の本文').last()).toHaveValue('歯舞群島、色丹島、国後島、択捉島及び竹島を除き算出。');
});

test('the date field reads 和暦 and refuses what is no date, saying so and storing nothing', async ({ page }) => {
  await fixedPopulation(page);
  await page.getByTestId('meta-input-date').fill('H27.8.1');
  await page.getByTestId('meta-input-date').blur();
  await expect(page.getByTestId('meta-input-date')).toHaveValue('2015-08-01');
  await page.getByTestId('meta-input-date').fill('2015年2月30日');
  await page.getByTestId('meta-input-date').blur();
  await expect(page.getByRole('alert')).toContainText('日付として読めません');
  const csv = text(new Uint8Array((await download(page, () => page.getByRole('button', { name: 'CSVをダウンロード' }).click())).bytes));
  expect(csv.split('\r\n')[2]).toBe('@Date,2015-08-01,,,,,,,');
});

test('numbers as the grid shows them by default, every stored digit on request (export menu, recorded in the recipe)', async ({ page }) => {
  const ws = XLSX.utils.aoa_to_sheet([
    ['区', '構成比', '増加率'],
    ['北区', { t: 'n', v: 0.272727272727, z: '0.0%' }, { t: 'n', v: 27.2727272727273, z: '0.0' }],
    ['南区', { t: 'n', v: 0.05, z: '0.0%' }, { t: 'n', v: 3.14159, z: '0.0' }],
  ]);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'S');
  await page.goto('/');
  await openFile(page, { name: 'rates.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' })) });
  await expect(gridCell(page, 1, 1)).toHaveText('27.3%');
  await expect(gridCell(page, 1, 2)).toHaveText('27.3');
  const csv = () => page.getByRole('button', { name: 'CSVをダウンロード' }).click();
  const rows = (t: string) => t.split('\r\n');
  const shown = rows(text(new Uint8Array((await download(page, csv)).bytes)));
  expect(shown[shown.indexOf('@Unit,ja,') + 1]).toBe(',%,');
  expect(shown.slice(-3, -1)).toEqual(['北区,27.3,27.3', '南区,5.0,3.1']);
  await page.getByLabel('エクスポートの設定とほかの形式').click();
  await expect(page.getByTestId('export-numbers')).toHaveValue('shown');
  await page.getByTestId('export-numbers').selectOption('stored');
  const stored = rows(text(new Uint8Array((await download(page, csv)).bytes)));
  expect(stored.slice(-3, -1)).toEqual(['北区,0.272727272727,27.2727272727273', '南区,0.05,3.14159']);
  const recipe = await download(page, () => page.getByRole('button', { name: 'レシピを保存' }).click());
  expect(JSON.parse(recipe.bytes.toString('utf8')).export.numbers).toBe('stored');
});
