import { describe, expect, it } from 'vitest';
import { corpusSheet, missingCorpus } from '../../../test/corpus.ts';
import { fixtureBytes } from '../../../test/fixtures.ts';
import { fixtureView } from '../../../test/fixtureView.ts';
import { crushedStoneTables, sheetFromRows, tableOf, viewOf } from '../../../test/sheets.ts';
import { type Change } from '../changes.ts';
import { readWorkbook } from '../io/read.ts';
import { getCell, parseAddress } from '../model.ts';
import type { FixOptions } from './types.ts';
import type { ColumnKind } from '../structure/types.ts';
import { specialSymbolAt, specialSymbolsRule as rule } from './special-symbols.ts';
import type { SheetView, Violation } from './types.ts';
import { applyFixChecked, populationView } from '../../../test/ruleHarness.ts';
import { findingsOfCase, ruleTester, viewOfCase } from '../../../test/ruleTester.ts';

/** Every finding on the sheet, each checked against the rule's messages. */
const detectAll = (view: SheetView): Violation[] => findingsOfCase(rule, view);

function sheetOf(name: string, index = 0) {
  return readWorkbook(fixtureBytes(name), name.replace(/^.*\//, '')).workbook.sheets[index];
}

const numbers = (n: number): ColumnKind[] => new Array<ColumnKind>(n).fill('number');

const symbolsSheet = {
  rows: [
    ['区分', '件数', '金額', '名称', '-'],
    ['a', 'x', '…', '-', 'x'],
    ['b', '***', '－', 'x', '...'],
    ['-', 0, '・・・', '該当なし', 1],
    ['c', '5', ' ― ', 'X', '-5'],
  ],
  tables: [{ headerRows: [0, 0] as [number, number], keyColumns: [0], kinds: ['text', 'number', 'number', 'text', 'number'] as ColumnKind[] }],
};

describe('special-symbols rule', () => {
  it('meta follows the spec; the messages say what each symbol means', () => {
    expect(rule.meta).toMatchObject({ id: 'special-symbols', level: 2, family: 'value', guideRef: { soumu: '1-13' } });
    expect(rule.meta.messages.confidential.ja).toContain('秘匿');
    expect(rule.meta.messages.none.ja).toContain('該当数値なし');
    expect(rule.meta.messages.unavailable.ja).toContain('不詳');
    expect(rule.meta.messages.confidential.ja).toContain('0 や空欄と区別');
  });

  it('the fix reads the same symbol', () => {
    const view = viewOfCase(symbolsSheet);
    expect(specialSymbolAt(view, 2, 2)).toEqual({ symbol: '－', original: '－', meaning: 'none' });
  });
});

const symbol = (at: string, messageId: 'confidential' | 'none' | 'unavailable', text: string) => ({ messageId, at, params: { symbol: text } });

ruleTester(rule, {
  valid: [
    {
      name: 'text columns, key columns, headers, numbers and negative numbers',
      ...symbolsSheet,
      // `-` in a text column, in the key column, as a header; typed 0; '5' (number-as-text's); '-5'.
      cells: ['D2', 'A4', 'E1', 'B4', 'B5', 'E5'],
    },
    { name: 'population.xlsx has none', view: populationView },
  ],
  invalid: [
    {
      name: 'symbols in numeric columns, with their meaning',
      ...symbolsSheet,
      errors: [
        { ...symbol('B2', 'confidential', 'x'), fixId: 'document' },
        symbol('C2', 'unavailable', '…'),
        symbol('E2', 'confidential', 'x'),
        symbol('B3', 'confidential', '***'),
        symbol('C3', 'none', '－'),
        symbol('E3', 'unavailable', '...'),
        symbol('C4', 'unavailable', '・・・'),
        symbol('C5', 'none', '―'),
      ],
    },
    {
      name: 'crushed-stone.xlsx: 18 `...` cells (not surveyed) in 総事業所数 and 抽出事業所数',
      view: () => {
        const s = sheetOf('crushed-stone.xlsx');
        return viewOf(s, crushedStoneTables(s));
      },
      errors: [10, 11, 12, 14, 15, 16, 18, 19, 20].flatMap((r) => [symbol(`B${r}`, 'unavailable', '...'), symbol(`C${r}`, 'unavailable', '...')]),
    },
    {
      name: 'shelters-sjis.csv: － for an unknown capacity (D7)',
      view: () => {
        const s = sheetOf('shelters-sjis.csv');
        return viewOf(s, [tableOf(s, { headerRows: [0, 0], keyColumns: [0], kinds: ['code', 'text', 'text', 'number', 'date', 'text'] })]);
      },
      errors: [symbol('D7', 'none', '－')],
    },
    {
      name: 'nb01h0013_cp932.csv: the 150 `-` cells of the numeric columns',
      skip: missingCorpus(['open-data-linter/nb01h0013_cp932.csv']),
      view: () => {
        const s = corpusSheet('open-data-linter/nb01h0013_cp932.csv');
        return viewOf(s, [tableOf(s, { captionRows: [0, 1], headerRows: [2, 3], dataRows: [4, 35], keyColumns: [0], kinds: ['text', ...numbers(18)] })]);
      },
      errors: 150,
      check(found) {
        expect(found.every((v) => v.messageId === 'none' && v.range.s.c > 0)).toBe(true);
        expect(found[0].range.s).toEqual({ r: 5, c: 7 }); // H6 (千代田, 助産所 助産師)
      },
    },
  ],
});

// --- fix ---------------------------------------------------------------------------------

const applyFix = (view: SheetView, options: FixOptions = {}): Change[] => applyFixChecked(rule, view, options);

const cell = (view: SheetView, addr: string) => {
  const { r, c } = parseAddress(addr);
  return getCell(view.sheet, r, c);
};

describe('special-symbols fix', () => {
  const build = () => {
    const sheet = sheetFromRows([
      ['区分', '件数', '金額', '名称'],
      ['a', 'x', '…', '-'],
      ['b', 'x', '－', 'x'],
      ['c', 'x', '…', '該当なし'],
      ['d', 0, { value: 'x', note: 'n' }, 'y'],
    ]);
    sheet.meta = { caption: 'T', notes: [{ mark: 'a)', text: '注記' }], columns: [] };
    return viewOf(sheet, [tableOf(sheet, { headerRows: [0, 0], keyColumns: [0], kinds: ['text', 'number', 'number', 'text'] })]);
  };

  const NOTES = [
    { mark: 'a)', text: '注記' },
    { mark: 'x', text: 'x: 秘匿 (B2:B4, C5)' },
    { mark: '…', text: '…: 不詳・調査なし (C2, C4)' },
    { mark: '－', text: '－: 該当数値なし (C3)' },
  ];

  it('options: mode keep (default) or empty', () => {
    expect(rule.fixOptions?.mode.default).toBe('keep');
    expect(rule.fixOptions?.mode.choices?.map((c) => c.value)).toEqual(['keep', 'empty']);
  });

  it('keep: values unchanged; each symbol listed once with its meaning and cells', () => {
    const view = build();
    const changes = applyFix(view);
    expect(changes.map((c) => c.kind)).toEqual(['meta']);
    expect(view.sheet.meta).toEqual({ caption: 'T', notes: NOTES, columns: [] });
    expect(cell(view, 'B2').value).toBe('x');
    expect(cell(view, 'B5').value).toBe(0);
    // The symbols stay (distinct from 0 and blank) and are still reported; a second fix adds nothing.
    expect(detectAll(view)).toHaveLength(7);
    expect(rule.fix!(view, {})).toEqual([]);
  });

  it('empty: the cells become blank, the symbol stays in the cell note and the same list in the metadata', () => {
    const view = build();
    const changes = applyFix(view, { mode: 'empty' });
    expect(changes.filter((c) => c.kind === 'cell')).toHaveLength(7);
    expect(changes[changes.length - 1].kind).toBe('meta');
    expect(['B2', 'C2', 'C3', 'C5'].map((a) => cell(view, a))).toEqual([
      { value: null, note: 'x' },
      { value: null, note: '…' },
      { value: null, note: '－' },
      { value: null, note: 'n x' },
    ]);
    expect(view.sheet.meta).toEqual({ caption: 'T', notes: NOTES, columns: [] });
    expect(cell(view, 'D2').value).toBe('-'); // a text column
    expect(cell(view, 'B5').value).toBe(0);
    expect(detectAll(view)).toEqual([]);
    expect(rule.fix!(view, { mode: 'empty' })).toEqual([]);
  });

  it('keep, then empty: the list is not repeated', () => {
    const view = build();
    applyFix(view);
    applyFix(view, { mode: 'empty' });
    expect(view.sheet.meta?.notes).toEqual(NOTES);
  });

  it('a list written before is brought up to date, not repeated', () => {
    const view = build();
    view.sheet.meta!.notes.push({ mark: 'x', text: 'x: 秘匿 (B2)' });
    applyFix(view);
    expect(view.sheet.meta?.notes.filter((n) => n.mark === 'x')).toEqual([{ mark: 'x', text: 'x: 秘匿 (B2:B4, C5)' }]);
  });

  it('shelters-sjis.csv: － kept as a special symbol and documented', () => {
    const view = fixtureView('shelters-sjis.csv');
    applyFix(view);
    expect(cell(view, 'D7').value).toBe('－');
    expect(view.sheet.meta?.notes).toEqual([{ mark: '－', text: '－: 該当数値なし (D7)' }]);
  });

  it('crushed-stone.xlsx: the ... cells listed as ranges', () => {
    const s = sheetOf('crushed-stone.xlsx');
    const view = viewOf(s, crushedStoneTables(s).slice(0, 1));
    applyFix(view, { mode: 'empty' });
    expect(view.sheet.meta?.notes).toEqual([{ mark: '...', text: '...: 不詳・調査なし (B10:B12, B14:B16, B18:B20, C10:C12, C14:C16, C18:C20)' }]);
    expect(cell(view, 'B10')).toEqual({ value: null, note: '...' });
  });

  it('population.xlsx: nothing to do', () => {
    expect(rule.fix!(fixtureView('population.xlsx'), {})).toEqual([]);
  });
});
