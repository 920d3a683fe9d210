import { expect, it } from 'vitest';
import { sheetFromRows, viewOf } from '../../../test/sheets.ts';
import { ruleTester } from '../../../test/ruleTester.ts';
import { type Sheet, emptyMeta } from '../model.ts';
import { rule } from './datatypes.ts';

function declared(rows: Parameters<typeof sheetFromRows>[0], datatypes: (string | undefined)[]): Sheet {
  const sheet = sheetFromRows(rows);
  sheet.meta = { ...emptyMeta(), columns: datatypes.map((d) => (d ? { datatype: d } : undefined)) };
  return sheet;
}

ruleTester(rule, {
  invalid: [
    {
      name: 'values that do not fit the declared type; blanks and symbols are fine',
      view: () =>
        viewOf(
          declared(
            [
              ['地区', '人口', '日付'],
              ['北区', 100, '2019-04-01'],
              ['南区', '約300', '令和元年5月1日'],
              ['東区', 'x', null],
              ['西区', 1.5, '2019-02-30'],
            ],
            ['xsd:string', 'xsd:integer', 'xsd:date'],
          ),
        ),
      errors: [
        { messageId: 'mismatch', at: 'B3', paramsLike: { value: '約300' } },
        { messageId: 'mismatch', at: 'C3', paramsLike: { value: '令和元年5月1日' } },
        { messageId: 'mismatch', at: 'B5', paramsLike: { value: '1.5' } },
        { messageId: 'mismatch', at: 'C5', paramsLike: { value: '2019-02-30' } },
      ],
    },
  ],
});

it('datatypes does not apply when no column declares a type', () => {
  expect(rule.applies!(viewOf(declared([['a'], [1]], [])))).toBe(false);
});
