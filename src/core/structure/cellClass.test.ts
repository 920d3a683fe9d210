import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toFullwidthAscii } from '../text/fullwidth.ts';
import { CellClass, classifyText } from './cellClass.ts';

describe('classifyText: number text', () => {
  it.each([
    '△1234',
    '1234人',
    '１２３４',
    '1234.5',
    '-1234',
    '△123',
    '△1,234',
    '▲ 5',
    '1,894.2',
    '12,064 ',
    '１，２００人',
    '$92,162,773',
    '120円',
    'a)343.4',
    'a)1234.5',
    '約1234人',
    '1,234 1)',
    '1234千円',
    '0.5%',
    '123',
  ])('%s is a number', (text) => {
    expect(classifyText(text)).toBe(CellClass.Number);
  });

  it.each(['1 1', '1(10)', '1,2345', '1234-5678', '2019-04', '東京都', '(1)', 'ab12'])('%s is not', (text) => {
    expect(classifyText(text)).not.toBe(CellClass.Number);
  });

  // Codes kept as text: the column judgement counts digit-only text as identifiers.
  it.each(['1234', '102016', '2020100000', '0911', ' 012345 '])('bare digits %s written as text stay text', (text) => {
    expect(classifyText(text)).toBe(CellClass.Text);
  });

  const sign = fc.constantFrom('', '-', '−', '－', '＋', '+', '△', '▲', '△ ');
  const tail = fc.constantFrom('', '人', '円', '千円', '%', '％', ' 人', '　世帯', 'ha', 'a)', '1)', '※');
  const width = fc.constantFrom('ascii', 'full');
  const grouped = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

  it('property: any integer or decimal, grouped or not, signed, full-width or not, with a unit behind, is a number (bare ASCII digits of four or more stay text)', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 15n }),
        fc.option(fc.integer({ min: 0, max: 99999 }), { nil: undefined }),
        fc.boolean(),
        sign,
        tail,
        width,
        (n, decimals, group, s, t, w) => {
          const digits = group ? grouped(String(n)) : String(n);
          let text = s + digits + (decimals === undefined ? '' : `.${decimals}`) + t;
          if (w === 'full') text = toFullwidthAscii(text);
          expect(classifyText(text)).toBe(/^[0-9]{4,}$/.test(text) ? CellClass.Text : CellClass.Number);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('property: text without a digit is never a number; two numbers apart are not one', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'あ東京△,.人円% a)（）-') }), (text) => {
        expect(classifyText(text)).not.toBe(CellClass.Number);
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 0, max: 1e6 }), fc.constantFrom(' ', '　', '-', '/'), (a, b, gap) => {
        expect(classifyText(`${a}${gap}${b}`)).not.toBe(CellClass.Number);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('classifyText: placeholders, times and month labels', () => {
  it.each(['Not Available', 'not available', 'NOT AVAILABLE', 'n.a.', 'N.A.', 'NA', '－'])('%s stands in for a value (a symbol)', (text) => {
    expect(classifyText(text)).toBe(CellClass.Symbol);
  });

  it.each(['01:21:32', '9:05', '00:21:27.5', '2014-10-30 00:00:00', '2014/10/30 9:30'])('the time %s is a value', (text) => {
    expect(classifyText(text)).toBe(CellClass.Date);
  });

  it.each(['１月中', '10月分', '3月末', '7-9月'])('%s is a period label', (text) => {
    expect(classifyText(text)).toBe(CellClass.Period);
  });

  it.each(['Not Available yet', '25:99', '月中'])('%s is none of them', (text) => {
    expect([CellClass.Symbol, CellClass.Date, CellClass.Period]).not.toContain(classifyText(text));
  });
});
