import { describe, expect, it } from 'vitest';
import { sheetFromRows, tableOf } from '../../../test/sheets.ts';
import { columnTitles } from './header.ts';

describe('column titles', () => {
  it('a parent written once over blank cells counts for the children under them', () => {
    const sheet = sheetFromRows([
      ['名称', '災害ごとの注意事項', null, null],
      [null, '地震・大火事', '津波', '備考'],
      ['本庄小学校', '○', '×', 'なし'],
    ]);
    const t = tableOf(sheet, { headerRows: [0, 1], keyColumns: [0] });
    expect(columnTitles(sheet, t).map((x) => x.title)).toEqual(['名称', '災害ごとの注意事項 地震・大火事', '災害ごとの注意事項 津波', '災害ごとの注意事項 備考']);
  });

  it('English cells and English tails go to the English title', () => {
    const sheet = sheetFromRows([
      ['   年  月 Year and Month', '人口Population', null],
      [null, '総 数 Total', '男 Males'],
      ['2015年', 1, 2],
    ], { merges: ['B1:C1'] });
    const t = tableOf(sheet, { headerRows: [0, 1], keyColumns: [0] });
    const titles = columnTitles(sheet, t);
    expect(titles.map((x) => x.title)).toEqual(['年月', '人口 総数', '人口 男']);
    expect(titles.map((x) => x.en)).toEqual(['Year and Month', 'Population Total', 'Population Males']);
  });

  it('an English label column beside the Japanese one takes the corner\'s English words, without a quoted gloss', () => {
    const sheet = sheetFromRows([
      ['   年  月 Year and Month', null, '人口Population'],
      ['   区  別 Ward ("ku")', null, '総 数 Total'],
      ['東灘区', 'Higashinada-ku', 1],
      ['灘区', 'Nada-ku', 2],
      ['中央区', 'Chuo-ku', 3],
    ]);
    const t = tableOf(sheet, { headerRows: [0, 1], keyColumns: [0, 1] });
    const titles = columnTitles(sheet, t);
    expect(titles.map((x) => x.title)).toEqual(['年月 区別', 'Year and Month Ward', '人口 総数']);
  });

  it('a title-less column of Japanese labels takes no English title: the corner written over both names it, numbered', () => {
    const sheet = sheetFromRows([
      ['区別 Ward', null, '人口'],
      ['東灘区', '本区', 1],
      ['灘区', '北神', 2],
    ]);
    const t = tableOf(sheet, { headerRows: [0, 0], keyColumns: [0, 1] });
    expect(columnTitles(sheet, t).map((x) => x.title)).toEqual(['区別', '区別（2）', '人口']);
  });

  it('one name written once over several label columns names each, numbered after the first', () => {
    const sheet = sheetFromRows([
      ['第1当事者', null, null, '件数'],
      ['自動車', '自家用', '乗用', 1],
      [null, null, '貨物', 2],
    ]);
    const t = tableOf(sheet, { headerRows: [0, 0], keyColumns: [0, 1, 2], kinds: ['text', 'text', 'text', 'number'] });
    expect(columnTitles(sheet, t).map((x) => x.title)).toEqual(['第1当事者', '第1当事者（2）', '第1当事者（3）', '件数']);
  });

  it('the corner of a cross table: the axis word goes, a title over two label columns is shared out', () => {
    const sheet = sheetFromRows([
      [null, '年', '2019年', '2020年'],
      ['年齢層・状態', null, null, null],
      ['9歳以下', '歩行中', 1, 2],
    ]);
    const t = tableOf(sheet, { headerRows: [0, 1], keyColumns: [0, 1], kinds: ['text', 'text', 'number', 'number'] });
    expect(columnTitles(sheet, t).map((x) => x.title)).toEqual(['年齢層', '状態', '2019年', '2020年']);
  });

  it('a title with a middle dot over one label column stays whole', () => {
    const sheet = sheetFromRows([['年月・区', '人口'], ['北区', 1]]);
    expect(columnTitles(sheet, tableOf(sheet, { headerRows: [0, 0], keyColumns: [0] })).map((x) => x.title)).toEqual(['年月・区', '人口']);
  });
});
