import { describe, expect, it } from 'vitest';
import { fixtureBytes } from '../../test/fixtures.ts';
import { getValue } from '../core/model.ts';
import { createDocumentStore } from '../store/documentStore.ts';
import { createInProcessSession } from './client.ts';
import type { SavedSession, SessionPersistence } from './session.ts';

function memory(): SessionPersistence & { saved?: SavedSession } {
  const m: SessionPersistence & { saved?: SavedSession } = {
    save: async (s) => {
      m.saved = structuredClone(s);
    },
    load: async () => m.saved && structuredClone(m.saved),
    clear: async () => {
      m.saved = undefined;
    },
  };
  return m;
}

const file = (name: string) => ({ name, arrayBuffer: async () => fixtureBytes(name).slice().buffer });
const settle = () => new Promise((r) => setTimeout(r, 1200)); // past the autosave delay

describe('autosave', () => {
  it('edits and their undo history come back after a reload', async () => {
    const persistence = memory();
    const first = createDocumentStore(createInProcessSession(persistence));
    expect(await first.getState().openFile(file('population.xlsx'))).toBe(true);
    first.getState().editCell(5, 1, '1');
    first.getState().editCell(6, 1, '2');
    first.getState().undo();
    await settle();
    expect(persistence.saved?.history.past).toHaveLength(1);
    expect(persistence.saved?.history.future).toHaveLength(1);

    // A new page: a new store and worker, the same browser storage.
    const second = createDocumentStore(createInProcessSession(persistence));
    await second.getState().checkSaved();
    expect(second.getState().savedSession).toMatchObject({ fileName: 'population.xlsx', steps: 1 });
    expect(await second.getState().restoreSaved()).toBe(true);
    const sheet = second.getState().workbook!.sheets[0];
    expect(getValue(sheet, 5, 1)).toBe(1);
    expect(getValue(sheet, 6, 1)).toBe(5683);
    expect(second.getState().history.past).toHaveLength(1);
    second.getState().redo();
    expect(getValue(second.getState().workbook!.sheets[0], 6, 1)).toBe(2);
    second.getState().undo();
    second.getState().undo();
    expect(getValue(second.getState().workbook!.sheets[0], 5, 1)).toBe(126926);
  });

  it('a restored session cannot be read again with another encoding: it says so and stays open', async () => {
    const persistence = memory();
    const first = createDocumentStore(createInProcessSession(persistence));
    await first.getState().openFile(file('shelters-sjis.csv'));
    await settle();
    const second = createDocumentStore(createInProcessSession(persistence));
    await second.getState().checkSaved();
    expect(await second.getState().restoreSaved()).toBe(true);
    expect(await second.getState().reopen({ encoding: 'utf-8' })).toBe(false);
    const st = second.getState();
    expect(st.error).toMatchObject({ fileName: 'shelters-sjis.csv', info: { code: 'internal', detail: expect.stringContaining('restored session') } });
    expect(st.workbook?.source).toMatchObject({ fileName: 'shelters-sjis.csv', encoding: 'shift_jis' });
  });

  it('clearing removes the saved session', async () => {
    const persistence = memory();
    const store = createDocumentStore(createInProcessSession(persistence));
    await store.getState().openFile(file('ci-index.xlsx'));
    await settle();
    expect(persistence.saved).toBeDefined();
    await store.getState().clearSaved();
    expect(persistence.saved).toBeUndefined();
  });
});
