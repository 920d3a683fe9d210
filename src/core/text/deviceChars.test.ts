import { describe, expect, it } from 'vitest';
import { deviceCharReplacement, findDeviceChars, hasDeviceChars, replaceDeviceChars } from './deviceChars.ts';

describe('device-dependent characters', () => {
  it.each([
    ['①', '(1)'],
    ['⑩', '(10)'],
    ['⑳', '(20)'],
    ['㉑', '(21)'],
    ['㊿', '(50)'],
    ['⑴', '(1)'],
    ['⒈', '1.'],
    ['ⓐ', '(a)'],
    ['Ⓐ', '(A)'],
    ['❶', '(1)'],
    ['㈱', '(株)'],
    ['㈲', '(有)'],
    ['㈹', '(代)'],
    ['㍻', '平成'],
    ['㍼', '昭和'],
    ['㍽', '大正'],
    ['㍾', '明治'],
    ['㋿', '令和'],
    ['㍿', '株式会社'],
    ['Ⅰ', 'I'],
    ['Ⅳ', 'IV'],
    ['Ⅷ', 'VIII'],
    ['Ⅹ', 'X'],
    ['ⅰ', 'i'],
    ['ⅸ', 'ix'],
    ['ⅹ', 'x'],
    ['㎞', 'km'],
    ['㎏', 'kg'],
    ['㎝', 'cm'],
    ['㎜', 'mm'],
    ['㎡', 'm2'],
    ['㏄', 'cc'],
    ['㍉', 'ミリ'],
    ['㌔', 'キロ'],
    ['㌢', 'センチ'],
    ['㍍', 'メートル'],
    ['㌘', 'グラム'],
    ['㌧', 'トン'],
    ['㌫', 'パーセント'],
    ['㍑', 'リットル'],
    ['㌶', 'ヘクタール'],
    ['№', 'No.'],
    ['℡', 'TEL'],
    ['㏍', 'K.K.'],
    ['㊤', '(上)'],
    ['㊥', '(中)'],
    ['㊦', '(下)'],
    ['㊧', '(左)'],
    ['㊨', '(右)'],
    ['〝', '"'],
    ['〟', '"'],
    ['ｱ', 'ア'],
  ])('%s → %s', (ch, plain) => {
    expect(deviceCharReplacement(ch)).toBe(plain);
    expect(replaceDeviceChars(ch)).toBe(plain);
    expect(hasDeviceChars(`前${ch}後`)).toBe(true);
  });

  it('leaves ordinary characters alone, including JIS X 0208 symbols and IBM kanji in names', () => {
    for (const text of ['全国', '※', '〒650-0001', '℃', '（１）', '∴', '²', '…', '髙橋', '山﨑', 'ABC', '', '―']) {
      expect(findDeviceChars(text)).toEqual([]);
      expect(hasDeviceChars(text)).toBe(false);
      expect(replaceDeviceChars(text)).toBe(text);
    }
  });

  it('every table entry keeps the meaning NFKC gives it (brackets aside)', () => {
    const ranges: [number, number][] = [
      [0x2160, 0x217f],
      [0x2460, 0x24ff],
      [0x2776, 0x2793],
      [0x3220, 0x3243],
      [0x3251, 0x325f],
      [0x3280, 0x33ff],
    ];
    let checked = 0;
    for (const [a, b] of ranges) {
      for (let code = a; code <= b; code++) {
        const ch = String.fromCharCode(code);
        const plain = deviceCharReplacement(ch);
        if (plain === undefined) continue;
        checked++;
        const nfkc = ch.normalize('NFKC').replace(/\u2215/g, '/');
        const stripped = plain.replace(/^\((.*)\)$/, '$1').replace(/\.$/, '');
        const expected = nfkc.replace(/^\((.*)\)$/, '$1').replace(/\.$/, '');
        if (ch === '㏍') continue; // NFKC gives KK; K.K. is how 株式会社 is abbreviated
        if (/[❶-➓⓫-⓿]/.test(ch)) continue; // NFKC leaves the dingbat and negative circled numbers as they are
        expect(stripped, `${ch} U+${code.toString(16)}`).toBe(expected);
      }
    }
    expect(checked).toBeGreaterThan(450);
  });

  it('finds each occurrence with its index, character, replacement and kind', () => {
    expect(findDeviceChars('①道 路 用')).toEqual([{ index: 0, text: '①', replacement: '(1)', kind: 'circled' }]);
    expect(findDeviceChars('砕石合計\n(①～④)')).toEqual([
      { index: 6, text: '①', replacement: '(1)', kind: 'circled' },
      { index: 8, text: '④', replacement: '(4)', kind: 'circled' },
    ]);
    expect(findDeviceChars('㈱ｶﾞｯｺｳ㍻Ⅳ㎞')).toEqual([
      { index: 0, text: '㈱', replacement: '(株)', kind: 'parenthesized' },
      { index: 1, text: 'ｶﾞｯｺｳ', replacement: 'ガッコウ', kind: 'halfwidthKana' },
      { index: 6, text: '㍻', replacement: '平成', kind: 'era' },
      { index: 7, text: 'Ⅳ', replacement: 'IV', kind: 'roman' },
      { index: 8, text: '㎞', replacement: 'km', kind: 'squared' },
    ]);
  });

  it('replaces in place, keeping everything else', () => {
    expect(replaceDeviceChars('①道 路 用')).toBe('(1)道 路 用');
    expect(replaceDeviceChars('第Ⅲ表')).toBe('第III表');
    expect(replaceDeviceChars('㍻22年')).toBe('平成22年');
    expect(replaceDeviceChars('注）「震災前平均｣は')).toBe('注）「震災前平均」は');
    expect(replaceDeviceChars('1300東京都①　　　　')).toBe('1300東京都(1)　　　　');
  });
});
