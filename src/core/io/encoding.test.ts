import * as Encoding from 'encoding-japanese';
import { describe, expect, it } from 'vitest';
import { decodeAs, detectAndDecode } from './encoding.ts';

const TEXT = '避難所名,収容人数\n中央小学校,１，２００人\n北町公民館,850人\n';

function encodeAs(text: string, to: 'SJIS' | 'EUCJP'): Uint8Array {
  return new Uint8Array(Encoding.convert(Encoding.stringToCode(text), { to, from: 'UNICODE' }));
}

describe('detectAndDecode', () => {
  it('UTF-8 without BOM', () => {
    const d = detectAndDecode(new TextEncoder().encode(TEXT));
    expect(d).toEqual({ text: TEXT, encoding: 'utf-8', invalidCount: 0 });
  });

  it('UTF-8 with BOM: detected and the BOM is not part of the text', () => {
    const body = new TextEncoder().encode(TEXT);
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...body]);
    expect(detectAndDecode(bytes)).toEqual({ text: TEXT, encoding: 'utf-8-bom', invalidCount: 0 });
  });

  it('Shift_JIS', () => {
    expect(detectAndDecode(encodeAs(TEXT, 'SJIS'))).toEqual({ text: TEXT, encoding: 'shift_jis', invalidCount: 0 });
  });

  it('EUC-JP', () => {
    expect(detectAndDecode(encodeAs(TEXT, 'EUCJP'))).toEqual({ text: TEXT, encoding: 'euc-jp', invalidCount: 0 });
  });

  it('CP932 extensions (№ ① ㍾) decode as Shift_JIS', () => {
    // 0x8782 №, 0x8740 ①, 0x878d ㍾ are NEC extensions outside JIS X 0208.
    const bytes = new Uint8Array([0x87, 0x82, 0x2c, 0x87, 0x40, 0x2c, 0x87, 0x8d, 0x0a]);
    expect(detectAndDecode(bytes).text).toBe('№,①,㍾\n');
    expect(detectAndDecode(bytes).encoding).toBe('shift_jis');
  });

  it('ASCII is UTF-8', () => {
    expect(detectAndDecode(new TextEncoder().encode('a,b\n1,2\n')).encoding).toBe('utf-8');
  });

  it('a two-byte character at any position survives: the whole buffer is decoded at once', () => {
    const long = '市区町村'.repeat(100_000); // 800 KB in Shift_JIS, past the detection sample
    expect(detectAndDecode(encodeAs(long, 'SJIS')).text).toBe(long);
  });
});

describe('bytes the detected encoding cannot decode', () => {
  it('Shift_JIS with three bytes no Shift_JIS character has: Shift_JIS, 3 counted, the rest intact', () => {
    const bytes = new Uint8Array([...encodeAs('市町村,人口\n南町', 'SJIS'), 0xff, 0xff, 0xff, ...encodeAs(',300\n北町,1200\n', 'SJIS')]);
    const d = detectAndDecode(bytes);
    expect(d.encoding).toBe('shift_jis');
    expect(d.invalidCount).toBe(3);
    expect(d.text).toBe('市町村,人口\n南町\uFFFD\uFFFD\uFFFD,300\n北町,1200\n');
  });

  it('UTF-8 with one stray byte stays UTF-8 (not Shift_JIS mojibake), 1 counted', () => {
    const body = new TextEncoder().encode(TEXT);
    const bytes = new Uint8Array([...body.subarray(0, 13), 0x93, ...body.subarray(13)]); // after 避難所名,
    const d = detectAndDecode(bytes);
    expect(d.encoding).toBe('utf-8');
    expect(d.invalidCount).toBe(1);
    expect(d.text.replace('\uFFFD', '')).toBe(TEXT);
  });

  it('EUC-JP with a damaged byte: the least damaged reading wins', () => {
    const bytes = new Uint8Array([...encodeAs(TEXT, 'EUCJP'), 0xff, ...encodeAs(TEXT, 'EUCJP')]);
    const d = detectAndDecode(bytes);
    expect(d.encoding).toBe('euc-jp');
    expect(d.invalidCount).toBe(1);
  });
});

describe('decodeAs (user override)', () => {
  it('counts undecodable characters instead of failing', () => {
    const sjis = encodeAs(TEXT, 'SJIS');
    const d = decodeAs(sjis, 'utf-8');
    expect(d.encoding).toBe('utf-8');
    expect(d.invalidCount).toBeGreaterThan(0);
  });

  it('decodes as asked', () => {
    expect(decodeAs(encodeAs(TEXT, 'EUCJP'), 'euc-jp').text).toBe(TEXT);
  });
});
