import { describe, expect, it } from 'vitest';
import { fixtureView } from '../../../test/fixtureView.ts';
import { sheetFromRows, tableOf, viewOf } from '../../../test/sheets.ts';
import { rangeAddress } from '../model.ts';
import { rule } from './merged-cells.ts';
import { findingsOf } from './findings.ts';

describe('merged-cells', () => {
  it('population.xlsx: 9 merges — the caption and 8 in the header', () => {
    const found = findingsOf(rule, fixtureView('population.xlsx'));
    expect(found.map((v) => `${rangeAddress(v.range)}:${v.fixId}`)).toEqual([
      'A1:I1:unmerge',
      'A3:A5:fillAcross',
      'B3:B4:fillAcross',
      'C3:D3:fillAcross',
      'E3:E4:fillAcross',
      'F3:F4:fillAcross',
      'G3:G5:fillAcross',
      'H3:H5:fillAcross',
      'I3:I4:fillAcross',
    ]);
  });

  it('a data merge (款 over three 項) is filled down', () => {
    const sheet = sheetFromRows(
      [
        ['款', '項', '金額'],
        ['総務費', '総務管理費', 100],
        [null, '徴税費', 20],
        [null, '戸籍住民基本台帳費', 30],
      ],
      { merges: ['A2:A4'] },
    );
    const found = findingsOf(rule, viewOf(sheet, [tableOf(sheet, { headerRows: [0, 0], keyColumns: [0, 1] })]));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ messageId: 'data', fixId: 'fillDown', params: { range: 'A2:A4', text: '総務費' } });
  });

  it('no merges, no violations', () => {
    expect(findingsOf(rule, fixtureView('county-income.csv'))).toEqual([]);
  });
});
