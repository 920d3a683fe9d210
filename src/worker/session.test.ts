// A step of the worker's session that throws leaves the session as it was: document,
// undo history, structure corrections and the analyses later edits are judged against.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fixtureBytes } from '../../test/fixtures.ts';
import { type AnalysisDelta, SheetAnalyzer } from '../core/analysis/analyse.ts';
import type { Change } from '../core/changes.ts';
import { DEFAULT_EXPORT } from '../core/io/export.ts';
import { getCell } from '../core/model.ts';
import type { RecipeStep } from '../core/recipe.ts';
import { DocumentSession, type SavedSession } from './session.ts';

const FIX_ALL = { step: { kind: 'fixAll' as const } };
/** The step a history record of an edit carries (the session stores it; nothing here replays it). */
const EDIT: RecipeStep = { kind: 'edit', sheet: '人口', row: { index: 5 }, column: { index: 1 }, text: '1' };

function opened(name = 'population.xlsx') {
  let saved: SavedSession | undefined;
  const session = new DocumentSession({
    save: async (s) => {
      saved = structuredClone(s);
    },
    load: async () => saved,
    clear: async () => {
      saved = undefined;
    },
  });
  const result = session.open(name, fixtureBytes(name).slice());
  if (!result.ok) throw new Error(`${name} not opened`);
  return { session, workbook: result.workbook, saved: async () => (await session.saveNow(), saved) };
}

const csv = (session: DocumentSession, sheetId = 's1') => {
  const out = session.export(sheetId, 'csv', DEFAULT_EXPORT);
  if (!out.ok) throw new Error('export failed');
  return new TextDecoder().decode(out.file.bytes);
};

/** An edit of one cell of sheet s1, as the main thread sends it. */
const edit = (session: { workbook: ReturnType<typeof opened>['workbook'] }, r: number, c: number, value: string): Change => ({
  kind: 'cell',
  sheetId: 's1',
  r,
  c,
  before: getCell(session.workbook.sheets[0], r, c),
  after: { value },
  ruleId: 'edit',
});

/**
 * Deltas with their violations in a fixed order: reverting re-adds merges in another order
 * than the file had them (as undo does), and sheet violations follow the merges.
 */
const sorted = (deltas: AnalysisDelta[]) =>
  JSON.stringify(deltas, (_k, v: unknown) => (Array.isArray(v) && v.every((x) => x && typeof x === 'object' && 'ruleId' in x) ? v.map((x) => JSON.stringify(x)).sort() : v));

afterEach(() => {
  vi.restoreAllMocks();
});

describe('document session', () => {
  it('a fix-all whose analysis afterwards throws leaves the document, the history and the analyses as they were', async () => {
    const s = opened();
    s.session.analyse();
    s.session.apply([edit(s, 5, 1, '1')], { op: 'do', command: { step: EDIT } });
    const before = csv(s.session);
    // The fixes themselves succeed; judging the fixed sheets fails.
    vi.spyOn(SheetAnalyzer.prototype, 'analyse').mockImplementationOnce(() => {
      throw new RangeError('analysis broke');
    });
    expect(() => s.session.fixAll(FIX_ALL)).toThrow('analysis broke');
    expect(csv(s.session)).toBe(before);
    expect((await s.saved())?.history.past.map((c) => c.step.kind)).toEqual(['edit']);

    // It goes on as if nothing had happened: an edit is judged against the sheet as it is,
    // and fix-all gives what it gives on a session that never failed.
    const fresh = opened();
    fresh.session.analyse();
    fresh.session.apply([edit(fresh, 5, 1, '1')], { op: 'do', command: { step: EDIT } });
    expect(sorted(s.session.apply([edit(s, 6, 1, '2')]))).toBe(sorted(fresh.session.apply([edit(fresh, 6, 1, '2')])));
    const again = s.session.fixAll(FIX_ALL);
    expect(again.changes.length).toBeGreaterThan(0);
    const theirs = fresh.session.fixAll(FIX_ALL);
    expect(again.changes).toHaveLength(theirs.changes.length);
    expect(csv(s.session)).toBe(csv(fresh.session));
    expect(sorted(again.deltas)).toBe(sorted(theirs.deltas));
    expect((await s.saved())?.history.past.map((c) => c.step.kind)).toEqual(['edit', 'fixAll']);
  });

  it('a fix-all that fails while re-judging the cells it changed leaves those cells judged as they are back', () => {
    const s = opened('county-income.csv');
    s.session.analyse();
    const before = csv(s.session);
    // Only cell changes on this file: the sheet's analyzer is updated in place, then it throws.
    const update = SheetAnalyzer.prototype.update;
    vi.spyOn(SheetAnalyzer.prototype, 'update').mockImplementationOnce(function (this: SheetAnalyzer, cells) {
      update.call(this, cells);
      throw new RangeError('analysis broke');
    });
    expect(() => s.session.fixAll(FIX_ALL)).toThrow('analysis broke');
    expect(csv(s.session)).toBe(before);
    const fresh = opened('county-income.csv');
    fresh.session.analyse();
    // The counts per rule an edit reports are those of the document as it is back.
    const typed = (t: ReturnType<typeof opened>) => t.session.apply([edit(t, 3, 0, 'x')]);
    expect(sorted(typed(s))).toBe(sorted(typed(fresh)));
    const again = s.session.fixAll(FIX_ALL);
    const theirs = fresh.session.fixAll(FIX_ALL);
    expect(again.changes.length).toBeGreaterThan(0);
    expect(again.changes).toEqual(theirs.changes);
    expect(sorted(again.deltas)).toBe(sorted(theirs.deltas));
  });

  it('a structure correction whose analysis throws is not kept', () => {
    const s = opened();
    const [first] = s.session.analyse();
    const header = first.structure.tables[0].headerRows;
    vi.spyOn(SheetAnalyzer.prototype, 'analyse').mockImplementationOnce(() => {
      throw new RangeError('analysis broke');
    });
    expect(() => s.session.setOverrides('s1', [{ sheetId: 's1', table: 0, headerRows: { start: header.start, end: header.start } }])).toThrow('analysis broke');
    // The analyzer still holds the detection: an edit is judged as on a session that never failed.
    const fresh = opened();
    fresh.session.analyse();
    // A header cell: the edit makes the analyzer detect the structure again, with the corrections it holds.
    const r = header.start + 1;
    expect(sorted(s.session.apply([edit(s, r, 1, '見出し')]))).toBe(sorted(fresh.session.apply([edit(fresh, r, 1, '見出し')])));
    expect(csv(s.session)).toBe(csv(fresh.session));
  });
});
