import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { getRaw, getValue } from '../model.ts';
import { tokenizeCsv } from './csvTokenizer.ts';
import { estimateCells, parseCsvText } from './readCsv.ts';

const parse = (text: string, extra: { delimiter?: string; maxCells?: number } = {}) =>
  parseCsvText(text, { sheetId: 's1', sheetName: 't', ...extra });

describe('parseCsvText', () => {
  it('types plain numbers, keeps everything else as text, blanks as empty', () => {
    const { sheet } = parse('a,1,-2.5,1.50,-0.0,0911,"1,234",１２,1e3,+5,,x\n');
    const values = sheet.columns.map((c) => c.values[0]);
    expect(values).toEqual(['a', 1, -2.5, 1.5, -0, '0911', '1,234', '１２', '1e3', '+5', null, 'x']);
    expect(getRaw(sheet, 0, 3)).toBe('1.50');
    expect(getRaw(sheet, 0, 4)).toBe('-0.0');
    expect(getRaw(sheet, 0, 1)).toBeUndefined();
  });

  it('keeps codes longer than 15 digits as text', () => {
    const { sheet } = parse('1234567890123456,123456789012345\n');
    expect(getValue(sheet, 0, 0)).toBe('1234567890123456');
    expect(getValue(sheet, 0, 1)).toBe(123456789012345);
  });

  it('detects tab and semicolon delimiters', () => {
    expect(parse('a\tb\tc\n1\t2\t3\n').delimiter).toBe('\t');
    expect(parse('a;b;c\n1;2;3\n').delimiter).toBe(';');
    expect(parse('a,b\n').delimiter).toBe(',');
  });

  it('keeps blank rows inside the table but drops trailing ones', () => {
    const { sheet } = parse('a,b\n,\nc,d\n\n\n');
    expect(sheet.rowCount).toBe(3);
    expect(getValue(sheet, 1, 0)).toBeNull();
    expect(getValue(sheet, 2, 1)).toBe('d');
  });

  it('ragged rows give a rectangle as wide as the widest row', () => {
    const { sheet } = parse('a\nb,c,d\n');
    expect(sheet.columns).toHaveLength(3);
    expect(getValue(sheet, 0, 2)).toBeNull();
  });

  it('quoted line breaks and doubled quotes stay in their field', () => {
    const row = '"北町\n公民館","say ""hi""",3\r\n';
    const { sheet } = parse(row.repeat(50));
    expect(sheet.rowCount).toBe(50);
    for (let r = 0; r < 50; r++) {
      expect(getValue(sheet, r, 0)).toBe('北町\n公民館');
      expect(getValue(sheet, r, 1)).toBe('say "hi"');
      expect(getValue(sheet, r, 2)).toBe(3);
    }
  });

  it('finds the record separator outside quotes', () => {
    const { sheet } = parse('"人口増減率\n(平成12～17年)",b\r\n1,2\r\n');
    expect(sheet.rowCount).toBe(2);
    expect(getValue(sheet, 0, 0)).toBe('人口増減率\n(平成12～17年)');
    expect(getValue(sheet, 1, 1)).toBe(2);
  });

  it('reports unbalanced quotes with their row', () => {
    const { problems } = parse('a,b\n"open,c\n');
    expect(problems.length).toBeGreaterThan(0);
  });
});

describe('damaged CSV', () => {
  const col = (sheet: ReturnType<typeof parse>['sheet'], c: number) => sheet.columns[c].values;

  it('splits records at CRLF, lone LF and lone CR alike, keeping a quoted line break', () => {
    const { sheet, problems } = parse('地区,人口\r\n北区,1200\n南区,300\r東区,900\r\n"西区\n(旧)",450\n');
    expect(sheet.rowCount).toBe(5);
    expect(col(sheet, 0)).toEqual(['地区', '北区', '南区', '東区', '西区\n(旧)']);
    expect(col(sheet, 1)).toEqual(['人口', 1200, 300, 900, 450]);
    expect(problems).toEqual([]);
  });

  it('first record ending in LF, later ones in CRLF: no stray \\r in the last field', () => {
    const { sheet } = parse('a,b\n1,2\r\n3,4\r\n');
    expect(col(sheet, 1)).toEqual(['b', 2, 4]);
  });

  it('an opening quote that never closes stays in its row; the rows after it still split', () => {
    const { sheet, problems } = parse('地区,人口\r\n北区,1200\r\n"南区,300\r\n東区,900\r\n西区,"4""50"\r\n');
    expect(sheet.rowCount).toBe(5);
    expect(col(sheet, 0)).toEqual(['地区', '北区', '"南区', '東区', '西区']);
    expect(col(sheet, 1)).toEqual(['人口', 1200, 300, 900, '4"50']);
    expect(problems).toEqual([{ row: 2, code: 'unclosed-quote' }]);
  });

  it('a quote opened early and closed by a quoted field much later does not swallow the rows between', () => {
    const { sheet, problems } = parse('a,b\n"x,1\n2,3\n4,"y"\n');
    expect(col(sheet, 0)).toEqual(['a', '"x', 2, 4]);
    expect(col(sheet, 1)).toEqual(['b', 1, 3, 'y']);
    expect(problems).toEqual([{ row: 1, code: 'unclosed-quote' }]);
  });

  it('text after a closing quote is kept, as Excel keeps it', () => {
    const { sheet, problems } = parse('a,b\n"abc"def,1\n2,3\n');
    expect(col(sheet, 0)).toEqual(['a', 'abcdef', 2]);
    expect(problems).toEqual([{ row: 1, code: 'text-after-quote' }]);
  });

  it('the tokenizer agrees with PapaParse on well-formed CSV', () => {
    const field = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('"', '""', ',', '\n', '\r\n', 'a"b', ' x '));
    const table = fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(table, fc.constantFrom('\r\n', '\n'), (rows, eol) => {
        const text = Papa.unparse(rows, { newline: eol, quotes: true }) + eol;
        const expected = Papa.parse<string[]>(text, { newline: eol, delimiter: ',' }).data;
        while (expected.length && expected[expected.length - 1].every((f) => f === '')) expected.pop();
        const lenient = tokenizeCsv(text, ',').rows;
        while (lenient.length && lenient[lenient.length - 1].every((f: string) => f === '')) lenient.pop();
        expect(lenient).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a text with more cells than a sheet may hold, as soon as the count passes', () => {
    const text = 'a,b,c\n'.repeat(1000);
    expect(() => parse(text, { maxCells: 2999 })).toThrow(/too-many-cells/);
    expect(parse(text, { maxCells: 3000 }).sheet.rowCount).toBe(1000);
    expect(() => parse('a,b\r\n1,2\n'.repeat(1000), { maxCells: 100 })).toThrow(/too-many-cells/);
  });
});

describe('estimateCells', () => {
  const bytes = (s: string) => new TextEncoder().encode(s);

  it('line breaks × the usual field count of the first lines', () => {
    expect(estimateCells(bytes('a,b,c\n1,2,3\n4,5,6\n'))).toBe(9);
    expect(estimateCells(bytes('a\tb\r\n1\t2\r\n'))).toBe(4);
    expect(estimateCells(bytes('a,b\r1,2\r3,4'))).toBe(4); // CR only
    expect(estimateCells(bytes('"x,y",b\n1,2\n'))).toBe(4); // commas inside quotes do not count
    expect(estimateCells(bytes('single line, no break'))).toBe(2);
  });
});
