import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  englishScale,
  findTableUnit,
  identifierTitle,
  findUnitInTitle,
  isCounterWord,
  level2Unit,
  parseUnitContent,
  parseUnitExpression,
  scaleOf,
  splitValueUnit,
  unitLabel,
  unitlessTitle,
  withoutUnit,
} from './units.ts';

/** unit, scale (undefined = none) of a one-unit expression. */
function one(text: string, bare = false): [string, number | undefined] | undefined {
  const e = parseUnitExpression(text, { bare });
  if (!e) return undefined;
  expect(e.units).toHaveLength(1);
  return [e.units[0].unit, e.units[0].scale];
}

describe('parseUnitExpression: units and scales written as a whole cell', () => {
  it.each([
    ['(1,000人)', '人', 1000],
    ['（1,000人）', '人', 1000],
    ['(１，０００人)', '人', 1000],
    ['（単位：千円）', '円', 1000],
    ['(単位:千円)', '円', 1000],
    ['(単位 : 千円)', '円', 1000],
    ['(百万円)', '円', 1_000_000],
    ['(億円)', '円', 100_000_000],
    ['(千万円)', '円', 10_000_000],
    ['(%)', '%', undefined],
    ['（％）', '%', undefined],
    ['(‰)', '‰', undefined],
    ['(人/km²)', '人/km2', undefined],
    ['(人/km2)', '人/km2', undefined],
    ['(人/平方km)', '人/km2', undefined],
    ['(平方km)', 'km2', undefined],
    ['（平方メートル）', 'm2', undefined],
    ['（人／㎢）', '人/km2', undefined],
    ['(単位:千ト)', 't', 1000],
    ['(千トン)', 't', 1000],
    ['(千人)', '人', 1000],
    ['(万人)', '人', 10_000],
    ['(戸)', '戸', undefined],
    ['(件)', '件', undefined],
    ['(台)', '台', undefined],
    ['(世帯)', '世帯', undefined],
    ['(kg)', 'kg', undefined],
    ['(ｋｇ)', 'kg', undefined],
    ['(t)', 't', undefined],
    ['(ha)', 'ha', undefined],
    ['(km²)', 'km2', undefined],
    ['(㎡)', 'm2', undefined],
    ['(円)', '円', undefined],
    ['(歳)', '歳', undefined],
    ['(10,000人)', '人', 10_000],
    ['(1000円)', '円', 1000],
    ['(千kWh)', 'kWh', 1000],
    ['(円/kg)', '円/kg', undefined],
    ['[千円]', '円', 1000],
    ['  (千円)  ', '円', 1000],
  ])('%s → %s ×%s', (text, unit, scale) => {
    expect(one(text)).toEqual([unit, scale]);
  });

  it('keeps the exact text and span, brackets included', () => {
    const e = parseUnitExpression('  （単位：千円）\n')!;
    expect(e.text).toBe('（単位：千円）');
    expect([e.start, e.end]).toEqual([2, 9]);
    expect(e.labelled).toBe(true);
    expect(e.units[0].written).toBe('千円');
  });

  it('reads a list of units: （単位：人，‰）', () => {
    const e = parseUnitExpression('（単位：人，‰）')!;
    expect(e.units.map((u) => u.unit)).toEqual(['人', '‰']);
    expect(e.units.map((u) => u.scale)).toEqual([undefined, undefined]);
    expect(unitLabel(e.units)).toBe('人, ‰');
    expect(parseUnitExpression('(単位：千円、%)')!.units.map((u) => [u.unit, u.scale])).toEqual([
      ['円', 1000],
      ['%', undefined],
    ]);
  });

  it('does not split a thousands separator', () => {
    expect(parseUnitExpression('(1,000人)')!.units).toHaveLength(1);
    expect(parseUnitExpression('(1,000,000円)')!.units[0].scale).toBe(1_000_000);
  });

  it('marks counter words (助数詞), which the guide leaves out of the Unit row', () => {
    expect(parseUnitExpression('(1,000人)')!.units[0].counter).toBe(true);
    expect(parseUnitExpression('(世帯)')!.units[0].counter).toBe(true);
    expect(parseUnitExpression('(百万円)')!.units[0].counter).toBe(false);
    expect(parseUnitExpression('(人/km²)')!.units[0].counter).toBe(false);
  });

  it('accepts a bare scale only after the 単位 label', () => {
    expect(one('(単位：千)')).toEqual(['', 1000]);
    expect(one('(単位:1,000)')).toEqual(['', 1000]);
    expect(parseUnitExpression('(1,000)')).toBeUndefined();
    expect(parseUnitExpression('(千)')).toBeUndefined();
  });

  it('accepts an unbracketed unit only when asked (unit-row cells) or labelled', () => {
    expect(parseUnitExpression('千円')).toBeUndefined();
    expect(parseUnitExpression('世帯')).toBeUndefined();
    expect(one('千円', true)).toEqual(['円', 1000]);
    expect(one('%', true)).toEqual(['%', undefined]);
    expect(one('単位：千円')).toEqual(['円', 1000]);
  });

  it.each([
    '（各月1日現在）',
    '(各年10月1日)',
    '(10月1日現在)',
    '(平成12～17年)',
    '(平成17～22年)',
    '(H17=100)',
    '(2005=100)',
    '(女性100に対する男性)',
    '（人口 1,000人につき）',
    '(再掲)',
    '（再掲）',
    '(1)',
    '(2)',
    '(10)',
    '(17年)',
    '(a)',
    '(①～④)',
    '(用途別)',
    '(千葉)',
    '(1,234人)',
    '(3千円)',
    '(%円)',
    '(千%)',
    '(人/)',
    '(人/km2/h)',
    '()',
    '(人',
    '人)',
    '',
    '   ',
    '(千円) 計',
    '(千円)(人)',
  ])('%j is not a unit', (text) => {
    expect(parseUnitExpression(text)).toBeUndefined();
  });
});

describe('findUnitInTitle: units glued to column titles', () => {
  it('a rate per one measure written after the title, without brackets (人口密度 1k㎡当たり)', () => {
    expect(findUnitInTitle('人口密度      1k㎡当たり')).toMatchObject({ text: '1k㎡当たり', title: '人口密度', units: [{ unit: '/km2' }] });
    expect(findUnitInTitle('人口密度　k㎡当たり')?.title).toBe('人口密度');
    // Per person or household names what is counted: no unit.
    expect(findUnitInTitle('所得　1人当たり')).toBeUndefined();
    expect(findUnitInTitle('面積 1ha当たり収量')).toBeUndefined();
  });

  it.each([
    ['従業者数\n(人)', '(人)', '人', undefined, '従業者数'],
    ['現金給与\n総額\n(百万円)', '(百万円)', '円', 1_000_000, '現金給与\n総額'],
    ['原材料\n使用額等\n(百万円)', '(百万円)', '円', 1_000_000, '原材料\n使用額等'],
    ['付加価値額\n(従業者29人\n以下は粗付\n加価値額)\n(百万円)', '(百万円)', '円', 1_000_000, '付加価値額\n(従業者29人\n以下は粗付\n加価値額)'],
    ['人口(1,000人)', '(1,000人)', '人', 1000, '人口'],
    ['金額 （千円）', '（千円）', '円', 1000, '金額'],
    ['(1,000人)', '(1,000人)', '人', 1000, ''],
  ])('%j → %s', (input, text, unit, scale, title) => {
    const u = findUnitInTitle(input)!;
    expect(u.text).toBe(text);
    expect(input.slice(u.start, u.end)).toBe(text);
    expect(u.units[0].unit).toBe(unit);
    expect(u.units[0].scale).toBe(scale);
    expect(u.title).toBe(title);
    expect(u.footnote).toBeUndefined();
  });

  it('keeps a trailing footnote mark in the title and reports it: 人口密度\\n(人/km²)　2)', () => {
    const input = '人口密度\n(人/km²)　2)';
    const u = findUnitInTitle(input)!;
    expect(u.text).toBe('(人/km²)');
    expect([u.start, u.end]).toEqual([5, 12]);
    expect(u.units).toEqual([{ unit: '人/km2', written: '人/km²', counter: false }]);
    expect(u.title).toBe('人口密度　2)');
    expect(u.footnote).toBe('2)');
  });

  it('finds a unit before a ※ mark', () => {
    const u = findUnitInTitle('面積(ha)※1')!;
    expect(u.units[0].unit).toBe('ha');
    expect(u.footnote).toBe('※1');
    expect(u.title).toBe('面積※1');
  });

  it.each([
    '人口性比\n(女性100に\n対する男性)',
    '人口増減率\n(平成12～17年)',
    '人口増減率\n(平成17～22年)',
    'CI指数 (H17=100)',
    'CI指数 (H17=100)\nComposite Indexes (2005=100)',
    '人口集中\n地区　1)',
    '砕石合計\n(①～④)',
    '(1) 従業者4人以上の事業所に関する統計表',
    '(2) 砕石の出荷(用途別)',
    '(再掲)北須磨',
    '世帯',
    '従業者数',
    '事業所数',
    'a)市内他区\nから転入',
    '（人口 1,000人につき）',
  ])('%j has no unit', (title) => {
    expect(findUnitInTitle(title)).toBeUndefined();
  });
});

describe('findTableUnit: table-wide notes in captions', () => {
  it.each([
    ['(単位:千ト)', '(単位:千ト)', 't', 1000],
    ['（単位：千円）', '（単位：千円）', '円', 1000],
    ['（単位：人）', '（単位：人）', '人', undefined],
    ['単位：千円', '単位：千円', '円', 1000],
    ['(1) 砕石及び再生骨材の生産(用途・品種別) (単位:千ト)', '(単位:千ト)', 't', 1000],
    ['歳入決算額 単位：千円 令和5年度', '単位：千円', '円', 1000],
    ['（千円）', '（千円）', '円', 1000],
    ['2-3 市町村別世帯数（世帯）', '（世帯）', '世帯', undefined],
  ])('%j → %s', (input, text, unit, scale) => {
    const e = findTableUnit(input)!;
    expect(e.text).toBe(text);
    expect(input.slice(e.start, e.end)).toBe(text);
    expect(e.units[0].unit).toBe(unit);
    expect(scaleOf(e.units)).toBe(scale);
  });

  it('reads （単位：人，‰） as two units', () => {
    const e = findTableUnit('（単位：人，‰）')!;
    expect(e.labelled).toBe(true);
    expect(e.units.map((u) => u.unit)).toEqual(['人', '‰']);
  });

  it.each([
    '（各月1日現在）',
    '2-2 都道府県別人口と人口増加率',
    '(1) 従業者4人以上の事業所に関する統計表',
    '(2) 砕石の出荷(用途別)',
    '2. 推　移',
    '10月1日現在。　1) 人口密度の高い基本単位区（人口密度が1km²当たり約4,000人以上）が市区町村の境域内で互いに隣接して、国勢調査時に人口5,000人以上を有する地域。',
    '区，相手地域別転入者数（平成25年，26年）',
    '   注）「職権による記載・消除等」は総数に含まない。（総数＝区間移動＋県内計＋県外計）',
    '単位',
  ])('%j is not a unit note', (text) => {
    expect(findTableUnit(text)).toBeUndefined();
  });
});

describe('parseUnitContent and splitValueUnit', () => {
  it('parses content without brackets', () => {
    expect(parseUnitContent('1,000人')).toEqual({ units: [{ unit: '人', scale: 1000, written: '1,000人', counter: true }], labelled: false });
    expect(parseUnitContent('単位：千ト')?.units[0]).toEqual({ unit: 't', scale: 1000, written: '千ト', counter: false });
    expect(parseUnitContent('女性100に対する男性')).toBeUndefined();
  });

  it.each([
    ['850人', '850', '人'],
    ['１，２００人', '1,200', '人'],
    ['約300人', '300', '人'],
    ['120円', '120', '円'],
    ['12.5%', '12.5', '%'],
  ])('%s → %s %s', (text, number, unit) => {
    expect(splitValueUnit(text)).toMatchObject({ number, unit: { unit } });
  });

  it.each(['1,894.2', '12,064 ', 'a)343.4', '$92,162,773', '平成22年', '0911', '...', '－'])('%j has no unit', (text) => {
    expect(splitValueUnit(text)).toBeUndefined();
  });
});

describe('titles that need no unit', () => {
  it.each([
    ['事業所数', 'count'],
    ['世帯数', 'count'],
    ['人口増減数', 'count'],
    ['従業者数', 'count'],
    ['Total Number of Tax Returns', 'count'],
    ['人口性比\n(女性100に\n対する男性)', 'ratio'],
    ['CI指数 (H17=100)\nComposite Indexes (2005=100)', 'ratio'],
    ['DI指数\nDiffusion Indexes', 'ratio'],
    ['先行指数\nLeading Index', 'ratio'],
    ['有効求人倍率', 'ratio'],
    ['(2015年=100)', 'ratio'],
    ['事業所数 1)', 'count'],
  ])('%j → %s', (title, kind) => {
    expect(unitlessTitle(title)).toBe(kind);
  });

  it.each(['人口', '人口増減率\n(平成12～17年)', '出荷額', '人口密度', '面積', '金額 a)', '数量'])('%j may need a unit', (title) => {
    expect(unitlessTitle(title)).toBeUndefined();
  });

  it('reads English scale notes and identifier titles', () => {
    expect(englishScale('Adjusted Gross Income (In Thousands)')).toBe(1000);
    expect(englishScale('Sales (in millions of dollars)')).toBe(1_000_000);
    expect(englishScale('Income')).toBeUndefined();
    expect(identifierTitle('No.')).toBe(true);
    expect(identifierTitle('番号')).toBe(true);
    expect(identifierTitle('人口')).toBe(false);
  });
});

describe('level2Unit: what a unit gives the Unit and Baseval rows', () => {
  const l2 = (text: string, counters?: 'blank' | 'unit') => {
    const e = parseUnitExpression(text, { bare: true })!;
    return level2Unit(e.units[0], counters);
  };

  it('leaves counters (助数詞) out of the Unit and keeps their scale, as the guide does', () => {
    expect(l2('(1,000人)')).toEqual({ baseval: 1000 });
    expect(l2('(人)')).toEqual({});
    expect(l2('(千世帯)')).toEqual({ baseval: 1000 });
    expect(l2('(人/km²)')).toEqual({ unit: '/km2' });
    expect(l2('(人/㎢)')).toEqual({ unit: '/km2' });
  });

  it('keeps measures and splits unit from scale (千ト → t ×1000, 百万円 → 円 ×1000000)', () => {
    expect(l2('(単位:千ト)')).toEqual({ unit: 't', baseval: 1000 });
    expect(l2('(百万円)')).toEqual({ unit: '円', baseval: 1000000 });
    expect(l2('(%)')).toEqual({ unit: '%' });
    expect(l2('(円/kg)')).toEqual({ unit: '円/kg' });
    expect(l2('(単位：千)')).toEqual({ baseval: 1000 });
    expect(l2('(kWh)')).toEqual({ unit: 'kWh' });
  });

  it("writes counters as units on request ('unit')", () => {
    expect(l2('(1,000人)', 'unit')).toEqual({ unit: '人', baseval: 1000 });
    expect(l2('(人/km²)', 'unit')).toEqual({ unit: '人/km2' });
    expect(l2('(百万円)', 'unit')).toEqual({ unit: '円', baseval: 1000000 });
  });

  it('knows counter words', () => {
    expect(['人', '世帯', '件', '台', '人'].every(isCounterWord)).toBe(true);
    expect(['円', 't', 'km2', '%', '世', ''].some(isCounterWord)).toBe(false);
  });
});

describe('withoutUnit: a text with its unit note taken out', () => {
  const cut = (text: string) => withoutUnit(text, findTableUnit(text)!);
  it.each([
    ['(単位:千ト)', ''],
    ['  （単位：千円）  ', ''],
    ['(1) 砕石及び再生骨材の生産(用途・品種別) (単位:千ト)', '(1) 砕石及び再生骨材の生産(用途・品種別)'],
    ['（単位：千円）　各年4月1日現在', '各年4月1日現在'],
    ['表1　（単位：千円）　各年4月1日現在', '表1　各年4月1日現在'],
    ['人口（単位：人）', '人口'],
    ['単位：千円', ''],
  ])('%j → %j', (text, expected) => {
    expect(cut(text)).toBe(expected);
  });
});

describe('properties', () => {
  const scales: [string, number | undefined][] = [
    ['', undefined],
    ['千', 1000],
    ['百万', 1_000_000],
    ['億', 100_000_000],
    ['1,000', 1000],
    ['10,000', 10_000],
  ];
  const units: [string, string][] = [
    ['人', '人'],
    ['円', '円'],
    ['ト', 't'],
    ['t', 't'],
    ['kg', 'kg'],
    ['世帯', '世帯'],
    ['人/km²', '人/km2'],
    ['ha', 'ha'],
  ];
  const brackets: [string, string][] = [
    ['(', ')'],
    ['（', '）'],
    ['(', '）'],
    ['［', '］'],
  ];

  it('every scale × unit × bracket × label combination parses back exactly', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...scales),
        fc.constantFrom(...units),
        fc.constantFrom(...brackets),
        fc.constantFrom('', '単位：', '単位:'),
        fc.constantFrom('', '従業者数\n', '金額 ', '人口密度'),
        ([s, scale], [u, unit], [o, c], label, title) => {
          const expr = `${o}${label}${s}${u}${c}`;
          const parsed = parseUnitExpression(expr)!;
          expect(parsed.units.map((x) => [x.unit, x.scale])).toEqual([[unit, scale]]);
          const inTitle = findUnitInTitle(title + expr)!;
          expect(inTitle.text).toBe(expr);
          expect(inTitle.start).toBe(title.length);
          expect(inTitle.title).toBe(title.trimEnd());
        },
      ),
    );
  });

  it('spans always point at the matched text, for any input', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'()（）単位：千人円%/km²1,0 \n年平成ト'.split('')), maxLength: 24 }), (s) => {
        for (const e of [parseUnitExpression(s, { bare: true }), findUnitInTitle(s), findTableUnit(s)]) {
          if (!e) continue;
          expect(s.slice(e.start, e.end)).toBe(e.text);
          expect(e.units.length).toBeGreaterThan(0);
        }
      }),
    );
  });
});
