import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { fixtureBytes } from '../../../test/fixtures.ts';
import { newSheet, setCell } from '../model.ts';
import { encodeUtf8, guardCell, sheetToCsvBytes, sheetToRows, unguardCell, writeCsvText } from './csv.ts';
import { readWorkbook } from './read.ts';

describe('guardCell (the CSV-injection guard)', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ["=cmd|' /C calc'!A0", `'=cmd|' /C calc'!A0`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\tx', `'\tx`],
    ['\rx', `'\rx`],
    ['+A1', `'+A1`],
    ['-A1', `'-A1`],
    ['- 項目', `'- 項目`],
    ['--', `'--`],
    ['+', `'+`],
    // Already `'` + a guarded start: one more `'`, so re-import can remove exactly one.
    [`'=1+2`, `''=1+2`],
    [`'@x`, `''@x`],
    [`''-A1`, `'''-A1`],
  ])('guards %j', (input, out) => expect(guardCell(input)).toBe(out));

  it.each(['-5', '-1.2', '+81-3-1234-5678', '-.5', '全国', 'a=b', '', '1,234', '△5', '-', "'", "'abc", "'-5", "''", '－'])(
    'leaves %j alone',
    (input) => expect(guardCell(input)).toBe(input),
  );

  it('unguardCell removes exactly the guard\'s prefix', () => {
    expect(unguardCell(`'=1+2`)).toBe('=1+2');
    expect(unguardCell(`''=1+2`)).toBe(`'=1+2`);
    expect(unguardCell(`'abc`)).toBe(`'abc`);
    expect(unguardCell(`'-5`)).toBe(`'-5`);
    expect(unguardCell(`'`)).toBe(`'`);
    expect(unguardCell('-5')).toBe('-5');
  });

  it('unguardCell(guardCell(x)) === x for any text', () => {
    const text = fc.oneof(
      fc.string(),
      fc.tuple(fc.constantFrom("'", "''", '', '='), fc.constantFrom('=', '@', '+', '-', '\t', '\r', "'", 'a', '5', '-5', ''), fc.string()).map((p) => p.join('')),
    );
    fc.assert(
      fc.property(text, (t) => {
        expect(unguardCell(guardCell(t))).toBe(t);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('writeCsvText', () => {
  it('quotes per RFC 4180 and ends every record with CRLF', () => {
    const text = writeCsvText([
      ['a', 'b,c', 'say "hi"'],
      ['line\nbreak', '', '全国'],
    ]);
    expect(text).toBe('a,"b,c","say ""hi"""\r\n"line\nbreak",,全国\r\n');
  });

  it('LF when asked', () => {
    expect(writeCsvText([['a'], ['b']], { eol: '\n' })).toBe('a\nb\n');
  });

  it('round-trips any table through PapaParse', () => {
    const cell = fc.oneof(fc.string(), fc.constantFrom('全 国', '"', ',', '\r\n', '\n', ' lead', 'trail ', '=1+1', ''));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.array(fc.array(cell, { minLength: 6, maxLength: 6 }), { minLength: 1, maxLength: 8 }), (width, rows) => {
        const table = rows.map((r) => r.slice(0, width));
        // A one-column row holding '' is an empty line, which a reader cannot tell from no row.
        fc.pre(width > 1 || table.every((r) => r[0] !== ''));
        const parsed = Papa.parse<string[]>(writeCsvText(table), { newline: '\r\n', delimiter: ',' }).data;
        expect(parsed.slice(0, table.length)).toEqual(table);
      }),
      { numRuns: 300 },
    );
  });
});

describe('sheetToCsvBytes', () => {
  it('UTF-8 with BOM; numbers in full precision without grouping; text guarded', () => {
    const sheet = newSheet('s1', 'S', 2, 4);
    setCell(sheet, 0, 0, { value: 'name' });
    setCell(sheet, 0, 1, { value: 1234567.5, format: '#,##0' });
    setCell(sheet, 0, 2, { value: '=1+2' });
    setCell(sheet, 0, 3, { value: -5 });
    setCell(sheet, 1, 0, { value: 36585.43012873842, format: '[$-411]ge.m.d' });
    setCell(sheet, 1, 1, { value: 0.1 + 0.2 });
    setCell(sheet, 1, 2, { value: true });
    setCell(sheet, 1, 3, { value: -0, raw: '-0.0' });
    const bytes = sheetToCsvBytes(sheet);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.subarray(3))).toBe("name,1234567.5,'=1+2,-5\r\n2000-02-29,0.3,TRUE,-0.0\r\n");
  });

  it('population.xlsx exports its stored values, with the guide\'s messy cells intact', () => {
    const { workbook } = readWorkbook(fixtureBytes('population.xlsx'), 'population.xlsx');
    const rows = sheetToRows(workbook.sheets[0]);
    expect(rows).toHaveLength(58);
    expect(rows[5]).toEqual(['全 国', '126926', '127768', '84331', '0.7', '128057', '94.8', 'a)343.4', '0.2']);
    expect(rows[6][4]).toBe('-1.0'); // format 0.0: the decimals it shows, as nothing is lost
    expect(rows[18][1]).toBe('12,064 ');
  });

  it('encodeUtf8 without BOM', () => {
    expect([...encodeUtf8('a', false)]).toEqual([0x61]);
  });
});
