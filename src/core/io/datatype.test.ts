import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inferColumn, inferDatatype, isIsoDate, matchesDatatype, specialSymbolsIn } from './datatype.ts';

describe('inferDatatype', () => {
  it.each([
    [['126926', '5683', '-5', '0'], 'xsd:integer'],
    [['0.7', '-1.0', '4.2'], 'xsd:double'],
    [['1', '2.5'], 'xsd:double'],
    [['1e-7', '3'], 'xsd:double'],
    [['2019-04-01', '1988-07-01'], 'xsd:date'],
    [['2010年', '2011年'], 'xsd:gYear'],
    [['全国', '北海道'], 'xsd:string'],
    [['01000', '02000'], 'xsd:string'], // codes with leading zeros are not numbers
    [['1', 'a'], 'xsd:string'],
    [['2019-02-30'], 'xsd:string'], // no such day
    [['2010年', '2010'], 'xsd:string'],
    [['1,234'], 'xsd:string'],
    [['TRUE', 'FALSE'], 'xsd:string'],
    [[], 'xsd:string'],
    [['', ''], 'xsd:string'],
  ] as const)('%j → %s', (values, expected) => {
    expect(inferDatatype(values)).toBe(expected);
  });

  it('blanks and special symbols do not break inference', () => {
    expect(inferDatatype(['1200', '', '－', '850', 'x', '***', '-', '…', '...'])).toBe('xsd:integer');
    expect(inferDatatype(['0.7', 'X', '', '-1.0'])).toBe('xsd:double');
    expect(inferDatatype(['2019-04-01', '-', ''])).toBe('xsd:date');
    expect(inferDatatype(['x', '-'])).toBe('xsd:string'); // nothing but symbols
  });

  it('numbers are accepted as values', () => {
    expect(inferDatatype([1, 2, null, undefined])).toBe('xsd:integer');
    expect(inferDatatype([1, 2.5])).toBe('xsd:double');
  });

  it('a year column is recognised by its title', () => {
    expect(inferDatatype(['2010', '2011', '2012'], { title: '年' })).toBe('xsd:gYear');
    expect(inferDatatype(['2010', '2011'], { title: '西暦' })).toBe('xsd:gYear');
    expect(inferDatatype(['2010', '2011'], { title: '年次' })).toBe('xsd:gYear');
    expect(inferDatatype([2010, 2011], { title: 'Year' })).toBe('xsd:gYear');
    expect(inferDatatype(['2010', '2011'], { title: '人口' })).toBe('xsd:integer');
    expect(inferDatatype(['2010', '311'], { title: '年' })).toBe('xsd:integer'); // not all years
    expect(inferDatatype(['2010', '3011'], { title: '年' })).toBe('xsd:integer');
  });

  it('inferColumn lists the special symbols of a typed column', () => {
    expect(inferColumn(['1', 'x', '-', 'x', '2'])).toEqual({ datatype: 'xsd:integer', symbols: ['x', '-'] });
    expect(inferColumn(['a', 'x'])).toEqual({ datatype: 'xsd:string', symbols: [] });
    expect(specialSymbolsIn(['1', '…', '', '-5', '…'])).toEqual(['…']);
  });

  it('what is inferred validates: every non-blank, non-symbol value matches', () => {
    const value = fc.oneof(
      fc.integer().map(String),
      fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
      fc.constantFrom('2019-04-01', '2010年', 'x', '-', '', '全国', '01000'),
    );
    fc.assert(
      fc.property(fc.array(value, { maxLength: 12 }), fc.constantFrom(undefined, '年', '人口'), (values, title) => {
        const dt = inferDatatype(values, { title });
        for (const v of values) {
          if (v === '' || v === 'x' || v === '-') continue;
          expect(matchesDatatype(v, dt), `${v} as ${dt}`).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('matchesDatatype', () => {
  it.each([
    ['12', 'xsd:integer', true],
    ['+12', 'xsd:integer', true],
    ['007', 'xsd:integer', true],
    ['1.0', 'xsd:integer', false],
    ['1.5', 'xsd:double', true],
    ['1e3', 'xsd:double', true],
    ['INF', 'xsd:double', true],
    ['1,000', 'xsd:double', false],
    ['2019-04-01', 'xsd:date', true],
    ['2019-04-01Z', 'xsd:date', true],
    ['2019/04/01', 'xsd:date', false],
    ['2010', 'xsd:gYear', true],
    ['2010年', 'xsd:gYear', true],
    ['平成22年', 'xsd:gYear', false],
    ['anything', 'xsd:string', true],
    ['anything', 'xsd:whatever', true],
    ['true', 'xsd:boolean', true],
    ['1.5', 'xsd:decimal', true],
  ] as const)('%j as %s → %s', (text, dt, ok) => {
    expect(matchesDatatype(text, dt)).toBe(ok);
  });

  it('isIsoDate knows leap years', () => {
    expect(isIsoDate('2012-02-29')).toBe(true);
    expect(isIsoDate('2100-02-29')).toBe(false);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('2011-13-01')).toBe(false);
  });
});
