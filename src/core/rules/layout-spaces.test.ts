import fc from 'fast-check';
import { corpusSheet, missingCorpus } from '../../../test/corpus.ts';
import { describe, expect, it } from 'vitest';
import { fixtureBytes } from '../../../test/fixtures.ts';
import { fixtureView } from '../../../test/fixtureView.ts';
import { crushedStoneTables, sheetFromRows, tableOf, viewOf } from '../../../test/sheets.ts';
import { type Change, applyChanges } from '../changes.ts';
import { readWorkbook } from '../io/read.ts';
import { cellAddress, getCell, getValue, parseAddress } from '../model.ts';
import { visibleSpaces } from '../text/layoutSpaces.ts';
import { layoutSpacesRule as rule } from './layout-spaces.ts';
import type { SheetView, Violation } from './types.ts';
import { applyFixChecked, at, populationView } from '../../../test/ruleHarness.ts';
import { findingsOfCase, ruleTester } from '../../../test/ruleTester.ts';

/** What the engine does: every non-empty cell, row by row. */
/** Every finding on the sheet, each checked against the rule's messages. */
const detectAll = (view: SheetView): Violation[] => findingsOfCase(rule, view);

function sheetOf(name: string, index = 0) {
  return readWorkbook(fixtureBytes(name), name.replace(/^.*\//, '')).workbook.sheets[index];
}

describe('layout-spaces rule', () => {
  it('meta follows the spec', () => {
    expect(rule.meta).toMatchObject({ id: 'layout-spaces', level: 1, family: 'text', guideRef: { guide: '手順2 スペース・改行除去', soumu: '1-5' } });
  });
});

const spacesSheet = {
  rows: [
    ['都道府県', '人口\n(人)', 'City', 'Note'],
    ['全 国', 126926, 'New York', 'x'],
    ['岩　手', '12,064 ', 'Los  Angeles', '山田 太郎'],
    ['北海道', -5, 'São Paulo', '  a'],
  ],
  tables: [{ headerRows: [0, 0] as [number, number], keyColumns: [0] }],
};

ruleTester(rule, {
  valid: [
    // Latin words (New York, Los  Angeles, São Paulo), typed numbers, 北海道 and 山田 太郎.
    { name: 'never spaces between Latin words, typed numbers or plain names', ...spacesSheet, cells: ['C2', 'C3', 'C4', 'B2', 'B4', 'A4', 'D3'] },
    {
      name: 'county-income.csv: English titles and names are never layout',
      view: () => {
        const s = sheetOf('county-income.csv');
        return viewOf(s, [tableOf(s, { headerRows: [0, 0], keyColumns: [0, 1, 2, 3] })]);
      },
    },
  ],
  invalid: [
    {
      name: 'key, header and data cells, with the text made visible and the result',
      ...spacesSheet,
      errors: [
        { messageId: 'lineBreak', at: 'B1', params: { text: '人口↵(人)', fixed: '人口(人)', value: '人口\n(人)', after: '人口(人)' }, fixId: 'remove' },
        { messageId: 'inner', at: 'A2', params: { text: '全␣国', fixed: '全国', value: '全 国', after: '全国' } },
        { messageId: 'inner', at: 'A3', params: { text: '岩□手', fixed: '岩手', value: '岩\u3000手', after: '岩手' } },
        // B3 `12,064 ` is number-as-text's: one finding per cause.
        { messageId: 'edges', at: 'D4', params: { text: '␣␣a', fixed: 'a', value: '  a', after: 'a' } },
      ],
    },
    {
      name: 'caption and note rows are skipped (they become metadata), and so are cells outside tables',
      rows: [['2. 推　移'], ['年 月'], ['平成 22 年'], ['資料　総務省'], [undefined, '外 側']],
      tables: [{ captionRows: [0], headerRows: [1, 1], dataRows: [2, 2], noteRows: [3], columns: [0, 0] }],
      errors: [
        { messageId: 'inner', at: 'A2' },
        { messageId: 'inner', at: 'A3' },
      ],
    },
    {
      name: 'a cell of only white space becomes empty',
      rows: [['a', '　'], ['b', 1]],
      cells: ['B1'],
      errors: [{ messageId: 'blank', at: 'B1', params: { text: '□', fixed: '', value: '\u3000', after: '' } }],
    },
    {
      name: 'population.xlsx: 47 spaced names and 5 titles with line breaks; 12,064␣ (B19) is number-as-text\'s',
      view: populationView,
      errors: 47 + 5,
      check(found) {
        const byCell = new Map(found.map((v) => [at(v), v]));
        // Every prefecture name but 北海道 is spaced (`全 国`, `岩　手`, `神 奈 川`…).
        const names = found.filter((v) => v.range.s.c === 0);
        expect(names).toHaveLength(47);
        expect(names.some((v) => at(v) === 'A7')).toBe(false); // 北海道
        expect(byCell.get('A6')?.params).toMatchObject({ text: '全␣国', fixed: '全国', after: '全国' });
        expect(byCell.get('A9')?.params).toMatchObject({ text: '岩□手', fixed: '岩手', after: '岩手' });
        expect(byCell.get('A20')?.params).toMatchObject({ text: '神␣奈␣川', fixed: '神奈川', after: '神奈川' });
        expect(byCell.get('A52')?.params).toMatchObject({ text: '鹿␣児␣島', fixed: '鹿児島', after: '鹿児島' });
        // Titles with line breaks: E3, G3, H3, I3 and D4.
        expect(found.filter((v) => v.range.s.r < 5).map(at)).toEqual(['E3', 'G3', 'H3', 'I3', 'D4']);
        expect(byCell.get('E3')?.params?.fixed).toBe('人口増減率(平成12～17年)');
        expect(byCell.get('H3')).toMatchObject({ messageId: 'several', params: { fixed: '人口密度(人/km²)␣2)' } });
        expect(byCell.has('B19')).toBe(false);
        // The caption `2-2 都道府県別…` and the notes are not reported.
        expect(found.some((v) => v.range.s.r === 0 || v.range.s.r > 52)).toBe(false);
      },
    },
    {
      name: 'crushed-stone.xlsx: 年 月, ①道 路 用, 砕 砂, the line break in D3 and spaced period labels',
      view: () => {
        const s = sheetOf('crushed-stone.xlsx');
        return viewOf(s, crushedStoneTables(s));
      },
      errors: 16,
      check(found) {
        expect(found.map(at)).toEqual(['A3', 'D3', 'E3', 'I3', 'H4', 'A5', 'I5', 'A6', 'I6', 'A7', 'I7', 'A8', 'I8', 'A23', 'A24', 'A25']);
        const byCell = new Map(found.map((v) => [at(v), v.params?.fixed]));
        expect(byCell.get('E3')).toBe('①道路用');
        expect(byCell.get('A5')).toBe('平成22年');
        expect(byCell.get('A8')).toBe('23年度');
        expect(byCell.get('D3')).toBe('砕石合計(①～④)');
        // `2. 推　移` is the caption: left to caption-notes.
        expect(found.some((v) => v.range.s.r === 0)).toBe(false);
      },
    },
    {
      name: 'nb01h0013_cp932.csv: 総　数 and the other padded titles, and the padded area labels',
      skip: missingCorpus(['open-data-linter/nb01h0013_cp932.csv']),
      view: () => {
        const s = corpusSheet('open-data-linter/nb01h0013_cp932.csv');
        return viewOf(s, [tableOf(s, { captionRows: [0, 1], headerRows: [2, 3], dataRows: [4, 35], keyColumns: [0] })]);
      },
      errors: 14 + 32,
      check(found) {
        const header = found.filter((v) => v.range.s.r < 4);
        expect(header.map(at)).toEqual(['B3', 'C3', 'L3', 'B4', 'C4', 'D4', 'F4', 'G4', 'I4', 'J4', 'L4', 'M4', 'P4', 'Q4']);
        expect(header[0].params).toMatchObject({ text: '総□数', fixed: '総数', value: '総\u3000数', after: '総数' });
        expect(header[3]).toMatchObject({ messageId: 'blank' }); // B4 holds only `　`
        const keys = found.filter((v) => v.range.s.r >= 4);
        expect(keys).toHaveLength(32);
        expect(keys.every((v) => v.range.s.c === 0 && v.messageId === 'edges')).toBe(true);
        expect(keys[0].params?.fixed).toBe('1300東京都①');
      },
    },
  ],
});

// --- fix ---------------------------------------------------------------------------------

const applyFix = (view: SheetView): Change[] => applyFixChecked(rule, view);

const cell = (view: SheetView, addr: string) => {
  const { r, c } = parseAddress(addr);
  return getCell(view.sheet, r, c);
};

describe('layout-spaces fix', () => {
  const build = () => {
    const sheet = sheetFromRows([
      ['2. 推　移'],
      ['都道府県', '人口増減率\n(平成12～17年)', '和暦\nJapanese year', 'City'],
      ['全 国', '12,064 ', { value: '　', note: 'n' }, 'New York'],
      ['岩　手', -5, '平成 22 年', 'Los  Angeles'],
      ['神 奈 川', { value: ' 7 ', format: '@' }, '山田 太郎', 'x'],
      ['資料　総務省'],
    ]);
    return viewOf(sheet, [tableOf(sheet, { captionRows: [0], headerRows: [1, 1], dataRows: [2, 4], noteRows: [5], keyColumns: [0] })]);
  };

  it('removes layout white space; a cell of only white space becomes empty', () => {
    const view = build();
    const changes = applyFix(view);
    expect(changes.every((c) => c.kind === 'cell' && c.ruleId === 'layout-spaces')).toBe(true);
    expect(['B2', 'C2', 'A3', 'B3', 'C3', 'A4', 'C4', 'A5', 'B5'].map((a) => [a, cell(view, a)])).toEqual([
      ['B2', { value: '人口増減率(平成12～17年)' }],
      ['C2', { value: '和暦 Japanese year' }],
      ['A3', { value: '全国' }],
      ['B3', { value: '12,064 ' }], // number-as-text's: it makes it a number
      ['C3', { value: null, note: 'n' }],
      ['A4', { value: '岩手' }],
      ['C4', { value: '平成22年' }],
      ['A5', { value: '神奈川' }],
      ['B5', { value: ' 7 ', format: '@' }], // number-as-text's too
    ]);
  });

  it('never touches Latin words, names, captions, notes or numbers; nothing left to report', () => {
    const view = build();
    applyFix(view);
    expect(cell(view, 'D3').value).toBe('New York');
    expect(cell(view, 'D4').value).toBe('Los  Angeles');
    expect(cell(view, 'C5').value).toBe('山田 太郎');
    expect(cell(view, 'A1').value).toBe('2. 推　移');
    expect(cell(view, 'A6').value).toBe('資料　総務省');
    expect(cell(view, 'B4').value).toBe(-5);
    expect(detectAll(view)).toEqual([]);
    expect(rule.fix!(view, {})).toEqual([]);
  });

  it('fixes exactly the cells it reports, with the text it announces', () => {
    const view = build();
    const found = detectAll(view);
    const changes = rule.fix!(view, {});
    expect(changes.map((c) => (c.kind === 'cell' ? cellAddress(c.r, c.c) : ''))).toEqual(found.map(at));
    changes.forEach((c, i) => {
      if (c.kind !== 'cell') return;
      expect(visibleSpaces(c.after.value === null ? '' : String(c.after.value)), at(found[i])).toBe(found[i].params?.fixed);
    });
  });

  it('property: the fix only removes or shrinks white space and leaves nothing to report', () => {
    const chars = fc.constantFrom('全', '国', '岩', '手', 'a', 'B', '1', '2', ',', '(', ')', ' ', '　', '\n', '\t');
    fc.assert(
      fc.property(fc.array(chars, { minLength: 1, maxLength: 12 }), (cs) => {
        const text = cs.join('');
        const sheet = sheetFromRows([['k', 'v'], ['a', text]]);
        const view = viewOf(sheet);
        const changes = rule.fix!(view, {});
        applyChanges({ source: { fileName: 't', format: 'xlsx', byteLength: 0 }, date1904: false, sheets: [sheet] }, changes);
        const out = getCell(sheet, 1, 1).value;
        const strip = (s: string) => s.replace(/\s/g, '');
        expect(strip(out === null ? '' : String(out))).toBe(strip(text));
        expect(detectAll(view)).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });

  it('population.xlsx: 全国, 北海道, 岩手, 神奈川…; titles without line breaks; 12,064', () => {
    const view = fixtureView('population.xlsx');
    applyFix(view);
    const names: unknown[] = [];
    for (let r = 5; r <= 52; r++) names.push(getValue(view.sheet, r, 0));
    expect(names.slice(0, 4)).toEqual(['全国', '北海道', '青森', '岩手']);
    expect(names).toContain('神奈川');
    expect(names).toContain('鹿児島');
    expect(names.every((n) => typeof n === 'string' && !/\s/.test(n))).toBe(true);
    expect(cell(view, 'E3').value).toBe('人口増減率(平成12～17年)');
    expect(cell(view, 'D4').value).toBe('人口集中地区 1)');
    expect(cell(view, 'B19').value).toBe('12,064 '); // number-as-text types it
    expect(cell(view, 'A1').value).toBe('2-2 都道府県別人口と人口増加率');
    expect(detectAll(view)).toEqual([]);
  });

  it('ci-index.xlsx: bilingual titles keep a space between Japanese and English', () => {
    const view = fixtureView('ci-index.xlsx');
    applyFix(view);
    const texts: string[] = [];
    for (let r = 0; r < view.sheet.rowCount; r++) {
      for (let c = 0; c < view.sheet.columns.length; c++) {
        const v = getValue(view.sheet, r, c);
        if (typeof v === 'string' && /Composite/.test(v)) texts.push(v);
      }
    }
    expect(texts.length).toBeGreaterThan(0);
    for (const t of texts) expect(t).toMatch(/\) Composite Indexes/);
    expect(detectAll(view)).toEqual([]);
  });

  it('county-income.csv: nothing to fix', () => {
    expect(rule.fix!(fixtureView('county-income.csv'), {})).toEqual([]);
  });
});
