import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainNumber } from '../plainNumber.ts';
import { formatUsesParenNegatives, isNumberText, parseNumberText } from './numberText.ts';

describe('parseNumberText: numbers written as text', () => {
  it.each([
    // text, value, plain text, decimals
    ['1,894.2', 1894.2, '1894.2', 1],
    ['12,064 ', 12064, '12064', 0],
    ['  △46,841', -46841, '-46841', 0],
    ['１，２００', 1200, '1200', 0],
    ['１２３．４５', 123.45, '123.45', 2],
    ['△37,655', -37655, '-37655', 0],
    ['△ 5', -5, '-5', 0],
    ['▲5', -5, '-5', 0],
    ['-1,234', -1234, '-1234', 0],
    ['－１２', -12, '-12', 0],
    ['−3.5', -3.5, '-3.5', 1],
    ['+1.2', 1.2, '1.2', 1],
    ['343.4', 343.4, '343.4', 1],
    ['0', 0, '0', 0],
    ['0.5', 0.5, '0.5', 1],
    ['.5', 0.5, '0.5', 1],
    ['1.50', 1.5, '1.50', 2],
    ['1,234,567', 1234567, '1234567', 0],
    ['１', 1, '1', 0],
  ])('%j → %d', (text, value, plain, decimals) => {
    const n = parseNumberText(text)!;
    expect(n).toBeDefined();
    expect(n.value).toBe(value);
    expect(n.text).toBe(plain);
    expect(n.decimals).toBe(decimals);
    expect(n.original).toBe(text);
    expect(n.unit).toBeUndefined();
  });

  it('keeps the written precision exactly: -0.0 stays -0.0, 1.50 keeps two decimals', () => {
    const z = parseNumberText('-0.0')!;
    expect(z.text).toBe('-0.0');
    expect(Object.is(z.value, -0)).toBe(true);
    expect(z.negative).toBe(true);
    expect(parseNumberText('△0.0')!.text).toBe('-0.0');
    expect(parseNumberText('1.50')!.text).toBe('1.50');
    expect(parseNumberText('１．５０')!.decimals).toBe(2);
  });

  it('says how it was written: separators, full width, padding, sign, digits span', () => {
    const n = parseNumberText('  △46,841')!;
    expect(n).toMatchObject({ grouped: true, fullwidth: false, padded: true, negative: true, negativeMarker: '△' });
    expect(n.original.slice(n.digits.start, n.digits.end)).toBe('46,841');
    const f = parseNumberText('１，２００人')!;
    expect(f).toMatchObject({ grouped: true, fullwidth: true, padded: false, negative: false });
    expect(f.original.slice(f.digits.start, f.digits.end)).toBe('１，２００');
    expect(parseNumberText('▲5')!.negativeMarker).toBe('▲');
    expect(parseNumberText('-1,234')!.negativeMarker).toBe('-');
    expect(parseNumberText('+1.2')!.positiveMarker).toBe('+');
    expect(parseNumberText('343.4')).toMatchObject({ grouped: false, fullwidth: false, padded: false });
  });

  it('units after the number, with their scale', () => {
    expect(parseNumberText('１，２００人')).toMatchObject({ value: 1200, unit: { unit: '人', written: '人', counter: true } });
    expect(parseNumberText('850人')).toMatchObject({ value: 850, unit: { unit: '人' } });
    expect(parseNumberText('６０人')).toMatchObject({ value: 60, fullwidth: true, unit: { unit: '人' } });
    expect(parseNumberText('120円')).toMatchObject({ value: 120, unit: { unit: '円', counter: false } });
    expect(parseNumberText('850 人')).toMatchObject({ value: 850, unit: { unit: '人' } });
    const k = parseNumberText('1,234千円')!;
    expect(k).toMatchObject({ value: 1234, text: '1234', scale: 1000, unit: { unit: '円', written: '千円', scale: 1000 } });
    expect(parseNumberText('12.5%')).toMatchObject({ value: 12.5, decimals: 1, unit: { unit: '%' } });
    expect(parseNumberText('12.5％')).toMatchObject({ value: 12.5, unit: { unit: '%' } });
    expect(parseNumberText('343.4人/km²')).toMatchObject({ value: 343.4, unit: { unit: '人/km2' } });
    expect(parseNumberText('5t')).toMatchObject({ value: 5, unit: { unit: 't' } });
  });

  it('約 (approximately) is returned for a note, the number stays exact', () => {
    const n = parseNumberText('約300人')!;
    expect(n).toMatchObject({ value: 300, approx: '約', unit: { unit: '人' } });
    expect(parseNumberText('およそ 1,000')).toMatchObject({ value: 1000, approx: 'およそ' });
    expect(parseNumberText('300人')!.approx).toBeUndefined();
  });

  it('currency signs lead and stand for the unit', () => {
    expect(parseNumberText('$92,162,773')).toMatchObject({ value: 92162773, currency: '$', unit: { unit: '$', written: '$' } });
    expect(parseNumberText('¥1,000')).toMatchObject({ value: 1000, currency: '¥', unit: { unit: '円', written: '¥' } });
    expect(parseNumberText('￥1,000')).toMatchObject({ value: 1000, currency: '￥', unit: { unit: '円' } });
    expect(parseNumberText('-$5')).toMatchObject({ value: -5, negativeMarker: '-', currency: '$' });
    expect(parseNumberText('$-5')).toMatchObject({ value: -5, negativeMarker: '-', currency: '$' });
    expect(parseNumberText('$5円')).toBeUndefined();
  });

  it('(1,234) is negative only when the column format says so', () => {
    expect(parseNumberText('(1,234)')).toBeUndefined();
    expect(parseNumberText('(1,234)', { parenNegative: true })).toMatchObject({ value: -1234, negativeMarker: '()' });
    expect(parseNumberText('（５）', { parenNegative: true })).toMatchObject({ value: -5, fullwidth: true });
    expect(parseNumberText('(-5)', { parenNegative: true })).toBeUndefined();
    expect(parseNumberText('(5', { parenNegative: true })).toBeUndefined();
  });

  it.each([
    ['0911', 'code with a leading zero'],
    ['007', 'code with leading zeros'],
    ['00.5', 'leading zeros'],
    ['078-123-4567', 'phone number'],
    ['+81-3-1234-5678', 'international phone number'],
    ['650-0001', 'postal code'],
    ['〒650-0001', 'postal code with mark'],
    ['中央町１－２－３', 'address'],
    ['本町1-1', 'address'],
    ['2019/4/1', 'date'],
    ['2019-04-01', 'ISO date'],
    ['H30.3.31', 'era date'],
    ['R2.10.1', 'era date'],
    ['2019.4.1', 'dotted date'],
    ['平成31年4月1日', 'era date in kanji'],
    ['7-9', 'range'],
    ['10-12月', 'range of months'],
    ['2019年', 'year label'],
    ['23 年', 'year label with a space'],
    ['4月', 'month'],
    ['1e3', 'exponent notation'],
    ['1E3', 'exponent notation'],
    ['12A', 'letters'],
    ['A12', 'letters'],
    ['abc', 'letters'],
    ['1,23,4', 'bad grouping'],
    ['1,2345', 'bad grouping'],
    ['0,123', 'grouping after zero'],
    ['1,234.5,6', 'separator after the point'],
    ['1.2.3', 'two points'],
    ['12.', 'trailing point'],
    ['1 234', 'space grouping'],
    ['--5', 'double sign'],
    ['- 5', 'sign then space'],
    ['5-', 'trailing minus'],
    ['1,234千', 'bare scale'],
    ['5万', 'kanji scale'],
    ['a)343.4', 'footnote mark'],
    ['343.4 1)', 'footnote mark'],
    ['1300東京都', 'code and name'],
    ['12345678901234567', 'more than 15 significant digits'],
    ['-', 'symbol'],
    ['…', 'symbol'],
    ['', 'empty'],
    ['   ', 'blank'],
    ['(単位：千円)', 'unit note'],
    ['第1表', 'title'],
  ])('%j is not a number (%s)', (text) => {
    expect(parseNumberText(text)).toBeUndefined();
    expect(isNumberText(text)).toBe(false);
  });

  it('agrees with plainNumber on every text plainNumber accepts', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -1e9, max: 1e9 }).map(String), fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }).map((d) => d.toFixed(3))), (text) => {
        const plain = plainNumber(text);
        if (plain === undefined) return;
        const n = parseNumberText(text)!;
        expect(n.value).toBe(plain);
        expect(n.text).toBe(text);
      }),
    );
  });

  it('reads any integer written with valid thousands separators, half or full width', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.boolean(), fc.boolean(), (n, negative, wide) => {
        let text = n.toLocaleString('en-US');
        if (wide) text = text.replace(/[0-9,]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
        if (negative) text = `△${text}`;
        const parsed = parseNumberText(text);
        if (String(n).length > 15) {
          expect(parsed).toBeUndefined();
          return;
        }
        expect(parsed?.value).toBe(negative ? -n : n);
        expect(parsed?.grouped).toBe(n >= 1000);
      }),
    );
  });

  it('never reads text holding an ASCII letter other than a known unit', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789,.-ABCDEFGHIJxyz') }), (text) => {
        if (!/[A-Za-z]/.test(text)) return;
        const parsed = parseNumberText(text);
        // The only letters a number may carry are a unit such as `t`, `m`, `kg`: none here.
        expect(parsed).toBeUndefined();
      }),
    );
  });
});

describe('formatUsesParenNegatives', () => {
  it.each([
    ['#,##0;(#,##0)', true],
    ['#,##0_);[Red](#,##0)', true],
    ['#,##0_);(#,##0)', true],
    ['#,##0', false],
    ['#,##0;-#,##0', false],
    ['#,##0;"  △"* #,##0;"―"', false],
    ['#,##0;"(注)"#,##0', false],
    [undefined, false],
  ])('%j → %s', (fmt, expected) => {
    expect(formatUsesParenNegatives(fmt)).toBe(expected);
  });
});
