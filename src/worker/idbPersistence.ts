// The autosave's home in the browser: one IndexedDB record (idb-keyval), written from
// the worker so that storing a 100,000-row document never blocks the page.
import { del, get, set } from 'idb-keyval';
import type { SavedSession, SessionPersistence } from './session.ts';

const KEY = 'seiton.session';

export const idbPersistence: SessionPersistence = {
  save: (session: SavedSession) => set(KEY, session),
  load: () => get<SavedSession>(KEY),
  clear: () => del(KEY),
};
