import { describe, expect, it } from 'vitest';
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
import { applyFixChecked, at, detectAllCells, expectMessagesRender, populationView } from '../../../test/ruleHarness.ts';
import { cellFindings } from './findings.ts';

const detectAll = (view: SheetView): Violation[] => detectAllCells(rule, view);

function sheetOf(name: string, index = 0) {
  return readWorkbook(fixtureBytes(name), name.replace(/^.*\//, '')).workbook.sheets[index];
}

const numbers = (n: number): ColumnKind[] => new Array<ColumnKind>(n).fill('number');

describe('special-symbols rule', () => {
  const sheet = sheetFromRows([
    ['区分', '件数', '金額', '名称', '-'],
    ['a', 'x', '…', '-', 'x'],
    ['b', '***', '－', 'x', '...'],
    ['-', 0, '・・・', '該当なし', 1],
    ['c', '5', ' ― ', 'X', '-5'],
  ]);
  const view = viewOf(sheet, [tableOf(sheet, { headerRows: [0, 0], keyColumns: [0], kinds: ['text', 'number', 'number', 'text', 'number'] })]);

  it('meta follows the spec, and every violation renders its message in ja and en', () => {
    expect(rule.meta).toMatchObject({ id: 'special-symbols', level: 2, family: 'value', guideRef: { soumu: '1-13' } });
    expectMessagesRender(rule, detectAll(view));
  });
  it('reports symbols in numeric columns with their meaning', () => {
    expect(detectAll(view).map((v) => [at(v), v.messageId, v.params?.symbol])).toEqual([
      ['B2', 'confidential', 'x'],
      ['C2', 'unavailable', '…'],
      ['E2', 'confidential', 'x'],
      ['B3', 'confidential', '***'],
      ['C3', 'none', '－'],
      ['E3', 'unavailable', '...'],
      ['C4', 'unavailable', '・・・'],
      ['C5', 'none', '―'],
    ]);
    const [v] = cellFindings(rule, view, 1, 1);
    expect(v).toMatchObject({ ruleId: 'special-symbols', sheetId: 's1', fixId: 'document' });
    expect(rule.meta.messages.confidential.ja).toContain('秘匿');
    expect(rule.meta.messages.none.ja).toContain('該当数値なし');
    expect(rule.meta.messages.unavailable.ja).toContain('不詳');
    expect(rule.meta.messages.confidential.ja).toContain('0 や空欄と区別');
  });

  it('leaves text columns, key columns, headers, numbers and negative numbers alone', () => {
    expect(cellFindings(rule, view, 1, 3)).toEqual([]); // `-` in a text column
    expect(cellFindings(rule, view, 3, 0)).toEqual([]); // `-` in the key column
    expect(cellFindings(rule, view, 0, 4)).toEqual([]); // `-` as a header
    expect(cellFindings(rule, view, 3, 1)).toEqual([]); // typed 0
    expect(cellFindings(rule, view, 4, 1)).toEqual([]); // '5' is a number (number-as-text's)
    expect(cellFindings(rule, view, 4, 4)).toEqual([]); // '-5' is a negative number
    expect(specialSymbolAt(view, 2, 2)).toEqual({ symbol: '－', original: '－', meaning: 'none' });
  });

  it('crushed-stone.xlsx: 18 `...` cells (not surveyed) in 総事業所数 and 抽出事業所数', () => {
    const s = sheetOf('crushed-stone.xlsx');
    const found = detectAll(viewOf(s, crushedStoneTables(s)));
    const rows = [10, 11, 12, 14, 15, 16, 18, 19, 20];
    expect(found.map(at)).toEqual(rows.flatMap((r) => [`B${r}`, `C${r}`]));
    expect(found.every((v) => v.messageId === 'unavailable' && v.params?.symbol === '...')).toBe(true);
  });

  it('shelters-sjis.csv: － for an unknown capacity (D7)', () => {
    const s = sheetOf('shelters-sjis.csv');
    const t = tableOf(s, { headerRows: [0, 0], keyColumns: [0], kinds: ['code', 'text', 'text', 'number', 'date', 'text'] });
    expect(detectAll(viewOf(s, [t])).map((v) => [at(v), v.messageId, v.params?.symbol])).toEqual([['D7', 'none', '－']]);
  });

  it('nb01h0013_cp932.csv: the 150 `-` cells of the numeric columns', () => {
    const s = sheetOf('real/nb01h0013_cp932.csv');
    const t = tableOf(s, { captionRows: [0, 1], headerRows: [2, 3], dataRows: [4, 35], keyColumns: [0], kinds: ['text', ...numbers(18)] });
    const found = detectAll(viewOf(s, [t]));
    expect(found).toHaveLength(150);
    expect(found.every((v) => v.messageId === 'none' && v.range.s.c > 0)).toBe(true);
    expect(found[0].range.s).toEqual({ r: 5, c: 7 }); // H6 (千代田, 助産所 助産師)
  });

  it('population.xlsx has none', () => {
    expect(detectAll(populationView())).toEqual([]);
  });
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
