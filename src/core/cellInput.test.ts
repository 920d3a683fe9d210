import { describe, expect, it } from 'vitest';
import { editableText, snapshotFromInput, isNumberCell } from './cellInput.ts';
import { sheetFromRows } from '../../test/sheets.ts';
import { detectStructure } from './structure/detect.ts';
import fc from 'fast-check';
import { isCanonicalNumber, plainNumber } from './plainNumber.ts';

describe('plainNumber', () => {
  it.each([
    ['0', 0],
    ['-12', -12],
    ['0.5', 0.5],
    ['1.50', 1.5],
    ['123456789012345', 123456789012345],
  ])('%s is %d', (text, n) => expect(plainNumber(text)).toBe(n));

  it.each(['1,234', '１２', '0911', '1e3', '+5', '.5', '5.', ' 5', '5 ', '', '-', '1234567890123456', 'Infinity', 'NaN', '-.5', '--1', '1.2.3', '0x1F', '-01'])(
    '%j stays text',
    (text) => expect(plainNumber(text)).toBeUndefined(),
  );

  // The definition, written as regular expressions; the scan must agree with it everywhere.
  const reference = (text: string): number | undefined => {
    if (!/^-?(?:0|[1-9]\d*)(?:\.\d+)?$/.test(text)) return undefined;
    const digits = text.replace(/^-/, '').replace('.', '').replace(/^0+/, '');
    return digits.length > 15 ? undefined : Number(text);
  };
  const numberLike = fc.stringMatching(/^-?[0-9]{0,18}(\.[0-9]{0,18})?$/);
  const smallDecimal = fc
    .tuple(fc.constantFrom('', '-'), fc.constantFrom('0', '1', '12'), fc.nat(9), fc.stringMatching(/^[0-9]{1,6}$/))
    .map(([sign, whole, zeros, digits]) => `${sign}${whole}.${'0'.repeat(zeros)}${digits}`);
  const anyText = fc.oneof(numberLike, smallDecimal, fc.string({ unit: fc.constantFrom('0', '1', '9', '-', '.', 'e', ' ', '５', ',') }), fc.string());

  it('agrees with the regular-expression definition', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(Object.is(plainNumber(text), reference(text)), text).toBe(true);
      }),
      { numRuns: 20000 },
    );
  });

  it('says when the number alone gives its text back', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const n = plainNumber(text);
        if (n !== undefined) expect(isCanonicalNumber(text, n)).toBe(String(n) === text);
      }),
      { numRuns: 20000 },
    );
    expect(isCanonicalNumber('-0', -0)).toBe(false);
    expect(isCanonicalNumber('1.50', 1.5)).toBe(false);
    expect(isCanonicalNumber('0.0000001', 1e-7)).toBe(false);
    expect(isCanonicalNumber('0.000001', 1e-6)).toBe(true);
    expect(isCanonicalNumber('-12.5', -12.5)).toBe(true);
  });
});

describe('typing into a cell', () => {
  it('a plain number becomes a number and keeps the number format', () => {
    expect(snapshotFromInput('130000', { value: 126926, format: '#,##0' })).toEqual({ value: 130000, format: '#,##0' });
  });

  it('text stays text, and drops a number format', () => {
    expect(snapshotFromInput('1,234', { value: 1234, format: '#,##0' })).toEqual({ value: '1,234' });
  });

  it('keeps the typed form of a number when it differs', () => {
    expect(snapshotFromInput('1.50', { value: null })).toEqual({ value: 1.5, raw: '1.50' });
  });

  it('clearing empties the cell and drops a formula', () => {
    expect(snapshotFromInput('', { value: 5, formula: 'A1+1' })).toEqual({ value: null });
  });

  it('the editor starts from what reproduces the value', () => {
    expect(editableText({ value: 1.5, raw: '1.50' })).toBe('1.50');
    expect(editableText({ value: 126926, format: '#,##0' })).toBe('126926');
    expect(editableText({ value: null })).toBe('');
    expect(editableText({ value: false })).toBe('FALSE');
    expect(editableText({ value: { error: '#N/A' } })).toBe('#N/A');
  });
});

describe('typing a grouped number into a column of numbers', () => {
  it('`1,234` stores 1234 there, keeping the number format; elsewhere it stays text for the rules', () => {
    expect(snapshotFromInput('1,234', { value: 5, format: '#,##0' }, true)).toEqual({ value: 1234, format: '#,##0' });
    expect(snapshotFromInput('-12,345.6', { value: null }, true)).toEqual({ value: -12345.6 });
    expect(snapshotFromInput('1,234', { value: null })).toEqual({ value: '1,234' });
    // Not digits grouped by threes: as typed.
    expect(snapshotFromInput('1,23', { value: null }, true)).toEqual({ value: '1,23' });
    expect(snapshotFromInput('1,234人', { value: null }, true)).toEqual({ value: '1,234人' });
  });

  it('a data cell of a number column is one; a header or a text column is not', () => {
    const sheet = sheetFromRows([['地区', '人口'], ['北区', 100], ['南区', 200]]);
    const tables = detectStructure(sheet).tables;
    expect(isNumberCell(tables, 1, 1)).toBe(true);
    expect(isNumberCell(tables, 0, 1)).toBe(false);
    expect(isNumberCell(tables, 1, 0)).toBe(false);
    expect(isNumberCell(undefined, 1, 1)).toBe(false);
  });
});
