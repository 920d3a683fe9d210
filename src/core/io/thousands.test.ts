import fs from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corpusBytes, corpusPath, corpusTitle, hasCorpusFile } from '../../../test/corpus.ts';
import { applyChanges, revertChanges } from '../changes.ts';
import { getValue } from '../model.ts';
import { readWorkbook } from './read.ts';
import { READ_REPAIR, findSplitThousands, thousandsRepairChanges } from './thousands.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
const rowsOf = (text: string) => text.trim().split('\n').map((l) => l.split(','));
const valuesOf = (sheet: { rowCount: number; columns: { values: unknown[] }[] }) =>
  Array.from({ length: sheet.rowCount }, (_, r) => sheet.columns.map((col) => col.values[r] ?? null));

describe('unquoted thousands separators', () => {
  it('the issue\'s row: １，２３４,1,180,987,1,002 under five titles — the 002 can only be a group', () => {
    const found = findSplitThousands(rowsOf('a,b,c,d,e\n１，２３４,1,180,987,1,002\n'));
    expect(found).toEqual({ width: 5, rows: [1], repairs: [{ row: 1, fields: ['１，２３４', '1', '180', '987', '1,002'] }] });
  });

  it('the columns of the rows that fit tell which groups belong together', () => {
    const text = ['地区,人口,世帯,面積', '北区,13515,6690,218', '南区,12044,5872,190', '東区,9811,4410,240', '西区,1,180,987,6,001,230', '中区,10,250,5,105,205'].join('\n');
    const found = findSplitThousands(rowsOf(text))!;
    expect(found.width).toBe(4);
    expect(found.rows).toEqual([4, 5]);
    expect(found.repairs).toEqual([
      { row: 4, fields: ['西区', '1,180,987', '6,001', '230'] },
      { row: 5, fields: ['中区', '10,250', '5,105', '205'] },
    ]);
  });

  it('a row that joins in two equally likely ways is reported, and no repair is offered for it', () => {
    const found = findSplitThousands(rowsOf('a,b,c\nx,123,456,789\n'))!;
    expect(found.rows).toEqual([1]);
    expect(found.repairs).toEqual([]);
  });

  it('rows wider for another reason, or fitting rows, give nothing', () => {
    expect(findSplitThousands(rowsOf('a,b,c\n1,2,3\n4,5,6\n'))).toBeUndefined();
    expect(findSplitThousands(rowsOf('a,b,c\n1,2,3\nx,y,z,w\n'))).toBeUndefined(); // no digit groups
    expect(findSplitThousands(rowsOf('a,b,c\n1,2,3\n1,23,45,6\n'))).toBeUndefined(); // 23 / 45 are no groups of three
  });

  it('property: numbers of steady size per column, some written with bare separators, are put back exactly', () => {
    const table = fc
      .integer({ min: 2, max: 6 })
      .chain((width) =>
        fc.tuple(
          fc.array(fc.integer({ min: 1, max: 7 }), { minLength: width, maxLength: width }),
          fc.array(fc.tuple(fc.array(fc.double({ min: 0, max: 0.999, noNaN: true }), { minLength: width, maxLength: width }), fc.boolean()), { minLength: 6, maxLength: 20 }),
        ),
      );
    fc.assert(
      fc.property(table, ([digits, specs]) => {
        const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
        const truth: string[][] = [];
        const rows: string[][] = [digits.map((_, c) => `t${c}`)];
        specs.forEach(([fractions, split], i) => {
          const numbers = fractions.map((f, c) => 10 ** (digits[c] - 1) + Math.floor(f * 9 * 10 ** (digits[c] - 1)));
          // The first rows always fit, so that every column has a profile.
          const bare = split && i >= 4 && digits.some((d) => d > 3);
          truth.push(numbers.map(grouped));
          rows.push(bare ? numbers.map(grouped).join(',').split(',') : numbers.map(String));
        });
        const found = findSplitThousands(rows);
        const expected = specs.flatMap(([, split], i) => (split && i >= 4 && digits.some((d) => d > 3) ? [{ row: i + 1, fields: truth[i] }] : []));
        if (expected.length === 0) expect(found).toBeUndefined();
        else expect(found?.repairs).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});

describe('reading and repairing', () => {
  const text = ['地区,人口,世帯', '北区,13515,6690', '南区,12044,5872', '西区,11,180,6,001', '東区,9811,4410', ''].join('\r\n');

  it('reading warns, names the row and changes nothing; the repair is one change list that undoes exactly', () => {
    const { workbook, warnings } = readWorkbook(utf8(text), 'pop.csv');
    const sheet = workbook.sheets[0];
    expect(warnings).toEqual([{ code: 'thousands-separators', count: 1, rows: [4], width: 3, repairs: [{ row: 3, fields: ['西区', '11,180', '6,001'] }] }]);
    // Never silent: the row is as the file has it until the user repairs it.
    expect(sheet.columns).toHaveLength(5);
    const before = valuesOf(sheet);
    expect(before[3]).toEqual(['西区', 11, 180, 6, '001']);

    const w = warnings[0];
    if (w.code !== 'thousands-separators') throw new Error('unexpected warning');
    const changes = thousandsRepairChanges(sheet, w);
    expect(changes.every((ch) => ch.ruleId === READ_REPAIR)).toBe(true);
    applyChanges(workbook, changes);
    const repaired = workbook.sheets[0];
    expect(repaired.columns).toHaveLength(3);
    expect(valuesOf(repaired)).toEqual([
      ['地区', '人口', '世帯'],
      ['北区', 13515, 6690],
      ['南区', 12044, 5872],
      ['西区', '11,180', '6,001'],
      ['東区', 9811, 4410],
    ]);
    revertChanges(workbook, changes);
    expect(valuesOf(workbook.sheets[0])).toEqual(before);
  });

  it('a row edited since the file was read is left alone; other rows still wide keep their columns', () => {
    const wide = text.replace('東区,9811,4410', '東区,9811,4410,,x');
    const { workbook, warnings } = readWorkbook(utf8(wide), 'pop.csv');
    const w = warnings.find((x) => x.code === 'thousands-separators');
    if (w?.code !== 'thousands-separators') throw new Error('no warning');
    const sheet = workbook.sheets[0];
    const changes = thousandsRepairChanges(sheet, w);
    expect(changes.some((ch) => ch.kind === 'columns')).toBe(false);
    applyChanges(workbook, changes);
    expect(valuesOf(sheet)[3]).toEqual(['西区', '11,180', '6,001', null, null]);
    expect(getValue(sheet, 4, 4)).toBe('x');
    revertChanges(workbook, changes);
    sheet.columns[1].values[3] = 99;
    expect(thousandsRepairChanges(sheet, w)).toEqual([]);
  });

  it.skipIf(!hasCorpusFile('open-data-linter'))(corpusTitle('open-data-linter', 'no published CSV of the corpus is reported'), () => {
    const dirs = ['open-data-linter', 'jp-csv-sjis', 'kobe-opendata', 'frictionless'].filter(hasCorpusFile);
    let read = 0;
    for (const dir of dirs) {
      for (const name of fs.readdirSync(corpusPath(dir))) {
        if (!/\.csv$/i.test(name)) continue;
        const { warnings } = readWorkbook(corpusBytes(`${dir}/${name}`), name);
        expect(warnings.filter((w) => w.code === 'thousands-separators'), name).toEqual([]);
        read++;
      }
    }
    expect(read).toBeGreaterThan(10);
  });
});
