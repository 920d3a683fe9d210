import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { corpusBytes, corpusTitle, hasCorpusFile } from '../../../test/corpus.ts';
import { getValue } from '../model.ts';
import { tokenizeCsv } from './csvTokenizer.ts';
import { parseLevel2 } from './level2.ts';
import { readWorkbook } from './read.ts';
import { parseCsvText } from './readCsv.ts';

// The real tokenizer, counted: a file must be tokenized once however it is read.
vi.mock('./csvTokenizer.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('./csvTokenizer.ts')>();
  return { ...real, tokenizeCsv: vi.fn(real.tokenizeCsv) };
});

const utf8 = (s: string) => new TextEncoder().encode(s);
/** Rows of a sheet as text, as the tokenizer gave them (numbers typed back to their text). */
const sheetRows = (sheet: { rowCount: number; columns: { values: unknown[]; raw?: (string | undefined)[] }[] }) =>
  Array.from({ length: sheet.rowCount }, (_, r) => sheet.columns.map((col) => col.raw?.[r] ?? (col.values[r] === null ? '' : String(col.values[r]))));

describe('one tokenizer for plain and Level 2 CSV', () => {
  // The records after the @ block: what the Level 2 reader takes as data, and what the
  // plain reader shows from the same record on.
  const cases = [
    '@Caption,x\na,b\n1,"abc\n2,def\n3,ghi',
    '@Caption,x\na,b\n1,"abc"def\n2,"x\ny"\n3,z\n',
    '@Title,ja\na,b\n"1","2"\r\n3,4\r5,6\n',
    '@Caption,x\r\na,b\r\n"open,1\r\n2,"closed"\r\n',
  ];

  it.each(cases)('%j: the same records on both paths', (text) => {
    const level2 = parseLevel2(text, { unguard: false })!;
    expect(level2).toBeDefined();
    const plain = tokenizeCsv(text, ',').rows;
    const fromTitles = plain.slice(level2.dataStart);
    while (fromTitles.length && fromTitles[fromTitles.length - 1].every((f) => f === '')) fromTitles.pop();
    expect(level2.rows).toEqual(fromTitles.map((row) => Array.from({ length: level2.width }, (_, c) => row[c] ?? '')));
  });

  it('an unclosed quote keeps the rows after it on both paths (not one cell to the end of the file)', () => {
    const text = '@Caption,x\na,b\n1,"abc\n2,def\n3,ghi';
    expect(parseLevel2(text)!.rows).toEqual([
      ['1', '"abc'],
      ['2', 'def'],
      ['3', 'ghi'],
    ]);
    expect(parseCsvText(text, { sheetId: 's1', sheetName: 't' }).sheet.rowCount).toBe(5);
    const { workbook, warnings } = readWorkbook(utf8(text), 'x.csv');
    expect(sheetRows(workbook.sheets[0])).toEqual([
      ['a', 'b'],
      ['1', '"abc'],
      ['2', 'def'],
      ['3', 'ghi'],
    ]);
    expect(warnings).toContainEqual({ code: 'unclosed-quote', count: 1, rows: [3] });
  });

  it('property: any text gives the Level 2 reader the records the plain reader has', () => {
    const field = fc.oneof(fc.constantFrom('', 'a', '1', '"', '""', '"q"', '"q"x', '"a,b"', '"x\ny"', 'x"y', '@k', '"@k"', ' '), fc.string({ maxLength: 4 }));
    const row = fc.array(field, { minLength: 1, maxLength: 4 }).map((fs) => fs.join(','));
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 8 }), fc.constantFrom('\n', '\r\n', '\r'), (rows, eol) => {
        const text = ['@Caption,x', '@Title,ja', ...rows].join(eol);
        const level2 = parseLevel2(text, { unguard: false });
        const plain = tokenizeCsv(text, ',').rows;
        if (!level2) return;
        const fromData = plain.slice(level2.dataStart);
        while (fromData.length && fromData[fromData.length - 1].every((f) => f === '')) fromData.pop();
        expect(level2.rows).toEqual(fromData.map((r) => Array.from({ length: level2.width }, (_, c) => r[c] ?? '')));
      }),
      { numRuns: 1000 },
    );
  });

  it('a Level 2 file is tokenized once (the delimiter guess reads only its first records)', () => {
    const spy = vi.mocked(tokenizeCsv);
    spy.mockClear();
    const { workbook, warnings } = readWorkbook(utf8('@Caption,人口\r\n@Title,ja\r\n地区,人口\r\n北区,1200\r\n'), 'l2.csv');
    expect(warnings.map((w) => w.code)).toEqual(['level2']);
    expect(workbook.sheets[0].meta?.caption).toBe('人口');
    const whole = spy.mock.calls.filter(([, , opts]) => opts?.maxRows === undefined);
    expect(whole).toHaveLength(1);
  });
});

describe('text after a closing quote', () => {
  it('is kept, appended to the field as written, and the warning names its row', () => {
    const { workbook, warnings } = readWorkbook(utf8('地区,人口\n"1367墨田区"　　,2502\n"北区" ,3\n東区,4\n'), 'x.csv');
    expect(workbook.sheets[0].columns[0].values).toEqual(['地区', '1367墨田区　　', '北区 ', '東区']);
    expect(workbook.sheets[0].columns[1].values).toEqual(['人口', 2502, 3, 4]);
    expect(warnings).toEqual([{ code: 'text-after-quote', count: 2, rows: [2, 3] }]);
  });

  const rel = 'open-data-linter/nb01h0013.csv';
  it.skipIf(!hasCorpusFile(rel))(corpusTitle(rel, '"1367墨田区"　　　… keeps its padding, and row 12 is named'), () => {
    const { workbook, warnings } = readWorkbook(corpusBytes(rel), 'nb01h0013.csv');
    const sheet = workbook.sheets[0];
    expect(getValue(sheet, 11, 0)).toMatch(/^1367墨田区\u3000+$/);
    expect(getValue(sheet, 11, 1)).toBe(2502);
    expect(warnings).toEqual([{ code: 'text-after-quote', count: 1, rows: [12] }]);
  });
});
