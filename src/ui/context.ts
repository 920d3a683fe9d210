// React access to the stores: the document store is created once in main.tsx (it
// owns the worker) and provided here; the settings store is a module singleton.
import { createContext, useCallback, useContext } from 'react';
import { useStore } from 'zustand';
import type { DocumentActions, DocumentState, DocumentStore } from '../store/documentStore.ts';
import { settingsStore } from '../store/settingsStore.ts';
import { type MessageKey, type Params, translate } from './i18n.ts';

export const DocumentStoreContext = createContext<DocumentStore | null>(null);

export function useDocumentStore(): DocumentStore {
  const store = useContext(DocumentStoreContext);
  if (!store) throw new Error('DocumentStoreContext is not provided');
  return store;
}

export function useDoc<T>(selector: (s: DocumentState & DocumentActions) => T): T {
  return useStore(useDocumentStore(), selector);
}

export function useLang() {
  return useStore(settingsStore, (s) => s.lang);
}

export function useT(): (key: MessageKey, params?: Params) => string {
  const lang = useLang();
  return useCallback((key: MessageKey, params?: Params) => translate(lang, key, params), [lang]);
}
