import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corpusBytes, itWithCorpus } from '../../test/corpus.ts';
import { documentContents } from '../../test/documentContents.ts';
import { fixtureBytes } from '../../test/fixtures.ts';
import type { Command } from '../core/history.ts';
import { DEFAULT_EXPORT } from '../core/io/export.ts';
import { getValue, parseAddress } from '../core/model.ts';
import { createInProcessSession } from '../worker/client.ts';
import { activeSheet, createDocumentStore, isDirty, safeFileName } from './documentStore.ts';

function file(name: string, bytes = fixtureBytes(name)) {
  return { name: name.replace(/^.*\//, ''), arrayBuffer: async () => bytes.slice().buffer };
}

async function openedStore(name = 'population.xlsx', bytes?: Uint8Array) {
  const session = createInProcessSession();
  const store = createDocumentStore(session);
  expect(await store.getState().openFile(file(name, bytes))).toBe(true);
  return { store, session };
}

function cell(store: Awaited<ReturnType<typeof openedStore>>['store'], addr: string) {
  const { r, c } = parseAddress(addr);
  return getValue(activeSheet(store.getState())!, r, c);
}

async function exportedText(store: Awaited<ReturnType<typeof openedStore>>['store']) {
  const out = await store.getState().exportActive();
  if (!out?.ok) throw new Error('export failed');
  return new TextDecoder().decode(out.file.bytes.subarray(3));
}

describe('document store', () => {
  it('opens a workbook and selects its first sheet', async () => {
    const { store } = await openedStore();
    const s = store.getState();
    expect(s.workbook?.sheets).toHaveLength(1);
    expect(s.activeSheetId).toBe('s1');
    expect(s.loading).toBeNull();
    expect(isDirty(s)).toBe(false);
  });

  it('edits are commands: undo and redo across many edits, worker replica kept equal', async () => {
    const { store } = await openedStore();
    const original = await exportedText(store);
    store.getState().editCell(5, 1, '130000');
    store.getState().editCell(5, 7, '343.4');
    store.getState().editCell(6, 0, '北海道(札幌)');
    expect(cell(store, 'B6')).toBe(130000);
    expect(cell(store, 'H6')).toBe(343.4);
    expect(isDirty(store.getState())).toBe(true);
    // The export runs on the worker's replica: it must see the edits.
    const edited = await exportedText(store);
    expect(edited).toContain('全 国,130000,127768,84331,0.7,128057,94.8,343.4,0.2');
    expect(edited).toContain('北海道(札幌),');

    store.getState().undo();
    expect(cell(store, 'A7')).toBe('北海道');
    expect(cell(store, 'H6')).toBe(343.4);
    store.getState().undo();
    expect(cell(store, 'H6')).toBe('a)343.4');
    expect(cell(store, 'B6')).toBe(130000);
    store.getState().undo();
    expect(cell(store, 'B6')).toBe(126926);
    expect(await exportedText(store)).toBe(original);
    store.getState().undo(); // nothing left: no-op
    store.getState().redo();
    store.getState().redo();
    expect(cell(store, 'H6')).toBe(343.4);
    expect(store.getState().history.future).toHaveLength(1);
    // A new edit clears the redo stack.
    store.getState().editCell(7, 1, '1');
    expect(store.getState().history.future).toHaveLength(0);
  });

  it('typing the same value again is not a change', async () => {
    const { store } = await openedStore();
    store.getState().editCell(5, 1, '126926');
    expect(store.getState().history.past).toHaveLength(0);
  });

  it('any sequence of edits then undo-all gives back the original file (property)', async () => {
    const { store } = await openedStore();
    const original = await exportedText(store);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(57), fc.nat(8), fc.oneof(fc.string(), fc.integer().map(String))), { maxLength: 25 }), async (edits) => {
        for (const [r, c, text] of edits) store.getState().editCell(r, c, text);
        while (store.getState().history.past.length > 0) store.getState().undo();
        expect(await exportedText(store)).toBe(original);
      }),
      { numRuns: 40 },
    );
  });

  it('a file that cannot be read leaves the open document and its history alone', async () => {
    const { store } = await openedStore();
    store.getState().editCell(5, 1, '1');
    const before = store.getState().workbook;
    const ok = await store.getState().openFile(file('report.xlsx', new TextEncoder().encode('%PDF-1.7\n')));
    expect(ok).toBe(false);
    const s = store.getState();
    expect(s.error).toEqual({ fileName: 'report.xlsx', info: { code: 'not-spreadsheet', detected: 'PDF' } });
    expect(s.workbook).toBe(before);
    expect(s.history.past).toHaveLength(1);
    expect(cell(store, 'B6')).toBe(1);
    // The worker kept its replica too.
    expect(await exportedText(store)).toContain('全 国,1,');
    s.dismissError();
    expect(store.getState().error).toBeNull();
  });

  it('re-reads a CSV with another encoding', async () => {
    const { store } = await openedStore('shelters-sjis.csv');
    expect(cell(store, 'B2')).toBe('中央小学校');
    expect(await store.getState().reopen({ encoding: 'utf-8' })).toBe(true);
    expect(store.getState().workbook?.source).toMatchObject({ encoding: 'utf-8', encodingDetected: false });
    expect(store.getState().warnings[0]).toMatchObject({ code: 'invalid-characters' });
    expect(await store.getState().reopen({ encoding: 'shift_jis' })).toBe(true);
    expect(cell(store, 'B2')).toBe('中央小学校');
    expect(store.getState().warnings).toEqual([]);
  });

  itWithCorpus('download marks the document saved; the file name is safe on Windows', 'kobe-opendata/26jinugoki.xls', async () => {
    const { store } = await openedStore('26jinugoki.xls', corpusBytes('kobe-opendata/26jinugoki.xls'));
    store.getState().setActiveSheet('s2');
    store.getState().editCell(8, 1, '1');
    const out = await store.getState().exportActive();
    expect(out?.ok && out.file.fileName).toMatch(/\.csv$/);
    expect(isDirty(store.getState())).toBe(false);
    store.getState().undo();
    expect(isDirty(store.getState())).toBe(true);
    expect(safeFileName('a/b:c*?"<>|.')).toBe('a_b_c______');
    expect(safeFileName('...')).toBe('seiton');
  });
});

/** What a command of the history did: its step's kind, and whether a recipe replayed it. */
const commandKind = (c: Command): string => (c.replayed ? `replayed ${c.step.kind}` : c.step.kind);

describe('すべて修正 in one worker call', () => {
  it.each(['population.xlsx', 'crushed-stone.xlsx', 'ci-index.xlsx', 'shelters-sjis.csv'])(
    '%s: both copies hold the fixed document, the findings are those of a fresh analysis, one undo restores it all',
    async (name) => {
      const { store, session } = await openedStore(name);
      store.getState().editCell(0, 0, '手で直した表題');
      const original = await exportedText(store);
      const edited = documentContents(store.getState().workbook);
      await store.getState().fixAll();
      const st = store.getState();
      expect(st.fixing).toBe(false);
      expect(st.history.past.map(commandKind)).toEqual(['edit', 'fixAll']);

      // The main thread's copy is what the worker holds: the worker re-adopted from it analyses
      // and exports exactly the same.
      const fresh = createInProcessSession();
      await fresh.adopt(structuredClone(st.workbook!), st.history, []);
      const freshAnalysis = await fresh.analyse();
      for (const a of freshAnalysis) {
        const mine = st.findings[a.sheetId];
        expect(mine.rules, `${name} ${a.sheetId}`).toEqual(a.rules);
        expect(mine.structure).toEqual(a.structure);
        expect(mine.total).toBe(a.cellViolations.length + a.sheetViolations.length);
      }
      const sheetId = st.activeSheetId!;
      const mineCsv = await session.export(sheetId, 'csv', DEFAULT_EXPORT);
      const theirs = await fresh.export(sheetId, 'csv', DEFAULT_EXPORT);
      expect(mineCsv.ok && theirs.ok && Buffer.from(mineCsv.file.bytes).equals(Buffer.from(theirs.file.bytes))).toBe(true);

      store.getState().undo();
      expect(documentContents(store.getState().workbook)).toBe(edited);
      expect(await exportedText(store)).toBe(original);
      store.getState().redo();
      const redone = await session.export(store.getState().activeSheetId!, 'csv', DEFAULT_EXPORT);
      expect(redone.ok && mineCsv.ok && Buffer.from(redone.file.bytes).equals(Buffer.from(mineCsv.file.bytes))).toBe(true);
    },
  );

  it('a recipe saved after it replays through the store: each step lands on the history, same CSV', async () => {
    const { store } = await openedStore('population.xlsx');
    await store.getState().fixAll();
    store.getState().editCell(2, 7, '70.3');
    const recipe = store.getState().recipe()!;
    const again = await openedStore('population.xlsx');
    const steps = await again.store.getState().applyRecipe(recipe);
    expect(steps?.map((d) => d.outcome.status)).toEqual(['applied', 'applied']);
    expect(again.store.getState().history.past.map(commandKind)).toEqual(['replayed fixAll', 'replayed edit']);
    expect(again.store.getState().fixing).toBe(false);
    expect(await exportedText(again.store)).toBe(await exportedText(store));
  });

  it('metadata for the whole file is one undoable command, recorded in the recipe with the export options, and reaches every table of the ZIP', async () => {
    const { store } = await openedStore('crushed-stone.xlsx');
    await store.getState().fixAll();
    store.getState().setExportOptions({ numbers: 'stored' });
    store.getState().setBookMeta({ creator: '統計課' });
    expect(store.getState().workbook?.meta).toEqual({ creator: '統計課' });
    const recipe = store.getState().recipe()!;
    expect(recipe.steps.at(-1)).toEqual({ kind: 'bookMeta', patch: { creator: '統計課' } });
    expect(recipe.export?.numbers).toBe('stored');
    const all = await store.getState().exportAll();
    expect(all?.ok && all.tables.map((t) => [t.fileName, t.meta.creator])).toEqual([
      ['crushed-stone_推移_1.csv', '統計課'],
      ['crushed-stone_推移_2.csv', '統計課'],
    ]);
    store.getState().undo();
    expect(store.getState().workbook?.meta).toBeUndefined();
    const undone = await store.getState().exportAll();
    expect(undone?.ok && undone.tables.every((t) => t.empty.includes('@Creator'))).toBe(true);
  });

  it('nothing changes the document while it runs: edits, undo and redo wait', async () => {
    const { store } = await openedStore('ci-index.xlsx');
    const running = store.getState().fixAll();
    expect(store.getState().fixing).toBe(true);
    store.getState().editCell(2, 2, '割り込み');
    store.getState().undo();
    await running;
    expect(store.getState().history.past.map(commandKind)).toEqual(['fixAll']);
  });
});

describe('the repair a read warning offers', () => {
  it('「修復する」 joins the split thousands as one undoable command, in the worker too, and the warning goes', async () => {
    const csv = new TextEncoder().encode(['地区,人口,世帯', '北区,13515,6690', '南区,12044,5872', '西区,11,180,6,001', '東区,9811,4410', ''].join('\r\n'));
    const { store } = await openedStore('pop.csv', csv);
    expect(store.getState().warnings.map((w) => w.code)).toEqual(['thousands-separators']);
    expect(activeSheet(store.getState())!.columns).toHaveLength(5);
    store.getState().repairThousands();
    const s = store.getState();
    expect(s.warnings).toEqual([]);
    expect(s.history.past).toHaveLength(1);
    expect(activeSheet(s)!.columns).toHaveLength(3);
    expect([cell(store, 'A4'), cell(store, 'B4'), cell(store, 'C4')]).toEqual(['西区', '11,180', '6,001']);
    // The export runs on the worker's replica: it must have the repair.
    expect(await exportedText(store)).toContain('西区,"11,180","6,001"');
    store.getState().undo();
    expect(activeSheet(store.getState())!.columns).toHaveLength(5);
    expect(cell(store, 'B4')).toBe(11);
  });
});
