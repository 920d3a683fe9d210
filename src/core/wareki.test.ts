import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ERAS,
  type Era,
  type WarekiMatch,
  daysInMonth,
  eraByName,
  eraDateToGregorian,
  eraEnd,
  findWareki,
  hasExplicitEra,
  isoDate,
  lastExplicitEra,
  seirekiDateText,
  seirekiText,
  toEra,
  toGregorianYear,
} from './wareki.ts';

const [MEIJI, TAISHO, SHOWA, HEISEI, REIWA] = ERAS;

/** `year 2010年`, `~year 2005年` (implied era), `date !after-era-end` (invalid). */
function summary(m: WarekiMatch): string {
  return `${m.explicit ? '' : '~'}${m.kind} ${m.valid ? seirekiText(m) : `!${m.error}`}`;
}

function parse(text: string, implied?: Parameters<typeof findWareki>[1]): string[] {
  return findWareki(text, implied).map(summary);
}

describe('era table', () => {
  it('knows when each era ends', () => {
    expect(eraEnd(MEIJI)).toEqual({ y: 1912, m: 7, d: 29 });
    expect(eraEnd(TAISHO)).toEqual({ y: 1926, m: 12, d: 24 });
    expect(eraEnd(SHOWA)).toEqual({ y: 1989, m: 1, d: 7 });
    expect(eraEnd(HEISEI)).toEqual({ y: 2019, m: 4, d: 30 });
    expect(eraEnd(REIWA)).toBeUndefined();
  });

  it('converts era years and keeps toEra working', () => {
    expect(toGregorianYear(HEISEI, 22)).toBe(2010);
    expect(toGregorianYear(REIWA, 1)).toBe(2019);
    expect(toGregorianYear(MEIJI, 1)).toBe(1868);
    expect(toEra(1989, 1, 7)).toEqual({ era: SHOWA, year: 64 });
    expect(toEra(1989, 1, 8)).toEqual({ era: HEISEI, year: 1 });
    expect(toEra(2019, 5, 1)).toEqual({ era: REIWA, year: 1 });
    expect(toEra(1868, 10, 22)).toBeUndefined();
  });

  it('converts single era dates strictly', () => {
    expect(eraDateToGregorian(HEISEI, 31, 4, 30)).toEqual({ ok: true, date: { y: 2019, m: 4, d: 30 } });
    expect(eraDateToGregorian(HEISEI, 31, 5, 1)).toEqual({ ok: false, error: 'after-era-end' });
    expect(eraDateToGregorian(SHOWA, 64, 1, 7)).toEqual({ ok: true, date: { y: 1989, m: 1, d: 7 } });
    expect(eraDateToGregorian(HEISEI, 1, 1, 7)).toEqual({ ok: false, error: 'before-era-start' });
    expect(eraDateToGregorian(HEISEI, 22, 2, 30)).toEqual({ ok: false, error: 'invalid-day' });
  });

  it('finds eras by any of their names', () => {
    for (const e of ERAS) {
      expect(eraByName(e.name)).toBe(e);
      expect(eraByName(e.short)).toBe(e);
      expect(eraByName(e.initial)).toBe(e);
    }
    expect(eraByName('㍻')).toBe(HEISEI);
    expect(eraByName('㋿')).toBe(REIWA);
    expect(eraByName('平 成')).toBe(HEISEI);
    expect(eraByName('慶応')).toBeUndefined();
  });

  it('counts days in months', () => {
    expect(daysInMonth(2012, 2)).toBe(29);
    expect(daysInMonth(2011, 2)).toBe(28);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(isoDate(2019, 5, 1)).toBe('2019-05-01');
  });
});

// [text, what each match means]
const POSITIVE: [string, string[]][] = [
  // years
  ['平成22年', ['year 2010年']],
  ['平成２２年', ['year 2010年']],
  ['平成 22 年', ['year 2010年']],
  [' 平 成 ６ 年', ['year 1994年']],
  ['平成　２２　年', ['year 2010年']],
  ['平成二十二年', ['year 2010年']],
  ['平成二二年', ['year 2010年']],
  ['平成十年', ['year 1998年']],
  ['昭和六十四年', ['year 1989年']],
  ['平成元年', ['year 1989年']],
  ['令和元年', ['year 2019年']],
  ['明治元年', ['year 1868年']],
  ['明治45年', ['year 1912年']],
  ['大正元年', ['year 1912年']],
  ['大正15年', ['year 1926年']],
  ['昭和元年', ['year 1926年']],
  ['昭和64年', ['year 1989年']],
  ['平成31年', ['year 2019年']],
  ['令和7年', ['year 2025年']],
  ['㍻22年', ['year 2010年']],
  ['㋿2年', ['year 2020年']],
  ['㍾10年', ['year 1877年']],
  ['㍽5年', ['year 1916年']],
  ['㍼50年', ['year 1975年']],
  ['H17年', ['year 2005年']],
  ['S63年', ['year 1988年']],
  ['大5年', ['year 1916年']],
  ['平22', ['year 2010年']],
  ['昭63', ['year 1988年']],
  ['平成22', ['year 2010年']],
  ['平成22年の人口', ['year 2010年']],
  ['2-2 平成22年国勢調査', ['year 2010年']],
  ['CI指数 (H17=100)\nComposite Indexes (2005=100)', ['year 2005年']],
  ['(H17＝100)', ['year 2005年']],
  ['（Ｈ１７＝１００）', ['year 2005年']],
  // fiscal years
  ['平成22年度', ['fiscal-year 2010年度']],
  ['平成 22 年度', ['fiscal-year 2010年度']],
  ['平成22年 度', ['fiscal-year 2010年度']],
  ['令和元年度', ['fiscal-year 2019年度']],
  ['平成31年度', ['fiscal-year 2019年度']],
  ['平成元年度', ['fiscal-year 1989年度']],
  ['昭和63年度', ['fiscal-year 1988年度']],
  ['H22年度末', ['fiscal-year 2010年度']],
  // dates
  ['H30.3.31', ['date 2018-03-31']],
  ['Ｈ３０．３．３１', ['date 2018-03-31']],
  ['R2.10.1', ['date 2020-10-01']],
  ['R2/10/1', ['date 2020-10-01']],
  ['R01/5/1', ['date 2019-05-01']],
  ['R元.5.1', ['date 2019-05-01']],
  ['H30-3-31', ['date 2018-03-31']],
  ['平30.3.31', ['date 2018-03-31']],
  ['平成30.3.31', ['date 2018-03-31']],
  ['平成31/4/30', ['date 2019-04-30']],
  ['平成31年4月1日', ['date 2019-04-01']],
  ['平成31年4月30日', ['date 2019-04-30']],
  ['令和元年5月1日', ['date 2019-05-01']],
  ['昭和63年7月1日', ['date 1988-07-01']],
  ['昭和64年1月7日', ['date 1989-01-07']],
  ['平成元年1月8日', ['date 1989-01-08']],
  ['明治45年7月29日', ['date 1912-07-29']],
  ['大正元年7月30日', ['date 1912-07-30']],
  ['大正15年12月24日', ['date 1926-12-24']],
  ['昭和元年12月25日', ['date 1926-12-25']],
  ['明治元年10月23日', ['date 1868-10-23']],
  ['平成24年2月29日', ['date 2012-02-29']],
  ['平成22年10月1日現在', ['date 2010-10-01']],
  ['平成２２年１０月１日', ['date 2010-10-01']],
  ['平成 22 年 10 月 1 日', ['date 2010-10-01']],
  ['平成二十二年十二月三十一日', ['date 2010-12-31']],
  ['H30.3.31現在', ['date 2018-03-31']],
  ['令和元年5月1日水曜日', ['date 2019-05-01']],
  // months and periods
  ['平成23年7月', ['month 2011年7月']],
  ['平成22.3', ['month 2010年3月']],
  ['平成23年7-9月', ['period 2011年7-9月']],
  ['平成24年1-3月', ['period 2012年1-3月']],
  ['平成23年7～9月', ['period 2011年7～9月']],
  ['平成23年7月～9月', ['period 2011年7～9月']],
  ['平成23年10－12月', ['period 2011年10-12月']],
  ['平成23年7ー9月', ['period 2011年7-9月']],
  // year ranges
  ['平成12～17年', ['year-range 2000～2005年']],
  ['平成17~22年', ['year-range 2005~2010年']],
  ['平成17-22年', ['year-range 2005-2010年']],
  ['人口増減率\n(平成12～17年)', ['year-range 2000～2005年']],
  ['平成12年～17年', ['year-range 2000～2005年']],
  ['平成12～17年度', ['year-range 2000～2005年度']],
  ['平成12年度～17年度', ['year-range 2000～2005年度']],
  // several in one text
  ['昭和63年～平成2年', ['year 1988年', 'year 1990年']],
  ['平成30年度～令和2年度', ['fiscal-year 2018年度', 'fiscal-year 2020年度']],
  ['区，相手地域別転入者数（平成25年，26年）', ['year 2013年', '~year 2014年']],
  ['平成８・９年の人口', ['year 1996年', '~year 1997年']],
  ['平成22年、23年、24年', ['year 2010年', '~year 2011年', '~year 2012年']],
  [
    '平成11年，平成13年から平成16年及び平成18年から平成21年の人口は',
    ['year 1999年', 'year 2001年', 'year 2004年', 'year 2006年', 'year 2009年'],
  ],
];

const INVALID: [string, string[]][] = [
  ['平成31年5月1日', ['date !after-era-end']],
  ['昭和64年1月8日', ['date !after-era-end']],
  ['平成元年1月7日', ['date !before-era-start']],
  ['令和元年4月30日', ['date !before-era-start']],
  ['明治元年1月1日', ['date !before-era-start']],
  ['明治45年7月30日', ['date !after-era-end']],
  ['大正15年12月25日', ['date !after-era-end']],
  ['平成22年2月30日', ['date !invalid-day']],
  ['平成23年2月29日', ['date !invalid-day']],
  ['平成22年4月31日', ['date !invalid-day']],
  ['平成22年4月0日', ['date !invalid-day']],
  ['H22.2.30', ['date !invalid-day']],
  ['H22.13.1', ['date !invalid-month']],
  ['平成22年13月', ['month !invalid-month']],
  ['令和元年4月', ['month !before-era-start']],
  ['平成31年5月', ['month !after-era-end']],
  ['大正16年', ['year !after-era-end']],
  ['昭和65年', ['year !after-era-end']],
  ['平成32年', ['year !after-era-end']],
  ['明治46年', ['year !after-era-end']],
  ['平成0年', ['year !era-year-zero']],
  ['昭和64年度', ['fiscal-year !after-era-end']],
  ['平成32年度', ['fiscal-year !after-era-end']],
  ['平成17～12年', ['year-range !invalid-range']],
  ['平成30～32年', ['year-range !after-era-end']],
  ['平成23年9-7月', ['period !invalid-range']],
  ['平成23年12-2月', ['period !invalid-range']],
  ['令和元年1-3月', ['period !before-era-start']],
];

const NEGATIVE: string[] = [
  '2019年',
  '2019年5月1日',
  '2010年度',
  '2009',
  '123',
  '',
  '   ',
  'H2O',
  'HR',
  'HR部',
  'S1',
  'M2',
  'R2',
  'S1サイズ',
  'M2ボルト',
  'Table S1 = 0.5',
  'H30.3',
  'SH30.3.31',
  'v1.2.3',
  '平成',
  '昭和',
  '令和',
  '平成町',
  '平成通り1丁目',
  '平成2丁目',
  '平成22番地',
  '昭和通り',
  '大正区',
  '最大10人',
  '大10',
  '明10',
  '明日10時',
  '平均22',
  '公平22',
  '平成22.5%',
  '平成123年',
  'H123.4.5',
  '第17年',
  '17年',
  '23 年',
  '7',
  '10-12月',
];

describe('findWareki: explicit eras', () => {
  it.each(POSITIVE)('%j', (text, expected) => {
    expect(parse(text)).toEqual(expected);
  });

  it.each(INVALID)('reports %j as invalid', (text, expected) => {
    const ms = findWareki(text);
    expect(ms.map(summary)).toEqual(expected);
    for (const m of ms) {
      expect(m.valid).toBe(false);
      expect(m.year).toBeUndefined();
      expect(seirekiText(m)).toBeUndefined();
    }
  });

  it.each(NEGATIVE)('does not match %j', (text) => {
    expect(findWareki(text)).toEqual([]);
  });

  it('gives the span as written', () => {
    const [m] = findWareki(' 平 成 ６ 年');
    expect([m.start, m.end, m.text]).toEqual([1, 8, '平 成 ６ 年']);
    const [ci] = findWareki('CI指数 (H17=100)\nComposite Indexes (2005=100)');
    expect([ci.start, ci.end, ci.text]).toEqual([6, 9, 'H17']);
    const [p] = findWareki('人口増減率\n(平成12～17年)');
    expect(p.text).toBe('平成12～17年');
    expect(p).toMatchObject({ kind: 'year-range', era: HEISEI, eraYear: 12, eraYearEnd: 17, year: 2000, yearEnd: 2005, explicit: true });
  });

  it('fills every field of a date', () => {
    expect(findWareki('令和元年5月1日')).toEqual([
      {
        start: 0,
        end: 8,
        text: '令和元年5月1日',
        kind: 'date',
        era: REIWA,
        explicit: true,
        fiscal: false,
        eraYear: 1,
        month: 5,
        day: 1,
        valid: true,
        year: 2019,
      },
    ]);
  });
});

describe('findWareki: 西暦 written beside the era', () => {
  it('reads 平成24(2012)年… as one match that already gives its 西暦', () => {
    const text = '平成22年工業統計表【概要版】データ　平成24(2012)年1月25日掲載';
    const ms = findWareki(text);
    expect(ms.map((m) => [m.text, m.kind, m.gregorian, m.valid])).toEqual([
      ['平成22年', 'year', undefined, true],
      ['平成24(2012)年1月25日', 'date', 2012, true],
    ]);
    expect(text.slice(ms[1].start, ms[1].end)).toBe(ms[1].text);
    expect(seirekiText(ms[1])).toBe('2012-01-25');
  });

  it.each([
    ['2012（平成24）年', '2012（平成24）年', 'year', 2012],
    ['2012(平成24)年度の予算', '2012(平成24)年度', 'fiscal-year', 2012],
    ['平成２４（２０１２）年', '平成２４（２０１２）年', 'year', 2012],
    ['1989(平成元)年1月8日', '1989(平成元)年1月8日', 'date', 1989],
    ['H24 (2012) 年', 'H24 (2012) 年', 'year', 2012],
  ])('%j', (text, matched, kind, gregorian) => {
    const [m] = findWareki(text);
    expect(m).toMatchObject({ text: matched, kind, gregorian, valid: true, year: gregorian });
  });

  it('reports a 西暦 that disagrees with the era year', () => {
    expect(findWareki('平成24(2013)年').map(summary)).toEqual(['year !gregorian-mismatch']);
    expect(findWareki('2013（平成24）年').map(summary)).toEqual(['year !gregorian-mismatch']);
  });

  it('needs 年 after the bracket; otherwise the era year stands alone', () => {
    expect(findWareki('平成24(2012)').map((m) => [m.text, m.gregorian])).toEqual([['平成24', undefined]]);
    expect(findWareki('12012(平成24)年').map((m) => [m.text, m.gregorian])).toEqual([['平成24', undefined]]);
  });
});

describe('seirekiText: the 西暦 as text', () => {
  it('keeps the range separator as written (dash look-alikes as -)', () => {
    const out = (t: string, implied?: Parameters<typeof findWareki>[1]) => findWareki(t, implied).map((m) => seirekiText(m));
    expect(out('人口増減率(平成12～17年)')).toEqual(['2000～2005年']);
    expect(out('平成12〜17年')).toEqual(['2000〜2005年']);
    expect(out('平成17~22年度')).toEqual(['2005~2010年度']);
    expect(out('平成17－22年')).toEqual(['2005-2010年']);
    expect(out('平成23年7-9月')).toEqual(['2011年7-9月']);
    expect(out('平成23年7ー9月')).toEqual(['2011年7-9月']);
    expect(out('10-12月', { era: HEISEI, year: 23 })).toEqual(['2011年10-12月']);
  });

  it('writes dates as YYYY-MM-DD, or in Japanese for use inside a text', () => {
    const [m] = findWareki('(和暦)平成13年3月14日');
    expect(seirekiText(m)).toBe('2001-03-14');
    expect(seirekiDateText(m)).toBe('2001年3月14日');
    expect(seirekiDateText(findWareki('平成13年3月')[0])).toBeUndefined();
    expect(seirekiDateText(findWareki('平成31年5月1日')[0])).toBeUndefined();
  });
});

describe('findWareki: implied era', () => {
  const IMPLIED_ERA: [string, string[]][] = [
    ['17年', ['~year 2005年']],
    ['22年', ['~year 2010年']],
    ['23 年', ['~year 2011年']],
    ['       ７ 年', ['~year 1995年']],
    // footnote marks after the year stay where they are (the labels fix takes them)
    ['　　24年 a)b)', ['~year 2012年']],
    ['25年※1', ['~year 2013年']],
    ['元年', ['~year 1989年']],
    ['二十三年', ['~year 2011年']],
    ['23 年度', ['~fiscal-year 2011年度']],
    ['12～17年', ['~year-range 2000～2005年']],
    ['23年7-9月', ['~period 2011年7-9月']],
    ['23年7月', ['~month 2011年7月']],
    ['23年7月1日', ['~date 2011-07-01']],
    ['32年', ['~year !after-era-end']],
    // not years
    ['7', []],
    ['10-12月', []],
    ['17', []],
    ['2019年', []],
    ['123年', []],
    ['17年間', []],
    ['10年前', []],
    ['第17年', []],
    ['17年 総数', []],
    ['人口', []],
  ];
  it.each(IMPLIED_ERA)('%j under 平成', (text, expected) => {
    expect(parse(text, HEISEI)).toEqual(expected);
  });

  const IMPLIED_YEAR: [string, string[]][] = [
    ['7', ['~month 2011年7月']],
    ['７', ['~month 2011年7月']],
    [' 12 ', ['~month 2011年12月']],
    ['7月', ['~month 2011年7月']],
    ['10-12月', ['~period 2011年10-12月']],
    ['10～12月', ['~period 2011年10～12月']],
    ['24 年', ['~year 2012年']],
    ['13', []],
    ['0', []],
    ['23', []],
    ['7日', []],
    ['元', []],
    ['7.5', []],
  ];
  it.each(IMPLIED_YEAR)('%j under 平成23年', (text, expected) => {
    expect(parse(text, { era: HEISEI, year: 23 })).toEqual(expected);
  });

  it('prefers an era written in the text over the implied one', () => {
    expect(parse('令和2年', HEISEI)).toEqual(['year 2020年']);
    expect(parse('昭和63年', { era: HEISEI, year: 23 })).toEqual(['year 1988年']);
  });

  it('tells whether a text names an era', () => {
    expect(hasExplicitEra('平成22年')).toBe(true);
    expect(hasExplicitEra('平成31年5月1日')).toBe(true);
    expect(hasExplicitEra('17年')).toBe(false);
    expect(hasExplicitEra('平成町')).toBe(false);
    expect(lastExplicitEra('昭和63年～平成2年')).toBe(HEISEI);
    expect(lastExplicitEra('人口増減率\n(平成12～17年)')).toBe(HEISEI);
    expect(lastExplicitEra('2010年')).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------------
// Round trip through ICU's Japanese calendar. ICU (Node 20, ICU 7x) starts 明治 on
// 1868-10-23 in the proleptic Gregorian calendar, as ERAS does, and names the days before
// it 慶応; it also writes Gregorian dates before 1873, when Japan still used a lunisolar
// calendar. Both sides agree on that, so the whole range from 明治 on is checked; the era
// test below fails if an ICU update ever moves a boundary.

const DAY = 86_400_000;
const FIRST = Date.UTC(1868, 9, 23);
const LAST = Date.UTC(2040, 11, 31);

const ICU_FORMATS: [string, Intl.DateTimeFormat][] = [
  // 平成31年4月30日, 令和元年5月1日
  ['long', new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' })],
  // 平成31/4/30, 令和1/5/1
  ['numeric', new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'long', year: 'numeric', month: 'numeric', day: 'numeric', timeZone: 'UTC' })],
  // H31/4/30, R1/5/1
  ['narrow', new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'narrow', year: 'numeric', month: 'numeric', day: 'numeric', timeZone: 'UTC' })],
  // R01/5/1
  ['2-digit', new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'narrow', year: '2-digit', month: 'numeric', day: 'numeric', timeZone: 'UTC' })],
  // 令和元年5月1日水曜日
  ['full', new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { dateStyle: 'full', timeZone: 'UTC' })],
];

describe('round trip through Intl (ja-JP-u-ca-japanese)', () => {
  it('prints what the parser expects', () => {
    const at = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
    const [long, numeric, narrow, twoDigit] = ICU_FORMATS.map(([, f]) => f);
    expect(long.format(at(2019, 4, 30))).toBe('平成31年4月30日');
    expect(long.format(at(2019, 5, 1))).toBe('令和元年5月1日');
    expect(numeric.format(at(2019, 5, 1))).toBe('令和1/5/1');
    expect(narrow.format(at(2019, 4, 30))).toBe('H31/4/30');
    expect(twoDigit.format(at(2019, 5, 1))).toBe('R01/5/1');
  });

  it('agrees with ERAS on every era boundary', () => {
    const eraOf = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'long', year: 'numeric', timeZone: 'UTC' });
    const name = (t: number) => eraOf.formatToParts(new Date(t)).find((p) => p.type === 'era')?.value;
    for (const era of ERAS) {
      const start = Date.UTC(era.start.y, era.start.m - 1, era.start.d);
      expect(name(start)).toBe(era.name);
      expect(name(start - DAY)).not.toBe(era.name);
    }
    expect(name(FIRST - DAY)).toBe('慶応');
  });

  it('parses every day from 1868-10-23 to 2040-12-31 back to the same date, in five styles', () => {
    const d = new Date(0);
    let checked = 0;
    const failures: string[] = [];
    for (let t = FIRST; t <= LAST; t += DAY) {
      d.setTime(t);
      const y = d.getUTCFullYear();
      const m = d.getUTCMonth() + 1;
      const day = d.getUTCDate();
      const era = toEra(y, m, day)!;
      for (const [style, f] of ICU_FORMATS) {
        const text = f.format(d);
        const ms = findWareki(text);
        const got = ms[0];
        if (ms.length !== 1 || got.kind !== 'date' || !got.valid || got.year !== y || got.month !== m || got.day !== day || got.era !== era.era) {
          if (failures.length < 10) failures.push(`${style} ${isoDate(y, m, day)} ${text} → ${JSON.stringify(ms.map(summary))}`);
        }
        checked++;
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBe(5 * ((LAST - FIRST) / DAY + 1));
  });

  it('rejects the day before each era and the day after each era ended', () => {
    for (const era of ERAS) {
      const s = era.start;
      const before = new Date(Date.UTC(s.y, s.m - 1, s.d) - DAY);
      const text = `${era.name}元年${before.getUTCMonth() + 1}月${before.getUTCDate()}日`;
      expect(parse(text), text).toEqual(['date !before-era-start']);
      const end = eraEnd(era);
      if (!end) continue;
      const after = new Date(Date.UTC(end.y, end.m - 1, end.d) + DAY);
      const lastYear = end.y - s.y + 1;
      const text2 = `${era.name}${lastYear}年${after.getUTCMonth() + 1}月${after.getUTCDate()}日`;
      expect(parse(text2), text2).toEqual(['date !after-era-end']);
      expect(parse(`${era.name}${lastYear + 1}年`)).toEqual(['year !after-era-end']);
      expect(parse(`${era.name}${lastYear}年`)).toEqual([`year ${end.y}年`]);
    }
  });
});

// ---------------------------------------------------------------------------------------
// Properties over generated spellings.

const KANJI = '〇一二三四五六七八九';
function kanjiNumber(n: number): string {
  if (n < 10) return KANJI[n];
  const t = Math.floor(n / 10);
  const u = n % 10;
  return `${t > 1 ? KANJI[t] : ''}十${u ? KANJI[u] : ''}`;
}
function fullWidth(s: string): string {
  return s.replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}
const GLYPH: Record<string, string> = { 明治: '㍾', 大正: '㍽', 昭和: '㍼', 平成: '㍻', 令和: '㋿' };

const dayArb = fc.integer({ min: 0, max: (LAST - FIRST) / DAY }).map((n) => {
  const d = new Date(FIRST + n * DAY);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  return { y, m, d: day, era: toEra(y, m, day)! };
});

function spell(n: number, digits: 'ascii' | 'full' | 'kanji', gan: boolean): string {
  if (n === 1 && gan) return '元';
  return digits === 'ascii' ? String(n) : digits === 'full' ? fullWidth(String(n)) : kanjiNumber(n);
}

describe('properties', () => {
  it('reads 年月日 spellings with any era name, digits and padding', () => {
    fc.assert(
      fc.property(
        dayArb,
        fc.constantFrom('name', 'spaced', 'glyph', 'short', 'initial'),
        fc.constantFrom('ascii', 'full', 'kanji') as fc.Arbitrary<'ascii' | 'full' | 'kanji'>,
        fc.boolean(),
        fc.constantFrom('', ' ', '\u3000'),
        ({ y, m, d, era }, form, digits, gan, pad) => {
          const e = era.era;
          const eraText =
            form === 'name' ? e.name : form === 'spaced' ? `${pad}${e.name[0]}${pad}${e.name[1]}${pad}` : form === 'glyph' ? GLYPH[e.name] : form === 'short' ? e.short : e.initial;
          const numPad = form === 'initial' || form === 'short' ? '' : pad;
          const yearDigits = form === 'initial' && digits === 'kanji' ? 'ascii' : digits;
          const text = `${eraText}${numPad}${spell(era.year, yearDigits, gan)}${pad}年${pad}${spell(m, digits, false)}${pad}月${pad}${spell(d, digits, false)}${pad}日`;
          const ms = findWareki(text);
          expect(ms.map(summary), text).toEqual([`date ${isoDate(y, m, d)}`]);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('reads dotted, slashed and dashed dates', () => {
    fc.assert(
      fc.property(
        dayArb,
        fc.constantFrom('name', 'short', 'initial'),
        fc.constantFrom('.', '/', '-', '．', '／'),
        fc.boolean(),
        fc.boolean(),
        ({ y, m, d, era }, form, sep, zero, full) => {
          const e = era.era;
          const eraText = form === 'name' ? e.name : form === 'short' ? e.short : e.initial;
          const n = (v: number) => (zero ? String(v).padStart(2, '0') : String(v));
          const raw = `${eraText}${n(era.year)}${sep}${n(m)}${sep}${n(d)}`;
          const text = full ? fullWidth(raw) : raw;
          expect(findWareki(text).map(summary), text).toEqual([`date ${isoDate(y, m, d)}`]);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('reports impossible days instead of moving them', () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 1, max: 3 }), ({ y, m, era }, extra) => {
        const bad = daysInMonth(y, m) + extra;
        const text = `${era.era.name}${era.year}年${m}月${bad}日`;
        expect(findWareki(text).map(summary), text).toEqual(['date !invalid-day']);
      }),
    );
  });

  it('never reads Gregorian dates as era dates', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 2999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
        for (const text of [`${y}年`, `${y}年${m}月${d}日`, `${y}/${m}/${d}`, `${y}-${m}-${d}`, `${y}年度`, String(y)]) {
          expect(findWareki(text)).toEqual([]);
          expect(findWareki(text, HEISEI)).toEqual([]);
        }
      }),
    );
  });

  it('returns consistent, ordered, non-overlapping spans for any text', () => {
    const alphabet = fc.constantFrom(
      ...'平成昭和令明治大正元年度月日HSRMT0123456789１２３．.-/~～ 　町通(=)一二十'.split(''),
    );
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 24 }).map((a) => a.join('')), fc.constantFrom<Era | undefined>(undefined, HEISEI), (text, implied) => {
        const ms = findWareki(text, implied);
        let last = 0;
        for (const m of ms) {
          expect(m.text).toBe(text.slice(m.start, m.end));
          expect(m.start).toBeGreaterThanOrEqual(last);
          expect(m.end).toBeGreaterThan(m.start);
          last = m.end;
          expect(m.valid).toBe(m.error === undefined);
          expect(m.valid).toBe(m.year !== undefined);
          if (m.valid) expect(m.year).toBe(toGregorianYear(m.era, m.eraYear));
        }
      }),
      { numRuns: 3000 },
    );
  });
});
