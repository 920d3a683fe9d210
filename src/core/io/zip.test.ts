import { CFB } from 'xlsx';
import { describe, expect, it } from 'vitest';
import { makeZip } from './zip.ts';

interface CfbEntry {
  name: string;
  type: number;
  content?: ArrayLike<number>;
}

/** Entries of a ZIP as SheetJS reads them: name bytes decoded as UTF-8 → bytes. */
function readZip(zip: Uint8Array): Map<string, Uint8Array> {
  const cfb = CFB.read(zip, { type: 'array' }) as { FullPaths: string[]; FileIndex: CfbEntry[] };
  const out = new Map<string, Uint8Array>();
  cfb.FileIndex.forEach((e, i) => {
    if (e.type !== 2 || !e.content || e.name === '\u0001Sh33tJ5') return; // CFB's own placeholder, not in the archive
    const path = cfb.FullPaths[i].replace(/^[^/]*\//, '');
    const name = new TextDecoder().decode(Uint8Array.from(path, (ch) => ch.charCodeAt(0)));
    out.set(name, Uint8Array.from(e.content));
  });
  return out;
}

const enc = (s: string) => new TextEncoder().encode(s);

describe('makeZip', () => {
  const files = [
    { name: '2-2 都道府県別人口と人口増加率.csv', bytes: enc('\uFEFF@Caption,x\r\n'.repeat(200)) },
    { name: '2-2 都道府県別人口と人口増加率.csv-metadata.json', bytes: enc('{"@context":"http://www.w3.org/ns/csvw"}\n') },
    { name: 'recipe.json', bytes: Uint8Array.from([0, 1, 2, 255, 254]) },
    { name: 'data/inner.txt', bytes: enc('folder') },
  ];

  for (const compression of [true, false]) {
    it(`reads back with XLSX.CFB.read (compression ${compression}), Japanese names intact`, () => {
      const zip = makeZip(files, { compression, date: new Date(2024, 3, 1, 12, 30, 10) });
      expect([...zip.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
      const back = readZip(zip);
      expect([...back.keys()].sort()).toEqual(files.map((f) => f.name).sort());
      for (const f of files) expect(back.get(f.name)).toEqual(f.bytes);
    });
  }

  it('marks UTF-8 names (flag bit 11) and writes the modification time in both headers', () => {
    const zip = makeZip([{ name: '表.csv', bytes: enc('a') }, { name: 'a.json', bytes: enc('{}') }], { date: new Date(2024, 3, 1, 12, 30, 10) });
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    const time = (12 << 11) | (30 << 5) | 5;
    const date = ((2024 - 1980) << 9) | (4 << 5) | 1;
    let p = 0;
    const local: { flags: number; name: string }[] = [];
    while (view.getUint32(p, true) === 0x04034b50) {
      const n = view.getUint16(p + 26, true);
      local.push({ flags: view.getUint16(p + 6, true), name: new TextDecoder().decode(zip.subarray(p + 30, p + 30 + n)) });
      expect(view.getUint16(p + 10, true)).toBe(time);
      expect(view.getUint16(p + 12, true)).toBe(date);
      p += 30 + n + view.getUint16(p + 28, true) + view.getUint32(p + 18, true);
    }
    expect(local.sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { flags: 0, name: 'a.json' },
      { flags: 0x0800, name: '表.csv' },
    ]);
    const cd = view.getUint32(zip.length - 22 + 16, true);
    expect(view.getUint32(cd, true)).toBe(0x02014b50);
    expect(view.getUint16(cd + 14, true)).toBe(date);
  });

  it('refuses duplicate names, empty names and empty files', () => {
    expect(() => makeZip([{ name: 'a', bytes: enc('1') }, { name: 'a', bytes: enc('2') }])).toThrow(/duplicate/);
    expect(() => makeZip([{ name: '', bytes: enc('1') }])).toThrow(/not a file name/);
    expect(() => makeZip([{ name: 'a', bytes: new Uint8Array(0) }])).toThrow(/empty/);
  });
});
