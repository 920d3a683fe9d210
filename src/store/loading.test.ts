// A big file shows its first rows while it is read; nothing can change it until it is
// whole; Cancel or a failure brings back the document that was open before.
import { describe, expect, it } from 'vitest';
import { fixtureBytes } from '../../test/fixtures.ts';
import { SheetAnalyzer } from '../core/analysis/analyse.ts';
import { readWorkbook } from '../core/io/read.ts';
import { getValue } from '../core/model.ts';
import { nextTask } from '../core/nextTask.ts';
import { createInProcessSession } from '../worker/client.ts';
import type { OpenResult } from '../worker/session.ts';
import type { SessionApi } from '../worker/transport.ts';
import { WorkerStopped } from '../worker/workerStopped.ts';
import { activeSheet, createDocumentStore } from './documentStore.ts';

const file = (name: string, bytes = fixtureBytes(name)) => ({ name, arrayBuffer: async () => bytes.slice().buffer });

/** An in-process session whose next open shows a preview, then waits for the test to finish or stop it. */
function slowSession() {
  const inner = createInProcessSession();
  let finish!: (r: OpenResult) => void;
  let abort!: (e: unknown) => void;
  const calls: string[] = [];
  let slow = false;
  const session: SessionApi = {
    ...inner,
    openFile: async (name, buffer, options, onProgress, onPreview) => {
      if (!slow) return inner.openFile(name, buffer, options, onProgress, onPreview);
      slow = false; // only the next open is slow
      const { workbook } = readWorkbook(new Uint8Array(buffer instanceof Blob ? await buffer.arrayBuffer() : buffer), name, options);
      const sheet = workbook.sheets[0];
      onPreview?.({ kind: 'rows', workbook, sheetId: sheet.id, declaredRows: 9999 });
      onPreview?.({ kind: 'findings', analysis: new SheetAnalyzer(sheet, false).analyse() });
      return new Promise<OpenResult>((resolve, reject) => {
        finish = resolve;
        abort = reject;
      });
    },
    cancel: async () => {
      calls.push('cancel');
      abort(new WorkerStopped('cancelled'));
    },
    adopt: async (workbook, history, overrides) => {
      calls.push(`adopt ${workbook.source.fileName} ${history.past.length}`);
      return inner.adopt(workbook, history, overrides);
    },
  };
  return { session, calls, slowNext: () => (slow = true), finish: (r: OpenResult) => finish(r), inner };
}

async function withEditedDocument() {
  const s = slowSession();
  const store = createDocumentStore(s.session);
  expect(await store.getState().openFile(file('population.xlsx'))).toBe(true);
  store.getState().editCell(5, 1, '999');
  expect(store.getState().history.past).toHaveLength(1);
  s.slowNext();
  const pending = store.getState().openFile(file('ci-index.xlsx'));
  await nextTask();
  return { ...s, store, pending };
}

describe('loading a big file', () => {
  it('shows the first rows read-only: edits, undo, fixes and export do nothing until the file is whole', async () => {
    const { store, finish, pending, inner } = await withEditedDocument();
    const st = store.getState();
    expect(st.loading?.preview).toEqual({ rows: activeSheet(st)!.rowCount, declaredRows: 9999 });
    expect(st.workbook?.source.fileName).toBe('ci-index.xlsx');
    expect(Object.keys(st.findings)).toEqual([st.activeSheetId]);
    const before = getValue(activeSheet(st)!, 3, 1);
    st.editCell(3, 1, '123');
    st.undo();
    await st.fixAll();
    expect(await st.exportActive()).toBeNull();
    expect(getValue(activeSheet(store.getState())!, 3, 1)).toBe(before);
    expect(store.getState().history.past).toHaveLength(0);

    finish(await inner.openFile('ci-index.xlsx', fixtureBytes('ci-index.xlsx').slice().buffer, {}));
    expect(await pending).toBe(true);
    expect(store.getState().loading).toBeNull();
    expect(store.getState().workbook?.source.fileName).toBe('ci-index.xlsx');
  });

  it('Cancel brings back the previous document with its edits and undo history, in a fresh worker', async () => {
    const { store, calls, pending } = await withEditedDocument();
    expect(store.getState().workbook?.source.fileName).toBe('ci-index.xlsx');
    await store.getState().cancelLoad();
    expect(await pending).toBe(false);
    const st = store.getState();
    expect(st.loading).toBeNull();
    expect(st.error).toBeNull();
    expect(st.workbook?.source.fileName).toBe('population.xlsx');
    expect(getValue(activeSheet(st)!, 5, 1)).toBe(999);
    expect(calls).toEqual(['cancel', 'adopt population.xlsx 1']);
    // The adopted document works as before: undo reaches the worker replica too.
    st.undo();
    expect(getValue(activeSheet(store.getState())!, 5, 1)).not.toBe(999);
    const out = await store.getState().exportActive();
    expect(out?.ok).toBe(true);
  });

  it('after Cancel the previous file can still be read again with another text encoding', async () => {
    const s = slowSession();
    const store = createDocumentStore(s.session);
    expect(await store.getState().openFile(file('shelters-sjis.csv'))).toBe(true);
    s.slowNext();
    const pending = store.getState().openFile(file('ci-index.xlsx'));
    await nextTask();
    await store.getState().cancelLoad();
    expect(await pending).toBe(false);
    expect(await store.getState().reopen({ encoding: 'shift_jis' })).toBe(true);
    const st = store.getState();
    expect(st.error).toBeNull();
    expect(st.workbook?.source).toMatchObject({ fileName: 'shelters-sjis.csv', encoding: 'shift_jis', encodingDetected: false });
  });

  it('a read that fails after its preview was shown brings back the previous document and says why', async () => {
    const { store, finish, pending } = await withEditedDocument();
    finish({ ok: false, fileName: 'ci-index.xlsx', error: { code: 'too-many-cells' } });
    expect(await pending).toBe(false);
    const st = store.getState();
    expect(st.error?.info.code).toBe('too-many-cells');
    expect(st.workbook?.source.fileName).toBe('population.xlsx');
    expect(st.history.past).toHaveLength(1);
  });
});

describe('analysis', () => {
  it('a failed analysis is reported, not left spinning; the document stays open', async () => {
    const inner = createInProcessSession();
    const store = createDocumentStore({ ...inner, analyse: async () => Promise.reject(new RangeError('Maximum call stack size exceeded')) });
    expect(await store.getState().openFile(file('population.xlsx'))).toBe(true);
    await nextTask();
    const st = store.getState();
    expect(st.analysing).toBe(false);
    expect(st.analysisFailed).toBe('RangeError: Maximum call stack size exceeded');
    expect(st.workbook?.source.fileName).toBe('population.xlsx');
  });
});
