import { describe, expect, it } from 'vitest';
import { viewOf } from '../../../test/sheets.ts';
import { getRaw, getValue } from '../model.ts';
import { ruleById } from '../rules/registry.ts';
import { readWorkbook } from './read.ts';
import { cellFindings } from '../rules/findings.ts';

const encode = (text: string) => new TextEncoder().encode(text);

// The guide's own example (技術ガイド 2.2) with a @Baseval row and a guarded text cell.
const LEVEL2 = [
  '@Caption,都道府県別人口',
  '@Creator,総務省統計局',
  '@Date,2013-03-31',
  '@Language,ja',
  '@Title',
  '都道府県,人口,増減率,調査日',
  '@Baseval',
  ',1000,,',
  '@Unit',
  ',人,%,',
  '@Datatype',
  'xsd:string,xsd:integer,xsd:double,xsd:date',
  '北海道,5506,-2.2,2010-10-01',
  '青森県,1373,-4.4,2010-10-01',
  "'=岩手県,1330,-4.0,2010-10-01",
  '',
].join('\r\n');

describe('opening a Level 2 CSV', () => {
  it('reads the @ lines as metadata and keeps only the title row and the data as cells', () => {
    const { workbook, warnings } = readWorkbook(encode(LEVEL2), 'pref.csv');
    const sheet = workbook.sheets[0];
    expect(warnings).toContainEqual({ code: 'level2', metaLines: 11 });
    expect(sheet.rowCount).toBe(4);
    expect(getValue(sheet, 0, 1)).toBe('人口');
    expect(getValue(sheet, 1, 1)).toBe(5506);
    expect(getValue(sheet, 3, 0)).toBe('=岩手県'); // the injection guard's ' is removed
    expect(getValue(sheet, 3, 2)).toBe(-4);
    expect(getRaw(sheet, 3, 2)).toBe('-4.0');
    expect(sheet.meta).toEqual({
      caption: '都道府県別人口',
      creator: '総務省統計局',
      date: '2013-03-31',
      language: 'ja',
      notes: [],
      columns: [{ datatype: 'xsd:string' }, { baseval: 1000, unit: '人', datatype: 'xsd:integer' }, { unit: '%', datatype: 'xsd:double' }, { datatype: 'xsd:date' }],
    });
  });

  it('the declared datatypes are checked against the values', () => {
    const { workbook } = readWorkbook(encode(LEVEL2.replace('青森県,1373', '青森県,約1373')), 'pref.csv');
    const view = viewOf(workbook.sheets[0]);
    const datatypes = ruleById('datatypes');
    if (datatypes?.scope !== 'cell') throw new Error('datatypes is a cell rule');
    const found = [];
    for (let r = 1; r < 4; r++) for (let c = 0; c < 4; c++) found.push(...cellFindings(datatypes, view, r, c));
    expect(found.map((v) => [v.range.s.r, v.range.s.c, v.params?.value])).toEqual([[2, 1, '約1373']]);
  });

  it('a CSV that merely has an @ in its first cell, or a forced other delimiter, stays a plain table', () => {
    const plain = readWorkbook(encode('@会員,人数\r\nA,1\r\n'), 'members.csv');
    expect(plain.warnings).toEqual([]);
    expect(getValue(plain.workbook.sheets[0], 0, 0)).toBe('@会員');
    const tab = readWorkbook(encode(LEVEL2), 'pref.csv', { delimiter: '\t' });
    expect(tab.warnings.some((w) => w.code === 'level2')).toBe(false);
  });
});
