import { describe, expect, it } from 'vitest';
import { creatorOf, organisationOf, parseNoteLine } from './notes.ts';

describe('parseNoteLine', () => {
  it('population.xlsx row 55: a remark, then footnote 1)', () => {
    expect(parseNoteLine('10月1日現在。　1) 人口密度の高い基本単位区が隣接して、人口5,000人以上を有する地域。').notes).toEqual([
      { text: '10月1日現在。' },
      { mark: '1)', text: '人口密度の高い基本単位区が隣接して、人口5,000人以上を有する地域。' },
    ]);
  });

  it('marks a) 2) ※ 注1 (1) ①', () => {
    expect(parseNoteLine('a) 歯舞群島を除き算出。').notes).toEqual([{ mark: 'a)', text: '歯舞群島を除き算出。' }]);
    expect(parseNoteLine('2) 国土地理院「面積調」による。').notes).toEqual([{ mark: '2)', text: '国土地理院「面積調」による。' }]);
    expect(parseNoteLine('※ 速報値').notes).toEqual([{ mark: '※', text: '速報値' }]);
    expect(parseNoteLine('注1 概数').notes).toEqual([{ mark: '注1', text: '概数' }]);
    expect(parseNoteLine('(1) 旧町村を含む').notes).toEqual([{ mark: '(1)', text: '旧町村を含む' }]);
    expect(parseNoteLine('① 推計').notes).toEqual([{ mark: '①', text: '推計' }]);
  });

  it('numbers inside a sentence are not marks', () => {
    expect(parseNoteLine('人口5,000人以上(2010年)を有する地域。').notes).toEqual([{ text: '人口5,000人以上(2010年)を有する地域。' }]);
  });

  it('資料 / 出典 lines are the source; the creator is the organisation before 「', () => {
    const p = parseNoteLine('資料　総務省統計局統計調査部国勢統計課「国勢調査報告」「国勢調査」（ホームページ）');
    expect(p).toEqual({ notes: [], source: '総務省統計局統計調査部国勢統計課「国勢調査報告」「国勢調査」（ホームページ）' });
    expect(creatorOf(p.source!)).toBe('総務省統計局統計調査部国勢統計課');
    expect(parseNoteLine('出典：神戸市').source).toBe('神戸市');
  });
});

describe('organisationOf', () => {
  it('a 資料 line gives its creator; a line that is an organisation\'s name gives it', () => {
    expect(organisationOf('資料　総務省統計局統計調査部国勢統計課「国勢調査報告」')).toBe('総務省統計局統計調査部国勢統計課');
    expect(organisationOf('神戸市企画調整局政策企画部総合計画課 ')).toBe('神戸市企画調整局政策企画部総合計画課');
    expect(organisationOf('神戸市企画調整局政策企画部総合計画課 General Planning and Resarch Divison,Kobe City')).toBe('神戸市企画調整局政策企画部総合計画課');
    expect(organisationOf('浜松市総務部文書行政課')).toBe('浜松市総務部文書行政課');
    expect(organisationOf('総務省')).toBe('総務省');
  });

  it('titles, captions and dates are no organisation', () => {
    for (const t of ['神戸市の推計人口', '第1部', '平成27年８月1日現在', '人口 増減数', '社会動態', '総合計画課 人口']) expect(organisationOf(t)).toBeUndefined();
  });

  it('strict (a header band): the jurisdiction first, at the start of a longer title', () => {
    expect(organisationOf('神戸市企画調整局政策企画部総合計画課 General Planning 女 100に 対する男', { strict: true })).toBe('神戸市企画調整局政策企画部総合計画課');
    for (const t of ['東京都区部', '総務部', '財政局', '資料　総務省統計局']) expect(organisationOf(t, { strict: true })).toBeUndefined();
  });
});
