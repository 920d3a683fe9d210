import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nonIsoDate } from './isoDate.ts';

describe('nonIsoDate', () => {
  it.each([
    ['1955/1/1', '1955-01-01'],
    ['2019.4.1', '2019-04-01'],
    ['2019-4-1', '2019-04-01'],
    ['2019年4月1日', '2019-04-01'],
    ['2019年 4月 1日', '2019-04-01'],
    ['２０１９／４／１', '2019-04-01'],
    [' 2020/02/29 ', '2020-02-29'],
  ])('%j is %s', (text, iso) => {
    expect(nonIsoDate(text)?.iso).toBe(iso);
  });

  it.each(['2019-04-01', '1/2/2019', '2019.4', '2019/4', '2019年4月', '2019/4-1', '2019年4月1日現在', '平成31年4月1日', '12019/1/1', 'abc'])('%j is no date to rewrite', (text) => {
    expect(nonIsoDate(text)).toBeUndefined();
  });

  it('names a day that does not exist without inventing one', () => {
    expect(nonIsoDate('2019/2/29')).toEqual({ iso: undefined, year: 2019, month: 2, day: 29 });
    expect(nonIsoDate('2019/13/1')?.iso).toBeUndefined();
    expect(nonIsoDate('1900/2/29')?.iso).toBeUndefined();
    expect(nonIsoDate('2000/2/29')?.iso).toBe('2000-02-29');
  });

  it('every real day written Y/M/D reads back as that day', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1800-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
        const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
        expect(nonIsoDate(`${y}/${m}/${day}`)?.iso).toBe(d.toISOString().slice(0, 10));
        expect(nonIsoDate(`${y}年${m}月${day}日`)?.iso).toBe(d.toISOString().slice(0, 10));
      }),
    );
  });
});
