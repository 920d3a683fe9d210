import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ruleTester } from '../../../test/ruleTester.ts';
import { sheetFromRows, viewOf } from '../../../test/sheets.ts';
import { cellAddress } from '../model.ts';
import { rule } from './omitted-cells.ts';

ruleTester(rule, {
  valid: [
    {
      name: 'blank measurements are missing values, not omissions',
      rows: [
        ['地区', '人口'],
        ['北区', 100],
        [null, null],
        ['南区', null],
      ],
    },
    ...['population.xlsx', 'industry.xlsx', 'crushed-stone.xlsx', 'county-income.csv'].map((fixture) => ({ name: `${fixture} has no omitted key cells`, fixture })),
  ],
  invalid: [
    {
      name: 'ci-index.xlsx: both year columns hold the year only on the first month',
      fixture: 'ci-index.xlsx',
      // One finding per run of blanks under the same year: 4 runs in each column.
      errors: 8,
      check(found, view) {
        const cells = found.flatMap((v) => Array.from({ length: v.range.e.r - v.range.s.r + 1 }, (_, i) => cellAddress(v.range.s.r + i, v.range.s.c)));
        // Every data row whose year cell is blank, in both the 和暦 (A) and 西暦 (B) columns; months (C) are all written.
        const expected: string[] = [];
        for (let r = 4; r < view.sheet.rowCount; r++) {
          for (const c of [0, 1]) if (view.sheet.columns[c].values[r] === null) expected.push(cellAddress(r, c));
        }
        expect(expected.length).toBeGreaterThan(20);
        expect(cells.sort()).toEqual(expected.sort());
        expect(found.find((v) => cellAddress(v.range.s.r, v.range.s.c) === 'A6')).toMatchObject({ messageId: 'blank', params: { above: '21' } });
        expect(found.find((v) => cellAddress(v.range.s.r, v.range.s.c) === 'B8')).toMatchObject({ messageId: 'blankRun', params: { range: 'B8:B18', count: 11, above: '2010' } });
      },
    },
    {
      name: '〃 and 同上 are omissions too',
      rows: [
        ['年', '月', '件数'],
        [2020, 1, 5],
        ['〃', 2, 6],
        ['同上', 3, 7],
      ],
      tables: [{ headerRows: [0, 0], keyColumns: [0, 1] }],
      errors: [
        { messageId: 'ditto', at: 'A3' },
        { messageId: 'ditto', at: 'A4' },
      ],
    },
    {
      name: 'a run of blanks is one finding; a blank row, a ditto mark or a new value ends it; the fix fills every cell of each run',
      rows: [
        ['年次', '地区', '人口'],
        ['平成22年', '北区', 1],
        [null, '南区', 2],
        [null, '東区', 3],
        [null, null, null], // a blank row: not an omission, and it ends the run
        [null, '西区', 4],
        ['〃', '中区', 5],
        [null, '北区', 6],
        ['平成23年', '南区', 7],
        [null, '東区', 8],
      ],
      tables: [{ headerRows: [0, 0], keyColumns: [0] }],
      errors: [
        { messageId: 'blankRun', at: 'A3:A4', paramsLike: { above: '平成22年' } },
        { messageId: 'blank', at: 'A6', paramsLike: { above: '平成22年' } },
        { messageId: 'ditto', at: 'A7', paramsLike: { above: '平成22年' } },
        { messageId: 'blank', at: 'A8', paramsLike: { above: '平成22年' } },
        { messageId: 'blank', at: 'A10', paramsLike: { above: '平成23年' } },
      ],
      output: {
        // The fix fills every cell of each run from the value above it, and nothing else.
        check: (_view, changes) =>
          expect(changes.flatMap((ch) => (ch.kind === 'cell' ? [[cellAddress(ch.r, ch.c), ch.after.value]] : []))).toEqual([
            ['A3', '平成22年'],
            ['A4', '平成22年'],
            ['A6', '平成22年'],
            ['A7', '平成22年'],
            ['A8', '平成22年'],
            ['A10', '平成23年'],
          ]),
      },
    },
  ],
});

describe('omitted-cells fix', () => {
  it('fills each blank or ditto key cell with the nearest written value above it (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant(null), fc.constant(null), fc.constant('〃'), fc.constantFrom('平成22年', '平成23年', '令和元年', '2019年')), { minLength: 2, maxLength: 60 }),
        (years) => {
          const rows: (string | number | null)[][] = [['年次', '地区', '人口']];
          years.forEach((y, i) => rows.push([i === 0 ? '平成21年' : y, `地区${i % 7}`, 100 + i]));
          const view = viewOf(sheetFromRows(rows));
          const changes = rule.fix!(view, {});
          // The oracle: walk up from each changed cell, past blanks and ditto marks.
          for (const ch of changes) {
            if (ch.kind !== 'cell') continue;
            let above = ch.r - 1;
            while (above >= 0 && (rows[above][ch.c] === null || rows[above][ch.c] === '〃')) above--;
            expect(ch.after.value, `row ${ch.r}`).toBe(rows[above][ch.c]);
          }
          // Every blank or ditto year cell below the first year is filled.
          const filled = new Set(changes.flatMap((ch) => (ch.kind === 'cell' && ch.c === 0 ? [ch.r] : [])));
          for (let r = 2; r < rows.length; r++) if (rows[r][0] === null || rows[r][0] === '〃') expect(filled.has(r), `row ${r}`).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('100,000 rows with a year every 25,000: every blank below a year is filled with it', () => {
    const rows: (string | number | null)[][] = [['年次', '地区', '人口']];
    for (let i = 0; i < 100_000; i++) rows.push([i % 25_000 === 0 ? `平成${22 + i / 25_000}年` : null, `地区${i % 7}`, 100 + (i % 50)]);
    const changes = rule.fix!(viewOf(sheetFromRows(rows)), {});
    expect(changes).toHaveLength(100_000 - 4);
    const last = changes[changes.length - 1];
    expect(last.kind === 'cell' && last.after.value).toBe('平成25年');
  });
});
