import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  findHalfwidthKanaRuns,
  halfwidthChar,
  halfwidthKanaToFullwidth,
  hasFullwidthAscii,
  hasHalfwidthKana,
  isFullwidthDigit,
  toFullwidthAscii,
  toHalfwidthAscii,
} from './fullwidth.ts';

describe('toHalfwidthAscii', () => {
  it('converts full-width digits, letters and punctuation only', () => {
    expect(toHalfwidthAscii('中央町１－２－３')).toBe('中央町1-2-3');
    expect(toHalfwidthAscii('１，２００人')).toBe('1,200人');
    expect(toHalfwidthAscii('ＡＢＣ（ｄｅｆ）！')).toBe('ABC(def)!');
    expect(toHalfwidthAscii('￥１，０００')).toBe('¥1,000');
  });

  it('leaves kana, kanji, device characters and other symbols alone (no NFKC)', () => {
    const text = '①ｶﾞ㍻²…〜﨑髙　ア';
    expect(toHalfwidthAscii(text)).toBe(text);
    expect(toHalfwidthAscii('北町４－５')).toBe('北町4-5');
  });

  it('keeps the ideographic space unless asked', () => {
    expect(toHalfwidthAscii('総　数１')).toBe('総　数1');
    expect(toHalfwidthAscii('総　数', { space: 'ascii' })).toBe('総 数');
  });

  it('digitsOnly converts only ０–９', () => {
    expect(toHalfwidthAscii('中央町１－２－３Ａ', { digitsOnly: true })).toBe('中央町1－2－3Ａ');
  });

  it('returns the same string when there is nothing to convert', () => {
    const text = 'plain 日本語';
    expect(toHalfwidthAscii(text)).toBe(text);
    expect(hasFullwidthAscii(text)).toBe(false);
    expect(hasFullwidthAscii('１')).toBe(true);
  });

  it('is the inverse of toFullwidthAscii for printable ASCII', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)) }), (s) => {
        expect(toHalfwidthAscii(toFullwidthAscii(s))).toBe(s);
      }),
    );
  });

  it('agrees with NFKC on the full-width ASCII block', () => {
    for (let code = 0xff01; code <= 0xff5e; code++) {
      const ch = String.fromCharCode(code);
      expect(halfwidthChar(ch)).toBe(ch.normalize('NFKC'));
    }
    expect(isFullwidthDigit('９')).toBe(true);
    expect(isFullwidthDigit('9')).toBe(false);
  });
});

describe('halfwidthKanaToFullwidth', () => {
  it('converts half-width katakana, composing voiced marks', () => {
    expect(halfwidthKanaToFullwidth('ｶﾞｯｺｳ')).toBe('ガッコウ');
    expect(halfwidthKanaToFullwidth('ﾊﾟｰｸ')).toBe('パーク');
    expect(halfwidthKanaToFullwidth('ｳﾞｧｲｵﾘﾝ')).toBe('ヴァイオリン');
    expect(halfwidthKanaToFullwidth('｢ｱｲｳ｣､｡･')).toBe('「アイウ」、。・');
    expect(halfwidthKanaToFullwidth('ﾄｳｷｮｳﾄ ﾁﾖﾀﾞｸ')).toBe('トウキョウト チヨダク');
  });

  it('keeps a voiced mark that cannot compose as a spacing mark', () => {
    expect(halfwidthKanaToFullwidth('ｱﾞ')).toBe('ア゛');
    expect(halfwidthKanaToFullwidth('ｶﾟ')).toBe('カ゜');
    expect(halfwidthKanaToFullwidth('ﾞ')).toBe('゛');
  });

  it('agrees with NFKC on every half-width kana, alone and with each voiced mark', () => {
    for (let code = 0xff61; code <= 0xff9f; code++) {
      const ch = String.fromCharCode(code);
      if (code === 0xff9e || code === 0xff9f) {
        // NFKC gives the combining marks U+3099/309A; a mark standing alone is kept spacing.
        continue;
      }
      expect(halfwidthKanaToFullwidth(ch)).toBe(ch.normalize('NFKC'));
      for (const mark of ['ﾞ', 'ﾟ']) {
        const composed = (ch + mark).normalize('NFKC');
        if (composed.length === 1) expect(halfwidthKanaToFullwidth(ch + mark)).toBe(composed);
      }
    }
  });

  it('leaves everything else alone', () => {
    expect(halfwidthKanaToFullwidth('ABC アイウ 123')).toBe('ABC アイウ 123');
    expect(hasHalfwidthKana('ｱ')).toBe(true);
    expect(hasHalfwidthKana('ア')).toBe(false);
  });

  it('finds each run of half-width kana with its replacement', () => {
    expect(findHalfwidthKanaRuns('東京ｶﾞｯｺｳ ﾊﾟｰｸ')).toEqual([
      { index: 2, text: 'ｶﾞｯｺｳ', replacement: 'ガッコウ' },
      { index: 8, text: 'ﾊﾟｰｸ', replacement: 'パーク' },
    ]);
    expect(findHalfwidthKanaRuns('全角カナ')).toEqual([]);
  });
});
