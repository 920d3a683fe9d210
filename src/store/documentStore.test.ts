import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixtureBytes } from '../../test/fixtures.ts';
import { getValue, parseAddress } from '../core/model.ts';
import { createInProcessSession } from '../worker/client.ts';
import { activeSheet, createDocumentStore, isDirty, safeFileName } from './documentStore.ts';

function file(name: string, bytes = fixtureBytes(name)) {
  return { name: name.replace(/^.*\//, ''), arrayBuffer: async () => bytes.slice().buffer };
}

async function openedStore(name = 'population.xlsx') {
  const session = createInProcessSession();
  const store = createDocumentStore(session);
  expect(await store.getState().openFile(file(name))).toBe(true);
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

  it('download marks the document saved; the file name is safe on Windows', async () => {
    const { store } = await openedStore('real/26jinugoki.xls');
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
