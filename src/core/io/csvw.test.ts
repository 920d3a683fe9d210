import { describe, expect, it } from 'vitest';
import { fixtureBytes } from '../../../test/fixtures.ts';
import { applyChanges } from '../changes.ts';
import { planFixAll } from '../fix/runFixes.ts';
import { newSheet, setCell } from '../model.ts';
import { SDMX_UNIT_MULT, buildCsvw, csvwFileName, writeCsvw } from './csvw.ts';
import { LEVEL2_HEADER_ROWS, buildExportTable, level2SkipRows, parseLevel2, writeLevel2 } from './level2.ts';
import { readWorkbook } from './read.ts';

describe('CSVW sidecar', () => {
  const { workbook } = readWorkbook(fixtureBytes('population.xlsx'), 'population.xlsx');
  applyChanges(workbook, planFixAll(workbook));
  const sheet = workbook.sheets[0];
  const meta = { ...sheet.meta!, date: '2010-10-01', license: 'CC BY 4.0' };
  const table = buildExportTable(sheet, false, { titleRow: 0, dataStart: 1, dataEnd: 48 });
  const doc = buildCsvw(table, meta, { url: 'population.csv' });

  it('file name and table-level metadata', () => {
    expect(csvwFileName('population.csv')).toBe('population.csv-metadata.json');
    expect(doc['@context']).toBe('http://www.w3.org/ns/csvw');
    expect(doc.url).toBe('population.csv');
    expect(doc['dc:title']).toEqual({ '@value': '2-2 都道府県別人口と人口増加率', '@language': 'ja' });
    expect(doc['dc:creator']).toEqual({ '@value': meta.creator, '@language': 'ja' });
    expect(doc['dc:date']).toEqual({ '@value': '2010-10-01', '@type': 'xsd:date' });
    expect(doc['dc:source']).toEqual({ '@value': meta.source, '@language': 'ja' });
    expect(doc['dc:license']).toEqual({ '@id': 'https://creativecommons.org/licenses/by/4.0/' });
    const comments = doc['rdfs:comment'] as { '@value': string }[];
    expect(comments).toHaveLength(4);
    expect(comments[1]['@value']).toMatch(/^1\) 人口密度の高い基本単位区/);
    const description = (doc['dc:description'] as { '@value': string })['@value'].split('\n');
    expect(description).toEqual(comments.map((c) => c['@value']));
  });

  it('dialect: skipRows and headerRowCount match the Level 2 file', () => {
    const dialect = doc.dialect as Record<string, unknown>;
    expect(dialect).toMatchObject({ encoding: 'utf-8', header: true, headerRowCount: 7, trim: false, commentPrefix: '@' });
    const text = writeLevel2(table, meta);
    const lines = text.split('\r\n');
    const skip = dialect.skipRows as number;
    expect(skip).toBe(level2SkipRows(meta));
    expect(lines[skip - 1]).toMatch(/^@Title,/);
    // The header rows are the title row … the datatype row; data follows.
    expect(lines[skip]).toBe(lines[parseLevel2(text)!.dataStart - LEVEL2_HEADER_ROWS]);
    expect(lines[skip + LEVEL2_HEADER_ROWS - 1]).toMatch(/^xsd:string,xsd:integer/);
    expect(lines[skip + LEVEL2_HEADER_ROWS]).toMatch(/^全国,126926,/);
    // With extra @ lines the sidecar must be told.
    const extra = buildCsvw(table, meta, { url: 'p.csv', write: { extraMetadata: true } }).dialect as Record<string, unknown>;
    expect(extra.skipRows).toBe(skip + 2 + meta.notes.length);
    const level1 = buildCsvw(table, meta, { url: 'p.csv', level: 1, encoding: 'shift_jis' }).dialect as Record<string, unknown>;
    expect(level1).toMatchObject({ skipRows: 0, headerRowCount: 1, encoding: 'shift_jis' });
    expect(level1.commentPrefix).toBeUndefined();
  });

  it('columns: titles, datatypes, units, scales', () => {
    const columns = (doc.tableSchema as { columns: Record<string, unknown>[] }).columns;
    expect(columns).toHaveLength(9);
    expect(columns.map((c) => c.datatype)).toEqual(['string', 'integer', 'integer', 'integer', 'double', 'integer', 'double', 'double', 'double']);
    expect(columns[0]).toEqual({ titles: { ja: '都道府県' }, datatype: 'string' });
    expect(columns[1]).toMatchObject({ [SDMX_UNIT_MULT]: 3, 'dc:description': '@Baseval 1000' });
    expect(columns[4]['schema:unitText']).toBe('%');
    expect(columns[7]['schema:unitText']).toBe('/km2');
    expect(columns[6]['schema:unitText']).toBeUndefined();
  });

  it('English titles, special symbols as nulls, 2010年 years, guarded titles shown plain', () => {
    const s = newSheet('s', 'S', 4, 4);
    ['和暦', '=calc', '年', '件数'].forEach((v, c) => setCell(s, 0, c, { value: v }));
    const data = [
      ['a', 'x', '2010年', 5],
      ['b', 'y', '2011年', 'x'],
      ['c', 'z', '2012年', '…'],
    ];
    data.forEach((row, r) => row.forEach((v, c) => setCell(s, r + 1, c, { value: v })));
    s.meta = { notes: [], columns: [{ titleEn: 'Japanese year' }, undefined, undefined, { unit: '件', baseval: 1500 }] };
    const t = buildExportTable(s, false, { titleRow: 0, dataStart: 1, dataEnd: 3 });
    const cols = (buildCsvw(t, s.meta, { url: 'x.csv' }).tableSchema as { columns: Record<string, unknown>[] }).columns;
    expect(cols[0].titles).toEqual({ ja: '和暦', en: 'Japanese year' });
    expect(cols[1].titles).toEqual({ ja: '=calc' });
    expect(cols[2].datatype).toEqual({ base: 'string', format: '^\\d{4}年$' });
    expect(cols[3]).toEqual({
      titles: { ja: '件数' },
      datatype: 'integer',
      null: ['', 'x', '…'],
      'schema:unitText': '件',
      'dc:description': '@Baseval 1500', // not a power of ten: no unitMult
    });
  });

  it('writeCsvw is JSON that parses back to the same document; absent metadata is left out', () => {
    const json = writeCsvw(table, meta, { url: 'population.csv' });
    expect(json.endsWith('\n')).toBe(true);
    expect(JSON.parse(json)).toEqual(doc);
    const bare = buildCsvw(table, { notes: [] }, { url: 'a.csv' });
    expect(Object.keys(bare)).toEqual(['@context', 'url', 'dialect', 'tableSchema']);
    expect(buildCsvw(table, { license: 'https://example.jp/terms' }, { url: 'a.csv' })['dc:license']).toEqual({ '@id': 'https://example.jp/terms' });
    expect(buildCsvw(table, { license: '独自規約', date: '平成22年' }, { url: 'a.csv' })).toMatchObject({ 'dc:license': '独自規約', 'dc:date': '平成22年' });
  });
});
