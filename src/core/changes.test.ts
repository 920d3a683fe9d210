import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Change, applyChanges, cellChange, revertChanges } from './changes.ts';
import { type CellSnapshot, type Workbook, getCell, getProvenance, newSheet, setCell } from './model.ts';

/** Every cell's full state and history: what "the same document" means. */
function contents(wb: Workbook): string {
  return JSON.stringify(
    wb.sheets.map((s) => {
      const cells = [];
      for (let r = 0; r < s.rowCount; r++) for (let c = 0; c < s.columns.length; c++) cells.push([getCell(s, r, c), getProvenance(s, r, c)]);
      return { id: s.id, rows: s.rowCount, cols: s.columns.length, merges: s.merges, cells };
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
) as fc.Arbitrary<CellSnapshot>;

describe('changes', () => {
  it('apply then revert restores every cell exactly, provenance included', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(5), fc.nat(3), snapshot), { maxLength: 40 }), (edits) => {
        const wb = workbook(6, 4);
        const before = contents(wb);
        const applied: Change[] = [];
        for (const [r, c, after] of edits) {
          const ch = cellChange(wb, 's1', r, c, after, 'edit');
          applyChanges(wb, [ch]);
          applied.push(ch);
        }
        revertChanges(wb, applied);
        expect(contents(wb)).toBe(before);
      }),
      { numRuns: 300 },
    );
  });

  it('records provenance per change and removes it on revert', () => {
    const wb = workbook(3, 3);
    const ch = cellChange(wb, 's1', 1, 1, { value: 5 }, 'number-as-text');
    applyChanges(wb, [ch]);
    expect(getProvenance(wb.sheets[0], 1, 1)).toEqual([{ ruleId: 'number-as-text', before: ch.before }]);
    expect(getCell(wb.sheets[0], 1, 1)).toEqual({ value: 5 });
    revertChanges(wb, [ch]);
    expect(getProvenance(wb.sheets[0], 1, 1)).toEqual([]);
    expect(getCell(wb.sheets[0], 1, 1)).toEqual(ch.before);
  });

  it('unknown sheets are an error, not a silent no-op', () => {
    const wb = workbook(2, 2);
    expect(() => applyChanges(wb, [{ kind: 'cell', sheetId: 'nope', r: 0, c: 0, before: { value: null }, after: { value: 1 }, ruleId: 'edit' }])).toThrow();
  });
});
