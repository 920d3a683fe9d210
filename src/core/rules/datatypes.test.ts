import { describe, expect, it } from 'vitest';
import { sheetFromRows, viewOf } from '../../../test/sheets.ts';
import { emptyMeta } from '../model.ts';
import { rule } from './datatypes.ts';
import { cellFindings } from './findings.ts';

function findings(rows: Parameters<typeof sheetFromRows>[0], datatypes: (string | undefined)[]) {
  const sheet = sheetFromRows(rows);
  sheet.meta = { ...emptyMeta(), columns: datatypes.map((d) => (d ? { datatype: d } : undefined)) };
  const view = viewOf(sheet);
  const out = [];
  for (let r = 0; r < sheet.rowCount; r++) for (let c = 0; c < sheet.columns.length; c++) out.push(...(cellFindings(rule, view, r, c)));
  return { out, view };
}

describe('datatypes', () => {
  it('reports values that do not fit the declared type; blanks and symbols are fine', () => {
    const { out } = findings(
      [
        ['地区', '人口', '日付'],
        ['北区', 100, '2019-04-01'],
        ['南区', '約300', '令和元年5月1日'],
        ['東区', 'x', null],
        ['西区', 1.5, '2019-02-30'],
      ],
      ['xsd:string', 'xsd:integer', 'xsd:date'],
    );
    expect(out.map((v) => [v.range.s.r, v.range.s.c, v.params?.value])).toEqual([
      [2, 1, '約300'],
      [2, 2, '令和元年5月1日'],
      [4, 1, '1.5'],
      [4, 2, '2019-02-30'],
    ]);
  });

  it('does not apply when no column declares a type', () => {
    const { view } = findings([['a'], [1]], []);
    expect(rule.applies!(view)).toBe(false);
  });
});
