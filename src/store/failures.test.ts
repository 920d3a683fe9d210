// Async actions that fail: every busy flag comes down, the failure is recorded for the
// alert, and the document and its undo history stay exactly as they were.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { documentContents } from '../../test/documentContents.ts';
import { fixtureBytes } from '../../test/fixtures.ts';
import { SheetAnalyzer } from '../core/analysis/analyse.ts';
import type { Change } from '../core/changes.ts';
import { nextTask } from '../core/nextTask.ts';
import { createInProcessSession } from '../worker/client.ts';
import type { SessionApi } from '../worker/transport.ts';
import { WorkerStopped } from '../worker/workerStopped.ts';
import { type DocumentStore, createDocumentStore } from './documentStore.ts';

const file = (name: string) => ({ name, arrayBuffer: async () => fixtureBytes(name).slice().buffer });

async function csvOf(store: DocumentStore) {
  const out = await store.getState().exportActive();
  if (!out?.ok) throw new Error('export failed');
  return new TextDecoder().decode(out.file.bytes);
}

/** A store on `session` with population.xlsx open, analysed, and one edit on its history. */
async function editedStore(session: SessionApi = createInProcessSession()) {
  const store = createDocumentStore(session);
  expect(await store.getState().openFile(file('population.xlsx'))).toBe(true);
  await vi.waitFor(() => expect(store.getState().findings.s1).toBeDefined());
  store.getState().editCell(5, 1, '1');
  await nextTask(); // the edit reaches the worker
  return store;
}

/** What must not change when an action fails. */
function snapshot(store: DocumentStore) {
  const s = store.getState();
  return { document: documentContents(s.workbook), history: s.history, version: s.version, total: s.findings.s1?.total };
}

const rejecting = (e: Error) => async () => Promise.reject(e);

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a failed 「すべて修正」', () => {
  it('in the worker, after its fixes went in: nothing is applied here, the worker put its copy back, the failure names the cause', async () => {
    const store = await editedStore();
    const before = snapshot(store);
    const csv = await csvOf(store);
    // The fixes succeed; judging the fixed sheet throws (the worker's fix-all rolls back).
    vi.spyOn(SheetAnalyzer.prototype, 'analyse').mockImplementationOnce(() => {
      throw new RangeError('analysis broke');
    });
    await store.getState().fixAll();
    const st = store.getState();
    expect(st.fixing).toBe(false);
    expect(st.failure).toEqual({ action: 'fixAll', workerStopped: false, detail: 'RangeError: analysis broke' });
    expect(snapshot(store)).toEqual(before);
    expect(st.history.past.map((c) => c.step.kind)).toEqual(['edit']);
    expect(await csvOf(store)).toBe(csv);

    // Nothing is left behind: a second press works, and one undo takes it back.
    st.dismissFailure();
    await store.getState().fixAll();
    expect(store.getState().failure).toBeNull();
    expect(store.getState().history.past.map((c) => c.step.kind)).toEqual(['edit', 'fixAll']);
    store.getState().undo();
    expect(documentContents(store.getState().workbook)).toBe(before.document);
  });

  it('here, when its changes cannot be applied to this copy: this copy is put back and the worker takes it over', async () => {
    const inner = createInProcessSession();
    const adopted: number[] = [];
    const session: SessionApi = {
      ...inner,
      fixAll: async (command, onProgress) => {
        const result = await inner.fixAll(command, onProgress);
        // A change this copy refuses after all the others (a sheet it does not have).
        const broken: Change = { kind: 'merge', sheetId: 'nowhere', op: 'add', range: { s: { r: 0, c: 0 }, e: { r: 1, c: 0 } }, ruleId: 'merged-cells' };
        return { ...result, changes: [...result.changes, broken] };
      },
      adopt: async (workbook, history, overrides) => {
        adopted.push(history.past.length);
        return inner.adopt(workbook, history, overrides);
      },
    };
    const store = await editedStore(session);
    const before = snapshot(store);
    const csv = await csvOf(store);
    await store.getState().fixAll();
    expect(store.getState().fixing).toBe(false);
    expect(store.getState().failure?.action).toBe('fixAll');
    expect(store.getState().failure?.detail).toMatch(/nowhere/);
    expect(snapshot(store)).toEqual(before);
    // The worker had applied and recorded the fix-all: it was given this copy instead.
    await vi.waitFor(() => expect(adopted).toEqual([1]));
    expect(await csvOf(store)).toBe(csv);
  });

  it('when the worker dies meanwhile: reported, the fresh worker adopts the document with its history', async () => {
    const inner = createInProcessSession();
    const listeners = new Set<() => void>();
    let pending: ((e: unknown) => void) | undefined;
    const adopted: number[] = [];
    const session: SessionApi = {
      ...inner,
      fixAll: () => new Promise((_, reject) => (pending = reject)),
      adopt: async (workbook, history, overrides) => {
        adopted.push(history.past.length);
        return inner.adopt(workbook, history, overrides);
      },
      onCrash: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
    const store = await editedStore(session);
    const before = snapshot(store);
    const running = store.getState().fixAll();
    expect(store.getState().fixing).toBe(true);
    // What the client does when the worker fires `error`: listeners first, then the pending calls reject.
    for (const listener of listeners) listener();
    pending!(new WorkerStopped('crashed'));
    await running;
    const st = store.getState();
    expect(st.fixing).toBe(false);
    expect(st.failure).toMatchObject({ action: 'fixAll', workerStopped: true });
    expect(adopted).toEqual([1]);
    expect(snapshot(store).document).toBe(before.document);
    expect(st.history).toBe(before.history);
    // The adopted worker answers for the document: its edit is in the download.
    expect(await csvOf(store)).toContain('全 国,1,');
  });

  it('pressed again while the fresh worker takes over: the worker adopts first, its analysis does not drop the result', async () => {
    const inner = createInProcessSession();
    const listeners = new Set<() => void>();
    let adopted!: Promise<void>;
    const session: SessionApi = {
      ...inner,
      adopt: (workbook, history, overrides) => (adopted = inner.adopt(workbook, history, overrides)),
      // The worker answers in the order it was asked: the adoption, then fix-all.
      fixAll: async (command, onProgress) => {
        await adopted;
        return inner.fixAll(command, onProgress);
      },
      onCrash: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
    const store = await editedStore(session);
    for (const listener of listeners) listener();
    await store.getState().fixAll();
    await vi.waitFor(() => expect(store.getState().analysing).toBe(false));
    const st = store.getState();
    expect(st.history.past.map((c) => c.step.kind)).toEqual(['edit', 'fixAll']);
    expect(st.workbook!.sheets[0].merges).toEqual([]);
    // The worker holds the same fixed document.
    expect(await csvOf(store)).toContain('全国,1,');
  });

  it('a document opened while it runs: its result is dropped and the flag still comes down', async () => {
    const inner = createInProcessSession();
    let finish: (() => void) | undefined;
    const session: SessionApi = {
      ...inner,
      fixAll: async (command, onProgress) => {
        await new Promise<void>((resolve) => (finish = resolve));
        return inner.fixAll(command, onProgress);
      },
    };
    const store = await editedStore(session);
    const running = store.getState().fixAll();
    expect(await store.getState().openFile(file('ci-index.xlsx'))).toBe(true);
    finish!();
    await running;
    expect(store.getState().fixing).toBe(false);
    expect(store.getState().history.past).toEqual([]);
    expect(store.getState().workbook?.source.fileName).toBe('ci-index.xlsx');
  });
});

describe('other actions that fail', () => {
  it('a structure correction: the flag comes down, the sheet keeps its corrections, the failure is recorded', async () => {
    const inner = createInProcessSession();
    const store = await editedStore({ ...inner, setOverrides: rejecting(new Error('setOverrides broke')) });
    const findings = store.getState().findings.s1;
    await store.getState().setOverrides('s1', [{ sheetId: 's1', table: 0, headerRows: { start: 2, end: 2 } }]);
    const st = store.getState();
    expect(st.analysing).toBe(false);
    expect(st.overrides).toEqual({});
    expect(st.findings.s1).toBe(findings);
    expect(st.failure).toEqual({ action: 'setOverrides', workerStopped: false, detail: 'Error: setOverrides broke' });
  });

  it('a preview, a download and a recipe: each recorded under its name, no flag left up, nothing applied', async () => {
    const inner = createInProcessSession();
    const store = await editedStore({
      ...inner,
      planFix: rejecting(new Error('planFix broke')),
      export: rejecting(new Error('export broke')),
      planRecipe: rejecting(new Error('planRecipe broke')),
    });
    const before = snapshot(store);
    const recipe = store.getState().recipe()!;

    await store.getState().previewFix('merged-cells');
    expect(store.getState().preview).toBeNull();
    expect(store.getState().failure).toMatchObject({ action: 'previewFix', detail: 'Error: planFix broke' });

    expect(await store.getState().exportActive()).toBeNull();
    expect(store.getState().failure).toMatchObject({ action: 'export', detail: 'Error: export broke' });

    expect(await store.getState().applyRecipe(recipe)).toBeNull();
    expect(store.getState().failure).toMatchObject({ action: 'applyRecipe', detail: 'Error: planRecipe broke' });
    expect(store.getState().fixing).toBe(false);
    expect(snapshot(store)).toEqual(before);
  });

  it('a flag held by two actions comes down when the last of them is done', async () => {
    const inner = createInProcessSession();
    const waiting: (() => void)[] = [];
    const store = await editedStore({
      ...inner,
      setOverrides: async (sheetId, overrides) => {
        await new Promise<void>((resolve) => waiting.push(resolve));
        return inner.setOverrides(sheetId, overrides);
      },
    });
    const first = store.getState().setOverrides('s1', []);
    const second = store.getState().setOverrides('s1', []);
    expect(store.getState().analysing).toBe(true);
    waiting[0]();
    await first;
    expect(store.getState().analysing).toBe(true);
    waiting[1]();
    await second;
    expect(store.getState().analysing).toBe(false);
  });

  it('a change the worker fails to mirror is reported and the worker is given the document again', async () => {
    const inner = createInProcessSession();
    const adopted: number[] = [];
    const store = await editedStore({
      ...inner,
      apply: rejecting(new Error('replica out of step')),
      adopt: async (workbook, history, overrides) => {
        adopted.push(history.past.length);
        return inner.adopt(workbook, history, overrides);
      },
    });
    await vi.waitFor(() => expect(adopted).toEqual([1]));
    expect(store.getState().failure).toMatchObject({ action: 'mirror', detail: 'Error: replica out of step' });
    expect(await csvOf(store)).toContain('全 国,1,');
  });
});
