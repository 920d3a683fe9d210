import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { fixtureBytes } from '../../../test/fixtures.ts';
import { corpusBytes, itWithCorpus } from '../../../test/corpus.ts';
import { type Sheet, getFormat, getFormula, getValue, parseAddress, rangeAddress } from '../model.ts';
import { formatValue } from '../numberFormat.ts';
import { ReadError, type ReadErrorCode, readWorkbook } from './read.ts';

function read(name: string) {
  return readWorkbook(fixtureBytes(name), name.replace(/^.*\//, ''));
}

function at(sheet: Sheet, addr: string) {
  const { r, c } = parseAddress(addr);
  return getValue(sheet, r, c);
}

function shown(sheet: Sheet, addr: string, date1904 = false) {
  const { r, c } = parseAddress(addr);
  return formatValue(getValue(sheet, r, c), getFormat(sheet, r, c), date1904);
}

function expectReadError(bytes: Uint8Array, name: string, code: ReadErrorCode, detected?: string) {
  try {
    readWorkbook(bytes, name);
  } catch (e) {
    expect(e).toBeInstanceOf(ReadError);
    expect((e as ReadError).info.code).toBe(code);
    if (detected) expect((e as ReadError).info.detected).toBe(detected);
    return;
  }
  throw new Error(`${name} was read, expected ${code}`);
}

describe('fixtures from the guide', () => {
  it('population.xlsx: one sheet 2-2, 9 merges, values as stored', () => {
    const { workbook } = read('population.xlsx');
    expect(workbook.source.format).toBe('xlsx');
    expect(workbook.sheets.map((s) => s.name)).toEqual(['2-2']);
    const sheet = workbook.sheets[0];
    expect(sheet.rowCount).toBe(58);
    expect(sheet.columns).toHaveLength(9);
    expect(sheet.merges.map(rangeAddress)).toEqual(['A1:I1', 'A3:A5', 'B3:B4', 'C3:D3', 'E3:E4', 'F3:F4', 'G3:G5', 'H3:H5', 'I3:I4']);
    expect(at(sheet, 'A1')).toBe('2-2 都道府県別人口と人口増加率');
    expect(at(sheet, 'A2')).toBeNull();
    expect(at(sheet, 'E3')).toBe('人口増減率\n(平成12～17年)');
    expect(at(sheet, 'A6')).toBe('全 国');
    expect(at(sheet, 'B6')).toBe(126926);
    expect(getFormat(sheet, 5, 1)).toBe('#,##0');
    expect(shown(sheet, 'B6')).toBe('126,926');
    expect(at(sheet, 'H6')).toBe('a)343.4');
    expect(at(sheet, 'E7')).toBe(-1);
    expect(shown(sheet, 'E7')).toBe('-1.0');
    expect(at(sheet, 'H17')).toBe('1,894.2'); // 埼玉 density typed as text
    expect(at(sheet, 'B19')).toBe('12,064 '); // 東京 2000 typed as text with a trailing space
    expect(at(sheet, 'A58')).toMatch(/^資料/);
    expect(sheet.hiddenRows).toEqual([]);
    expect(sheet.hiddenCols).toEqual([]);
  });

  it('ci-index.xlsx: bilingual two-level header, years only on the first month', () => {
    const sheet = read('ci-index.xlsx').workbook.sheets[0];
    expect(sheet.name).toBe('CI');
    expect(sheet.merges.map(rangeAddress)).toEqual(['A3:A4', 'B3:B4', 'C3:C4', 'D3:F3', 'G3:I3']);
    expect(at(sheet, 'D3')).toBe('CI指数 (H17=100)\nComposite Indexes (2005=100)');
    expect([at(sheet, 'A5'), at(sheet, 'B5'), at(sheet, 'C5')]).toEqual([21, 2009, 11]);
    expect([at(sheet, 'A6'), at(sheet, 'B6'), at(sheet, 'C6')]).toEqual([null, null, 12]);
    expect(shown(sheet, 'H5')).toBe('82.0');
  });

  it('crushed-stone.xlsx: two tables on one sheet, era periods as text, ... for not surveyed', () => {
    const sheet = read('crushed-stone.xlsx').workbook.sheets[0];
    expect(sheet.name).toBe('推移');
    expect(sheet.rowCount).toBe(29);
    expect(sheet.merges).toHaveLength(7);
    expect(at(sheet, 'H2')).toBe('(単位:千ト)');
    expect(at(sheet, 'A5')).toBe('平成 22 年');
    expect(at(sheet, 'I3')).toBe('年 月');
    expect(at(sheet, 'A10')).toBe('7');
    expect(at(sheet, 'B10')).toBe('...');
    expect(at(sheet, 'A22')).toBe('(2) 砕石の出荷(用途別)');
    expect(at(sheet, 'B24')).toBe(17011);
  });

  it('industry.xlsx: three merged caption rows, code and name in one cell', () => {
    const sheet = read('industry.xlsx').workbook.sheets[0];
    expect(sheet.name).toBe('産業細分類別');
    expect(sheet.merges.map(rangeAddress)).toEqual(['A1:G1', 'A2:G2', 'A3:G3']);
    expect(at(sheet, 'A7')).toBe('0911 部分肉・冷凍肉製造業');
    expect(at(sheet, 'C4')).toBe('従業者数\n(人)');
    expect(shown(sheet, 'C5')).toBe('7,663,847');
  });

  it('county-income.csv: UTF-8, quoted numbers with separators stay text', () => {
    const { workbook } = read('county-income.csv');
    expect(workbook.source).toMatchObject({ format: 'csv', encoding: 'utf-8', encodingDetected: true, delimiter: ',' });
    const sheet = workbook.sheets[0];
    expect(sheet.name).toBe('county-income');
    expect(at(sheet, 'A1')).toBe('State Code');
    expect(at(sheet, 'A2')).toBe(1);
    expect(at(sheet, 'B2')).toBe(0);
    expect(at(sheet, 'E2')).toBe('2,069,212');
    expect(at(sheet, 'G2')).toBe('$92,162,773');
  });

  it('shelters-sjis.csv: Shift_JIS detected, full-width text kept as text', () => {
    const { workbook, warnings } = read('shelters-sjis.csv');
    expect(workbook.source.encoding).toBe('shift_jis');
    expect(warnings).toEqual([]);
    const sheet = workbook.sheets[0];
    expect(at(sheet, 'B2')).toBe('中央小学校');
    expect(at(sheet, 'C2')).toBe('中央町１－２－３');
    expect(at(sheet, 'D2')).toBe('１，２００人');
    expect(at(sheet, 'E2')).toBe('平成31年4月1日');
  });
});

describe('real published files', () => {
  itWithCorpus('26jinugoki.xls (BIFF8): 9 sheets, 246 merges, △ negatives shown as Excel shows them', 'kobe-opendata/26jinugoki.xls', () => {
    const { workbook } = readWorkbook(corpusBytes('kobe-opendata/26jinugoki.xls'), '26jinugoki.xls');
    expect(workbook.source.format).toBe('xls');
    expect(workbook.sheets.map((s) => s.name)).toEqual(['目次', 'Ⅰ', 'Ⅱ', 'Ⅲ', 'Ⅳ', 'Ⅴ', 'Ⅵ', 'Ⅶ', 'Ⅷ']);
    expect(workbook.sheets.reduce((n, s) => n + s.merges.length, 0)).toBe(246);
    const one = workbook.sheets[1];
    expect(at(one, 'A9')).toBe(' 平 成 ６ 年');
    expect(at(one, 'A10')).toBe('       ７ 年');
    expect(at(one, 'B10')).toBe(-46841);
    expect(shown(one, 'B10')).toBe('  △46,841');
    expect(at(one, 'A3')).toBe('（単位：人，‰）');
  });

  itWithCorpus('2017okugaihinanjo.csv: CP932 with the NEC № character', 'kobe-opendata/2017okugaihinanjo.csv', () => {
    const { workbook, warnings } = readWorkbook(corpusBytes('kobe-opendata/2017okugaihinanjo.csv'), '2017okugaihinanjo.csv');
    expect(workbook.source.encoding).toBe('shift_jis');
    expect(warnings).toEqual([]);
    expect(at(workbook.sheets[0], 'A1')).toBe('№');
  });

  itWithCorpus('nb01h0013_cp932.csv: e-Stat CP932 with full-width space padding and ①', 'open-data-linter/nb01h0013_cp932.csv', () => {
    const { workbook } = readWorkbook(corpusBytes('open-data-linter/nb01h0013_cp932.csv'), 'nb01h0013_cp932.csv');
    expect(workbook.source.encoding).toBe('shift_jis');
    const texts = workbook.sheets[0].columns.flatMap((c) => c.values).filter((v): v is string => typeof v === 'string');
    expect(texts.some((t) => t.includes('総　数'))).toBe(true);
    expect(texts.some((t) => t.startsWith('1300東京都'))).toBe(true);
    expect(texts.some((t) => t.includes('①'))).toBe(true);
  });

  itWithCorpus('cell_format_2007.xlsx: Japanese-era date formats render as Excel-JP shows them', 'excel-cellformatter/cell_format_2007.xlsx', () => {
    const { workbook } = readWorkbook(corpusBytes('excel-cellformatter/cell_format_2007.xlsx'), 'cell_format_2007.xlsx');
    const sheet = workbook.sheets.find((s) => s.name === '書式（日付）')!;
    let checked = 0;
    for (let r = 3; r < sheet.rowCount; r++) {
      const format = getFormat(sheet, r, 2);
      const expected = getValue(sheet, r, 3);
      if (!/\[\$-411\]/.test(format) || typeof expected !== 'string') continue;
      expect(formatValue(getValue(sheet, r, 2), format, workbook.date1904), `row ${r + 1} ${format}`).toBe(expected);
      checked++;
    }
    // ge.m.d and ggge"年"m"月"d"日" across the 明治/大正/昭和/平成 boundaries.
    expect(checked).toBeGreaterThanOrEqual(14);
  });

  itWithCorpus('cell_format_2000_builtinformat_ja.xls: built-in ids 27–36 without a stored format string', 'excel-cellformatter/cell_format_2000_builtinformat_ja.xls', () => {
    const sheet = readWorkbook(corpusBytes('excel-cellformatter/cell_format_2000_builtinformat_ja.xls'), 'cell_format_2000_builtinformat_ja.xls').workbook.sheets.find((s) => s.name === '書式（組み込み書式)')!;
    const byId = new Map<number, { shown: string; expected: string }>();
    for (let r = 3; r < sheet.rowCount; r++) {
      const id = getValue(sheet, r, 4);
      const expected = getValue(sheet, r, 3);
      if (typeof id !== 'number' || typeof expected !== 'string') continue;
      byId.set(id, { shown: formatValue(getValue(sheet, r, 2), getFormat(sheet, r, 2)), expected });
    }
    for (const id of [27, 28, 29, 30, 31, 32, 33, 34, 35, 36]) {
      expect(byId.get(id), `format id ${id}`).toBeDefined();
      expect(byId.get(id)!.shown, `format id ${id}`).toBe(byId.get(id)!.expected);
    }
  });
});

describe('formulas, hidden rows and columns, extent', () => {
  function xlsxBytes(build: (ws: XLSX.WorkSheet) => void): Uint8Array {
    const ws = XLSX.utils.aoa_to_sheet([
      ['a', 'b', 'c'],
      [1, 2, 3],
      [4, 5, 6],
    ]);
    build(ws);
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'S');
    return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', cellStyles: true }) as ArrayBuffer);
  }

  it('keeps formulas with their computed value, and hidden rows/columns', () => {
    const bytes = xlsxBytes((ws) => {
      ws['C3'] = { t: 'n', v: 9, f: 'A3+B3' };
      ws['!rows'] = [undefined as never, { hidden: true }];
      ws['!cols'] = [undefined as never, undefined as never, { hidden: true }];
    });
    const sheet = readWorkbook(bytes, 't.xlsx').workbook.sheets[0];
    expect(getValue(sheet, 2, 2)).toBe(9);
    expect(getFormula(sheet, 2, 2)).toBe('A3+B3');
    expect(sheet.hiddenRows).toEqual([1]);
    expect(sheet.hiddenCols).toEqual([2]);
  });

  it('uses the real data extent, not a !ref that claims a million rows', () => {
    const bytes = xlsxBytes((ws) => {
      ws['!ref'] = 'A1:C1048576';
    });
    const sheet = readWorkbook(bytes, 't.xlsx').workbook.sheets[0];
    expect(sheet.rowCount).toBe(3);
  });
});

describe('unreadable input', () => {
  const population = fixtureBytes('population.xlsx');

  it('rejects an empty file', () => {
    expectReadError(new Uint8Array(0), 'empty.xlsx', 'empty');
    expectReadError(new TextEncoder().encode(' \r\n '), 'blank.csv', 'empty');
  });

  it('rejects a PDF, PNG or random binary named .xlsx', () => {
    expectReadError(new TextEncoder().encode('%PDF-1.4\n%âãÏÓ\n1 0 obj\n'), 'report.xlsx', 'not-spreadsheet', 'PDF');
    expectReadError(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'pic.xlsx', 'not-spreadsheet', 'PNG');
    const noise = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256);
    expectReadError(noise, 'noise.xls', 'not-spreadsheet');
    expectReadError(noise, 'noise.csv', 'not-spreadsheet');
  });

  it('rejects a ZIP that is not a workbook', () => {
    const zip = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(zip, 'readme.txt', new TextEncoder().encode('hello'));
    const bytes = XLSX.CFB.write(zip, { type: 'array', fileType: 'zip' }) as Uint8Array;
    expectReadError(new Uint8Array(bytes), 'archive.xlsx', 'not-spreadsheet', 'ZIP');
  });

  it('reports a truncated workbook', () => {
    expectReadError(population.subarray(0, population.length >> 1), 'half.xlsx', 'truncated');
    expectReadError(population.subarray(0, population.length - 200), 'cut.xlsx', 'truncated');
  });

  it('reports a password-protected workbook', () => {
    // An encrypted OOXML file is a CFB container with EncryptionInfo + EncryptedPackage streams.
    const cfb = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(cfb, 'EncryptionInfo', new Uint8Array(256));
    XLSX.CFB.utils.cfb_add(cfb, 'EncryptedPackage', new Uint8Array(4096));
    expectReadError(new Uint8Array(XLSX.CFB.write(cfb, { type: 'array' }) as Uint8Array), 'secret.xlsx', 'encrypted');
  });
});
