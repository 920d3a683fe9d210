import zlib from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deflateBomb, utf8 } from '../../../test/hostile.ts';
import { concatBytes } from '../arrays.ts';
import { InflateError, inflateRaw } from './inflate.ts';

function failure(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(InflateError);
    return (e as InflateError).kind;
  }
  return 'none';
}

/** Text-like data: runs, repeats and noise, so every block type and match length shows up. */
const data = fc
  .array(
    fc.oneof(
      fc.uint8Array({ maxLength: 300 }),
      fc.record({ byte: fc.integer({ min: 0, max: 255 }), n: fc.integer({ min: 1, max: 2000 }) }).map(({ byte, n }) => new Uint8Array(n).fill(byte)),
      fc.string({ maxLength: 200 }).map((s) => utf8(s.repeat(3))),
    ),
    { maxLength: 40 },
  )
  .map(concatBytes);

const options = fc.record({
  level: fc.integer({ min: 0, max: 9 }),
  strategy: fc.constantFrom(zlib.constants.Z_DEFAULT_STRATEGY, zlib.constants.Z_FILTERED, zlib.constants.Z_HUFFMAN_ONLY, zlib.constants.Z_RLE, zlib.constants.Z_FIXED),
  windowBits: fc.integer({ min: 9, max: 15 }),
});

describe('inflateRaw', () => {
  it('inflates whatever zlib deflates, at every level and strategy', () => {
    fc.assert(
      fc.property(data, options, (input, opts) => {
        const compressed = new Uint8Array(zlib.deflateRawSync(input, opts));
        expect(Buffer.from(inflateRaw(compressed, input.length)).equals(Buffer.from(input))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('inflates a real sheet-sized XML part', () => {
    const xml = utf8(`<sheetData>${Array.from({ length: 20000 }, (_, r) => `<row r="${r + 1}"><c r="A${r + 1}"><v>${(r * 7919) % 10007}</v></c></row>`).join('')}</sheetData>`);
    expect(Buffer.from(inflateRaw(new Uint8Array(zlib.deflateRawSync(xml)), xml.length)).equals(Buffer.from(xml))).toBe(true);
  });

  it('refuses a stream that holds more than the declared size, before writing past it', () => {
    const input = utf8('a'.repeat(100000));
    const compressed = new Uint8Array(zlib.deflateRawSync(input));
    expect(failure(() => inflateRaw(compressed, 99999))).toBe('overflow');
    expect(failure(() => inflateRaw(compressed, 0))).toBe('overflow');
    const stored = new Uint8Array(zlib.deflateRawSync(input, { level: 0 }));
    expect(failure(() => inflateRaw(stored, 1000))).toBe('overflow');
  });

  it('refuses a stream that ends before the declared size, or is cut', () => {
    const input = utf8('市区町村,人口\n'.repeat(1000));
    const compressed = new Uint8Array(zlib.deflateRawSync(input));
    expect(failure(() => inflateRaw(compressed, input.length + 1))).toBe('short');
    expect(failure(() => inflateRaw(compressed.subarray(0, compressed.length >> 1), input.length))).toBe('short');
    expect(failure(() => inflateRaw(new Uint8Array(0), 10))).toBe('short');
  });

  it('refuses invalid DEFLATE', () => {
    expect(failure(() => inflateRaw(new Uint8Array([0x07, 0, 0]), 10))).toBe('corrupt'); // block type 3
    expect(failure(() => inflateRaw(new Uint8Array([0x01, 0x05, 0x00, 0x00, 0x00]), 5))).toBe('corrupt'); // LEN/NLEN mismatch
  });

  it('terminates on any input: random bytes either inflate or fail with an InflateError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), fc.integer({ min: 0, max: 1 << 20 }), (bytes, expected) => {
        try {
          inflateRaw(bytes, expected);
        } catch (e) {
          expect(e).toBeInstanceOf(InflateError);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('a stream that never ends its last block stops at the end of its data', () => {
    // Non-final empty stored blocks, repeated: SheetJS's inflater reads past the data forever.
    const endless = new Uint8Array(1000);
    for (let i = 0; i + 5 <= endless.length; i += 5) endless.set([0x00, 0x00, 0x00, 0xff, 0xff], i);
    expect(failure(() => inflateRaw(endless, 100))).toBe('short');
  });

  it('the hostile generator writes valid maximum-ratio DEFLATE (checked against zlib)', () => {
    const bomb = deflateBomb(utf8('<a>'), 1000, utf8('</a>'));
    const viaZlib = zlib.inflateRawSync(bomb.data);
    expect(viaZlib.length).toBe(bomb.size);
    expect(viaZlib.subarray(0, 3).toString()).toBe('<a>');
    expect(viaZlib.subarray(-4).toString()).toBe('</a>');
    expect(Buffer.from(inflateRaw(bomb.data, bomb.size)).equals(viaZlib)).toBe(true);
    // 258 bytes per 2 bits: the ratio DEFLATE cannot exceed.
    const big = deflateBomb(new Uint8Array(0), 1_000_000, new Uint8Array(0));
    expect(big.size / big.data.length).toBeGreaterThan(1000);
  });
});
