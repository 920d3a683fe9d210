import fc from 'fast-check';
import { corpusSheet, corpusWorkbook, itWithCorpus, missingCorpus } from '../../../test/corpus.ts';
import { describe, expect, it } from 'vitest';
import { fixtureBytes } from '../../../test/fixtures.ts';
import { fixtureView } from '../../../test/fixtureView.ts';
import { sheetFromRows, tableOf, viewOf } from '../../../test/sheets.ts';
import { type Change, applyChanges } from '../changes.ts';
import { readWorkbook } from '../io/read.ts';
import { type Workbook, cellAddress, getCell, parseAddress } from '../model.ts';
import type { ColumnKind } from '../structure/types.ts';
import { numberAsTextRule as rule } from './number-as-text.ts';
import { numberTextAt } from './shared/numberTextAt.ts';
import type { SheetView, Violation } from './types.ts';
import { applyFixChecked, at, populationView } from '../../../test/ruleHarness.ts';
import { findingsOfCase, ruleTester, viewOfCase } from '../../../test/ruleTester.ts';
import { cellFindings } from './findings.ts';
import { fillTemplate } from '../messages/template.ts';
import { LINEAR, countingView, growth } from '../../../test/workCount.ts';

/** Every finding on the sheet, each checked against the rule's messages. */
const detectAll = (view: SheetView): Violation[] => findingsOfCase(rule, view);

function sheetOf(name: string, index = 0) {
  return readWorkbook(fixtureBytes(name), name.replace(/^.*\//, '')).workbook.sheets[index];
}

const numbers = (n: number): ColumnKind[] => new Array<ColumnKind>(n).fill('number');

const textNumbers = {
  rows: [
    ['地域', 'コード', '人数', '金額', '年', '備考'],
    ['全国', '0911', '１，２００人', '1,234千円', '2019', '2019年'],
    ['北', '0001', -5, '△37,655', '2020', '0911'],
    ['南', '650', '343.4', { value: '(1,234)', format: '#,##0;(#,##0)' }, '7-9', 'abc'],
    ['1,234', '078-123-4567', '12.5%', '(1,234)', 'H30.3.31', '850人'],
  ],
  tables: [{ headerRows: [0, 0] as [number, number], keyColumns: [0], kinds: ['text', 'code', 'number', 'number', 'period', 'text'] as ColumnKind[] }],
};

describe('number-as-text rule', () => {
  it('meta follows the spec', () => {
    expect(rule.meta).toMatchObject({ id: 'number-as-text', level: 1, family: 'value', guideRef: { guide: '手順2 カンマ除去', soumu: '1-3' } });
  });

  it('the Japanese message reads as the spec shows', () => {
    const [v] = cellFindings(rule, viewOfCase(textNumbers), 1, 2);
    expect(fillTemplate(rule.meta.messages.numberUnit.ja, v.params)).toBe('「１，２００人」は数値 1200(単位: 人)として扱えます。');
    expect(v.messageId).toBe('numberUnit');
  });

  it('numberTextAt gives the fix the same parse', () => {
    const view = viewOfCase(textNumbers);
    expect(numberTextAt(view, 1, 2)).toMatchObject({ value: 1200, unit: { unit: '人' }, fullwidth: true, grouped: true });
    expect(numberTextAt(view, 1, 1)).toBeUndefined();
  });

  it('shelters-sjis.csv: 約300人 is read with its 約', () => {
    const s = sheetOf('shelters-sjis.csv');
    const t = tableOf(s, { headerRows: [0, 0], keyColumns: [0], kinds: ['code', 'text', 'text', 'number', 'date', 'text'] });
    expect(numberTextAt(viewOf(s, [t]), 3, 3)?.approx).toBe('約');
  });
});

const unit = (at: string, value: string, u: string) => ({ messageId: 'numberUnit' as const, at, paramsLike: { value, unit: u } });

ruleTester(rule, {
  valid: [
    {
      name: 'typed numbers, codes, key columns, periods, years and non-numbers',
      ...textNumbers,
      // typed -5; 0911 and 650 in a code column; 1,234 in the key column; 2019 in a period column;
      // 2019年 (a period label); 0911 in a text column (leading zero); (1,234) without a
      // parenthesised format; the header.
      cells: ['C3', 'B2', 'B4', 'A5', 'E2', 'F2', 'F3', 'D5', 'C1'],
    },
    {
      name: '2017okugaihinanjo.csv: codes 0001… and postal codes 658-0027 are not numbers',
      skip: missingCorpus(['kobe-opendata/2017okugaihinanjo.csv']),
      view: () => {
        const s = corpusSheet('kobe-opendata/2017okugaihinanjo.csv');
        return viewOf(s, [tableOf(s, { headerRows: [0, 1], keyColumns: [0], kinds: ['code', 'text', 'text', 'text', 'text', 'number', 'number', 'text', 'text', 'text', 'text', 'text'] })]);
      },
    },
  ],
  invalid: [
    {
      name: 'text numbers in the data region, with the number and the unit',
      ...textNumbers,
      errors: [
        { messageId: 'numberUnit', at: 'C2', params: { text: '１，２００人', value: '1200', unit: '人' }, fixId: 'convert' },
        { messageId: 'numberScaled', at: 'D2', params: { text: '1,234千円', value: '1234', unit: '円', scale: 1000 } },
        { messageId: 'number', at: 'D3', params: { text: '△37,655', value: '-37655' } },
        { messageId: 'number', at: 'C4', params: { text: '343.4', value: '343.4' } },
        { messageId: 'number', at: 'D4', params: { text: '(1,234)', value: '-1234' } },
        { messageId: 'numberUnit', at: 'C5', params: { text: '12.5%', value: '12.5', unit: '%' } },
        { messageId: 'numberUnit', at: 'F5', params: { text: '850人', value: '850', unit: '人' } },
      ],
    },
    {
      name: 'population.xlsx: 1,894.2 (埼玉 density, H17) and 12,064␣ (東京 2000, B19), not a)343.4',
      view: populationView,
      errors: [
        { messageId: 'number', at: 'H17', paramsLike: { value: '1894.2' } },
        { messageId: 'number', at: 'B19', paramsLike: { value: '12064' } },
      ],
    },
    {
      name: 'shelters-sjis.csv: １，２００人, 850人, 約300人 and ６０人 in 収容人数; No. and addresses untouched',
      view: () => {
        const s = sheetOf('shelters-sjis.csv');
        return viewOf(s, [tableOf(s, { headerRows: [0, 0], keyColumns: [0], kinds: ['code', 'text', 'text', 'number', 'date', 'text'] })]);
      },
      errors: [unit('D2', '1200', '人'), unit('D3', '850', '人'), unit('D4', '300', '人'), unit('D6', '60', '人')],
    },
    {
      name: 'county-income.csv: "2,069,212" and $92,162,773, every count and income of the 21 rows',
      view: () => {
        const s = sheetOf('county-income.csv');
        return viewOf(s, [tableOf(s, { headerRows: [0, 0], keyColumns: [0, 1, 2, 3], kinds: ['code', 'code', 'text', 'text', ...numbers(3)] })]);
      },
      errors: 21 * 3,
      check(found) {
        expect(found.every((v) => v.range.s.c >= 4)).toBe(true);
        expect(found[0]).toMatchObject({ messageId: 'number', params: { text: '2,069,212', value: '2069212' } });
        expect(found[2]).toMatchObject({ messageId: 'numberUnit', params: { text: '$92,162,773', value: '92162773', unit: '$' } });
      },
    },
  ],
});

describe('number-as-text on 26jinugoki.xls', () => {
  itWithCorpus('the △ negatives are numbers with a format, never text', 'kobe-opendata/26jinugoki.xls', () => {
    const workbook = corpusWorkbook('kobe-opendata/26jinugoki.xls');
    let triangles = 0;
    for (const s of workbook.sheets) {
      const found = detectAll(viewOf(s));
      expect(found.filter((v) => String(v.params?.text).includes('△'))).toEqual([]);
      for (const col of s.columns) for (const v of col.values) if (typeof v === 'string' && /△\s*\d/.test(v)) triangles++;
    }
    expect(triangles).toBe(0);
  });
});

// --- fix ---------------------------------------------------------------------------------

const applyFix = (view: SheetView): Change[] => applyFixChecked(rule, view);

const cell = (view: SheetView, addr: string) => {
  const { r, c } = parseAddress(addr);
  return getCell(view.sheet, r, c);
};

describe('number-as-text fix', () => {
  const build = () => {
    const sheet = sheetFromRows([
      ['地域', 'コード', '人数', '金額', '率', '備考'],
      ['全国', '0911', '１，２００人', '△37,655', { value: '1.50', format: '@' }, '2019年'],
      ['北', '0001', ' 850 人 ', '▲5', '-0.0', '0911'],
      ['南', '650', '約300人', { value: '(1,234)', format: '#,##0;(#,##0)' }, { value: '12.5', format: '0.0', note: 'p' }, 'abc'],
      ['1,234', '078-123-4567', 120, '－', '0.001', '850人'],
    ]);
    return viewOf(sheet, [tableOf(sheet, { headerRows: [0, 0], keyColumns: [0], kinds: ['text', 'code', 'number', 'number', 'number', 'text'] })]);
  };

  it('writes each number exactly: sign, decimals as written (raw), the cell format kept', () => {
    const view = build();
    const changes = applyFix(view);
    expect(cell(view, 'C2')).toEqual({ value: 1200 });
    expect(cell(view, 'C3')).toEqual({ value: 850 });
    expect(cell(view, 'D2')).toEqual({ value: -37655 });
    expect(cell(view, 'D3')).toEqual({ value: -5 });
    expect(cell(view, 'D4')).toEqual({ value: -1234, format: '#,##0;(#,##0)' });
    expect(cell(view, 'E2')).toEqual({ value: 1.5, raw: '1.50' }); // the text format @ is not kept
    expect(Object.is(cell(view, 'E3').value, -0)).toBe(true);
    expect(cell(view, 'E3').raw).toBe('-0.0');
    expect(cell(view, 'E4')).toEqual({ value: 12.5, format: '0.0', note: 'p' });
    expect(cell(view, 'E5')).toEqual({ value: 0.001 });
    // One metadata change, last.
    expect(changes.filter((c) => c.kind === 'meta')).toHaveLength(1);
    expect(changes[changes.length - 1].kind).toBe('meta');
  });

  it('約 goes to the cell note and the metadata notes; the unit to the column', () => {
    const view = build();
    applyFix(view);
    expect(cell(view, 'C4')).toEqual({ value: 300, note: '約' });
    expect(view.sheet.meta?.columns[2]).toEqual({ unit: '人' });
    expect(view.sheet.meta?.notes).toEqual([{ mark: '約', text: '概数（おおよその値）' }]);
  });

  it('fixes exactly what it reports: codes, key columns, periods, words and typed numbers stay', () => {
    const view = build();
    const reported = detectAll(view).map(at);
    const changes = applyFix(view);
    const touched = changes.flatMap((c) => (c.kind === 'cell' ? [cellAddress(c.r, c.c)] : []));
    expect(touched).toEqual(reported);
    expect(touched).toEqual(['C2', 'D2', 'E2', 'C3', 'D3', 'E3', 'C4', 'D4', 'E4', 'E5', 'F5']);
    expect(cell(view, 'B2')).toEqual({ value: '0911' });
    expect(cell(view, 'A5')).toEqual({ value: '1,234' });
    expect(cell(view, 'C5')).toEqual({ value: 120 });
    expect(cell(view, 'D5')).toEqual({ value: '－' });
    expect(cell(view, 'F2')).toEqual({ value: '2019年' });
    expect(cell(view, 'F5')).toEqual({ value: 850 });
    expect(view.sheet.meta?.columns[5]).toEqual({ unit: '人' });
  });

  it('after the fix the rule finds nothing, and a second fix changes nothing', () => {
    const view = build();
    applyFix(view);
    expect(detectAll(view)).toEqual([]);
    expect(rule.fix!(view, {})).toEqual([]);
  });

  it('no violations: no changes, not even metadata', () => {
    const sheet = sheetFromRows([['a', 'b'], ['x', 1]]);
    expect(rule.fix!(viewOf(sheet), {})).toEqual([]);
  });

  it('different units in one column: no unit picked, each cell keeps its own in its note', () => {
    const sheet = sheetFromRows([['k', '量'], ['a', '5人'], ['b', '120円'], ['c', '約3人']]);
    const view = viewOf(sheet, [tableOf(sheet, { headerRows: [0, 0], kinds: ['text', 'number'] })]);
    applyFix(view);
    expect([cell(view, 'B2'), cell(view, 'B3'), cell(view, 'B4')]).toEqual([
      { value: 5, note: '単位：人' },
      { value: 120, note: '単位：円' },
      { value: 3, note: '約 単位：人' },
    ]);
    expect(view.sheet.meta?.columns[1]).toBeUndefined();
  });

  it('merges with the metadata: other column fields kept, a different unit already there is not overwritten', () => {
    const sheet = sheetFromRows([['k', 'A', 'B'], ['a', '5人', '7円'], ['b', '6人', '8円']]);
    sheet.meta = { caption: 'T', notes: [{ text: 'n' }], columns: [undefined, { titleEn: 'Persons', baseval: 1000 }, { unit: '千円' }] };
    const view = viewOf(sheet, [tableOf(sheet, { headerRows: [0, 0], kinds: ['text', 'number', 'number'] })]);
    applyFix(view);
    expect(view.sheet.meta).toEqual({ caption: 'T', notes: [{ text: 'n' }], columns: [undefined, { titleEn: 'Persons', baseval: 1000, unit: '人' }, { unit: '千円' }] });
    expect(cell(view, 'C2')).toEqual({ value: 7, note: '単位：円' });
    expect(cell(view, 'B2')).toEqual({ value: 5 });
  });

  it('a scale goes to Baseval only when every number of the column states it', () => {
    const all = sheetFromRows([['k', '金額'], ['a', '1,234千円'], ['b', '5千円']]);
    const v1 = viewOf(all, [tableOf(all, { headerRows: [0, 0], kinds: ['text', 'number'] })]);
    applyFix(v1);
    expect(v1.sheet.meta?.columns[1]).toEqual({ unit: '円', baseval: 1000 });
    expect(cell(v1, 'B2')).toEqual({ value: 1234 });

    const mixed = sheetFromRows([['k', '金額'], ['a', '1,234千円'], ['b', 5000]]);
    const v2 = viewOf(mixed, [tableOf(mixed, { headerRows: [0, 0], kinds: ['text', 'number'] })]);
    applyFix(v2);
    expect(v2.sheet.meta?.columns[1]).toBeUndefined();
    expect(cell(v2, 'B2')).toEqual({ value: 1234, note: '単位：千円' });
  });

  it('$ and ¥ are units of the column', () => {
    const sheet = sheetFromRows([['k', 'USD', 'JPY'], ['a', '$1,000', '¥500'], ['b', '$-2', '￥0']]);
    const view = viewOf(sheet, [tableOf(sheet, { headerRows: [0, 0], kinds: ['text', 'number', 'number'] })]);
    applyFix(view);
    expect([cell(view, 'B2').value, cell(view, 'B3').value, cell(view, 'C2').value, cell(view, 'C3').value]).toEqual([1000, -2, 500, 0]);
    expect(view.sheet.meta?.columns.slice(1)).toEqual([{ unit: '$' }, { unit: '円' }]);
  });

  it('property: any number written with separators, full-width digits, △/▲/−, spaces and a unit comes back exactly', () => {
    const digitsOf = (n: number) => String(n);
    const toFull = (s: string) => s.replace(/[0-9,.]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
    const group = (s: string) => s.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    const arb = fc.record({
      int: fc.integer({ min: 0, max: 999_999_999_999 }),
      frac: fc.option(fc.stringMatching(/^[0-9]{1,3}$/), { nil: undefined }),
      negative: fc.boolean(),
      sign: fc.constantFrom('-', '－', '−', '△', '▲', '△ ', '▲　'),
      grouped: fc.boolean(),
      fullwidth: fc.boolean(),
      lead: fc.constantFrom('', ' ', '　', '  '),
      trail: fc.constantFrom('', ' ', '　', '\n'),
      unit: fc.constantFrom('', '人', ' 人', '円', '%', '千円'),
    });
    fc.assert(
      fc.property(arb, (x) => {
        const intText = digitsOf(x.int);
        let body = (x.grouped ? group(intText) : intText) + (x.frac !== undefined ? `.${x.frac}` : '');
        if (x.fullwidth) body = toFull(body);
        const text = `${x.lead}${x.negative ? x.sign : ''}${body}${x.unit}${x.trail}`;
        const plain = `${x.negative ? '-' : ''}${intText}${x.frac !== undefined ? `.${x.frac}` : ''}`;
        const expected = Number(plain);
        const sheet = sheetFromRows([['k', 'v'], ['a', text]]);
        const view = viewOf(sheet, [tableOf(sheet, { headerRows: [0, 0], kinds: ['text', 'number'] })]);
        const changes = rule.fix!(view, {});
        const wb: Workbook = { source: { fileName: 't', format: 'xlsx', byteLength: 0 }, date1904: false, sheets: [sheet] };
        applyChanges(wb, changes);
        const out = getCell(sheet, 1, 1);
        expect(Object.is(out.value, expected), `${JSON.stringify(text)} → ${String(out.value)}`).toBe(true);
        // The decimal text as written is recoverable: from raw when String(value) differs.
        expect(out.raw ?? String(out.value)).toBe(plain);
        if (x.unit.trim() === '千円') expect(sheet.meta?.columns[1]).toEqual({ unit: '円', baseval: 1000 });
        else if (x.unit !== '') expect(sheet.meta?.columns[1]).toEqual({ unit: x.unit.trim() });
      }),
      { numRuns: 500 },
    );
  });

  it('population.xlsx: 1,894.2 → 1894.2 and 12,064␣ → 12064, nothing else', () => {
    const view = fixtureView('population.xlsx');
    const changes = applyFix(view);
    expect(changes.map((c) => (c.kind === 'cell' ? [cellAddress(c.r, c.c), c.after] : c.kind))).toEqual([
      ['H17', { value: 1894.2 }],
      ['B19', { value: 12064 }],
    ]);
  });

  it('shelters-sjis.csv: capacities 1200, 850, 300 (note 約), 120, 60 with unit 人; － stays', () => {
    const view = fixtureView('shelters-sjis.csv');
    applyFix(view);
    expect(['D2', 'D3', 'D4', 'D5', 'D6', 'D7'].map((a) => cell(view, a))).toEqual([
      { value: 1200 },
      { value: 850 },
      { value: 300, note: '約' },
      { value: 120 },
      { value: 60 },
      { value: '－' },
    ]);
    expect(view.sheet.meta?.columns[3]).toEqual({ unit: '人' });
    expect(view.sheet.meta?.notes).toEqual([{ mark: '約', text: '概数（おおよその値）' }]);
    expect(detectAll(view)).toEqual([]);
  });

  it('county-income.csv: plain numbers, unit $ on column G, header unchanged', () => {
    const view = fixtureView('county-income.csv');
    const changes = applyFix(view);
    expect(changes.filter((c) => c.kind === 'cell')).toHaveLength(21 * 3);
    expect([cell(view, 'E2'), cell(view, 'F2'), cell(view, 'G2'), cell(view, 'G22')]).toEqual([
      { value: 2069212 },
      { value: 4309834 },
      { value: 92162773 },
      { value: 790574 },
    ]);
    expect(view.sheet.meta?.columns[6]).toEqual({ unit: '$' });
    expect(view.sheet.meta?.columns.slice(0, 6).every((m) => m === undefined)).toBe(true);
    expect(cell(view, 'G1').value).toBe('Adjusted Gross Income (In Thousands)');
    expect(detectAll(view)).toEqual([]);
  });

  it('fixes with work linear in the rows', () => {
    const work = (n: number) => {
      const rows: (string | number)[][] = [['k', 'a', 'b', 'c']];
      for (let i = 0; i < n; i++) rows.push([`r${i}`, `${(i * 7).toLocaleString('en-US')}`, `△${i}`, `${i}人`]);
      const sheet = sheetFromRows(rows);
      const { view, steps } = countingView(viewOf(sheet, [tableOf(sheet, { headerRows: [0, 0], kinds: ['text', 'number', 'number', 'number'] })]));
      expect(rule.fix!(view, {})).toHaveLength(3 * n + 1);
      return steps();
    };
    expect(growth(work, 5000)).toBeLessThan(LINEAR);
  });
});

describe('a number with spaces around it', () => {
  ruleTester(rule, {
    valid: [],
    invalid: [
      {
        name: '` 2` (a CSV written `1, 2, 3`) is advice, one finding; `12,064 ` fails',
        rows: [
          ['a', 'b', 'c'],
          ['x', ' 2', '12,064 '],
          ['y', '3 ', '5'],
        ],
        tables: [{ headerRows: [0, 0], keyColumns: [0] }],
        errors: [
          { messageId: 'padded', at: 'B2', params: { text: '␣2', value: '2' }, severity: 'info' },
          { messageId: 'number', at: 'C2', params: { text: '12,064 ', value: '12064' }, severity: null },
          { messageId: 'padded', at: 'B3', params: { text: '3␣', value: '3' }, severity: 'info' },
          { messageId: 'number', at: 'C3' },
        ],
      },
    ],
  });
});
