import fc from 'fast-check';
import { expect, it } from 'vitest';
import type { Column } from '../core/model.ts';
import { fixtureBytes } from '../../test/fixtures.ts';
import type { Change } from '../core/changes.ts';
import { fixAllInPlace } from '../core/fix/runFixes.ts';
import { readWorkbook } from '../core/io/read.ts';
import { buffersOf, joinSlices, packChanges, packColumn, pages, sliceColumn, sliceRanges, unpackChanges, unpackColumn } from './wire.ts';

it('a column cut into slices and joined again is the same column', () => {
  const cell = fc.oneof(fc.constant(null), fc.double({ noNaN: true }), fc.string());
  fc.assert(
    fc.property(fc.array(cell, { minLength: 0, maxLength: 300 }), fc.integer({ min: 1, max: 120 }), fc.boolean(), (values, size, sparse) => {
      const col: Column = { values };
      if (sparse) {
        col.formats = values.map((_, i) => (i % 3 === 0 ? 1 : 0));
        col.raw = values.map((_, i) => (i % 7 === 0 ? `r${i}` : undefined));
      }
      const parts: Column[] = [];
      for (let start = 0; start < values.length || start === 0; start += size) {
        parts.push(sliceColumn(col, start, Math.min(values.length, start + size)));
        if (values.length === 0) break;
      }
      const joined = joinSlices(parts, values.length);
      expect(joined.values).toEqual(values);
      if (sparse) {
        expect(joined.formats).toEqual(col.formats);
        expect(joined.raw).toEqual(col.raw);
      }
    }),
  );
});

it('ranges cover every row once', () => {
  expect(sliceRanges(250_001)).toEqual([
    [0, 100_000],
    [100_000, 200_000],
    [200_000, 250_001],
  ]);
  expect(sliceRanges(0)).toEqual([[0, 0]]);
  expect(pages(45_000)).toEqual([
    [0, 20_000],
    [20_000, 40_000],
    [40_000, 45_000],
  ]);
});

it('a packed column unpacks to the same values and per-cell arrays, -0 and text that looks like a number included', () => {
  const cell = fc.oneof(
    fc.constant(null),
    fc.double({ noNaN: true }),
    fc.integer(),
    fc.constantFrom(-0, 0, '', '0', '-0', '1.50'),
    fc.string(),
    fc.boolean(),
    fc.constantFrom({ error: '#N/A' }, { error: '#DIV/0!' }),
  );
  fc.assert(
    fc.property(fc.array(cell, { maxLength: 300 }), fc.boolean(), (values, sparse) => {
      const col: Column = { values };
      if (sparse) {
        col.formats = values.map((_, i) => i % 3);
        col.notes = values.map((_, i) => (i % 5 === 0 ? `注${i}` : undefined));
      }
      const packed = packColumn(col);
      // What the worker hands over and the main thread receives: a structured clone with the buffers moved.
      const received = structuredClone(packed, { transfer: buffersOf([packed]) });
      expect(packed.packed.kinds.byteLength).toBe(0); // moved, not copied
      const back = unpackColumn(received);
      expect(back.values).toEqual(values);
      expect(back.values.map((v) => Object.is(v, -0))).toEqual(values.map((v) => Object.is(v, -0)));
      expect(back.formats).toEqual(col.formats);
      expect(back.notes).toEqual(col.notes);
    }),
  );
});

/** What the main thread receives of a page of changes: packed, cloned with the buffers moved, unpacked. */
function across(changes: Change[]): Change[] {
  const { packed, buffers } = packChanges(changes);
  const received = structuredClone(packed, { transfer: buffers });
  expect(packed.r.byteLength).toBe(0);
  return unpackChanges(received);
}

it.each(['population.xlsx', 'ci-index.xlsx', 'crushed-stone.xlsx', 'industry.xlsx', 'county-income.csv', 'shelters-sjis.csv'])(
  '「すべて修正」 of %s crosses as exactly the same change list (order, snapshots, rows, merges, metadata)',
  (name) => {
    const { workbook } = readWorkbook(fixtureBytes(name), name);
    const { changes } = fixAllInPlace(workbook);
    expect(changes.length).toBeGreaterThan(0);
    expect(across(changes)).toStrictEqual(changes);
  },
);

it('cell changes keep every snapshot field, -0 and text that looks like a number', () => {
  const value = fc.oneof(fc.constant(null), fc.double({ noNaN: true }), fc.constantFrom(-0, '', '-0', '1.50'), fc.string(), fc.boolean(), fc.constant({ error: '#N/A' }));
  const snapshot = fc.record(
    { value, format: fc.constantFrom('#,##0', '0.0'), raw: fc.string(), formula: fc.string(), note: fc.string() },
    { requiredKeys: ['value'] },
  );
  const cellChange = fc.record({
    kind: fc.constant('cell' as const),
    sheetId: fc.constantFrom('s1', 's2'),
    r: fc.nat(1_000_000),
    c: fc.nat(16_383),
    before: snapshot,
    after: snapshot,
    ruleId: fc.constantFrom('wareki', 'omitted-cells', 'edit'),
  });
  const metaChange = fc.record({ kind: fc.constant('meta' as const), sheetId: fc.constant('s1'), before: fc.constant({ notes: [] }), after: fc.constant({ notes: [], caption: '表' }), ruleId: fc.constant('units') });
  fc.assert(
    fc.property(fc.array(fc.oneof(cellChange, cellChange, metaChange), { maxLength: 60 }), (generated) => {
      const changes = structuredClone(generated) as Change[]; // plain objects, as the worker has them
      expect(across(changes)).toStrictEqual(changes);
    }),
  );
});
