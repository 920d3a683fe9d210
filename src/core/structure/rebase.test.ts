import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Change } from '../changes.ts';
import { rebaseOverride, rebaseStructure } from './rebase.ts';
import type { SheetStructure, TableStructure } from './types.ts';

const table = (over: Partial<TableStructure> = {}): TableStructure => ({
  id: 't1',
  range: { s: { r: 0, c: 0 }, e: { r: 9, c: 3 } },
  captionRows: [0],
  headerRows: { start: 2, end: 3 },
  unitRows: [3],
  dataRows: { start: 4, end: 8 },
  noteRows: [9],
  columns: { start: 0, end: 3 },
  columnInfo: [0, 1, 2, 3].map((c) => ({ c, kind: c === 0 ? 'text' : 'number', key: c === 0, headerPath: [] })),
  confidence: 0.9,
  reasons: [],
  ...over,
});

const sheetOf = (...tables: TableStructure[]): SheetStructure => ({ sheetId: 's1', tables, overridden: false });
const rows = (op: 'delete' | 'insert', start: number, count: number): Change => ({
  kind: 'rows',
  sheetId: 's1',
  op,
  start,
  rows: Array.from({ length: count }, () => ({ cells: [], hidden: false })),
  ruleId: 'x',
});
const cols = (op: 'delete' | 'insert', start: number, count: number): Change => ({
  kind: 'columns',
  sheetId: 's1',
  op,
  start,
  columns: Array.from({ length: count }, () => ({ column: { values: [] }, hidden: false })),
  ruleId: 'x',
});

describe('rebaseStructure', () => {
  it('moves the bands up when the caption rows above are deleted', () => {
    const [t] = rebaseStructure(sheetOf(table()), rows('delete', 0, 2)).tables;
    expect(t.captionRows).toEqual([]);
    expect(t.headerRows).toEqual({ start: 0, end: 1 });
    expect(t.unitRows).toEqual([1]);
    expect(t.dataRows).toEqual({ start: 2, end: 6 });
    expect(t.noteRows).toEqual([7]);
    expect(t.range.s.r).toBe(0);
    expect(t.range.e.r).toBe(7);
  });

  it('shrinks the header to the row a flattening keeps', () => {
    const [t] = rebaseStructure(sheetOf(table({ unitRows: [] })), rows('delete', 3, 1)).tables;
    expect(t.headerRows).toEqual({ start: 2, end: 2 });
    expect(t.dataRows).toEqual({ start: 3, end: 7 });
  });

  it('drops a table whose rows are all deleted and keeps the other', () => {
    const lower = table({ id: 't2', range: { s: { r: 11, c: 0 }, e: { r: 15, c: 3 } }, captionRows: [], headerRows: { start: 11, end: 11 }, unitRows: [], dataRows: { start: 12, end: 15 }, noteRows: [] });
    const out = rebaseStructure(sheetOf(table(), lower), rows('delete', 10, 6));
    expect(out.tables.map((t) => t.id)).toEqual(['t1']);
  });

  it('drops a side-by-side table whose columns are deleted, and moves column info with the columns', () => {
    const right = table({ id: 't2', range: { s: { r: 0, c: 5 }, e: { r: 9, c: 7 } }, columns: { start: 5, end: 7 }, columnInfo: [5, 6, 7].map((c) => ({ c, kind: 'number', key: false, headerPath: [] })) });
    const out = rebaseStructure(sheetOf(table(), right), cols('delete', 4, 4));
    expect(out.tables.map((t) => t.id)).toEqual(['t1']);
    const shifted = rebaseStructure(sheetOf(table({ columnInfo: table().columnInfo.map((ci) => (ci.c === 3 ? { ...ci, duplicateOf: 0 } : ci)) })), cols('delete', 0, 1));
    expect(shifted.tables[0].columns).toEqual({ start: 0, end: 2 });
    expect(shifted.tables[0].columnInfo.map((ci) => ci.c)).toEqual([0, 1, 2]);
    expect(shifted.tables[0].columnInfo[2].duplicateOf).toBeUndefined();
  });

  it('gives a column inserted inside the table the role of the column left of it', () => {
    const [t] = rebaseStructure(sheetOf(table()), cols('insert', 1, 1)).tables;
    expect(t.columns).toEqual({ start: 0, end: 4 });
    expect(t.columnInfo.map((ci) => [ci.c, ci.key])).toEqual([
      [0, true],
      [1, true],
      [2, false],
      [3, false],
      [4, false],
    ]);
  });

  it('keeps every surviving row in its role, wherever the deletion falls (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 1, max: 5 }), (start, count) => {
        const before = table();
        const after = rebaseStructure(sheetOf(before), rows('delete', start, count)).tables[0];
        const roleOf = (t: TableStructure | undefined, r: number) =>
          !t ? 'gone' : t.captionRows.includes(r) ? 'caption' : t.unitRows.includes(r) ? 'unit' : r >= t.headerRows.start && r <= t.headerRows.end ? 'header' : r >= t.dataRows.start && r <= t.dataRows.end ? 'data' : t.noteRows.includes(r) ? 'note' : 'none';
        for (let r = 0; r < 10; r++) {
          if (r >= start && r < start + count) continue;
          const moved = r >= start + count ? r - count : r;
          if (after) expect(roleOf(after, moved)).toBe(roleOf(before, r));
        }
      }),
    );
  });
});

describe('rebaseOverride', () => {
  it('moves a corrected header with the rows deleted above it', () => {
    const o = { sheetId: 's1', table: 0, headerRows: { start: 7, end: 8 } };
    expect(rebaseOverride(o, rows('delete', 0, 5))?.headerRows).toEqual({ start: 2, end: 3 });
    expect(rebaseOverride(o, rows('delete', 8, 1))?.headerRows).toEqual({ start: 7, end: 7 });
  });

  it('is gone when the rows it names are all deleted', () => {
    const o = { sheetId: 's1', table: 0, range: { s: { r: 3, c: 0 }, e: { r: 5, c: 2 } } };
    expect(rebaseOverride(o, rows('delete', 2, 5))).toBeUndefined();
  });
});
