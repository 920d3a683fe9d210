import { expect, it } from 'vitest';
import { splitBilingual } from './bilingual.ts';

it.each([
  ['和暦\nJapanese year', { ja: '和暦', en: 'Japanese year' }],
  ['CI指数 (H17=100)\nComposite Indexes (2005=100)', { ja: 'CI指数 (H17=100)', en: 'Composite Indexes (2005=100)' }],
  ['人口増減率\n(平成12～17年)', { ja: '人口増減率\n(平成12～17年)' }],
  ['現金給与\n総額\n(百万円)', { ja: '現金給与\n総額\n(百万円)' }],
  ['Total Number\nof Returns', { ja: 'Total Number\nof Returns' }],
  ['人口', { ja: '人口' }],
  ['人口\n(人)\nPopulation', { ja: '人口\n(人)', en: 'Population' }],
  // English on the same line as the Japanese
  ['人口Population', { ja: '人口', en: 'Population' }],
  ['   年  月 Year and Month', { ja: '   年  月', en: 'Year and Month' }],
  ['区  別 Ward ("ku")', { ja: '区  別', en: 'Ward ("ku")' }],
  ['人 口 動 態        Population Change', { ja: '人 口 動 態', en: 'Population Change' }],
  ['CI指数 (H17=100)', { ja: 'CI指数 (H17=100)' }],
  ['女 100に   対する男', { ja: '女 100に   対する男' }],
  ['人口密度      1k㎡当たり', { ja: '人口密度      1k㎡当たり' }],
])('%j', (text, expected) => expect(splitBilingual(text)).toEqual(expected));
