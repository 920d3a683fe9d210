import { describe, expect, it } from 'vitest';
import { dateFromLines, findStatedDate, latestYear, parseDateInput, statedDateIso } from './dateLine.ts';

describe('findStatedDate', () => {
  it('…現在 with 西暦, 和暦 (full-width digits) or no year', () => {
    expect(findStatedDate('2015年8月1日現在')).toEqual({ year: 2015, month: 8, day: 1, start: 0 });
    expect(findStatedDate('平成27年８月1日現在')).toEqual({ year: 2015, month: 8, day: 1, start: 0 });
    expect(findStatedDate('10月1日現在。')).toEqual({ month: 10, day: 1, start: 0 });
    expect(findStatedDate('町丁別・年齢別人口表　（令和６年10月１日　現在）')).toMatchObject({ year: 2024, month: 10, day: 1 });
    expect(findStatedDate('2015/8/1 現在')).toMatchObject({ year: 2015, month: 8, day: 1 });
    expect(findStatedDate('H27.8.1現在')).toMatchObject({ year: 2015, month: 8, day: 1 });
  });

  it('…月末 is the last day of the month; 調査日 and 基準日 take the date after them', () => {
    expect(findStatedDate('平成28年11月末現在')).toEqual({ year: 2016, month: 11, start: 0 });
    expect(findStatedDate('2月末')).toEqual({ month: 2, start: 0 });
    expect(findStatedDate('調査日：平成27年8月1日')).toMatchObject({ year: 2015, month: 8, day: 1 });
    expect(findStatedDate('基準日 2020年10月1日')).toMatchObject({ year: 2020, month: 10, day: 1 });
  });

  it('the English printed beside a date line', () => {
    expect(findStatedDate('As of Aug.1,2015')).toEqual({ year: 2015, month: 8, day: 1, start: 0 });
    expect(findStatedDate('as of October 1, 2010')).toMatchObject({ year: 2010, month: 10, day: 1 });
    expect(findStatedDate('As of Feb.30,2015')).toBeUndefined();
    expect(findStatedDate('As of the end of the year')).toBeUndefined();
  });

  it('a date not stated as the table\'s is not taken', () => {
    expect(findStatedDate('2015年8月1日')).toBeUndefined();
    expect(findStatedDate('(各月1日現在)')).toBeUndefined();
    expect(findStatedDate('平成22年全国都道府県市区町村別面積調による。')).toBeUndefined();
    expect(findStatedDate('13月1日現在')).toBeUndefined();
    expect(findStatedDate('平成31年5月1日現在')).toBeUndefined(); // 令和 by then: no such 平成 date
  });
});

describe('statedDateIso and dateFromLines', () => {
  it('a year-less date takes the table\'s year; month ends know leap years', () => {
    expect(statedDateIso({ month: 10, day: 1, start: 0 }, 2010)).toBe('2010-10-01');
    expect(statedDateIso({ month: 10, day: 1, start: 0 })).toBeUndefined();
    expect(statedDateIso({ year: 2016, month: 2, start: 0 })).toBe('2016-02-29');
    expect(statedDateIso({ month: 2, day: 29, start: 0 }, 2015)).toBeUndefined();
  });

  it('the first line that states a date wins', () => {
    expect(dateFromLines(['神戸市の推計人口', '平成27年８月1日現在', '10月1日現在'], 2014)).toBe('2015-08-01');
    expect(dateFromLines(['10月1日現在。'], 2010)).toBe('2010-10-01');
    expect(dateFromLines(['人口'], 2010)).toBeUndefined();
  });
});

describe('latestYear', () => {
  it('population.xlsx before and after 和暦 conversion: 2010', () => {
    expect(latestYear(['平成12年', '17年', '人口増減率\n(平成12～17年)', '22年', '人口増減率\n(平成17～22年)'])).toBe(2010);
    expect(latestYear(['2000年', '2005年 総数', '2010年', '人口増減率(2005～2010年)'])).toBe(2010);
  });

  it('lists, bare years, and numbers that are no years', () => {
    expect(latestYear(['区，相手地域別転入者数（平成25年，26年）'])).toBe(2014);
    expect(latestYear(['2003', '2004'])).toBe(2004);
    expect(latestYear(['(1,000人)', '人口5,000人以上', '13101', '2020100000', '1894.2'])).toBeUndefined();
  });
});

describe('parseDateInput', () => {
  it.each([
    ['2015/8/1'],
    ['2015-08-01'],
    ['2015.8.1'],
    ['2015年8月1日'],
    ['２０１５年８月１日'],
    ['平成27年8月1日'],
    ['H27.8.1'],
    [' 2015 / 8 / 1 '],
  ])('%s → 2015-08-01', (text) => {
    expect(parseDateInput(text)).toEqual({ ok: true, date: '2015-08-01' });
  });

  it('令和元年, empty input clears, impossible days and other text are refused', () => {
    expect(parseDateInput('令和元年5月1日')).toEqual({ ok: true, date: '2019-05-01' });
    expect(parseDateInput('')).toEqual({ ok: true, date: undefined });
    for (const bad of ['2015/2/30', '平成31年5月1日', '2015/13/1', '8月1日', 'きのう', '2015年8月', '2015-08-01 現在']) expect(parseDateInput(bad)).toEqual({ ok: false });
  });
});
