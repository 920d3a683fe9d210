// The deliverable: the Level 2 CSV in each encoding, the CSVW sidecar and the ZIP.
import { unzipSync } from 'fflate';
import * as XLSX from 'xlsx';
import { download, expect, fixedPopulation, openFile, test } from './fixtures.ts';

test('Level 2 CSV in UTF-8 with BOM, UTF-8 and Shift_JIS; LF on request', async ({ page }) => {
  await fixedPopulation(page);
  const csv = () => page.getByRole('button', { name: 'CSVをダウンロード' }).click();

  const bom = await download(page, csv);
  expect(bom.name).toBe('population.csv'); // the source file's name, never the caption
  expect([...bom.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bom.bytes.subarray(3).toString('utf8');
  const lines = text.split('\r\n');
  expect(lines.slice(0, 5)).toEqual([
    '@Caption,2-2 都道府県別人口と人口増加率,ja,,,,,,',
    '@Creator,総務省統計局統計調査部国勢統計課,ja,,,,,,',
    '@Date,2010-10-01,,,,,,,',
    '@Language,ja,,,,,,,',
    '@Title,ja,,,,,,,',
  ]);
  expect(lines[5]).toMatch(/^都道府県,2000年,2005年 総数,/);
  expect(lines.slice(6, 12)).toEqual([
    '@Baseval,,,,,,,,',
    ',1000,1000,1000,,1000,,,',
    '@Unit,ja,,,,,,,',
    ',,,,%,,,/km2,%',
    '@Datatype,,,,,,,,',
    'xsd:string,xsd:integer,xsd:integer,xsd:integer,xsd:double,xsd:integer,xsd:double,xsd:double,xsd:double',
  ]);
  expect(lines[12]).toBe('全国,126926,127768,84331,0.7,128057,94.8,343.4,0.2');
  await expect(page.getByTestId('export-empty')).toHaveText('@行はすべて値があります。');

  await page.getByLabel('エクスポートの設定とほかの形式').click();
  await page.getByTestId('export-encoding').selectOption('utf-8');
  await page.getByTestId('export-eol').selectOption('lf');
  const plain = await download(page, csv);
  expect(plain.bytes[0]).toBe(0x40); // '@', no BOM
  expect(plain.bytes.toString('utf8')).toContain('\n全国,126926,');
  expect(plain.bytes.toString('utf8')).not.toContain('\r\n');

  await page.getByTestId('export-encoding').selectOption('shift_jis');
  await page.getByTestId('export-eol').selectOption('crlf');
  const sjis = await download(page, csv);
  const decoded = new TextDecoder('shift_jis').decode(sjis.bytes);
  expect(decoded.split('\r\n').slice(0, 13)).toEqual(lines.slice(0, 13));

  await page.getByTestId('export-level').selectOption('1');
  await page.getByTestId('export-encoding').selectOption('utf-8-bom');
  const level1 = await download(page, csv);
  const l1 = level1.bytes.subarray(3).toString('utf8').split('\r\n');
  expect(l1[0]).toMatch(/^都道府県,2000年,/);
  expect(l1[1]).toBe('全国,126926,127768,84331,0.7,128057,94.8,343.4,0.2');
});

test('the downloaded Level 2 CSV opens again as a table with its @ lines as metadata, and downloads unchanged', async ({ page }) => {
  await fixedPopulation(page);
  const csv = () => page.getByRole('button', { name: 'CSVをダウンロード' }).click();
  const first = await download(page, csv);
  const dataLines = first.bytes.subarray(3).toString('utf8').split('\r\n').filter((l) => l !== '' && !l.startsWith('@')).length - 4; // title, baseval, unit, datatype rows
  await openFile(page, { name: first.name, mimeType: 'text/csv', buffer: first.bytes });
  await expect(page.getByRole('status')).toContainText('Level 2 形式の CSV です');
  await expect(page.getByTestId('sheet-summary')).toHaveText(`${dataLines + 1} 行 × 9 列`);
  await expect(page.getByTestId('meta-input-caption')).toHaveValue('2-2 都道府県別人口と人口増加率');
  await expect(page.getByTestId('meta-input-creator')).toHaveValue('総務省統計局統計調査部国勢統計課');
  const again = await download(page, csv);
  expect(again.bytes.toString('utf8')).toBe(first.bytes.toString('utf8'));
});

test('Shift_JIS: characters it cannot hold are listed, nothing is saved or replaced', async ({ page }) => {
  const ws = XLSX.utils.aoa_to_sheet([
    ['名前', '人数'],
    ['𠮷野家', 3],
    ['北区', 5],
  ]);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'S');
  const buffer = Buffer.from(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }));
  await page.goto('/');
  await openFile(page, { name: 'names.xlsx', mimeType: 'application/octet-stream', buffer });
  await expect(page.getByTestId('violation-count')).toBeVisible();
  await page.getByLabel('エクスポートの設定とほかの形式').click();
  await page.getByTestId('export-encoding').selectOption('shift_jis');
  let downloaded = false;
  page.on('download', () => (downloaded = true));
  await page.getByRole('button', { name: 'CSVをダウンロード' }).click();
  await expect(page.getByRole('alert')).toContainText('表せない文字が 1 種類');
  await expect(page.getByRole('alert')).toContainText('𠮷');
  expect(downloaded).toBe(false);
});

test('CSVW sidecar and the ZIP with CSV, sidecar and recipe', async ({ page }) => {
  await fixedPopulation(page);
  await page.getByLabel('エクスポートの設定とほかの形式').click();
  const sidecar = await download(page, () => page.getByRole('button', { name: 'CSVW メタデータ(JSON)' }).click());
  expect(sidecar.name).toBe('population.csv-metadata.json');
  const json = JSON.parse(sidecar.bytes.toString('utf8'));
  expect(json['@context']).toBeDefined();
  expect(json.url).toBe('population.csv');
  expect(json.tableSchema.columns).toHaveLength(9);

  const zip = await download(page, () => page.getByRole('button', { name: 'ZIP(CSV・メタデータ・レシピ)' }).click());
  expect(zip.name).toBe('population.zip');
  expect(Object.keys(unzipSync(new Uint8Array(zip.bytes))).sort()).toEqual(['population.csv', 'population.csv-metadata.json', 'population.recipe.json']);
});
