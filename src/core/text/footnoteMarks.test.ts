import { describe, expect, it } from 'vitest';
import { findFootnoteMarks, footnoteId, noteDefinitions } from './footnoteMarks.ts';

describe('findFootnoteMarks: values', () => {
  it.each([
    // text, mark, id, position, rest, value
    ['a)343.4', 'a)', 'a', 'prefix', '343.4', '343.4'],
    ['1)343.4', '1)', '1', 'prefix', '343.4', '343.4'],
    ['ａ）343.4', 'ａ）', 'a', 'prefix', '343.4', '343.4'],
    ['343.4 1)', '1)', '1', 'suffix', '343.4', '343.4'],
    ['1,234 1)', '1)', '1', 'suffix', '1,234', '1234'],
    ['1,234　1)', '1)', '1', 'suffix', '1,234', '1234'],
    ['343.4a)', 'a)', 'a', 'suffix', '343.4', '343.4'],
    ['1,234※', '※', '※', 'suffix', '1,234', '1234'],
    ['1,234 ※2', '※2', '※2', 'suffix', '1,234', '1234'],
    ['※1 1,234', '※1', '※1', 'prefix', '1,234', '1234'],
    ['※1,234', '※', '※', 'prefix', '1,234', '1234'],
    ['1,234*', '*', '*', 'suffix', '1,234', '1234'],
    ['*1,234', '*', '*', 'prefix', '1,234', '1234'],
    ['1,234(注)', '(注)', '注', 'suffix', '1,234', '1234'],
    ['(注)1,234', '(注)', '注', 'prefix', '1,234', '1234'],
    ['1,234 注1', '注1', '注1', 'suffix', '1,234', '1234'],
    ['1,234①', '①', '1', 'suffix', '1,234', '1234'],
    ['△5 1)', '1)', '1', 'suffix', '△5', '-5'],
  ])('%j → %s + %s', (text, mark, id, position, rest, value) => {
    const m = findFootnoteMarks(text, 'value')!;
    expect(m).toBeDefined();
    expect(m.mark).toBe(mark);
    expect(m.marks[0]).toMatchObject({ mark, id, position });
    expect(text.slice(m.marks[0].start, m.marks[0].end)).toBe(mark);
    expect(m.rest).toBe(rest);
    expect(m.number?.text).toBe(value);
  });

  it('r (revised) and p (preliminary) after a number', () => {
    expect(findFootnoteMarks('343.4r', 'value')).toMatchObject({ mark: 'r', rest: '343.4', marks: [{ kind: 'revised', id: 'r' }] });
    expect(findFootnoteMarks('1,234 p', 'value')).toMatchObject({ mark: 'p', rest: '1,234', marks: [{ kind: 'preliminary' }] });
    expect(findFootnoteMarks('Top', 'value')).toBeUndefined();
    expect(findFootnoteMarks('343.4r', 'title')).toBeUndefined();
  });

  it('a mark and a revision mark together', () => {
    const m = findFootnoteMarks('a)343.4 r', 'value')!;
    expect(m.marks.map((k) => [k.mark, k.position])).toEqual([
      ['a)', 'prefix'],
      ['r', 'suffix'],
    ]);
    expect(m.position).toBe('both');
    expect(m.rest).toBe('343.4');
  });

  it('a placeholder symbol with a mark', () => {
    expect(findFootnoteMarks('x 1)', 'value')).toMatchObject({ rest: 'x', symbol: { meaning: 'confidential' } });
    expect(findFootnoteMarks('… a)', 'value')).toMatchObject({ rest: '…', symbol: { meaning: 'unavailable' } });
  });

  it.each([
    '343.4',
    '343.41)', // no space: 343.4 + 1) or 343.41 + )? left alone
    '(1,234)',
    '(12)',
    '1)', // a mark alone
    'a)',
    '***',
    '※',
    'a)東京', // not a value
    '1,234 1) 東京',
    '2019年',
    '',
  ])('%j has no mark on a value', (text) => {
    expect(findFootnoteMarks(text, 'value')).toBeUndefined();
  });

  it('keeps the accounting parentheses when the format uses them', () => {
    expect(findFootnoteMarks('(1,234) 1)', 'value', { parenNegative: true })).toMatchObject({ number: { value: -1234 }, mark: '1)' });
  });
});

describe('findFootnoteMarks: titles', () => {
  it('population.xlsx headers: 人口集中\\n地区　1) and 人口密度\\n(人/km²)　2)', () => {
    expect(findFootnoteMarks('人口集中\n地区　1)', 'title')).toMatchObject({
      mark: '1)',
      rest: '人口集中\n地区',
      position: 'suffix',
      marks: [{ id: '1', start: 8, end: 10 }],
    });
    expect(findFootnoteMarks('人口密度\n(人/km²)　2)', 'title')).toMatchObject({ mark: '2)', rest: '人口密度\n(人/km²)' });
  });

  it('26jinugoki headers: a)市内他区\\nから転入, d)人口動態率', () => {
    expect(findFootnoteMarks('a)市内他区\nから転入', 'title')).toMatchObject({ mark: 'a)', rest: '市内他区\nから転入', position: 'prefix' });
    expect(findFootnoteMarks('d)人口動態率', 'title')).toMatchObject({ mark: 'd)', rest: '人口動態率' });
  });

  it('circled numbers at the end of a label, glued or not', () => {
    expect(findFootnoteMarks('1300東京都①　　　　', 'title')).toMatchObject({ mark: '①', rest: '1300東京都　　　　', marks: [{ id: '1', kind: 'circled' }] });
    expect(findFootnoteMarks('総数 ②', 'title')).toMatchObject({ mark: '②', rest: '総数' });
  });

  it('other marks on titles', () => {
    expect(findFootnoteMarks('総数*', 'title')).toMatchObject({ mark: '*', rest: '総数' });
    expect(findFootnoteMarks('総数 ※1', 'title')).toMatchObject({ mark: '※1', rest: '総数' });
    expect(findFootnoteMarks('総数（注）', 'title')).toMatchObject({ mark: '（注）', rest: '総数' });
    expect(findFootnoteMarks('1) 人口集中地区', 'title')).toMatchObject({ mark: '1)', rest: '人口集中地区' });
    expect(findFootnoteMarks('2階のみ使用可 ※1', 'title')).toMatchObject({ mark: '※1', rest: '2階のみ使用可' });
  });

  it.each([
    '人口増減率\n(平成12～17年)',
    '人口性比\n(女性100に\n対する男性)',
    'Adjusted Gross Income (In Thousands)',
    'CI指数 (H17=100)\nComposite Indexes (2005=100)',
    '(1,000人)',
    '(%)',
    '(1)',
    '①道 路 用', // a list number, not a mark
    '砕石合計\n(①～④)',
    '※耐震改修済', // a note text, not a mark on something
    '(再掲)北須磨',
    '受注',
    'Other',
    '1)',
    '全 国',
  ])('%j has no mark', (text) => {
    expect(findFootnoteMarks(text, 'title')).toBeUndefined();
  });
});

describe('footnoteId', () => {
  it.each([
    ['a)', 'a'],
    ['ａ）', 'a'],
    ['1)', '1'],
    ['１）', '1'],
    ['(注)', '注'],
    ['注1)', '注1'],
    ['注1', '注1'],
    ['※', '※'],
    ['※1', '※1'],
    ['*', '*'],
    ['①', '1'],
    ['⑫', '12'],
    ['r', 'r'],
  ])('%s → %s', (mark, id) => {
    expect(footnoteId(mark)).toBe(id);
  });

  it('agrees with the ids findFootnoteMarks gives', () => {
    for (const text of ['a)343.4', '343.4 1)', '1,234※', '1,234 ※2', '1,234(注)', '1,234①', '1,234 注1']) {
      const m = findFootnoteMarks(text, 'value')!.marks[0];
      expect(footnoteId(m.mark), text).toBe(m.id);
    }
  });
});

describe('noteDefinitions', () => {
  it('population.xlsx note rows', () => {
    expect(noteDefinitions('a) 歯舞群島、色丹島、国後島、択捉島及び竹島を除き算出。')).toEqual([
      { mark: 'a)', id: 'a', text: '歯舞群島、色丹島、国後島、択捉島及び竹島を除き算出。' },
    ]);
    expect(noteDefinitions('10月1日現在。　1) 人口密度の高い基本単位区（人口密度が1km²当たり約4,000人以上）が…地域。')).toEqual([
      { text: '10月1日現在。' },
      { mark: '1)', id: '1', text: '人口密度の高い基本単位区（人口密度が1km²当たり約4,000人以上）が…地域。' },
    ]);
    expect(noteDefinitions('資料　総務省統計局「国勢調査報告」')).toEqual([{ text: '資料　総務省統計局「国勢調査報告」' }]);
  });

  it('several marks in one text, each form of mark', () => {
    expect(noteDefinitions('1) 一。 2) 二。')).toEqual([
      { mark: '1)', id: '1', text: '一。' },
      { mark: '2)', id: '2', text: '二。' },
    ]);
    expect(noteDefinitions('　d)年率計算の分母')).toEqual([{ mark: 'd)', id: 'd', text: '年率計算の分母' }]);
    expect(noteDefinitions('※1 2階のみ')).toEqual([{ mark: '※1', id: '※1', text: '2階のみ' }]);
    expect(noteDefinitions('(注) 速報値である。')).toEqual([{ mark: '(注)', id: '注', text: '速報値である。' }]);
    expect(noteDefinitions('注：速報値である。')).toEqual([{ mark: '注', id: '注', text: '速報値である。' }]);
    expect(noteDefinitions('① 道路用')).toEqual([{ mark: '①', id: '1', text: '道路用' }]);
    expect(noteDefinitions('ａ）全角の印')).toEqual([{ mark: 'ａ）', id: 'a', text: '全角の印' }]);
  });

  it('brackets and numbers inside a note are not marks', () => {
    expect(noteDefinitions('人口（人口密度が1km²当たり4,000人以上）の地域(2005=100)')).toEqual([
      { text: '人口（人口密度が1km²当たり4,000人以上）の地域(2005=100)' },
    ]);
    expect(noteDefinitions('注意事項')).toEqual([{ text: '注意事項' }]);
    expect(noteDefinitions('')).toEqual([]);
    expect(noteDefinitions('a)')).toEqual([]);
  });
});
