import zlib from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { buildZip, crc32, manyEntriesZip, overlappingZip, utf8, xlsxFromRows, SAMPLE_ROWS, zipBomb, zipParts } from '../../../test/hostile.ts';
import { ReadError, type ReadErrorCode } from './errors.ts';
import { inflateRaw } from './inflate.ts';
import { ZIP_LIMITS, openZip } from './zipGuard.ts';

vi.mock('./inflate.ts', async (original) => (await import('../../../test/probes.ts')).spying(await original<typeof import('./inflate.ts')>(), 'inflateRaw'));

function refused(f: () => unknown): { code: ReadErrorCode; detail?: string } {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ReadError);
    return (e as ReadError).info as { code: ReadErrorCode; detail?: string };
  }
  throw new Error('accepted');
}

const text = utf8('<sheetData>' + '<row><c><v>1</v></c></row>'.repeat(2000) + '</sheetData>');
const deflated = new Uint8Array(zlib.deflateRawSync(text));

describe('openZip: structure', () => {
  it('reads what SheetJS writes, and every part inflates to its declared size', () => {
    const bytes = xlsxFromRows(SAMPLE_ROWS);
    const zip = openZip(bytes);
    const expected = zipParts(bytes);
    expect(new Set(zip.entries.map((e) => e.name))).toEqual(new Set(expected.keys()));
    for (const e of zip.entries) expect(Buffer.from(zip.read(e)).equals(Buffer.from(expected.get(e.name)!))).toBe(true);
    expect(zip.totalSize).toBe([...expected.values()].reduce((n, p) => n + p.length, 0));
  });

  it('reads entries whose sizes follow in a data descriptor (streaming writers: Go, Java)', () => {
    const zip = openZip(buildZip([{ name: 'a.xml', data: deflated, method: 8, size: text.length, flags: 8, crc: crc32(text) }]));
    expect(zip.entries[0]).toMatchObject({ name: 'a.xml', size: text.length, compressedSize: deflated.length });
    expect(Buffer.from(zip.read(zip.entries[0])).equals(Buffer.from(text))).toBe(true);
  });

  it('reports a file cut before its central directory as truncated', () => {
    const bytes = xlsxFromRows(SAMPLE_ROWS);
    expect(refused(() => openZip(bytes.subarray(0, bytes.length - 30))).code).toBe('truncated');
    expect(refused(() => openZip(bytes.subarray(0, 100))).code).toBe('truncated');
  });

  it('refuses an entry whose local header disagrees with the central directory', () => {
    const lying = buildZip([{ name: 'a.xml', data: deflated, method: 8, size: text.length, localSize: text.length + 1 }]);
    expect(refused(() => openZip(lying))).toMatchObject({ code: 'truncated', detail: expect.stringContaining('local header') });
    const hugeLocal = buildZip([{ name: 'a.xml', data: deflated, method: 8, size: text.length, localSize: 0xfffffff0 }]);
    expect(refused(() => openZip(hugeLocal)).code).toBe('too-large');
  });

  it('refuses encrypted entries and unknown compression methods', () => {
    expect(refused(() => openZip(buildZip([{ name: 'a.xml', data: deflated, method: 8, size: text.length, flags: 1 }]))).code).toBe('encrypted');
    const deflate64 = buildZip([{ name: 'a.xml', data: deflated, method: 8, size: text.length }]);
    deflate64[8] = 9; // local method
    deflate64[deflate64.length - 22 - (46 + 5) + 10] = 9; // central directory method
    expect(refused(() => openZip(deflate64)).code).toBe('unsupported');
  });
});

describe('openZip: zip bombs', () => {
  it('refuses a part that declares more than 500 MB, before inflating anything', () => {
    vi.mocked(inflateRaw).mockClear();
    expect(refused(() => openZip(zipBomb()))).toMatchObject({ code: 'too-large', detail: expect.stringContaining('xl/worksheets/sheet1.xml inflates to') });
    expect(inflateRaw).not.toHaveBeenCalled();
  });

  it('refuses parts that declare more than 1 GB together', () => {
    const limits = { ...ZIP_LIMITS, maxEntrySize: 2 ** 40 };
    expect(refused(() => openZip(zipBomb(), limits))).toMatchObject({ code: 'too-large', detail: expect.stringContaining('in total') });
    // The same limits, scaled down, on real entries.
    const two = buildZip([
      { name: 'a.xml', data: deflated, method: 8, size: text.length },
      { name: 'b.xml', data: deflated, method: 8, size: text.length },
    ]);
    expect(() => openZip(two, { ...ZIP_LIMITS, maxTotalSize: 2 * text.length })).not.toThrow();
    expect(refused(() => openZip(two, { ...ZIP_LIMITS, maxTotalSize: 2 * text.length - 1 })).code).toBe('too-large');
    expect(refused(() => openZip(two, { ...ZIP_LIMITS, maxEntrySize: text.length - 1 })).code).toBe('too-large');
  });

  it('refuses a size faked small: less than the compressed data it comes from', () => {
    expect(refused(() => openZip(zipBomb({ lie: 'small' })))).toMatchObject({ code: 'too-large', detail: expect.stringContaining('faked small') });
  });

  it('refuses a plausible faked size as soon as inflating passes it (memory stays at the declared size)', () => {
    const zip = openZip(zipBomb({ lie: 'plausible' }));
    const sheet = zip.entries.find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
    expect(sheet.size).toBeLessThan(4 * 2 ** 20);
    vi.mocked(inflateRaw).mockClear();
    expect(refused(() => zip.read(sheet))).toMatchObject({ code: 'too-large', detail: expect.stringContaining('more than its declared') });
    // One inflate, into a buffer of the declared size, stopped where the data passed it.
    expect(vi.mocked(inflateRaw).mock.calls.map(([data, size]) => [data.length, size])).toEqual([[sheet.compressedSize, sheet.size]]);
    expect(vi.mocked(inflateRaw).mock.results[0]).toMatchObject({ type: 'throw', value: { kind: 'overflow' } });
  });

  it('refuses sizes deferred to a data descriptor just the same (the central directory is checked)', () => {
    expect(refused(() => openZip(zipBomb({ lie: 'descriptor' }))).code).toBe('too-large');
  });

  it('refuses a declared size the compressed data cannot hold (beyond DEFLATE’s 1:1032)', () => {
    const tiny = new Uint8Array(zlib.deflateRawSync(utf8('x')));
    expect(refused(() => openZip(buildZip([{ name: 'a.xml', data: tiny, method: 8, size: 50_000_000 }]))).code).toBe('truncated');
  });

  it('refuses overlapping entries (the non-recursive zip bomb construction)', () => {
    expect(refused(() => openZip(overlappingZip()))).toMatchObject({ code: 'too-large', detail: expect.stringContaining('overlap') });
  });

  it('refuses more than 10,000 entries', () => {
    expect(refused(() => openZip(manyEntriesZip(10001)))).toMatchObject({ code: 'too-large', detail: expect.stringContaining('10,001 entries') });
    expect(openZip(manyEntriesZip(100)).entries).toHaveLength(100);
  });

  it('refuses duplicate names (two parsers could pick different ones)', () => {
    const dup = buildZip([
      { name: 'a.xml', data: text, method: 0, size: text.length },
      { name: 'a.xml', data: text, method: 0, size: text.length },
    ]);
    expect(refused(() => openZip(dup)).code).toBe('truncated');
  });
});
