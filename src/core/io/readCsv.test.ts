import { describe, expect, it } from 'vitest';
import { getRaw, getValue } from '../model.ts';
import { parseCsvText } from './readCsv.ts';

const parse = (text: string, extra: { delimiter?: string; chunkSize?: number } = {}) =>
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

  it('quoted line breaks and quotes survive chunk boundaries', () => {
    const row = '"北町\n公民館","say ""hi""",3\r\n';
    const text = row.repeat(50);
    for (const chunkSize of [5, 7, 13, 64]) {
      const { sheet } = parse(text, { chunkSize });
      expect(sheet.rowCount, `chunk ${chunkSize}`).toBe(50);
      for (let r = 0; r < 50; r++) {
        expect(getValue(sheet, r, 0)).toBe('北町\n公民館');
        expect(getValue(sheet, r, 1)).toBe('say "hi"');
        expect(getValue(sheet, r, 2)).toBe(3);
      }
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
