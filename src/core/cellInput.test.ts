import { describe, expect, it } from 'vitest';
import { editableText, snapshotFromInput } from './cellInput.ts';
import { plainNumber } from './plainNumber.ts';

describe('plainNumber', () => {
  it.each([
    ['0', 0],
    ['-12', -12],
    ['0.5', 0.5],
    ['1.50', 1.5],
    ['123456789012345', 123456789012345],
  ])('%s is %d', (text, n) => expect(plainNumber(text)).toBe(n));

  it.each(['1,234', '１２', '0911', '1e3', '+5', '.5', '5.', ' 5', '5 ', '', '-', '1234567890123456', 'Infinity', 'NaN'])('%j stays text', (text) =>
    expect(plainNumber(text)).toBeUndefined(),
  );
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
