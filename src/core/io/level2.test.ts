import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { fixtureBytes } from '../../../test/fixtures.ts';
import { applyChanges } from '../changes.ts';
import { planFixAll } from '../fix/runFixes.ts';
import { type CellValue, type ColumnMeta, type Sheet, type TableMeta, newSheet, setCell } from '../model.ts';
import { exportText } from '../numberFormat.ts';
import { type CsvEncoding, UnrepresentableCharactersError, encodeCsv, unrepresentable } from './encodeText.ts';
import {
  type ExportTable,
  LEVEL2_HEADER_ROWS,
  emptyLevel2Lines,
  buildExportTable,
  level2SkipRows,
  parseLevel2,
  validateLevel2,
  writeLevel1,
  writeLevel2,
} from './level2.ts';
import { readWorkbook } from './read.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

function cleanedPopulation(): { sheet: Sheet; date1904: boolean } {
  const { workbook } = readWorkbook(fixtureBytes('population.xlsx'), 'population.xlsx');
  applyChanges(workbook, planFixAll(workbook));
  return { sheet: workbook.sheets[0], date1904: workbook.date1904 };
}

function table(partial: Partial<ExportTable> & { titles: string[] }): ExportTable {
  const w = partial.titles.length;
  const blank = () => new Array<string>(w).fill('');
  return {
    rows: [],
    datatypes: new Array<string>(w).fill('xsd:string'),
    units: blank(),
    basevals: blank(),
    titlesEn: new Array(w).fill(undefined),
    symbols: Array.from({ length: w }, () => []),
    guarded: true,
    ...partial,
  };
}

describe('population.xlsx after すべて修正 → Level 2 CSV (the guide\'s Level 2 example)', () => {
  const { sheet, date1904 } = cleanedPopulation();
  const exported = buildExportTable(sheet, date1904, { titleRow: 0, dataStart: 1, dataEnd: 48 });
  const text = writeLevel2(exported, sheet.meta!);
  const lines = text.split('\r\n');
  const guide = fs
    .readFileSync(path.join(here, '../../../test/fixtures/population-level1.tsv'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => l.split('\t'))
    .slice(2);

  it('@ block: caption, creator, date (10月1日現在 + the table\'s 2010), language, then @Title + the title row in 西暦', () => {
    expect(lines[0]).toBe('@Caption,2-2 都道府県別人口と人口増加率,ja,,,,,,');
    expect(lines[1]).toMatch(/^@Creator,総務省統計局[^,]*,ja,,,,,,$/);
    expect(lines[2]).toBe('@Date,2010-10-01,,,,,,,'); // the guide's own @Date
    expect(lines[3]).toBe('@Language,ja,,,,,,,');
    expect(lines[4]).toBe('@Title,ja,,,,,,,');
    const titles = lines[5].split(',');
    expect(titles).toHaveLength(9);
    expect(titles[0]).toBe('都道府県');
    expect(lines[5]).toContain('2000年');
    expect(lines[5]).toContain('2010年');
    expect(lines[5]).not.toMatch(/平成|昭和|令和/);
  });

  it('@Baseval, @Unit and @Datatype rows (padded @ lines)', () => {
    expect(lines[6]).toBe('@Baseval,,,,,,,,');
    expect(lines[7]).toBe(',1000,1000,1000,,1000,,,');
    expect(lines[8]).toBe('@Unit,ja,,,,,,,');
    expect(lines[9]).toBe(',,,,%,,,/km2,%');
    expect(lines[10]).toBe('@Datatype,,,,,,,,');
    expect(lines[11]).toBe('xsd:string,xsd:integer,xsd:integer,xsd:integer,xsd:double,xsd:integer,xsd:double,xsd:double,xsd:double');
  });

  it('48 data rows equal the guide\'s table, as numbers and as the guide writes them', () => {
    const data = lines.slice(12, -1).map((l) => l.split(','));
    expect(lines[lines.length - 1]).toBe(''); // the file ends with CRLF
    expect(data).toHaveLength(48);
    const differences: string[] = [];
    for (let i = 0; i < 48; i++) {
      expect(data[i][0]).toBe(guide[i][0]);
      for (let c = 1; c < 9; c++) {
        expect(Number(data[i][c]), `${guide[i][0]} column ${c + 1}`).toBeCloseTo(Number(guide[i][c]), 10);
        if (data[i][c] !== guide[i][c]) differences.push(`${guide[i][0]}:${c}:${data[i][c]}≠${guide[i][c]}`);
      }
    }
    // The guide prints -0.0 for 群馬 (E) and 兵庫 (I): rounded negatives. The workbook
    // stores 0 there, so the export writes 0.0 (exportText never invents a sign).
    expect(differences).toEqual(['群馬:4:0.0≠-0.0', '兵庫:8:0.0≠-0.0']);
    expect(data[1][4]).toBe('-1.0'); // 北海道: -1 shown with the format's one decimal
  });

  it('reads back as Level 2 with the same metadata and no datatype mismatch', () => {
    const parsed = parseLevel2(text)!;
    expect(parsed.meta.caption).toBe('2-2 都道府県別人口と人口増加率');
    expect(parsed.meta.creator).toBe(sheet.meta!.creator);
    expect(parsed.meta.language).toBe('ja');
    expect(parsed.meta.date).toBe('2010-10-01');
    expect(parsed.basevals).toEqual(['', '1000', '1000', '1000', '', '1000', '', '', '']);
    expect(parsed.units).toEqual(['', '', '', '', '%', '', '', '/km2', '%']);
    expect(parsed.rows).toHaveLength(48);
    expect(parsed.dataStart).toBe(12);
    expect(parsed.rowLines[0]).toBe(13);
    expect(validateLevel2(parsed).mismatches).toEqual([]);
  });

  it('an unknown date or creator leaves its line empty, never out; Level 1 is the title row and the data', () => {
    const without = writeLevel2(exported, { ...sheet.meta!, date: undefined, creator: undefined }).split('\r\n');
    expect(without.slice(1, 4)).toEqual(['@Creator,,ja,,,,,,', '@Date,,,,,,,,', '@Language,ja,,,,,,,']);
    expect(emptyLevel2Lines(exported, { ...sheet.meta!, date: undefined })).toEqual(['@Date']);
    const level1 = writeLevel1(exported).split('\r\n');
    expect(level1[0]).toBe(lines[5]);
    expect(level1.slice(1, 49)).toEqual(lines.slice(12, 60));
  });
});

describe('writeLevel2 options and format', () => {
  const t = table({
    titles: ['名前', '値'],
    rows: [
      ['a,b', '1'],
      ['say "hi"', '2'],
    ],
    datatypes: ['xsd:string', 'xsd:integer'],
  });

  it('LF, unpadded @ lines, RFC 4180 quoting', () => {
    const text = writeLevel2(t, { caption: '表, その1' }, { eol: '\n', padAtLines: false });
    expect(text).toBe(
      [
        '@Caption,"表, その1",ja',
        '@Creator,,ja',
        '@Date,',
        '@Language,ja',
        '@Title,ja',
        '名前,値',
        '@Baseval',
        ',',
        '@Unit,ja',
        ',',
        '@Datatype',
        'xsd:string,xsd:integer',
        '"a,b",1',
        '"say ""hi""",2',
        '',
      ].join('\n'),
    );
  });

  it('@ lines are padded to the table width, never cut', () => {
    const wide = writeLevel2(table({ titles: ['a', 'b', 'c', 'd', 'e'] }), {}, {});
    expect(wide.split('\r\n').slice(0, 4)).toEqual(['@Caption,,ja,,', '@Creator,,ja,,', '@Date,,,,', '@Language,ja,,,']);
    const narrow = writeLevel2(table({ titles: ['a'] }), { caption: 'x' }, {});
    expect(narrow.split('\r\n')[0]).toBe('@Caption,x,ja');
  });

  it('metadata language is used for the tags; metadata values are guarded', () => {
    const text = writeLevel2(t, { caption: '=HYPERLINK("x")', creator: '@me', language: 'en' }, { padAtLines: false });
    const lines = text.split('\r\n');
    expect(lines[0]).toBe(`@Caption,"'=HYPERLINK(""x"")",en`);
    expect(lines[1]).toBe(`@Creator,'@me,en`);
    expect(lines[2]).toBe('@Date,');
    expect(lines[3]).toBe('@Language,en');
    expect(lines[4]).toBe('@Title,en');
    const parsed = parseLevel2(text)!;
    expect(parsed.meta).toEqual({ caption: '=HYPERLINK("x")', creator: '@me', language: 'en', notes: [] });
  });

  it('extraMetadata writes @Source, @License and @Note lines that read back', () => {
    const meta = {
      caption: 'c',
      source: '総務省「国勢調査」',
      license: 'CC BY 4.0',
      notes: [{ mark: '1)', text: '注記, その1' }, { text: '10月1日現在。' }],
    };
    const text = writeLevel2(t, meta, { extraMetadata: true, padAtLines: false });
    expect(text).toContain('@Source,総務省「国勢調査」,ja\r\n@License,CC BY 4.0\r\n@Note,"注記, その1",ja,1)\r\n@Note,10月1日現在。,ja\r\n@Title');
    expect(parseLevel2(text)!.meta).toEqual({ ...meta, language: 'ja' });
    expect(level2SkipRows(meta, { extraMetadata: true })).toBe(9); // @Caption, @Creator, @Date, @Language, 4 extra lines, @Title
    expect(level2SkipRows(meta)).toBe(5);
  });

  it('the injection guard leaves -5, -1.2, +81-3-1234-5678 and the symbol - alone', () => {
    const sheet = newSheet('s', 'S', 2, 5);
    ['a', 'b', 'c', 'd', 'e'].forEach((v, c) => setCell(sheet, 0, c, { value: v }));
    setCell(sheet, 1, 0, { value: '-5' });
    setCell(sheet, 1, 1, { value: -1.2 });
    setCell(sheet, 1, 2, { value: '+81-3-1234-5678' });
    setCell(sheet, 1, 3, { value: '-' });
    setCell(sheet, 1, 4, { value: '=1+2' });
    const ex = buildExportTable(sheet, false, { titleRow: 0, dataStart: 1, dataEnd: 1 });
    expect(ex.rows[0]).toEqual(['-5', '-1.2', '+81-3-1234-5678', '-', "'=1+2"]);
    expect(writeLevel1(ex)).toBe("a,b,c,d,e\r\n-5,-1.2,+81-3-1234-5678,-,'=1+2\r\n");
  });

  it('a data row starting with @ never reads back as metadata (guard on or off)', () => {
    const sheet = newSheet('s', 'S', 3, 2);
    setCell(sheet, 0, 0, { value: '@Title' });
    setCell(sheet, 0, 1, { value: 'b' });
    setCell(sheet, 1, 0, { value: '@Caption' });
    setCell(sheet, 1, 1, { value: 'evil' });
    setCell(sheet, 2, 0, { value: '@Datatype' });
    for (const guard of [true, false]) {
      const ex = buildExportTable(sheet, false, { titleRow: 0, dataStart: 1, dataEnd: 2 }, { injectionGuard: guard });
      const text = writeLevel2(ex, { caption: 'real' });
      const lines = text.split('\r\n');
      expect(lines[lines.length - 3]).toBe(guard ? "'@Caption,evil" : '"@Caption",evil');
      const parsed = parseLevel2(text, { unguard: guard })!;
      expect(parsed.meta.caption).toBe('real');
      expect(parsed.titles).toEqual(['@Title', 'b']);
      expect(parsed.rows).toEqual([
        ['@Caption', 'evil'],
        ['@Datatype', ''],
      ]);
    }
  });

  it('quoting equals Papa.unparse (RFC 4180) for any table', () => {
    const cell = fc.oneof(fc.string(), fc.constantFrom('"', ',', '\r\n', '\n', '\r', ' lead', 'trail ', '\uFEFFx', '', '全 国'));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 6 }), (rows) => {
        fc.pre(rows.every((r) => !r[0].startsWith('@')));
        const text = writeLevel1(table({ titles: ['a', 'b', 'c'], rows }));
        expect(text).toBe(Papa.unparse([['a', 'b', 'c'], ...rows], { newline: '\r\n' }) + '\r\n');
      }),
      { numRuns: 500 },
    );
  });
});

describe('parseLevel2', () => {
  it('the guide\'s Level 2 example as a hand-made file', () => {
    const text = [
      '@Caption,都道府県別人口と人口増加率,ja,,,,,,',
      '@Creator,総務省統計局,ja,,,,,,',
      '@Date,2010-10-01,,,,,,,',
      '@Language,ja,,,,,,,',
      '@Title,ja,,,,,,,',
      '都道府県,2000年の人口,2005年の人口,2005年の人口集中地区の人口,2000~2005年の人口増減率,2010年の人口,2010年の人口性比(女性100に対する男性),2010年の人口密度,2005~2010年の人口増減率',
      '@Baseval,,,,,,,,',
      ',1000,1000,1000,1000,%,/km2,%',
      '@Unit,ja,,,,,,,',
      '@Datatype,,,,,,,,',
      'xsd:string,xsd:integer,xsd:integer,xsd:integer,xsd:double,xsd:integer,xsd:double,xsd:double,xsd:double',
      '全国,126926,127768,84331,0.7,128057,94.8,343.4,0.2',
      '北海道,5683,5628,4108,-1.0,5506,89.7,70.2,-2.2',
      '',
      '',
    ].join('\n');
    const p = parseLevel2(text)!;
    expect(p.meta).toEqual({ caption: '都道府県別人口と人口増加率', creator: '総務省統計局', date: '2010-10-01', language: 'ja', notes: [] });
    expect(p.titles[4]).toBe('2000~2005年の人口増減率');
    // As in the guide, @Unit is directly followed by @Datatype: no unit row.
    expect(p.units).toEqual(new Array(9).fill(''));
    expect(p.datatypes[1]).toBe('xsd:integer');
    expect(p.rows).toHaveLength(2); // trailing blank lines dropped
    expect(p.width).toBe(9);
    const v = validateLevel2(p);
    expect(v.mismatches).toEqual([]);
    expect(v.header).toEqual([
      { kind: 'baseval', column: 5, value: '%' },
      { kind: 'baseval', column: 6, value: '/km2' },
      { kind: 'baseval', column: 7, value: '%' },
    ]);
  });

  it('is undefined for text that is not Level 2', () => {
    expect(parseLevel2('')).toBeUndefined();
    expect(parseLevel2('a,b\r\n1,2\r\n')).toBeUndefined();
    expect(parseLevel2('"@Caption",x\r\n')).toBeUndefined(); // quoted: data
    expect(parseLevel2("'@Caption,x\r\n")).toBeUndefined(); // guarded: data
    expect(parseLevel2('@SUM(A1),x\r\n')).toBeUndefined(); // not a keyword
  });

  it('BOM, CR-only line ends, blank lines between @ lines, unknown @ lines, case-insensitive keywords', () => {
    const text = '\uFEFF@caption,表\r\r@Extra,1,2\r@TITLE,ja\ra,b\r1,2\r';
    const p = parseLevel2(text)!;
    expect(p.meta.caption).toBe('表');
    expect(p.other).toEqual([{ keyword: 'Extra', fields: ['1', '2'] }]);
    expect(p.titles).toEqual(['a', 'b']);
    expect(p.rows).toEqual([['1', '2']]);
    expect(p.rowLines).toEqual([6]);
  });

  it('without @Title the first record after the block is the title row; short rows are padded', () => {
    const p = parseLevel2('@Caption,x\na,b,c\n1\n1,2,3,4\n')!;
    expect(p.titles).toEqual(['a', 'b', 'c', '']);
    expect(p.rows).toEqual([
      ['1', '', '', ''],
      ['1', '2', '3', '4'],
    ]);
  });

  it('line numbers count line breaks inside quoted fields', () => {
    const p = parseLevel2('@Title\na,b\n"x\ny",1\nz,2\n')!;
    expect(p.rows).toEqual([
      ['x\ny', '1'],
      ['z', '2'],
    ]);
    expect(p.rowLines).toEqual([3, 5]);
  });
});

describe('validateLevel2', () => {
  it('reports cells that do not match the declared datatype, skipping blanks and symbols', () => {
    const text = [
      '@Date,2010/10/01',
      '@Title,ja',
      '年,人口,率,日付,備考',
      '@Baseval',
      ',1000,,,',
      '@Unit,ja',
      ',,%,,',
      '@Datatype',
      'xsd:gYear,xsd:integer,xsd:double,xsd:date,xsd:whatever',
      '2010,100,1.5,2010-10-01,a',
      '2011年,x,…,2010-02-30,b',
      '平成24年,1.5,abc,,c',
      '2013,"1,000",-,-,d',
    ].join('\r\n');
    const v = validateLevel2(parseLevel2(text)!);
    expect(v.header).toEqual([
      { kind: 'date', value: '2010/10/01' },
      { kind: 'datatype', column: 4, value: 'xsd:whatever' },
    ]);
    expect(v.mismatches.map((m) => [m.row, m.column, m.line, m.value, m.expected])).toEqual([
      [2, 0, 12, '平成24年', 'xsd:gYear'],
      [2, 1, 12, '1.5', 'xsd:integer'],
      [3, 1, 13, '1,000', 'xsd:integer'],
      [2, 2, 12, 'abc', 'xsd:double'],
      [1, 3, 11, '2010-02-30', 'xsd:date'],
    ]);
    expect(v.counts).toEqual([1, 2, 1, 1, 0]);
  });

  it('caps the list per column but counts everything', () => {
    const rows = Array.from({ length: 50 }, (_, i) => `v${i}`);
    const v = validateLevel2(parseLevel2(['@Title', 'a', '@Datatype', 'xsd:integer', ...rows].join('\n'))!, { maxPerColumn: 10 });
    expect(v.mismatches).toHaveLength(10);
    expect(v.counts).toEqual([50]);
  });
});

// ---------------------------------------------------------------------------------
// Property: export → re-import returns the same table and metadata, in every encoding
// that can hold it.

const PIECES = [
  'あ', '漢字', '東京都', 'ｶﾅ', '①', '№', '髙', 'A', 'z', ' ', '　', '"', ',', '\r', '\n', '\r\n', '=', '@', '+', '-', "'", '\t', '1', '.', '0',
  '-5', '-1.2', '+81-3-1234-5678', 'x', '***', '－', '…', '...', '@Caption', '@Title', '=SUM(A1)', "'=x", "''@y", '#1',
];
const RARE = ['𠮷', '〜', '😀', '−'];
const text = fc.oneof(
  { weight: 12, arbitrary: fc.array(fc.constantFrom(...PIECES), { maxLength: 4 }).map((p) => p.join('')) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...PIECES, ...RARE), { minLength: 1, maxLength: 3 }).map((p) => p.join('')) },
  { weight: 2, arbitrary: fc.string({ maxLength: 6 }) },
);
const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 5, arbitrary: text },
  { weight: 3, arbitrary: fc.oneof(fc.constantFrom(-5, -1.2, 0, 126926, 94.8, 1e21, 2.5e-7), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })) },
  { weight: 2, arbitrary: fc.constant(null) },
);
const optionalText = fc.option(text, { nil: undefined });
const columnMeta: fc.Arbitrary<ColumnMeta | undefined> = fc.option(
  fc.record(
    {
      unit: optionalText,
      baseval: fc.option(fc.constantFrom(10, 1000, 1000000, 0.001), { nil: undefined }),
      datatype: fc.option(fc.constantFrom('xsd:string', 'xsd:integer', 'xsd:double'), { nil: undefined }),
    },
    { requiredKeys: [] },
  ),
  { nil: undefined },
);

const generatedTable = fc.integer({ min: 1, max: 6 }).chain((width) =>
  fc.record({
    width: fc.constant(width),
    titles: fc.array(text, { minLength: width, maxLength: width }),
    rows: fc.array(fc.array(cellValue, { minLength: width, maxLength: width }), { maxLength: 8 }),
    columns: fc.array(columnMeta, { minLength: width, maxLength: width }),
    caption: optionalText,
    creator: optionalText,
    date: fc.option(fc.oneof(fc.constant('2010-10-01'), text), { nil: undefined }),
    language: fc.option(fc.constantFrom('ja', 'en', 'ja-JP'), { nil: undefined }),
    source: optionalText,
    license: optionalText,
    notes: fc.array(fc.record({ mark: optionalText, text }, { requiredKeys: ['text'] }), { maxLength: 3 }),
    guard: fc.boolean(),
    extraMetadata: fc.boolean(),
    padAtLines: fc.boolean(),
    eol: fc.constantFrom('\r\n' as const, '\n' as const),
  }),
);

type Generated = typeof generatedTable extends fc.Arbitrary<infer T> ? T : never;

function sheetOf(g: Generated): Sheet {
  const sheet = newSheet('p', 'P', g.rows.length + 1, g.width);
  g.titles.forEach((t, c) => setCell(sheet, 0, c, { value: t }));
  g.rows.forEach((row, r) => row.forEach((v, c) => setCell(sheet, r + 1, c, { value: v })));
  const meta: TableMeta = {
    caption: g.caption,
    creator: g.creator,
    date: g.date,
    language: g.language,
    source: g.source,
    license: g.license,
    notes: g.notes,
    columns: g.columns,
  };
  sheet.meta = meta;
  return sheet;
}

const nonEmpty = (s: string | undefined) => (s ? s : undefined);

describe('export → re-import property (fast-check)', () => {
  it('same titles, cells, units, basevals, datatypes and metadata in UTF-8 BOM, UTF-8 and Shift_JIS', () => {
    let sjisChecked = 0;
    let sjisRefused = 0;
    fc.assert(
      fc.property(generatedTable, (g) => {
        const sheet = sheetOf(g);
        const ex = buildExportTable(sheet, false, { titleRow: 0, dataStart: 1, dataEnd: g.rows.length }, { injectionGuard: g.guard });
        const csv = writeLevel2(ex, sheet.meta!, { extraMetadata: g.extraMetadata, padAtLines: g.padAtLines, eol: g.eol });

        const cellText = (v: CellValue) => exportText(v, undefined, undefined);
        const expectedRows = g.rows.map((row) => row.map(cellText));
        while (expectedRows.length > 0 && expectedRows[expectedRows.length - 1].every((t) => t === '')) expectedRows.pop();
        const expectedMeta: Record<string, unknown> = {
          caption: nonEmpty(g.caption),
          creator: nonEmpty(g.creator),
          date: nonEmpty(g.date),
          language: g.language ?? 'ja',
          notes: g.extraMetadata ? g.notes.filter((n) => n.text !== '').map((n) => (n.mark ? n : { text: n.text })) : [],
        };
        if (g.extraMetadata) {
          expectedMeta.source = nonEmpty(g.source);
          expectedMeta.license = nonEmpty(g.license);
        }
        for (const k of Object.keys(expectedMeta)) if (expectedMeta[k] === undefined) delete expectedMeta[k];

        const check = (decoded: string) => {
          const p = parseLevel2(decoded, { unguard: g.guard });
          expect(p).toBeDefined();
          expect(p!.meta).toEqual(expectedMeta);
          expect(p!.titles).toEqual(g.titles);
          expect(p!.rows).toEqual(expectedRows);
          expect(p!.units).toEqual(g.columns.map((m) => m?.unit ?? ''));
          expect(p!.basevals).toEqual(g.columns.map((m) => (m?.baseval === undefined ? '' : String(m.baseval))));
          expect(p!.datatypes).toEqual(ex.datatypes);
          expect(p!.other).toEqual([]);
          // Inferred datatypes always validate; declared ones may not.
          const v = validateLevel2(p!);
          for (const m of v.mismatches) expect(g.columns[m.column]?.datatype).toBeDefined();
        };

        const encodings: CsvEncoding[] = ['utf-8-bom', 'utf-8', 'shift_jis'];
        for (const enc of encodings) {
          if (enc === 'shift_jis' && unrepresentable(csv, enc).length > 0) {
            expect(() => encodeCsv(csv, enc)).toThrow(UnrepresentableCharactersError);
            sjisRefused++;
            continue;
          }
          const bytes = encodeCsv(csv, enc);
          const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
          expect(bom).toBe(enc === 'utf-8-bom');
          if (enc === 'shift_jis') sjisChecked++;
          // ignoreBOM: the reader strips the BOM itself.
          check(new TextDecoder(enc === 'shift_jis' ? 'shift_jis' : 'utf-8', { ignoreBOM: true }).decode(bytes));
        }
      }),
      { numRuns: 1200 },
    );
    // Most tables fit in Shift_JIS; some (𠮷, 〜, emoji, −) must be refused.
    expect(sjisChecked).toBeGreaterThan(600);
    expect(sjisRefused).toBeGreaterThan(20);
  });

  it('every data line of a guarded export is safe to open in a spreadsheet', () => {
    fc.assert(
      fc.property(generatedTable, (g) => {
        const sheet = sheetOf(g);
        const ex = buildExportTable(sheet, false, { titleRow: 0, dataStart: 1, dataEnd: g.rows.length });
        const csv = writeLevel2(ex, sheet.meta!);
        const records = Papa.parse<string[]>(csv, { newline: '\r\n' }).data;
        const skip = level2SkipRows(sheet.meta!) + LEVEL2_HEADER_ROWS;
        for (const rec of records.slice(skip)) {
          for (const field of rec) expect(field).not.toMatch(/^(?:[=@\t\r]|[+-](?![\d.]|$))/);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('buildExportTable: numbers as shown or as stored', () => {
  const sheet = newSheet('s', 'S', 3, 4);
  ['率', '人口密度', '面積', '率(単位あり)'].forEach((v, c) => setCell(sheet, 0, c, { value: v }));
  setCell(sheet, 1, 0, { value: 0.272727272727, format: '0.0%' });
  setCell(sheet, 2, 0, { value: 0.05, format: '0.0%' });
  setCell(sheet, 1, 1, { value: 27.2727272727273, format: '0.0' });
  setCell(sheet, 2, 1, { value: 1894.25, format: '#,##0.0' });
  setCell(sheet, 1, 2, { value: 2793.7991787710507 });
  setCell(sheet, 1, 3, { value: 0.5, format: '0%' });
  sheet.meta = { notes: [], columns: [undefined, undefined, undefined, { unit: '％' }] };
  const bands = { titleRow: 0, dataStart: 1, dataEnd: 2 };

  it('shown: the format\'s decimals, percentages with unit %, General with every digit, no grouping', () => {
    const t = buildExportTable(sheet, false, bands, { numbers: 'shown' });
    expect(t.rows).toEqual([
      ['27.3', '27.3', '2793.79917877105', '50'],
      ['5.0', '1894.3', '', ''],
    ]);
    expect(t.units).toEqual(['%', '', '', '％']); // a unit of its own stays
    expect(t.datatypes.slice(0, 2)).toEqual(['xsd:double', 'xsd:double']);
  });

  it('stored: every digit, the fraction a percent format shows, no % unit made up', () => {
    const t = buildExportTable(sheet, false, bands, { numbers: 'stored' });
    expect(t.rows[0]).toEqual(['0.272727272727', '27.2727272727273', '2793.79917877105', '0.5']);
    expect(t.units).toEqual(['', '', '', '％']);
  });
});
