import { describe, expect, it } from 'vitest';
import { corpusSheet, missingCorpus } from '../../../test/corpus.ts';
import { ruleTester } from '../../../test/ruleTester.ts';
import { tableOf, viewOf } from '../../../test/sheets.ts';
import { MAX_RECTS, styleMeaningRule } from './style-meaning.ts';

/** A header row and `rows` data rows of `cols` numbers. */
function grid(rows: number, cols: number): (string | number)[][] {
  const out: (string | number)[][] = [Array.from({ length: cols }, (_, c) => `h${c}`)];
  for (let r = 0; r < rows; r++) out.push(Array.from({ length: cols }, (_, c) => r * cols + c));
  return out;
}

function fills(addrs: string[], colour: string): Record<string, string> {
  return Object.fromEntries(addrs.map((a) => [a, colour]));
}

/** Every data cell of `grid(rows, 3)` in one colour. */
function filledGrid(rows: number, colour: string): Record<string, string> {
  const all: Record<string, string> = {};
  for (let r = 2; r <= rows + 1; r++) for (const c of 'ABC') all[`${c}${r}`] = colour;
  return all;
}

const fill = (range: string, colour: string, count: number) => ({ messageId: 'fill' as const, at: range, params: { colour, range, count } });

describe('style-meaning', () => {
  it('has the agreed meta', () => {
    expect(styleMeaningRule.meta).toMatchObject({ id: 'style-meaning', level: 2, severity: 'info', family: 'source', guideRef: { other: '内閣官房 公開ルール' } });
    expect(styleMeaningRule.scope).toBe('sheet');
    expect(styleMeaningRule.fix).toBeUndefined(); // warn only
  });
});

ruleTester(styleMeaningRule, {
  valid: [
    { name: 'no fills', rows: grid(5, 3) },
    {
      name: 'fills in caption, header and note rows',
      rows: [['表題'], ...grid(3, 3), ['注']],
      sheet: { fills: { A1: 'FF0000', A2: 'D7E4BD', B2: 'D7E4BD', C2: 'D7E4BD', A6: 'FF0000' } },
      tables: [{ captionRows: [0], headerRows: [1, 1], dataRows: [2, 4], noteRows: [5] }],
    },
    { name: 'one colour over the whole data region', rows: grid(5, 3), sheet: { fills: filledGrid(5, 'F2F2F2') } },
    {
      name: 'cell_format_2007.xlsx: the D7E4BD fill is on the header row A3:F3 only',
      skip: missingCorpus(['excel-cellformatter/cell_format_2007.xlsx']),
      // Header row 3 (zero-based 2), data from row 4: the header fill is decoration, nothing to report.
      view: () => {
        const sheet = corpusSheet('excel-cellformatter/cell_format_2007.xlsx');
        return viewOf(sheet, [tableOf(sheet, { captionRows: [0], headerRows: [2, 2], dataRows: [3, sheet.rowCount - 1] })]);
      },
    },
  ],
  invalid: [
    {
      name: 'a single highlighted cell (a maximum), once',
      rows: grid(5, 3),
      sheet: { fills: { C4: 'FFFF00' } },
      errors: [{ ...fill('C4:C4', 'FFFF00', 1), at: 'C4', fixId: null }],
    },
    {
      name: 'a coloured run in a column, a coloured row and a block: one finding each, in reading order',
      rows: grid(10, 4),
      sheet: {
        fills: {
          ...fills(['B3', 'B4', 'B5'], 'FFC7CE'), // vertical run
          ...fills(['A8', 'B8', 'C8', 'D8'], 'C6EFCE'), // a whole row (a 合計 line)
          ...fills(['C2', 'D2', 'C3', 'D3'], 'BFBFBF'), // a 2×2 block of estimates
        },
      },
      errors: [fill('C2:D3', 'BFBFBF', 4), fill('B3:B5', 'FFC7CE', 3), fill('A8:D8', 'C6EFCE', 4)],
    },
    {
      name: 'runs of one colour stay apart when they are not adjacent',
      rows: grid(6, 3),
      sheet: { fills: fills(['B2', 'B4', 'C4'], 'FFFF00') },
      errors: [fill('B2:B2', 'FFFF00', 1), fill('B4:C4', 'FFFF00', 2)],
    },
    {
      name: 'the dominant colour of a fully filled region is the background; the rest is reported',
      rows: grid(5, 3),
      sheet: { fills: { ...filledGrid(5, 'F2F2F2'), B4: 'FF0000' } },
      errors: [fill('B4:B4', 'FF0000', 1)],
    },
    {
      name: 'alternate row colours (banding), once per table',
      rows: grid(20, 4),
      sheet: { fills: Object.fromEntries([3, 5, 7, 9, 11, 13, 15, 17, 19, 21].flatMap((r) => [...'ABCD'].map((c) => [`${c}${r}`, 'DDEBF7']))) },
      errors: [{ messageId: 'banding', at: 'A2:D21', params: { colour: 'DDEBF7', range: 'A2:D21' } }],
    },
    {
      name: 'two-colour banding once, and a highlight on top of it separately',
      rows: grid(12, 3),
      sheet: {
        fills: {
          ...Object.fromEntries(Array.from({ length: 12 }, (_, i) => i + 2).flatMap((r) => [...'ABC'].map((c) => [`${c}${r}`, r % 2 ? 'FFFFCC' : 'CCFFFF']))),
          C7: 'FF0000',
        },
      },
      // CCFFFF fills whole rows in a repeat: banding. FFFFCC loses C7 to the red highlight so it
      // is no longer whole rows only, but as every data cell is filled it is the background.
      errors: [{ messageId: 'banding', params: { colour: 'CCFFFF', range: 'A2:C13' } }, fill('C7:C7', 'FF0000', 1)],
    },
    {
      name: 'a colour scattered over many cells, once per column',
      // A checkerboard in columns B and C: 2 × 30 isolated cells, far more than MAX_RECTS.
      rows: grid(60, 4),
      sheet: { fills: Object.fromEntries(Array.from({ length: 60 }, (_, i) => i + 2).map((r) => [`${r % 2 ? 'B' : 'C'}${r}`, 'FFEB9C'])) },
      errors: [
        { messageId: 'fillColumn', at: 'C2:C60', params: { colour: 'FFEB9C', col: 'C', count: 30, range: 'C2:C60' } },
        { messageId: 'fillColumn', at: 'B3:B61', params: { colour: 'FFEB9C', col: 'B', count: 30, range: 'B3:B61' } },
      ],
      check: () => expect(60).toBeGreaterThan(MAX_RECTS),
    },
    {
      name: 'every table on the sheet is looked at',
      rows: [
        ['h', 'v'],
        ['a', 1],
        [null, null],
        ['h', 'v'],
        ['b', 2],
      ],
      sheet: { fills: { B2: 'FFFF00', B5: 'FF0000' } },
      tables: [
        { headerRows: [0, 0], dataRows: [1, 1] },
        { headerRows: [3, 3], dataRows: [4, 4] },
      ],
      errors: [
        { messageId: 'fill', at: 'B2' },
        { messageId: 'fill', at: 'B5' },
      ],
    },
    {
      name: 'cell_format_2007.xlsx: were row 3 data (structure overridden), the coloured row is one finding, not six',
      skip: missingCorpus(['excel-cellformatter/cell_format_2007.xlsx']),
      view: () => {
        const sheet = corpusSheet('excel-cellformatter/cell_format_2007.xlsx');
        return viewOf(sheet, [tableOf(sheet, { captionRows: [0], headerRows: [1, 1], dataRows: [2, sheet.rowCount - 1] })]);
      },
      errors: [fill('A3:F3', 'D7E4BD', 6)],
    },
  ],
});
