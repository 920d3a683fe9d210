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
])('%j', (text, expected) => expect(splitBilingual(text)).toEqual(expected));
