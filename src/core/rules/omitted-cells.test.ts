import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixtureView } from '../../../test/fixtureView.ts';
import { sheetFromRows, tableOf, viewOf } from '../../../test/sheets.ts';
import { cellAddress, rangeAddress } from '../model.ts';
import { rule } from './omitted-cells.ts';
import { findingsOf } from './findings.ts';

describe('omitted-cells', () => {
  it('ci-index.xlsx: both year columns hold the year only on the first month', () => {
    const view = fixtureView('ci-index.xlsx');
    const found = findingsOf(rule, view);
    // One finding per run of blanks under the same year: 4 runs in each column.
    expect(found).toHaveLength(8);
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
  });

  it('blank measurements are missing values, not omissions', () => {
    const sheet = sheetFromRows([
      ['地区', '人口'],
      ['北区', 100],
      [null, null],
      ['南区', null],
    ]);
    expect(findingsOf(rule, viewOf(sheet))).toEqual([]);
  });

  it('〃 and 同上 are omissions too', () => {
    const sheet = sheetFromRows([
      ['年', '月', '件数'],
      [2020, 1, 5],
      ['〃', 2, 6],
      ['同上', 3, 7],
    ]);
    const found = findingsOf(rule, viewOf(sheet, [tableOf(sheet, { headerRows: [0, 0], keyColumns: [0, 1] })]));
    expect(found.map((v) => [cellAddress(v.range.s.r, v.range.s.c), v.messageId])).toEqual([
      ['A3', 'ditto'],
      ['A4', 'ditto'],
    ]);
  });

  it.each(['population.xlsx', 'industry.xlsx', 'crushed-stone.xlsx', 'county-income.csv'])('%s has no omitted key cells', (name) => {
    expect(findingsOf(rule, fixtureView(name))).toEqual([]);
  });
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

describe('omitted-cells runs', () => {
  it('a run of blanks is one finding; a blank row, a ditto mark or a new value ends it', () => {
    const sheet = sheetFromRows([
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
    ]);
    const found = findingsOf(rule, viewOf(sheet, [tableOf(sheet, { headerRows: [0, 0], keyColumns: [0] })]));
    expect(found.map((v) => [rangeAddress(v.range), v.messageId, v.params?.above])).toEqual([
      ['A3:A4', 'blankRun', '平成22年'],
      ['A6:A6', 'blank', '平成22年'],
      ['A7:A7', 'ditto', '平成22年'],
      ['A8:A8', 'blank', '平成22年'],
      ['A10:A10', 'blank', '平成23年'],
    ]);
    // The fix fills every cell of each run from the value above it, and nothing else.
    const filled = rule.fix!(viewOf(sheet, [tableOf(sheet, { headerRows: [0, 0], keyColumns: [0] })]), {}).flatMap((ch) => (ch.kind === 'cell' ? [[cellAddress(ch.r, ch.c), ch.after.value]] : []));
    expect(filled).toEqual([
      ['A3', '平成22年'],
      ['A4', '平成22年'],
      ['A6', '平成22年'],
      ['A7', '平成22年'],
      ['A8', '平成22年'],
      ['A10', '平成23年'],
    ]);
  });
});
