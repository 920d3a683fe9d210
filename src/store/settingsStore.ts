// UI settings. Only the language is kept across visits (a preference, not user data).
import { createStore } from 'zustand/vanilla';

export type Lang = 'ja' | 'en';

const KEY = 'seiton.lang';

function initialLang(): Lang {
  try {
    const saved = globalThis.localStorage?.getItem(KEY);
    if (saved === 'ja' || saved === 'en') return saved;
  } catch {
    // storage blocked: fall back to Japanese
  }
  return 'ja';
}

export interface SettingsState {
  lang: Lang;
  setLang(lang: Lang): void;
}

export const settingsStore = createStore<SettingsState>()((set) => ({
  lang: initialLang(),
  setLang: (lang) => {
    try {
      globalThis.localStorage?.setItem(KEY, lang);
    } catch {
      // not persisted; still switch
    }
    set({ lang });
  },
}));
