import { describe, expect, it } from 'vitest';
import { countingView } from '../../../../test/workCount.ts';
import { sheetFromRows, viewOf } from '../../../../test/sheets.ts';
import { forEachText } from './textCells.ts';

describe('forEachText', () => {
  const sheet = sheetFromRows([
    ['地区', '人口', '世帯'],
    ['東区', 1200, '1,300'],
    ['西区', 900, 400],
    [null, 'x', 3],
  ]);

  it('visits the text cells row by row, left to right', () => {
    const seen: [number, number][] = [];
    forEachText(viewOf(sheet), (r, c) => seen.push([r, c]));
    expect(seen).toEqual([
      [0, 0], [0, 1], [0, 2],
      [1, 0], [1, 2],
      [2, 0],
      [3, 1],
    ]);
  });

  it('reads the sheet once per view, however many fixes visit it', () => {
    const { view, steps } = countingView(viewOf(sheet));
    forEachText(view, () => {});
    const once = steps();
    expect(once).toBeGreaterThan(0);
    for (let i = 0; i < 5; i++) forEachText(view, () => {});
    expect(steps()).toBe(once);
  });

  it('a view built after a change sees the sheet as it is then', () => {
    const copy = sheetFromRows([['a', 1], [2, 'b']]);
    const before: number[] = [];
    forEachText(viewOf(copy), (r, c) => before.push(r * 10 + c));
    copy.columns[0].values[1] = 'two';
    const after: number[] = [];
    forEachText(viewOf(copy), (r, c) => after.push(r * 10 + c));
    expect(before).toEqual([0, 11]);
    expect(after).toEqual([0, 10, 11]);
  });
});
