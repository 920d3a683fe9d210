import { describe, expect, it } from 'vitest';
import { fixtureBytes } from '../../../test/fixtures.ts';
import { sheetFromRows, tableOf, viewOf } from '../../../test/sheets.ts';
import { readWorkbook } from '../io/read.ts';
import { cellAddress } from '../model.ts';
import { MAX_RECTS, styleMeaningRule } from './style-meaning.ts';
import type { Violation } from './types.ts';
import { findingsOf } from './findings.ts';
import { messagesOf } from '../../../test/ruleHarness.ts';

/** A header row and `rows` data rows of `cols` numbers. */
function grid(rows: number, cols: number): (string | number)[][] {
  const out: (string | number)[][] = [Array.from({ length: cols }, (_, c) => `h${c}`)];
  for (let r = 0; r < rows; r++) out.push(Array.from({ length: cols }, (_, c) => r * cols + c));
  return out;
}

function fills(addrs: string[], colour: string): Record<string, string> {
  return Object.fromEntries(addrs.map((a) => [a, colour]));
}

function summary(vs: Violation[]) {
  return vs.map((v) => [v.messageId, v.params?.range, v.params?.colour, v.params?.count]);
}

describe('style-meaning', () => {
  it('has the agreed meta', () => {
    expect(styleMeaningRule.meta).toMatchObject({ id: 'style-meaning', level: 2, severity: 'info', family: 'source', guideRef: { other: '内閣官房 公開ルール' } });
    expect(styleMeaningRule.scope).toBe('sheet');
    expect(styleMeaningRule.fix).toBeUndefined(); // warn only
  });

  it('reports nothing without fills', () => {
    const sheet = sheetFromRows(grid(5, 3));
    expect(findingsOf(styleMeaningRule, viewOf(sheet))).toEqual([]);
  });

  it('reports a single highlighted cell (a maximum) once', () => {
    const sheet = sheetFromRows(grid(5, 3), { fills: { C4: 'FFFF00' } });
    const vs = findingsOf(styleMeaningRule, viewOf(sheet));
    expect(vs).toEqual([
      {
        ruleId: 'style-meaning',
        sheetId: 's1',
        range: { s: { r: 3, c: 2 }, e: { r: 3, c: 2 } },
        messageId: 'fill',
        params: { colour: 'FFFF00', range: 'C4:C4', count: 1 },
      },
    ]);
  });

  it('ignores fills in caption, header and note rows', () => {
    const rows: (string | number | null)[][] = [['表題'], ...grid(3, 3), ['注']];
    const sheet = sheetFromRows(rows, { fills: { A1: 'FF0000', A2: 'D7E4BD', B2: 'D7E4BD', C2: 'D7E4BD', A6: 'FF0000' } });
    const t = tableOf(sheet, { captionRows: [0], headerRows: [1, 1], dataRows: [2, 4], noteRows: [5] });
    expect(findingsOf(styleMeaningRule, viewOf(sheet, [t]))).toEqual([]);
  });

  it('groups a coloured run in a column, a coloured row and a block into one finding each', () => {
    const sheet = sheetFromRows(grid(10, 4), {
      fills: {
        ...fills(['B3', 'B4', 'B5'], 'FFC7CE'), // vertical run
        ...fills(['A8', 'B8', 'C8', 'D8'], 'C6EFCE'), // a whole row (a 合計 line)
        ...fills(['C2', 'D2', 'C3', 'D3'], 'BFBFBF'), // a 2×2 block of estimates
      },
    });
    const vs = findingsOf(styleMeaningRule, viewOf(sheet));
    // In reading order.
    expect(summary(vs)).toEqual([
      ['fill', 'C2:D3', 'BFBFBF', 4],
      ['fill', 'B3:B5', 'FFC7CE', 3],
      ['fill', 'A8:D8', 'C6EFCE', 4],
    ]);
  });

  it('keeps runs of one colour apart when they are not adjacent', () => {
    const sheet = sheetFromRows(grid(6, 3), { fills: fills(['B2', 'B4', 'C4'], 'FFFF00') });
    expect(summary(findingsOf(styleMeaningRule, viewOf(sheet)))).toEqual([
      ['fill', 'B2:B2', 'FFFF00', 1],
      ['fill', 'B4:C4', 'FFFF00', 2],
    ]);
  });

  it('ignores one colour over the whole data region', () => {
    const addrs: string[] = [];
    for (let r = 2; r <= 6; r++) for (const c of 'ABC') addrs.push(`${c}${r}`);
    const sheet = sheetFromRows(grid(5, 3), { fills: fills(addrs, 'F2F2F2') });
    expect(findingsOf(styleMeaningRule, viewOf(sheet))).toEqual([]);
  });

  it('treats the dominant colour of a fully filled region as the background and reports the rest', () => {
    const all: Record<string, string> = {};
    for (let r = 2; r <= 6; r++) for (const c of 'ABC') all[`${c}${r}`] = 'F2F2F2';
    all.B4 = 'FF0000';
    const sheet = sheetFromRows(grid(5, 3), { fills: all });
    expect(summary(findingsOf(styleMeaningRule, viewOf(sheet)))).toEqual([['fill', 'B4:B4', 'FF0000', 1]]);
  });

  it('reports alternate row colours (banding) once per table', () => {
    const f: Record<string, string> = {};
    for (let r = 3; r <= 21; r += 2) for (const c of 'ABCD') f[`${c}${r}`] = 'DDEBF7';
    const sheet = sheetFromRows(grid(20, 4), { fills: f });
    const vs = findingsOf(styleMeaningRule, viewOf(sheet));
    expect(vs).toHaveLength(1);
    expect(vs[0]).toMatchObject({ messageId: 'banding', range: { s: { r: 1, c: 0 }, e: { r: 20, c: 3 } }, params: { colour: 'DDEBF7', range: 'A2:D21' } });
  });

  it('reports two-colour banding once, and a highlight on top of it separately', () => {
    const f: Record<string, string> = {};
    for (let r = 2; r <= 13; r++) for (const c of 'ABC') f[`${c}${r}`] = r % 2 ? 'FFFFCC' : 'CCFFFF';
    f.C7 = 'FF0000';
    const sheet = sheetFromRows(grid(12, 3), { fills: f });
    const vs = findingsOf(styleMeaningRule, viewOf(sheet));
    // CCFFFF fills whole rows in a repeat: banding. FFFFCC loses C7 to the red highlight so it
    // is no longer whole rows only, but as every data cell is filled it is the background.
    expect(summary(vs)).toEqual([
      ['banding', 'A2:C13', 'CCFFFF', undefined],
      ['fill', 'C7:C7', 'FF0000', 1],
    ]);
  });

  it('a colour scattered over many cells is reported once per column', () => {
    const f: Record<string, string> = {};
    // A checkerboard in columns B and C: 2 × 30 isolated cells, far more than MAX_RECTS.
    for (let r = 2; r <= 61; r++) f[`${r % 2 ? 'B' : 'C'}${r}`] = 'FFEB9C';
    const sheet = sheetFromRows(grid(60, 4), { fills: f });
    const vs = findingsOf(styleMeaningRule, viewOf(sheet));
    expect(60).toBeGreaterThan(MAX_RECTS);
    expect(vs.map((v) => [v.messageId, v.params])).toEqual([
      ['fillColumn', { colour: 'FFEB9C', col: 'C', count: 30, range: 'C2:C60' }],
      ['fillColumn', { colour: 'FFEB9C', col: 'B', count: 30, range: 'B3:B61' }],
    ]);
  });

  it('looks at every table on the sheet', () => {
    const sheet = sheetFromRows(
      [
        ['h', 'v'],
        ['a', 1],
        [null, null],
        ['h', 'v'],
        ['b', 2],
      ],
      { fills: { B2: 'FFFF00', B5: 'FF0000' } },
    );
    const t1 = tableOf(sheet, { headerRows: [0, 0], dataRows: [1, 1] }, 't1');
    const t2 = tableOf(sheet, { headerRows: [3, 3], dataRows: [4, 4] }, 't2');
    expect(findingsOf(styleMeaningRule, viewOf(sheet, [t1, t2])).map((v) => cellAddress(v.range.s.r, v.range.s.c))).toEqual(['B2', 'B5']);
  });

  it('cell_format_2007.xlsx: the D7E4BD fill is on the header row A3:F3 only', () => {
    const wb = readWorkbook(fixtureBytes('real/cell_format_2007.xlsx'), 'cell_format_2007.xlsx').workbook;
    const sheet = wb.sheets[0];
    // Header row 3 (zero-based 2), data from row 4: the header fill is decoration, nothing to report.
    const asHeader = tableOf(sheet, { captionRows: [0], headerRows: [2, 2], dataRows: [3, sheet.rowCount - 1] });
    expect(findingsOf(styleMeaningRule, viewOf(sheet, [asHeader]))).toEqual([]);
    // Were row 3 data (structure overridden), the coloured row is one finding, not six.
    const asData = tableOf(sheet, { captionRows: [0], headerRows: [1, 1], dataRows: [2, sheet.rowCount - 1] });
    expect(summary(findingsOf(styleMeaningRule, viewOf(sheet, [asData])))).toEqual([['fill', 'A3:F3', 'D7E4BD', 6]]);
  });

  it('messages render without leftover placeholders', () => {
    const sheet = sheetFromRows(grid(5, 3), { fills: { C4: 'FFFF00' } });
    for (const v of findingsOf(styleMeaningRule, viewOf(sheet))) {
      const m = messagesOf(styleMeaningRule)[v.messageId];
      for (const s of [m.ja, m.en]) expect(s.replace(/\{(\w+)\}/g, (_: string, k: string) => String(v.params![k]))).not.toMatch(/undefined|\{/);
    }
  });
});
