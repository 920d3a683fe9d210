import { expect } from 'vitest';
import { ruleTester } from '../../../test/ruleTester.ts';
import { rule } from './caption-notes.ts';

ruleTester(rule, {
  valid: [
    { name: 'county-income.csv: no caption and no notes', fixture: 'county-income.csv' },
    { name: 'a table with no caption and no notes', rows: [['a', 'b'], ['x', 1]] },
  ],
  invalid: [
    {
      name: 'population.xlsx: the caption row, three notes and the 資料 row',
      fixture: 'population.xlsx',
      errors: [
        { messageId: 'caption', at: '1:1', params: { text: '2-2 都道府県別人口と人口増加率' } },
        { messageId: 'note', at: '55:55' },
        { messageId: 'note', at: '56:56' },
        { messageId: 'note', at: '57:57' },
        { messageId: 'source', at: '58:58', fixId: 'toSource' },
      ],
    },
    {
      name: 'industry.xlsx: three caption rows',
      fixture: 'industry.xlsx',
      errors: [
        { messageId: 'caption', at: '1:1' },
        { messageId: 'caption', at: '2:2' },
        { messageId: 'caption', at: '3:3' },
      ],
    },
    {
      name: 'crushed-stone.xlsx: captions of both tables, the unit note riding along',
      fixture: 'crushed-stone.xlsx',
      errors: [{ messageId: 'caption', at: '1:1' }, { messageId: 'caption', at: '2:2' }, { messageId: 'caption', at: '22:22' }],
      check: (found) => expect(found[1].params?.text).toContain('(単位:千ト)'),
    },
  ],
});
