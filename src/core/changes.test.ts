import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sheetFromRows } from '../../test/sheets.ts';
import {
  type Change,
  applyChanges,
  applyChangesInPieces,
  cellChange,
  deleteColumnsChange,
  deleteRowsChange,
  hiddenChange,
  metaChange,
  removeMergeChange,
  reshapedSheets,
  revertChanges,
} from './changes.ts';
import { type CellRange, type CellSnapshot, type Workbook, emptyMeta, getCell, getProvenance, newSheet, setCell } from './model.ts';

/** Every cell's full state and history, merges, hidden marks, metadata: "the same document". */
function contents(wb: Workbook): string {
  return JSON.stringify(
    wb.sheets.map((s) => {
      const cells = [];
      for (let r = 0; r < s.rowCount; r++) for (let c = 0; c < s.columns.length; c++) cells.push([getCell(s, r, c), getProvenance(s, r, c), s.columns[c].fills?.[r]]);
      const merges = [...s.merges].sort((a, b) => a.s.r - b.s.r || a.s.c - b.s.c);
      return { id: s.id, rows: s.rowCount, cols: s.columns.length, merges, hiddenRows: s.hiddenRows, hiddenCols: s.hiddenCols, meta: s.meta, cells };
    }),
  );
}

function workbook(rows: number, cols: number): Workbook {
  const sheet = newSheet('s1', 'S', rows, cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) if ((r + c) % 3 !== 0) setCell(sheet, r, c, { value: r * 10 + c, format: c === 1 ? '#,##0' : undefined });
  setCell(sheet, 0, 0, { value: 'caption', formula: 'A2&"x"' });
  return { source: { fileName: 't.xlsx', format: 'xlsx', byteLength: 0 }, date1904: false, sheets: [sheet] };
}

const snapshot = fc.oneof(
  fc.record({ value: fc.oneof(fc.double({ noNaN: true }), fc.string(), fc.boolean(), fc.constant(null)) }),
  fc.record({ value: fc.integer(), format: fc.constantFrom('#,##0', '0.0', '[$-411]ge.m.d') }),
  fc.record({ value: fc.double({ noNaN: true }), raw: fc.constantFrom('1.50', '-0.0') }),
  fc.record({ value: fc.string(), note: fc.constantFrom('a)', '約', '※1') }),
) as fc.Arbitrary<CellSnapshot>;

/** Random non-overlapping merges on a rows × cols sheet. */
function randomMerges(rows: number, cols: number) {
  return fc.array(fc.tuple(fc.nat(rows - 1), fc.nat(cols - 1), fc.nat(3), fc.nat(2)), { maxLength: 6 }).map((list) => {
    const merges: CellRange[] = [];
    for (const [r, c, h, w] of list) {
      const m = { s: { r, c }, e: { r: Math.min(rows - 1, r + h), c: Math.min(cols - 1, c + w) } };
      if (m.e.r === m.s.r && m.e.c === m.s.c) continue;
      if (merges.some((x) => x.s.r <= m.e.r && m.s.r <= x.e.r && x.s.c <= m.e.c && m.s.c <= x.e.c)) continue;
      merges.push(m);
    }
    return merges;
  });
}

type Op =
  | { op: 'cell'; r: number; c: number; after: CellSnapshot }
  | { op: 'unmerge'; i: number }
  | { op: 'deleteRows'; start: number; count: number }
  | { op: 'deleteColumns'; start: number; count: number }
  | { op: 'hide'; rows: number[]; cols: number[] }
  | { op: 'meta'; caption: string };

const ops = fc.array(
  fc.oneof(
    fc.record({ op: fc.constant('cell' as const), r: fc.nat(9), c: fc.nat(5), after: snapshot }),
    fc.record({ op: fc.constant('unmerge' as const), i: fc.nat(5) }),
    fc.record({ op: fc.constant('deleteRows' as const), start: fc.nat(9), count: fc.integer({ min: 1, max: 3 }) }),
    fc.record({ op: fc.constant('deleteColumns' as const), start: fc.nat(5), count: fc.integer({ min: 1, max: 2 }) }),
    fc.record({ op: fc.constant('hide' as const), rows: fc.array(fc.nat(9), { maxLength: 3 }), cols: fc.array(fc.nat(5), { maxLength: 2 }) }),
    fc.record({ op: fc.constant('meta' as const), caption: fc.string() }),
  ) as fc.Arbitrary<Op>,
  { maxLength: 25 },
);

describe('changes', () => {
  it('any sequence of cell and structural changes, reverted, gives back the exact document', () => {
    fc.assert(
      fc.property(randomMerges(10, 6), ops, (merges, list) => {
        const wb = workbook(10, 6);
        wb.sheets[0].merges = merges;
        wb.sheets[0].hiddenRows = [2];
        wb.sheets[0].columns[1].fills = new Array(10).fill(undefined).map((_, i) => (i === 3 ? 'FFFF00' : undefined));
        const before = contents(wb);
        const applied: Change[] = [];
        const sheet = () => wb.sheets[0];
        for (const o of list) {
          let ch: Change | undefined;
          const s = sheet();
          if (o.op === 'cell' && o.r < s.rowCount && o.c < s.columns.length) ch = cellChange(wb, 's1', o.r, o.c, o.after, 'edit');
          if (o.op === 'unmerge' && s.merges[o.i]) ch = removeMergeChange(s, s.merges[o.i], 'merged-cells');
          if (o.op === 'deleteRows' && o.start + o.count <= s.rowCount && !s.merges.some((m) => m.e.r >= o.start && m.s.r < o.start + o.count)) {
            ch = deleteRowsChange(s, o.start, o.count, 'caption-notes');
          }
          if (o.op === 'deleteColumns' && o.start + o.count <= s.columns.length && !s.merges.some((m) => m.e.c >= o.start && m.s.c < o.start + o.count)) {
            ch = deleteColumnsChange(s, o.start, o.count, 'one-table');
          }
          if (o.op === 'hide') ch = hiddenChange(s, { rows: o.rows.filter((r) => r < s.rowCount), cols: o.cols.filter((c) => c < s.columns.length) }, 'hidden');
          if (o.op === 'meta') ch = metaChange(s, { ...emptyMeta(), caption: o.caption }, 'caption-notes');
          if (!ch) continue;
          applyChanges(wb, [ch]);
          applied.push(ch);
        }
        revertChanges(wb, applied);
        expect(contents(wb)).toBe(before);
      }),
      { numRuns: 400 },
    );
  });

  it('deleting rows shifts the merges and hidden rows below them', () => {
    const sheet = sheetFromRows([['cap'], [], ['h1', 'h2'], ['a', 1], ['b', 2]], { merges: ['A3:B3'], hiddenRows: [4] });
    const wb: Workbook = { source: { fileName: 't', format: 'xlsx', byteLength: 0 }, date1904: false, sheets: [sheet] };
    const ch = deleteRowsChange(sheet, 0, 2, 'caption-notes');
    applyChanges(wb, [ch]);
    expect(sheet.rowCount).toBe(3);
    expect(sheet.merges).toEqual([{ s: { r: 0, c: 0 }, e: { r: 0, c: 1 } }]);
    expect(sheet.hiddenRows).toEqual([2]);
    expect(getCell(sheet, 0, 0)).toEqual({ value: 'h1' });
  });

  it('refuses to delete rows that a merge crosses', () => {
    const sheet = sheetFromRows([['a'], ['b']], { merges: ['A1:A2'] });
    const wb: Workbook = { source: { fileName: 't', format: 'xlsx', byteLength: 0 }, date1904: false, sheets: [sheet] };
    expect(() => applyChanges(wb, [deleteRowsChange(sheet, 1, 1, 'x')])).toThrow(/merge/);
  });

  it('records provenance per cell change and removes it on revert', () => {
    const wb = workbook(3, 3);
    const ch = cellChange(wb, 's1', 1, 1, { value: 5 }, 'number-as-text');
    applyChanges(wb, [ch]);
    expect(getProvenance(wb.sheets[0], 1, 1)).toEqual([{ ruleId: 'number-as-text', before: ch.before }]);
    revertChanges(wb, [ch]);
    expect(getProvenance(wb.sheets[0], 1, 1)).toEqual([]);
    expect(getCell(wb.sheets[0], 1, 1)).toEqual(ch.before);
  });

  it('adding and removing sheets', () => {
    const wb = workbook(2, 2);
    const extra = newSheet('s2', 'T', 1, 1);
    const add: Change = { kind: 'sheet', op: 'add', afterId: 's1', sheet: extra, ruleId: 'one-table' };
    applyChanges(wb, [add]);
    expect(wb.sheets.map((s) => s.id)).toEqual(['s1', 's2']);
    revertChanges(wb, [add]);
    expect(wb.sheets.map((s) => s.id)).toEqual(['s1']);
  });

  it('a list that cannot be applied whole is not applied at all', () => {
    const wb = workbook(4, 3);
    wb.sheets[0].merges = [{ s: { r: 2, c: 0 }, e: { r: 3, c: 0 } }];
    const before = contents(wb);
    const sheet = wb.sheets[0];
    const list: Change[] = [
      cellChange(wb, 's1', 0, 1, { value: 'x' }, 'edit'),
      metaChange(sheet, { ...emptyMeta(), caption: 'c' }, 'caption-notes'),
      deleteRowsChange(sheet, 0, 1, 'caption-notes'),
      // Rows 2–3 are merged: this one throws after three changes went in.
      deleteRowsChange(sheet, 2, 1, 'caption-notes'),
    ];
    expect(() => applyChanges(wb, list)).toThrow(/merge/);
    expect(contents(wb)).toBe(before);
  });

  it('reshaped sheets: shape changes and sheets added count, cell edits do not, metadata only when asked', () => {
    const wb = workbook(3, 3);
    const sheet = wb.sheets[0];
    const extra = newSheet('s2', 'T', 1, 1);
    const cell = cellChange(wb, 's1', 0, 0, { value: 1 }, 'edit');
    const meta = metaChange(sheet, emptyMeta(), 'meta');
    const hidden = hiddenChange(sheet, { rows: [1], cols: [] }, 'hidden');
    const add: Change = { kind: 'sheet', op: 'add', afterId: 's1', sheet: extra, ruleId: 'one-table' };
    expect([...reshapedSheets([cell, meta])]).toEqual([]);
    expect([...reshapedSheets([cell, meta], { withMeta: true })]).toEqual(['s1']);
    expect([...reshapedSheets([hidden])]).toEqual(['s1']);
    expect([...reshapedSheets([cell, add])]).toEqual(['s2']);
  });

  it('a long list applied in pieces that fails in a later piece leaves the document as it was', async () => {
    const wb = workbook(4, 3);
    wb.sheets[0].merges = [{ s: { r: 2, c: 0 }, e: { r: 3, c: 0 } }];
    const before = contents(wb);
    const list: Change[] = [0, 1, 2].map((c) => cellChange(wb, 's1', 0, c, { value: `x${c}` }, 'edit'));
    list.push(cellChange(wb, 's1', 1, 0, { value: 'y' }, 'edit'), deleteRowsChange(wb.sheets[0], 2, 1, 'caption-notes'));
    let pauses = 0;
    await expect(applyChangesInPieces(wb, list, 2, async () => void pauses++)).rejects.toThrow(/merge/);
    expect(pauses).toBe(2);
    expect(contents(wb)).toBe(before);
  });
});
