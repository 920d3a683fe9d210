import { unzipSync } from 'fflate';
import { CFB } from 'xlsx';
import { describe, expect, it } from 'vitest';
import { makeZip } from './zip.ts';

const enc = (s: string) => new TextEncoder().encode(s);

/** Local headers from the start of the archive: name, flags, DOS time and date. */
function localHeaders(zip: Uint8Array): { name: string; flags: number; time: number; date: number; method: number }[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const out = [];
  let p = 0;
  while (view.getUint32(p, true) === 0x04034b50) {
    const n = view.getUint16(p + 26, true);
    out.push({
      name: new TextDecoder().decode(zip.subarray(p + 30, p + 30 + n)),
      flags: view.getUint16(p + 6, true),
      method: view.getUint16(p + 8, true),
      time: view.getUint16(p + 10, true),
      date: view.getUint16(p + 12, true),
    });
    p += 30 + n + view.getUint16(p + 28, true) + view.getUint32(p + 18, true);
  }
  return out;
}

describe('makeZip', () => {
  const files = [
    { name: '2-2 都道府県別人口と人口増加率.csv', bytes: enc('\uFEFF@Caption,x\r\n'.repeat(200)) },
    { name: '2-2 都道府県別人口と人口増加率.csv-metadata.json', bytes: enc('{"@context":"http://www.w3.org/ns/csvw"}\n') },
    { name: 'recipe.json', bytes: Uint8Array.from([0, 1, 2, 255, 254]) },
    { name: 'data/inner.txt', bytes: enc('folder') },
    { name: '空.txt', bytes: new Uint8Array(0) },
  ];

  for (const compression of [true, false]) {
    it(`reads back whole (compression ${compression}), Japanese names and the empty file intact`, () => {
      const zip = makeZip(files, { compression, date: new Date(2024, 3, 1, 12, 30, 10) });
      expect([...zip.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
      const back = unzipSync(zip);
      expect(Object.keys(back).sort()).toEqual(files.map((f) => f.name).sort());
      for (const f of files) expect(back[f.name]).toEqual(f.bytes);
      expect(localHeaders(zip).every((h) => h.method === (compression ? 8 : 0) || (h.name === '空.txt' && h.method === 0))).toBe(true);
    });
  }

  it('SheetJS reads it too (the reader the app uses for xlsx), names as UTF-8 bytes', () => {
    const cfb = CFB.read(makeZip(files), { type: 'array' }) as { FullPaths: string[]; FileIndex: { type: number; content?: ArrayLike<number> }[] };
    const names = cfb.FullPaths.filter((_, i) => cfb.FileIndex[i].type === 2).map((p) => new TextDecoder().decode(Uint8Array.from(p.replace(/^[^/]*\//, ''), (ch) => ch.charCodeAt(0))));
    expect(names).toContain('2-2 都道府県別人口と人口増加率.csv');
  });

  it('marks UTF-8 names (flag bit 11) and writes the modification time', () => {
    const zip = makeZip([{ name: '表.csv', bytes: enc('a') }, { name: 'a.json', bytes: enc('{}') }], { date: new Date(2024, 3, 1, 12, 30, 10) });
    const time = (12 << 11) | (30 << 5) | 5;
    const date = ((2024 - 1980) << 9) | (4 << 5) | 1;
    expect(localHeaders(zip).sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: 'a.json', flags: 0, method: 8, time, date },
      { name: '表.csv', flags: 0x0800, method: 8, time, date },
    ]);
  });

  it('a date a ZIP cannot hold is clamped, not refused', () => {
    const [h] = localHeaders(makeZip([{ name: 'a', bytes: enc('1') }], { date: new Date(1970, 0, 1) }));
    expect(h.date).toBe((0 << 9) | (1 << 5) | 1);
  });

  it('refuses duplicate names and empty names', () => {
    expect(() => makeZip([{ name: 'a', bytes: enc('1') }, { name: 'a', bytes: enc('2') }])).toThrow(/duplicate/);
    expect(() => makeZip([{ name: '', bytes: enc('1') }])).toThrow(/not a file name/);
    expect(() => makeZip([{ name: 'dir/', bytes: enc('1') }])).toThrow(/not a file name/);
  });
});
