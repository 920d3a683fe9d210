import { describe, expect, it } from 'vitest';
import { sheetFromRows } from '../../../test/sheets.ts';
import { detectStructure } from './detect.ts';
import { isCodeText, rowFeatures } from './rowFeatures.ts';

const day = (n: number) => ({ value: 44474 + n, format: 'yyyy"年"m"月"d"日"' });

describe('a row of typed dates', () => {
  it('counting up in even steps over numbers is a header (like a row of years)', () => {
    const sheet = sheetFromRows([[null, day(0), day(1), day(2)], ['test1', 123, 123, 123], ['test2', 123, 123, 123]]);
    expect(rowFeatures(sheet, 0).years).toBe(3);
    const [t] = detectStructure(sheet).tables;
    expect(t.headerRows).toEqual({ start: 0, end: 0 });
    expect(t.dataRows).toEqual({ start: 1, end: 2 });
  });

  it('month by month counts; dates in uneven steps, or beside numbers, do not', () => {
    const month = (m: number) => ({ value: [44470, 44501, 44531, 44562][m], format: 'yyyy/m/d' });
    expect(rowFeatures(sheetFromRows([['', month(0), month(1), month(2), month(3)]]), 0).years).toBe(4);
    expect(rowFeatures(sheetFromRows([['受付', day(0), day(3), day(4)]]), 0).years).toBe(0);
    expect(rowFeatures(sheetFromRows([['受付', day(0), day(1), day(2), 5]]), 0).years).toBe(0);
    expect(rowFeatures(sheetFromRows([['受付', day(0), day(1)]]), 0).years).toBe(0);
  });
});

describe('isCodeText', () => {
  it('reads groups of digits with separators as an identifier, not a word', () => {
    for (const t of ['828-262-2180', '658-0027', '27695-7642', '(03) 1234 5678', '０７８－３２２－５３１０']) expect(isCodeText(t), t).toBe(true);
    for (const t of ['1234', '2019年4月', 'A-12', '1-2', '第1表', '12-3', '2008-2012', '1995/96', '2000-05']) expect(isCodeText(t), t).toBe(false);
  });
});
