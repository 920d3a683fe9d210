import { describe, expect, it } from 'vitest';
import { applyChanges, revertChanges } from '../core/changes.ts';
import { buildMergeIndex } from '../core/mergeIndex.ts';
import { type Workbook, getValue } from '../core/model.ts';
import { parseRecipe, replayRecipe, RECIPE_VERSION } from '../core/recipe.ts';
import { sheetFromRows } from '../../test/sheets.ts';
import { normalRange, parseTsv, pasteCommand, toTsv } from './clipboard.ts';

const book = (rows: Parameters<typeof sheetFromRows>[0], merges: string[] = []): Workbook => ({
  source: { fileName: 'x.csv', format: 'csv', byteLength: 0 },
  date1904: false,
  sheets: [sheetFromRows(rows, { merges })],
});

describe('TSV as Excel and LibreOffice write and read it', () => {
  it('round-trips tabs, line breaks and quotes inside fields', () => {
    const rows = [['a', 'b\tc', ''], ['改\n行', 'say "hi"', '3']];
    const text = toTsv(rows);
    expect(text).toBe('a\t"b\tc"\t\r\n"改\n行"\t"say ""hi"""\t3\r\n');
    expect(parseTsv(text)).toEqual(rows);
  });

  it('reads LF and CRLF rows, a missing last line break, and a stray quote as text', () => {
    expect(parseTsv('1\t2\n3\t4')).toEqual([['1', '2'], ['3', '4']]);
    expect(parseTsv('1\t2\r\n\r\n')).toEqual([['1', '2'], ['']]);
    expect(parseTsv('"5 inch\tx')).toEqual([['"5 inch', 'x']]);
    expect(parseTsv('')).toEqual([]);
  });
});

describe('pasteCommand', () => {
  it('pastes a block at the top-left of the selection, as one command with one recipe step, and undoes exactly', () => {
    const wb = book([['名前', '値'], ['北海道', 1], ['青森', 2], ['岩手', 3]]);
    const sheet = wb.sheets[0];
    const cmd = pasteCommand({ workbook: wb, sheet, range: normalRange({ r: 2, c: 1 }, { r: 2, c: 1 }), merges: buildMergeIndex([]) }, parseTsv('20\r\n30\r\n40\r\n'))!;
    // The third row falls outside the sheet: left out.
    expect(cmd.changes).toHaveLength(2);
    expect(cmd.step).toMatchObject({ kind: 'paste', sheet: 'Sheet1', cells: [{ text: '20' }, { text: '30' }] });
    applyChanges(wb, cmd.changes);
    expect([getValue(sheet, 2, 1), getValue(sheet, 3, 1)]).toEqual([20, 30]);
    revertChanges(wb, cmd.changes);
    expect([getValue(sheet, 2, 1), getValue(sheet, 3, 1)]).toEqual([2, 3]);
  });

  it('fills the whole selection with one copied cell, skips cells a merge covers and cells it would not change', () => {
    const wb = book([['a', 'b', 'c'], ['x', null, 'x'], ['x', 'x', 'x']], ['A2:B2']);
    const sheet = wb.sheets[0];
    const cmd = pasteCommand({ workbook: wb, sheet, range: normalRange({ r: 2, c: 2 }, { r: 1, c: 0 }), merges: buildMergeIndex(sheet.merges) }, [['y']])!;
    expect(cmd.changes.map((ch) => (ch.kind === 'cell' ? `${ch.r},${ch.c}` : ''))).toEqual(['1,0', '1,2', '2,0', '2,1', '2,2']);
    expect(pasteCommand({ workbook: wb, sheet, range: normalRange({ r: 0, c: 0 }, { r: 0, c: 0 }), merges: buildMergeIndex([]) }, [['a']])).toBeNull();
  });

  it('replays from a recipe', () => {
    const wb = book([['名前', '値'], ['北海道', 1], ['青森', 2]]);
    const cmd = pasteCommand({ workbook: wb, sheet: wb.sheets[0], range: normalRange({ r: 1, c: 1 }, { r: 1, c: 1 }), merges: buildMergeIndex([]) }, [['10'], ['20']])!;
    const recipe = parseRecipe(JSON.stringify({ version: RECIPE_VERSION, source: { name: 'x.csv' }, steps: [cmd.step] }));
    const next = book([['名前', '値'], ['北海道', 1], ['青森', 2]]);
    const [replayed] = replayRecipe(next, recipe);
    expect(replayed.outcome).toEqual({ status: 'applied', changes: 2 });
    expect([getValue(next.sheets[0], 1, 1), getValue(next.sheets[0], 2, 1)]).toEqual([10, 20]);
  });
});
