import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findLayoutSpaces, visibleSpaces, withoutLayoutSpaces } from './layoutSpaces.ts';

describe('findLayoutSpaces', () => {
  it.each([
    ['全 国', '全国'],
    ['岩　手', '岩手'],
    ['神 奈 川', '神奈川'],
    ['鹿 児 島', '鹿児島'],
    ['平成 22 年', '平成22年'],
    ['23 年', '23年'],
    ['平成 22 年度', '平成22年度'],
    ['2. 推　移', '2. 推移'],
    ['年 月', '年月'],
    ['①道 路 用', '①道路用'],
    ['転  出', '転出'],
    ['　　　本    区　', '本区'],
    [' 　    25 年', '25年'],
    [' 平 成 16 年', '平成16年'],
    ['       ７ 年', '７年'],
    ['12,064 ', '12,064'],
    ['  △46,841', '△46,841'],
    ['1300東京都①　　　　', '1300東京都①'],
    ['人口増減率\n(平成12～17年)', '人口増減率(平成12～17年)'],
    ['人口性比\n(女性100に\n対する男性)', '人口性比(女性100に対する男性)'],
    ['人口集中\n地区　1)', '人口集中地区 1)'],
    ['第 1 回', '第1回'],
    ['人口 1,234 人', '人口1,234人'],
    ['人口密度\n(人/km²)　2)', '人口密度(人/km²) 2)'],
    ['砕石合計\n(①～④)', '砕石合計(①～④)'],
    ['CI指数 (H17=100)\nComposite Indexes (2005=100)', 'CI指数 (H17=100) Composite Indexes (2005=100)'],
    ['Composite\r\nIndexes', 'Composite Indexes'],
    ['New　York', 'New York'],
    ['東京都\t千代田区', '東京都 千代田区'],
  ])('%j → %j', (text, fixed) => {
    expect(findLayoutSpaces(text)?.fixed).toBe(fixed);
  });

  it.each([
    'New York',
    'Composite Indexes (2005=100)',
    'Adjusted Gross Income (In Thousands)',
    'CI指数 (H17=100)',
    '山田 太郎', // one space between two words separates them
    '中央小学校 体育館',
    '2階のみ使用可 ※1',
    '2-2 都道府県別人口と人口増加率',
    '中央町 1-2-3',
    '令和2年 4月',
    '1 2',
    '全国',
    'a)343.4',
    '',
  ])('%j has no layout spaces', (text) => {
    expect(findLayoutSpaces(text)).toBeUndefined();
  });

  it('says what it found', () => {
    expect(findLayoutSpaces('12,064 ')).toMatchObject({ edges: true, inner: false, lineBreaks: false, blank: false });
    expect(findLayoutSpaces('全 国')).toMatchObject({ edges: false, inner: true, lineBreaks: false });
    expect(findLayoutSpaces('人口増減率\n(平成12～17年)')).toMatchObject({ edges: false, inner: false, lineBreaks: true });
    expect(findLayoutSpaces(' 全 国\n計 ')).toMatchObject({ edges: true, inner: true, lineBreaks: true, fixed: '全国計' });
    expect(findLayoutSpaces('　')).toMatchObject({ blank: true, fixed: '' });
  });

  it('only ever removes or shrinks white space, and its result has nothing left to fix', () => {
    const chars = ['全', '国', '神', '奈', '山田', 'a', 'York', '1', '22', '(', ')', '-', ' ', ' ', '\u3000', '\n', '\t'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        const found = findLayoutSpaces(text);
        if (!found) return;
        expect(found.fixed.replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
        expect(found.fixed.length).toBeLessThan(text.length + 1);
        expect(findLayoutSpaces(found.fixed)).toBeUndefined();
      }),
      { numRuns: 3000 },
    );
  });

  it('a run removed brings a bracket next to Japanese: the space after it goes in the same fix', () => {
    // `全↵)␣全`: once the break is gone, `)␣全` closes a Japanese remark.
    expect(findLayoutSpaces('全\n) 全')?.fixed).toBe('全)全');
    expect(findLayoutSpaces('人口\n) 　総数')?.fixed).toBe('人口)総数');
  });

  it('shows white space visibly', () => {
    expect(visibleSpaces('全 国')).toBe('全␣国');
    expect(visibleSpaces('岩　手')).toBe('岩□手');
    expect(visibleSpaces('a\nb\r\nc\td')).toBe('a↵b↵c⇥d');
  });
});

describe('bilingual titles', () => {
  it('a line break between Japanese and English becomes a space, between Japanese words nothing', () => {
    expect(findLayoutSpaces('和暦\nJapanese year')?.fixed).toBe('和暦 Japanese year');
    expect(findLayoutSpaces('CI指数 (H17=100)\nComposite Indexes (2005=100)')?.fixed).toBe('CI指数 (H17=100) Composite Indexes (2005=100)');
    expect(findLayoutSpaces('現金給与\n総額\n(百万円)')?.fixed).toBe('現金給与総額(百万円)');
  });
});

describe('codes', () => {
  it('the space after a code with a leading zero separates code and name', () => {
    expect(findLayoutSpaces('0911 部分肉・冷凍肉製造業')).toBeUndefined();
    expect(findLayoutSpaces('0000 製造業計')).toBeUndefined();
    expect(findLayoutSpaces('23 年')?.fixed).toBe('23年');
  });
});

describe('withoutLayoutSpaces', () => {
  it.each([
    ['市　内　総　生　産　(生産側）', '市内総生産(生産側）'],
    ['４．生産・輸入品に課される税　（控除）補助金', '４．生産・輸入品に課される税（控除）補助金'],
    ['CI指数 (H17=100)', 'CI指数 (H17=100)'],
    ['Composite Indexes (2005=100)', 'Composite Indexes (2005=100)'],
    ['CI指数 (2005=100) 先行指数', 'CI指数 (2005=100) 先行指数'],
  ])('%j → %j', (text, fixed) => expect(withoutLayoutSpaces(text)).toBe(fixed));

  it('removing layout spaces twice changes nothing the second time', () => {
    for (const t of ['全　(\n全', '市　内　(生産側）', '（控除）　補助金', 'a　(\nb']) {
      const once = withoutLayoutSpaces(t);
      expect(withoutLayoutSpaces(once), JSON.stringify(t)).toBe(once);
    }
  });
});
