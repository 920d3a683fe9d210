import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UnrepresentableCharactersError, decoderLabel, encodeCsv, unrepresentable } from './encodeText.ts';

const decode = (bytes: Uint8Array, label: string) => new TextDecoder(label).decode(bytes);

describe('encodeCsv', () => {
  const text = '都道府県,人口\r\n全国,126926\r\n';

  it('UTF-8 with BOM, UTF-8 without', () => {
    const bom = encodeCsv(text, 'utf-8-bom');
    expect([...bom.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(decode(bom, 'utf-8')).toBe(text);
    const plain = encodeCsv(text, 'utf-8');
    expect(plain[0]).toBe(0xe9); // 都
    expect(plain.length).toBe(bom.length - 3);
  });

  it('Shift_JIS (CP932 as browsers decode it): NEC/IBM extensions and half-width kana included', () => {
    const s = '№①㈱Ⅳⅳ髙﨑纊ｱｲｳ～－∥￠￢\\~ 全角　abc\r\n';
    expect(unrepresentable(s, 'shift_jis')).toEqual([]);
    const bytes = encodeCsv(s, 'shift_jis');
    expect(decode(bytes, 'shift_jis')).toBe(s);
    expect([...encodeCsv('全', 'shift_jis')]).toEqual([0x91, 0x53]);
    expect([...encodeCsv('ｱ', 'shift_jis')]).toEqual([0xb1]);
  });

  it('every ASCII character is one byte, itself', () => {
    const ascii = Array.from({ length: 128 }, (_, i) => String.fromCharCode(i)).join('');
    const bytes = encodeCsv(ascii, 'shift_jis');
    expect([...bytes]).toEqual(Array.from({ length: 128 }, (_, i) => i));
    // WHATWG shift_jis decodes bytes below 0x80 as themselves. Node's ICU decoder swaps
    // three control characters (0x1A, 0x1C, 0x7F); browsers do not. Compare the rest.
    // eslint-disable-next-line no-control-regex -- the three control characters are the point.
    const quirk = (t: string) => t.replace(/[\x1a\x1c\x7f]/g, '');
    expect(quirk(decode(bytes, 'shift_jis'))).toBe(quirk(ascii));
  });

  it('lists what Shift_JIS cannot hold, with counts, and what a look-alike would become', () => {
    const s = '𠮷野家の𠮷、😀、〜と〜と〜、−5、·';
    expect(unrepresentable(s, 'shift_jis')).toEqual([
      { char: '𠮷', codePoint: 0x20bb7, count: 2 },
      { char: '😀', codePoint: 0x1f600, count: 1 },
      { char: '〜', codePoint: 0x301c, count: 3, decodesAs: '～' },
      { char: '−', codePoint: 0x2212, count: 1, decodesAs: '－' },
      { char: '·', codePoint: 0xb7, count: 1 },
    ]);
  });

  it('throws a typed error listing the characters instead of replacing them', () => {
    let error: unknown;
    try {
      encodeCsv('a𠮷b〜', 'shift_jis');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UnrepresentableCharactersError);
    const e = error as UnrepresentableCharactersError;
    expect(e.encoding).toBe('shift_jis');
    expect(e.chars.map((c) => c.char)).toEqual(['𠮷', '〜']);
    expect(e.message).toContain('U+20BB7');
  });

  it('UTF-8 holds everything but lone surrogates (TextEncoder would write U+FFFD)', () => {
    expect(unrepresentable('𠮷😀〜', 'utf-8')).toEqual([]);
    expect(unrepresentable('a\uD800b\uDC00', 'utf-8-bom')).toEqual([
      { char: '\uD800', codePoint: 0xd800, count: 1, decodesAs: '\uFFFD' },
      { char: '\uDC00', codePoint: 0xdc00, count: 1, decodesAs: '\uFFFD' },
    ]);
    expect(() => encodeCsv('\uD800', 'utf-8')).toThrow(UnrepresentableCharactersError);
    expect(unrepresentable('x\uD800', 'shift_jis')).toEqual([{ char: '\uD800', codePoint: 0xd800, count: 1 }]);
  });

  it('Shift_JIS round trip for any text it can hold; otherwise every offending character is listed', () => {
    // A mix of JIS X 0208 kanji, kana, symbols, ASCII and things outside Shift_JIS.
    const ch = fc.oneof(
      fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), // printable: no ICU control-character quirk
      fc.integer({ min: 0x3040, max: 0x30ff }).map((c) => String.fromCharCode(c)),
      fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCharCode(c)),
      fc.integer({ min: 0xff61, max: 0xff9f }).map((c) => String.fromCharCode(c)),
      fc.integer({ min: 0x2000, max: 0x27ff }).map((c) => String.fromCharCode(c)),
      fc.constantFrom('𠮷', '😀', '\r\n'),
    );
    fc.assert(
      fc.property(fc.array(ch, { maxLength: 40 }), (chars) => {
        const s = chars.join('');
        const bad = unrepresentable(s, 'shift_jis');
        if (bad.length === 0) {
          expect(decode(encodeCsv(s, 'shift_jis'), decoderLabel('shift_jis'))).toBe(s);
        } else {
          expect(() => encodeCsv(s, 'shift_jis')).toThrow(UnrepresentableCharactersError);
          // Each listed character really does not survive; each other one does.
          for (const c of new Set([...s])) {
            const listed = bad.some((b) => b.char === c);
            if (c.length === 2) expect(listed).toBe(true);
            else expect(listed).toBe(unrepresentable(c, 'shift_jis').length > 0);
          }
          for (const b of bad) expect(s.split(b.char).length - 1).toBe(b.count);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
